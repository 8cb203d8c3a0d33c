import type { sheets_v4 } from '@googleapis/sheets';
import type { Readable } from 'node:stream';
import type { RawCell } from '../../domain/cells/raw-cell.js';
import { findTab, type SheetRow, type SheetTab } from '../../domain/forms/read-form-tab.js';
import { columnIndex, columnLetter } from '../../domain/sheets/a1.js';
import { DEFAULT_SHEET_LIMITS } from '../../domain/sheets/sheet-limits.js';
import { GoogleApiError } from './google-api-error.js';
import type { GoogleApis, SpreadsheetId } from './google-apis.js';
import { readCapped } from './read-capped.js';

/**
 * Reading a spreadsheet's tabs as every sheet adapter hands them to the domain: one
 * `values.batchGet` for all the wanted tabs, values unformatted and dates as serial numbers
 * (the domain reads serials in date and time columns, as it does for workbook cells).
 */

/** A tab name as an A1 range: the whole tab, quoted ('Đăng ký tập huấn', 'It''s'). */
export function wholeTabRange(tab: string): string {
  return `'${tab.replace(/'/g, "''")}'`;
}

/** Spreadsheet error values as Sheets renders them; they arrive as strings. */
const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!|SPILL!|CALC!|GETTING_DATA)$/;

/** One value of a `values.batchGet` (UNFORMATTED_VALUE, SERIAL_NUMBER) as a RawCell. */
export function rawCellOfSheetsValue(value: unknown): RawCell {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'string' || value === '') return null;
  return ERROR_VALUE.test(value) ? { error: value } : value;
}

/**
 * Read the named tabs (matched like the domain matches them: case, accents and spacing aside), or
 * with `maxRows` / `maxColumns` only that many rows / columns of each.
 * When a name is not a tab of the spreadsheet, Sheets refuses the whole request (400); then one
 * metadata request finds the tabs that do exist and one more batchGet reads those, so a unit
 * that renamed or lacks a tab costs two requests more, and everyone else exactly one.
 * `alsoRead`, given every tab title, names more tabs for that second batchGet (a form's tab the
 * unit renamed, recognised later by its header row).
 */
export async function readSpreadsheetTabs(
  api: GoogleApis,
  spreadsheetId: SpreadsheetId,
  wanted: readonly string[],
  bounds: TabBounds = {},
  alsoRead?: AlsoRead,
): Promise<SheetTab[]> {
  if (wanted.length === 0) return [];
  try {
    return await batchGetTabs(api, spreadsheetId, unique(wanted), bounds);
  } catch (error) {
    if (!(error instanceof GoogleApiError && error.failure === 'bad-request')) throw error;
  }
  const titles = await tabTitles(api, spreadsheetId);
  const present = unique(
    wanted.flatMap(
      (name) =>
        findTab(
          titles.map((title) => ({ name: title })),
          name,
        )?.name ?? [],
    ),
  );
  const names = unique([...present, ...(alsoRead?.(titles) ?? [])]);
  return names.length === 0 ? [] : batchGetTabs(api, spreadsheetId, names, bounds);
}

/** More tabs to read once a wanted tab turned out absent, chosen from every tab title of the spreadsheet. */
export type AlsoRead = (titles: readonly string[]) => readonly string[];

/** Titles of every tab of a spreadsheet (one metadata request). */
export async function tabTitles(api: GoogleApis, spreadsheetId: SpreadsheetId): Promise<string[]> {
  const response = await api.pacer.run('read', 'spreadsheets.get', () =>
    api.sheets.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties.title' }),
  );
  return (response.data.sheets ?? []).flatMap((sheet) => sheet.properties?.title ?? []);
}

/** How much of each tab to fetch; whole tabs when absent. */
export interface TabBounds {
  readonly maxRows?: number;
  readonly maxColumns?: number;
  /**
   * Bytes of the whole response (default: the limit of one inflated part of an .xlsx). Rows and
   * columns alone do not bound it: a cell may hold 50,000 characters.
   */
  readonly maxBytes?: number;
}

/** A tab's A1 range within the bounds: 'Tab', 'Tab'!1:20001, 'Tab'!A1:GS20001 (a huge tab costs bounded memory). */
export function boundedTabRange(tab: string, bounds: TabBounds): string {
  const { maxRows, maxColumns } = bounds;
  if (maxColumns !== undefined) return `${wholeTabRange(tab)}!A1:${columnLetter(maxColumns - 1)}${maxRows ?? ''}`;
  return maxRows === undefined ? wholeTabRange(tab) : `${wholeTabRange(tab)}!1:${maxRows}`;
}

/**
 * Whole tabs, or the bounded part of each (so an oversized tab costs bounded memory). The body is
 * streamed and dropped past `maxBytes`, before any JSON parsing: then a 'response-too-large' error.
 */
async function batchGetTabs(
  api: GoogleApis,
  spreadsheetId: SpreadsheetId,
  names: readonly string[],
  bounds: TabBounds,
): Promise<SheetTab[]> {
  const maxBytes = bounds.maxBytes ?? DEFAULT_SHEET_LIMITS.maxPartBytes;
  const body = await api.pacer.run('read', 'values.batchGet', async () => {
    const response = await api.sheets.spreadsheets.values.batchGet(
      {
        spreadsheetId,
        ranges: names.map((name) => boundedTabRange(name, bounds)),
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
        majorDimension: 'ROWS',
      },
      { responseType: 'stream' },
    );
    return readCapped(response.data as unknown as Readable, maxBytes);
  });
  if (body === 'over-cap') {
    throw new GoogleApiError(
      'response-too-large',
      `values.batchGet of ${spreadsheetId} answered more than ${maxBytes} bytes (TONGHOP_MAX_PART_MB); the read was stopped there`,
      200,
    );
  }
  const ranges = (JSON.parse(body.bytes.toString('utf8')) as sheets_v4.Schema$BatchGetValuesResponse).valueRanges ?? [];
  return names.map((name, i) => ({ name, rows: rowsOf(ranges[i]) }));
}

function rowsOf(range: sheets_v4.Schema$ValueRange | undefined): SheetRow[] {
  const { row: firstRow, column: firstColumn } = rangeStart(range?.range ?? '');
  const rows: SheetRow[] = [];
  (range?.values ?? []).forEach((values, i) => {
    const cells: RawCell[] = [
      ...Array<RawCell>(firstColumn).fill(null),
      ...(values as unknown[]).map(rawCellOfSheetsValue),
    ];
    if (cells.some((cell) => cell !== null)) rows.push({ rowNumber: firstRow + i, cells });
  });
  return rows;
}

/** Where a returned range starts ("'Tab'!B3:J20" → row 3, column index 1); A1 when it names no cell. */
export function rangeStart(a1: string): { row: number; column: number } {
  const cells = a1.slice(a1.lastIndexOf('!') + 1);
  const match = /^([A-Z]+)?(\d+)?/.exec(cells);
  const letters = match?.[1] ?? 'A';
  const column = columnIndex(letters);
  return { row: Number(match?.[2] ?? 1), column: Math.max(0, column) };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
