/**
 * The `values` collection of a spreadsheet: read, write and clear cells addressed in A1, with
 * Google's trimming of empty cells and its refusals (unknown tab, past the grid, past the range).
 */
import { columnLetters, formatCells, formatRange, parseA1, type A1Range, type Bounds, type Box } from './a1.js';
import {
  renderCell,
  storedFromInput,
  type CellScalar,
  type NumberFormat,
  type RenderOptions,
  type StoredCell,
  type ValueInputOption,
} from './cell-values.js';
import { invalidArgument, type StandinApiError } from './errors.js';
import { maskCovers } from './field-mask.js';
import { cellKey, parseCellKey, type GridRange, type StoredSpreadsheet, type StoredTab } from './spreadsheets.js';

export const MAJOR_DIMENSIONS = ['ROWS', 'COLUMNS'] as const;
export type MajorDimension = (typeof MAJOR_DIMENSIONS)[number];

export interface ValueRange {
  range: A1Range;
  majorDimension: MajorDimension;
  values?: CellScalar[][];
}

export interface ResolvedRange {
  readonly tab: StoredTab;
  readonly bounds: Bounds;
}

/** The tab and rectangle an A1 range names; 400 `Unable to parse range` when the tab does not exist. */
export function resolveRange(spreadsheet: StoredSpreadsheet, text: A1Range): ResolvedRange {
  const parsed = parseA1(
    text,
    spreadsheet.sheets.map((tab) => tab.properties.title),
  );
  const tab =
    parsed &&
    (parsed.sheetName === undefined
      ? spreadsheet.sheets[0]
      : spreadsheet.sheets.find((t) => t.properties.title === parsed.sheetName));
  if (!parsed || !tab) throw invalidArgument(`Unable to parse range: ${text}`);
  return { tab, bounds: parsed.bounds };
}

/** Google's 400 for a read or write past the tab's rows or columns. */
export function gridLimitError(tab: StoredTab, box: Box): StandinApiError {
  const { rowCount, columnCount } = tab.properties.gridProperties;
  return invalidArgument(
    `Range ('${tab.properties.title}'!${formatCells(box)}) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`,
  );
}

/** The rectangle a read covers: open bounds run to the grid's edge, and bounds past it are clipped. */
export function readBox({ tab, bounds }: ResolvedRange): Box {
  const { rowCount, columnCount } = tab.properties.gridProperties;
  const startRow = bounds.startRow ?? 0;
  const startColumn = bounds.startColumn ?? 0;
  const asked = {
    startRow,
    startColumn,
    endRow: bounds.endRow ?? Math.max(rowCount, startRow + 1),
    endColumn: bounds.endColumn ?? Math.max(columnCount, startColumn + 1),
  };
  if (startRow >= rowCount || startColumn >= columnCount) throw gridLimitError(tab, asked);
  return { ...asked, endRow: Math.min(asked.endRow, rowCount), endColumn: Math.min(asked.endColumn, columnCount) };
}

export function containsCell(range: GridRange, row: number, column: number): boolean {
  return (
    (range.startRowIndex ?? 0) <= row &&
    row < (range.endRowIndex ?? Infinity) &&
    (range.startColumnIndex ?? 0) <= column &&
    column < (range.endColumnIndex ?? Infinity)
  );
}

/** The cell's number format: its own, else that of the latest `repeatCell` over it. */
export function numberFormatAt(tab: StoredTab, row: number, column: number): NumberFormat | undefined {
  const own = tab.numberFormats.get(cellKey(row, column));
  if (own) return own;
  for (const format of [...tab.formats].reverse()) {
    const numberFormat = format.cell.userEnteredFormat?.numberFormat;
    if (
      numberFormat?.type &&
      maskCovers(format.fields, 'userEnteredFormat.numberFormat') &&
      containsCell(format.range, row, column)
    ) {
      return {
        type: numberFormat.type as NumberFormat['type'],
        ...(numberFormat.pattern ? { pattern: numberFormat.pattern } : {}),
      };
    }
  }
  return undefined;
}

/** Set or (with undefined) clear one cell's value; its format stays. */
export function setCell(tab: StoredTab, row: number, column: number, cell: StoredCell | undefined): void {
  if (cell === undefined) tab.cells.delete(cellKey(row, column));
  else tab.cells.set(cellKey(row, column), cell);
}

function transpose<T>(grid: readonly (readonly T[])[]): (T | undefined)[][] {
  const width = Math.max(0, ...grid.map((line) => line.length));
  return Array.from({ length: width }, (_, i) => grid.map((line) => line[i]));
}

