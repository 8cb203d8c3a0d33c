import type { ReviewEntry } from './accept-review-entry.js';
import { parseReviewDecision, REVIEW_LABELS } from './review-decision.js';
import { REVIEW_HEADERS } from './review-tab.js';
import { formatVietnameseNumber } from '../cells/number-format.js';

/** One data row of "Duyệt báo cáo" as read back: cell text by header. */
export type ReviewSheetRow = Readonly<Record<string, string>>;

/** The longest 'Nhận xét' recorded: it is mailed to the unit and shown in its "Tình hình nộp" note. */
export const MAX_REVIEW_COMMENT = 2_000;
/** How much of a typed cell a message quotes: a hostile 32,767-character cell stays out of every message. */
const QUOTED_CHARS = 120;

/**
 * The decisions typed in "Duyệt báo cáo": rows with a 'Quyết định' and a 'Mã báo cáo'. An empty
 * 'Quyết định' is no entry (clearing a cell never withdraws a stored decision); an unknown word, a 'Nhận xét'
 * longer than MAX_REVIEW_COMMENT, or one report on several rows that disagree is a problem, and no entry.
 */
export function reviewEntriesFromRows(rows: readonly ReviewSheetRow[]): { entries: ReviewEntry[]; problems: string[] } {
  const typed: ReviewEntry[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const cell = (header: string) => (row[header] ?? '').normalize('NFC').trim();
    const word = cell(REVIEW_HEADERS.decision);
    const submissionId = cell(REVIEW_HEADERS.submissionId);
    if (word === '' || submissionId === '') continue;
    const label = [cell(REVIEW_HEADERS.unit), cell(REVIEW_HEADERS.form), cell(REVIEW_HEADERS.period)]
      .filter((part) => part !== '')
      .map(quoted)
      .join(' — ');
    const decision = parseReviewDecision(word);
    if (!decision) {
      problems.push(
        `Quyết định '${quoted(word)}' cho ${label} không được ghi nhận: hãy chọn 'Đã duyệt' hoặc 'Cần bổ sung'.`,
      );
      continue;
    }
    const comment = cell(REVIEW_HEADERS.comment);
    // UTF-16 units: Vietnamese letters are one each, and a cell of 32,767 is measured without splitting it.
    const length = comment.length;
    if (length > MAX_REVIEW_COMMENT) {
      problems.push(
        `Quyết định '${REVIEW_LABELS[decision]}' cho ${label} không được ghi nhận: 'Nhận xét' dài ${formatVietnameseNumber(length)} ký tự; hãy viết gọn trong ${formatVietnameseNumber(MAX_REVIEW_COMMENT)} ký tự.`,
      );
      continue;
    }
    typed.push({ submissionId, shownVersion: cell(REVIEW_HEADERS.version), decision, comment, label });
  }
  const { entries, conflicts } = onePerReport(typed);
  return { entries, problems: [...problems, ...conflicts] };
}

/**
 * One entry per report: rows repeating the same entry count once; rows naming one report with different
 * decisions, comments or versions are all refused, so a pasted block of rows records nothing twice.
 */
function onePerReport(typed: readonly ReviewEntry[]): { entries: ReviewEntry[]; conflicts: string[] } {
  const byReport = new Map<string, ReviewEntry[]>();
  for (const entry of typed) {
    const same = byReport.get(entry.submissionId);
    if (same) same.push(entry);
    else byReport.set(entry.submissionId, [entry]);
  }
  const entries: ReviewEntry[] = [];
  const conflicts: string[] = [];
  for (const same of byReport.values()) {
    const [first] = same;
    if (!first) continue;
    const agree = same.every(
      (e) => e.decision === first.decision && e.comment === first.comment && e.shownVersion === first.shownVersion,
    );
    if (agree) entries.push(first);
    else
      conflicts.push(
        `Báo cáo ${first.label} có ${formatVietnameseNumber(same.length)} dòng với quyết định hoặc nhận xét khác nhau ở trang Duyệt báo cáo: không quyết định nào được ghi nhận. Hãy để mỗi báo cáo một dòng.`,
      );
  }
  return { entries, conflicts };
}

/** A typed cell as a message quotes it: at most QUOTED_CHARS characters, one line. */
function quoted(text: string): string {
  // Only the start is looked at: a 32,767-character cell costs no more than a short one.
  const chars = [...text.slice(0, 2 * QUOTED_CHARS + 2).replace(/\s+/g, ' ')];
  return chars.length > QUOTED_CHARS ? `${chars.slice(0, QUOTED_CHARS).join('').trimEnd()}…` : chars.join('');
}
