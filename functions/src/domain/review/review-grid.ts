import type { ReviewSheetRow } from './review-entries.js';
import { REVIEW_HEADERS } from './review-tab.js';

/**
 * The data rows of a "Duyệt báo cáo" tab given as cell texts, row by row: those under the first row that
 * has both 'Mã báo cáo' and 'Quyết định', until the first empty row, each as cell text by header.
 */
export function reviewRowsFromGrid(grid: readonly (readonly string[])[]): ReviewSheetRow[] {
  let headers: string[] | undefined;
  const rows: ReviewSheetRow[] = [];
  for (const line of grid) {
    const texts = line.map((text) => text.normalize('NFC').trim());
    if (!headers) {
      if (texts.includes(REVIEW_HEADERS.submissionId) && texts.includes(REVIEW_HEADERS.decision)) headers = texts;
      continue;
    }
    if (texts.every((t) => t === '')) break;
    rows.push(Object.fromEntries(headers.map((h, c) => [h, texts[c] ?? ''])));
  }
  return rows;
}