/** Drop trailing empty cells of each line and trailing empty lines, as Google does. */
function trimmed(lines: (CellScalar | undefined)[][]): CellScalar[][] {
  const out = lines.map((line) => {
    let end = line.length;
    while (end > 0 && line[end - 1] === undefined) end--;
    return line.slice(0, end).map((value) => value ?? '');
  });
  while (out.length > 0 && out[out.length - 1]?.length === 0) out.pop();
  return out;
}

/** One `valueRanges` entry of `values:batchGet`. */
export function readValues(
  spreadsheet: StoredSpreadsheet,
  text: A1Range,
  options: RenderOptions & { majorDimension: MajorDimension },
): ValueRange {
  const resolved = resolveRange(spreadsheet, text);
  const box = readBox(resolved);
  const { tab } = resolved;
  const rows: (CellScalar | undefined)[][] = [];
  for (const key of tab.cells.keys()) {
    const [row, column] = parseCellKey(key);
    if (row < box.startRow || row >= box.endRow || column < box.startColumn || column >= box.endColumn) continue;
    const cell = tab.cells.get(key);
    if (cell === undefined) continue;
    const line = (rows[row - box.startRow] ??= []);
    line[column - box.startColumn] = renderCell(cell, numberFormatAt(tab, row, column), options);
  }
  const dense = Array.from({ length: rows.length }, (_, i) => Array.from(rows[i] ?? [], (value) => value));
  const values = trimmed(options.majorDimension === 'COLUMNS' ? transpose(dense) : dense);
  const range = formatRange(tab.properties.title, box);
  return values.length > 0
    ? { range, majorDimension: options.majorDimension, values }
    : { range, majorDimension: options.majorDimension };
}

export interface ValueWrite {
  readonly range: A1Range;
  readonly values: readonly (readonly (CellScalar | null)[])[];
  readonly majorDimension?: MajorDimension;
}

export interface WriteResult {
  updatedRange: A1Range;
  updatedRows?: number;
  updatedColumns?: number;
  updatedCells?: number;
}

/** One `data` entry of `values:batchUpdate`: null leaves a cell, "" clears it. Zero counts are omitted, as in Google's JSON. */
export function writeValues(spreadsheet: StoredSpreadsheet, write: ValueWrite, option: ValueInputOption): WriteResult {
  const { tab, bounds } = resolveRange(spreadsheet, write.range);
  const grid: readonly (readonly (CellScalar | null | undefined)[])[] =
    write.majorDimension === 'COLUMNS' ? transpose(write.values) : write.values;
  const startRow = bounds.startRow ?? 0;
  const startColumn = bounds.startColumn ?? 0;
  // A single cell is an anchor the values grow from; a larger range is a limit they must fit in.
  const single = bounds.endRow === startRow + 1 && bounds.endColumn === startColumn + 1;
  const height = Math.max(grid.length, 1);
  const width = Math.max(1, ...grid.map((line) => line.length));
  const box: Box = { startRow, startColumn, endRow: startRow + height, endColumn: startColumn + width };
  if (!single && bounds.endRow !== undefined && box.endRow > bounds.endRow) {
    throw invalidArgument(
      `Requested writing within range [${write.range}], but tried writing to row [${bounds.endRow + 1}]`,
    );
  }
  if (!single && bounds.endColumn !== undefined && box.endColumn > bounds.endColumn) {
    throw invalidArgument(
      `Requested writing within range [${write.range}], but tried writing to column [${columnLetters(bounds.endColumn)}]`,
    );
  }
  const { rowCount, columnCount } = tab.properties.gridProperties;
  if (box.endRow > rowCount || box.endColumn > columnCount) throw gridLimitError(tab, box);
  const rows = new Set<number>();
  const columns = new Set<number>();
  let cells = 0;
  grid.forEach((line, i) =>
    line.forEach((value, j) => {
      if (value === null || value === undefined) return;
      setCell(tab, startRow + i, startColumn + j, storedFromInput(value, option));
      rows.add(i);
      columns.add(j);
      cells++;
    }),
  );
  const result: WriteResult = { updatedRange: formatRange(tab.properties.title, box) };
  if (rows.size > 0)
    Object.assign(result, { updatedRows: rows.size, updatedColumns: columns.size, updatedCells: cells });
  return result;
}

/** Clear the values (not the formats) of a range; returns the range cleared, as Google reports it. */
export function clearValues(spreadsheet: StoredSpreadsheet, text: A1Range): A1Range {
  const resolved = resolveRange(spreadsheet, text);
  const box = readBox(resolved);
  for (const key of [...resolved.tab.cells.keys()]) {
    const [row, column] = parseCellKey(key);
    if (row >= box.startRow && row < box.endRow && column >= box.startColumn && column < box.endColumn)
      resolved.tab.cells.delete(key);
  }
  return formatRange(resolved.tab.properties.title, box);
}
