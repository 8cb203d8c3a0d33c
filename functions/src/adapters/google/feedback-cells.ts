import type { sheets_v4 } from '@googleapis/sheets';
import { isBlankCell } from '../../domain/cells/blank.js';
import type { RawCell } from '../../domain/cells/raw-cell.js';
import { STANDING_TAB, type TabFeedback, type UnitFeedback } from '../../domain/feedback/unit-feedback.js';
import { isStatusHeader, STATUS_HEADER } from '../../domain/forms/header-match.js';
import { findTab, type SheetTab } from '../../domain/forms/read-form-tab.js';
import { columnLetter } from '../../domain/sheets/a1.js';
import { storableText } from '../sheet-layout/summary-cells.js';
import { standingHeaderRow } from '../sheet-layout/standing-tab-layout.js';
import { sameSheetsValue, sheetsValueOf, type SheetsValue } from './sheets-cells.js';
import { wholeTabRange } from './spreadsheet-tabs.js';

/**
 * Which cells of a unit's spreadsheet the feedback changes, decided from the values as read:
 * the status cell of each row and the "Tình hình nộp" tab. Cells the unit typed are never
 * among them, and a cell already showing the wanted value is not written again.
 */

/** One cell to write; row 1-based as the sheet shows it, column 0-based. */
export interface CellWrite {
  readonly tab: string;
  readonly row: number;
  readonly column: number;
  readonly value: SheetsValue;
}

export interface FeedbackPlan {
  readonly writes: readonly CellWrite[];
  /** The standing tab does not exist yet: it must be added before its cells are written. */
  readonly standingMissing: boolean;
  /** Rows × columns the standing tab needs. */
  readonly standingSize: { readonly rows: number; readonly columns: number };
}

/** Plan the feedback writes against the tabs as they are now. */
export function planFeedbackCells(tabs: readonly SheetTab[], feedback: UnitFeedback): FeedbackPlan {
  const writes: CellWrite[] = [];
  for (const tabFeedback of feedback.tabs) {
    const tab = findTab(tabs, tabFeedback.tab);
    if (tab && tab.name !== STANDING_TAB) writes.push(...statusWrites(tab, tabFeedback));
  }
  const standing = tabs.find((t) => t.name === STANDING_TAB);
  const wanted = standingGrid(feedback.standing);
  writes.push(...gridWrites(STANDING_TAB, standing, wanted));
  const columns = Math.max(...wanted.map((row) => row.length), 1);
  return { writes, standingMissing: standing === undefined, standingSize: { rows: wanted.length, columns } };
}

function statusWrites(tab: SheetTab, feedback: TabFeedback): CellWrite[] {
  const rowsByNumber = new Map(tab.rows.map((row) => [row.rowNumber, row.cells]));
  const headerCells = rowsByNumber.get(feedback.headerRowNumber) ?? [];
  const writes: CellWrite[] = [];
  let column = headerCells.findIndex((cell) => typeof cell === 'string' && isStatusHeader(cell));
  if (column < 0) {
    column = freeColumnRightOfHeader(tab, feedback.headerRowNumber, headerCells);
    writes.push({ tab: tab.name, row: feedback.headerRowNumber, column, value: STATUS_HEADER });
  }
  const rows = new Set(
    [...rowsByNumber.keys(), ...feedback.statusByRow.keys()].filter(
      (n) => Number.isInteger(n) && n > feedback.headerRowNumber,
    ),
  );
  for (const row of [...rows].sort((a, b) => a - b)) {
    const wanted = storableText((feedback.statusByRow.get(row) ?? '').replace(/\r\n?/g, '\n'));
    const current = rowsByNumber.get(row)?.[column];
    if (!sameSheetsValue(current, wanted)) writes.push({ tab: tab.name, row, column, value: wanted });
  }
  return writes;
}

/** First column right of the header's last non-empty cell that holds nothing below the header. */
function freeColumnRightOfHeader(tab: SheetTab, headerRow: number, headerCells: readonly RawCell[]): number {
  let column = headerCells.reduce<number>((last, cell, i) => (isBlankCell(cell) ? last : i), -1) + 1;
  const used = (c: number) => tab.rows.some((row) => row.rowNumber > headerRow && !isBlankCell(row.cells[c]));
  while (used(column)) column++;
  return column;
}

/** The standing tab as rows of values: title lines, an empty row, the header, one row per form and period. */
function standingGrid(standing: UnitFeedback['standing']): SheetsValue[][] {
  const grid: SheetsValue[][] = standing.title.map((line) => [storableText(line)]);
  while (grid.length < standingHeaderRow(standing) - 1) grid.push([]);
  grid.push(standing.columns.map((c) => storableText(c.header)));
  for (const values of standing.rows)
    grid.push(standing.columns.map((column, c) => sheetsValueOf(values[c] ?? null, column.format)));
  return grid;
}

/** Cells whose value differs between what a tab holds and the grid it should hold (extra cells are cleared). */
function gridWrites(
  name: string,
  current: SheetTab | undefined,
  wanted: readonly (readonly SheetsValue[])[],
): CellWrite[] {
  const have = new Map((current?.rows ?? []).map((row) => [row.rowNumber, row.cells]));
  const lastRow = Math.max(wanted.length, ...have.keys());
  const writes: CellWrite[] = [];
  for (let row = 1; row <= lastRow; row++) {
    const want = wanted[row - 1] ?? [];
    const cells = have.get(row) ?? [];
    for (let column = 0; column < Math.max(want.length, cells.length); column++) {
      const value = want[column] ?? '';
      if (!sameSheetsValue(cells[column], value)) writes.push({ tab: name, row, column, value });
    }
  }
  return writes;
}

/** The writes as value ranges: one per run of adjacent cells in a row. */
export function valueRangesOf(writes: readonly CellWrite[]): sheets_v4.Schema$ValueRange[] {
  const sorted = [...writes].sort((a, b) => a.tab.localeCompare(b.tab) || a.row - b.row || a.column - b.column);
  const ranges: { tab: string; row: number; column: number; values: SheetsValue[] }[] = [];
  for (const write of sorted) {
    const last = ranges.at(-1);
    if (last && last.tab === write.tab && last.row === write.row && last.column + last.values.length === write.column)
      last.values.push(write.value);
    else ranges.push({ tab: write.tab, row: write.row, column: write.column, values: [write.value] });
  }
  return ranges.map((r) => ({
    range: `${wholeTabRange(r.tab)}!${columnLetter(r.column)}${r.row}:${columnLetter(r.column + r.values.length - 1)}${r.row}`,
    majorDimension: 'ROWS',
    values: [r.values],
  }));
}
