import type { ReviewSheetRow } from '../../domain/review/review-entries.js';
import { reviewRowsFromGrid } from '../../domain/review/review-grid.js';
import { REVIEW_HEADERS, REVIEW_TAB } from '../../domain/review/review-tab.js';
import type { GoogleApis, SpreadsheetId } from './google-apis.js';
import { readSpreadsheetTabs } from './spreadsheet-tabs.js';

/**
 * The "Duyệt báo cáo" tab of the Google summary spreadsheet: its rows (cell text by header), and who
 * decided — the spreadsheet's last editor as Drive names them, asked only when a decision is typed.
 * No tab yet: no rows. A last edit by tonghop's own account names nobody (the caller says "Quận Đoàn").
 */
export async function readGoogleReviewSheet(
  api: GoogleApis,
  spreadsheetId: SpreadsheetId,
): Promise<{ rows: ReviewSheetRow[]; editedBy?: string }> {
  const [tab] = await readSpreadsheetTabs(api, spreadsheetId, [REVIEW_TAB]);
  if (!tab) return { rows: [] };
  const grid: string[][] = [];
  for (const row of tab.rows) {
    // Rows Sheets leaves out are empty: they end the table as an empty row would.
    while (grid.length < row.rowNumber - 1) grid.push([]);
    grid.push(row.cells.map((cell) => (typeof cell === 'string' || typeof cell === 'number' ? String(cell) : '')));
  }
  const rows = reviewRowsFromGrid(grid);
  if (!rows.some((row) => (row[REVIEW_HEADERS.decision] ?? '') !== '')) return { rows };
  const editedBy = await lastEditor(api, spreadsheetId);
  return editedBy ? { rows, editedBy } : { rows };
}

/** The display name (else the email) of the spreadsheet's last editor, unless that is tonghop's own account. */
async function lastEditor(api: GoogleApis, fileId: SpreadsheetId): Promise<string | undefined> {
  const response = await api.pacer.run('drive', 'files.get', () =>
    api.drive.files.get({ fileId, fields: 'lastModifyingUser(displayName,emailAddress,me)', supportsAllDrives: true }),
  );
  const user = response.data.lastModifyingUser;
  if (!user || user.me) return undefined;
  const name = (user.displayName ?? '').normalize('NFC').trim();
  return name || (user.emailAddress ?? '').trim() || undefined;
}
