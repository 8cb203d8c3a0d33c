import type { ReviewEntry } from './accept-review-entry.js';
import { parseReviewDecision } from './review-decision.js';
import { REVIEW_HEADERS } from './review-tab.js';

/** One data row of "Duyệt báo cáo" as read back: cell text by header. */
export type ReviewSheetRow = Readonly<Record<string, string>>;

/**
 * The decisions typed in "Duyệt báo cáo": rows with a 'Quyết định' and a 'Mã báo cáo'. An empty
 * 'Quyết định' is no entry (clearing a cell never withdraws a stored decision); an unknown word is a problem.
 */
export function reviewEntriesFromRows(rows: readonly ReviewSheetRow[]): { entries: ReviewEntry[]; problems: string[] } {
  const entries: ReviewEntry[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const cell = (header: string) => (row[header] ?? '').normalize('NFC').trim();
    const typed = cell(REVIEW_HEADERS.decision);
    const submissionId = cell(REVIEW_HEADERS.submissionId);
    if (typed === '' || submissionId === '') continue;
    const label = [cell(REVIEW_HEADERS.unit), cell(REVIEW_HEADERS.form), cell(REVIEW_HEADERS.period)]
      .filter((part) => part !== '')
      .join(' — ');
    const decision = parseReviewDecision(typed);
    if (!decision) {
      problems.push(`Quyết định '${typed}' cho ${label} không được ghi nhận: hãy chọn 'Đã duyệt' hoặc 'Cần bổ sung'.`);
      continue;
    }
    entries.push({
      submissionId,
      shownVersion: cell(REVIEW_HEADERS.version),
      decision,
      comment: cell(REVIEW_HEADERS.comment),
      label,
    });
  }
  return { entries, problems };
}
