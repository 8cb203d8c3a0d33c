import type { sheets_v4 } from '@googleapis/sheets';
import type { RawCell } from '../../domain/cells/raw-cell.js';
import { STANDING_TAB } from '../../domain/feedback/unit-feedback.js';
import type { SheetRow, SheetTab } from '../../domain/forms/read-form-tab.js';
import { GoogleApiError } from './google-api-error.js';
import type { GoogleApis, SpreadsheetId } from './google-apis.js';
import { valueRangesOf, type CellWrite, type FeedbackPlan } from './feedback-cells.js';
import { rawCellOfSheetsValue } from './spreadsheet-tabs.js';

/** Rows and columns a new standing tab gets beyond what it needs now, so it can grow without resizing. */
const STANDING_SPARE_ROWS = 50;
const MIN_STANDING_COLUMNS = 10;

/**
 * Apply a feedback plan: add the standing tab if missing (one `batchUpdate`), then every changed
 * cell in one `values.batchUpdate` with RAW input, so no text ever turns into a formula. When a
 * status column falls outside a tab's grid, Sheets refuses (400): the grid is widened and the
 * write sent once more. Returns how many requests changed the spreadsheet, and the tabs as they are now.
 */
export async function writeFeedbackCells(
  api: GoogleApis,
  spreadsheetId: SpreadsheetId,
  tabs: readonly SheetTab[],
  plan: FeedbackPlan,
): Promise<{ requests: number; tabs: SheetTab[] }> {
  let requests = 0;
  if (plan.standingMissing) {
    await api.pacer.run('write', 'spreadsheets.batchUpdate', () =>
      api.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: [addStandingTab(plan)] } }),
    );
    requests++;
  }
  const send = () =>
    api.pacer.run('write', 'values.batchUpdate', () =>
      api.sheets.spreadsheets.values.batchUpdate({
        spreadsheetId,
        requestBody: { valueInputOption: 'RAW', data: valueRangesOf(plan.writes) },
      }),
    );
  try {
    await send();
  } catch (error) {
    if (!(error instanceof GoogleApiError && error.failure === 'bad-request')) throw error;
    if ((await widenGrids(api, spreadsheetId, plan.writes)) === 0) throw error;
    requests++;
    await send();
  }
  requests++;
  return { requests, tabs: applyWrites(tabs, plan.writes) };
}

function addStandingTab(plan: FeedbackPlan): sheets_v4.Schema$Request {
  return {
    addSheet: {
      properties: {
        title: STANDING_TAB,
        gridProperties: {
          rowCount: plan.standingSize.rows + STANDING_SPARE_ROWS,
          columnCount: Math.max(plan.standingSize.columns, MIN_STANDING_COLUMNS),
        },
      },
    },
  };
}

/** Append rows or columns to the tabs the writes overflow; returns how many tabs were widened (one request for all). */
async function widenGrids(
  api: GoogleApis,
  spreadsheetId: SpreadsheetId,
  writes: readonly CellWrite[],
): Promise<number> {
  const meta = await api.pacer.run('read', 'spreadsheets.get', () =>
    api.sheets.spreadsheets.get({
      spreadsheetId,
      fields: 'sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))',
    }),
  );
  const requests: sheets_v4.Schema$Request[] = [];
  for (const sheet of meta.data.sheets ?? []) {
    const { sheetId, title, gridProperties } = sheet.properties ?? {};
    const mine = writes.filter((w) => w.tab === title);
    if (sheetId === undefined || sheetId === null || mine.length === 0) continue;
    const rows = Math.max(...mine.map((w) => w.row)) - (gridProperties?.rowCount ?? 0);
    const columns = Math.max(...mine.map((w) => w.column + 1)) - (gridProperties?.columnCount ?? 0);
    if (rows > 0) requests.push({ appendDimension: { sheetId, dimension: 'ROWS', length: rows } });
    if (columns > 0) requests.push({ appendDimension: { sheetId, dimension: 'COLUMNS', length: columns } });
  }
  if (requests.length === 0) return 0;
  await api.pacer.run('write', 'spreadsheets.batchUpdate', () =>
    api.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }),
  );
  return requests.length;
}

/** The tabs as a read after the writes would return them (the standing tab added if it was missing). */
export function applyWrites(tabs: readonly SheetTab[], writes: readonly CellWrite[]): SheetTab[] {
  const result = tabs.map((tab) => ({
    name: tab.name,
    rows: new Map(tab.rows.map((row) => [row.rowNumber, [...row.cells]])),
  }));
  for (const write of writes) {
    let tab = result.find((t) => t.name === write.tab);
    if (!tab) result.push((tab = { name: write.tab, rows: new Map() }));
    const cells = tab.rows.get(write.row) ?? [];
    while (cells.length <= write.column) cells.push(null);
    cells[write.column] = rawCellOfSheetsValue(write.value);
    tab.rows.set(write.row, cells);
  }
  return result.map(({ name, rows }) => ({
    name,
    rows: [...rows.entries()].sort(([a], [b]) => a - b).flatMap(([rowNumber, cells]) => trimmedRow(rowNumber, cells)),
  }));
}

/** A row as a read returns it: trailing empty cells dropped, an all-empty row absent. */
function trimmedRow(rowNumber: number, cells: RawCell[]): SheetRow[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === null || cells[end - 1] === undefined)) end--;
  return end === 0 ? [] : [{ rowNumber, cells: cells.slice(0, end) }];
}
