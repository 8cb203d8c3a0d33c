import type { RawCell } from '../../domain/cells/raw-cell.js';
import { wallClockSerial } from '../../domain/time/calendar.js';
import { findTab, type SheetRow, type SheetTab } from '../../domain/forms/read-form-tab.js';

/**
 * The wanted tabs of an exported spreadsheet (read by the workbook reader) exactly as
 * `values.batchGet` with UNFORMATTED_VALUE and SERIAL_NUMBER gives them (spreadsheet-tabs.ts):
 * dates as serial numbers, no trailing empty cells, no empty rows, the tabs in the order asked
 * for and named by their title, absent ones left out. The same tabs hash the same whichever way
 * they were fetched, so switching the read path re-ingests nothing.
 */
export function tabsLikeBatchGet(exported: readonly SheetTab[], wanted: readonly string[]): SheetTab[] {
  const tabs: SheetTab[] = [];
  for (const name of wanted) {
    const tab = findTab(exported, name);
    if (!tab || tabs.some((taken) => taken.name === tab.name)) continue;
    tabs.push({ name: tab.name, rows: tab.rows.flatMap((row) => rowLikeBatchGet(row) ?? []) });
  }
  return tabs;
}

function rowLikeBatchGet(row: SheetRow): SheetRow | undefined {
  const cells = row.cells.map(cellLikeBatchGet);
  while (cells.length > 0 && cells.at(-1) === null) cells.pop();
  return cells.length === 0 ? undefined : { rowNumber: row.rowNumber, cells };
}

/** A date as Sheets' serial (exceljs read the date format's serial as the wall clock in UTC); an empty string as empty. */
function cellLikeBatchGet(cell: RawCell): RawCell {
  if (cell instanceof Date) return wallClockSerial(cell);
  return cell === '' ? null : cell;
}
