import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RawCell } from '../../domain/cells/raw-cell.js';
import { DISTRICT_REVIEWER } from '../../domain/review/review-decision.js';
import type { ReviewSheetRow } from '../../domain/review/review-entries.js';
import { reviewRowsFromGrid } from '../../domain/review/review-grid.js';
import { REVIEW_TAB } from '../../domain/review/review-tab.js';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { readWorkbookTabs } from '../xlsx/read-workbook.js';

/**
 * The "Duyệt báo cáo" tab of a summary workbook: the rows under its header (until the first empty
 * row), cell text by header. No file or no tab yet: no rows. Who decided is "Quận Đoàn" — an
 * .xlsx file's "last modified by" names a computer account at best, so it is not taken as a person.
 * The file is read like a unit's (readWorkbookTabs: size limits checked on the streamed zip before
 * parsing, one parse at a time), so a damaged file, a zip bomb or a million-row tab put in its place
 * gives no rows and a Vietnamese `problem` instead of stopping the district's run.
 */
export async function readReviewSheet(
  file: string,
): Promise<{ rows: ReviewSheetRow[]; editedBy: string; problem?: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { rows: [], editedBy: DISTRICT_REVIEWER };
  }
  let tab;
  try {
    tab = (await readWorkbookTabs(bytes, path.basename(file))).find((t) => t.name === REVIEW_TAB);
  } catch (error) {
    if (!(error instanceof SheetReadError)) throw error;
    return {
      rows: [],
      editedBy: DISTRICT_REVIEWER,
      problem: `Không đọc được trang "${REVIEW_TAB}" của bảng tổng hợp nên các quyết định gõ trong đó chưa được ghi nhận: ${error.message} Bảng tổng hợp vừa được ghi lại; hãy gõ lại quyết định vào trang "${REVIEW_TAB}" mới.`,
    };
  }
  if (!tab) return { rows: [], editedBy: DISTRICT_REVIEWER };
  // Rows missing from the file are empty rows: one stands for any gap, which is where the table ends.
  const grid: string[][] = [];
  let previous = 0;
  for (const row of tab.rows) {
    if (row.rowNumber > previous + 1) grid.push([]);
    grid.push(row.cells.map(cellText));
    previous = row.rowNumber;
  }
  return { rows: reviewRowsFromGrid(grid), editedBy: DISTRICT_REVIEWER };
}

/** What a reviewer sees in a cell of the tab: its text, a number as written; error values and unsaved formulas as empty. */
function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.normalize('NFC').trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return cell.toISOString();
  return '';
}
