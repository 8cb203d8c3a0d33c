import type ExcelJS from 'exceljs';
import { STANDING_TAB, type UnitFeedback } from '../../domain/feedback/unit-feedback.js';
import { standingHeaderRow } from '../sheet-layout/standing-tab-layout.js';
import { displayLength, textContent, xlsxCellContent, type XlsxCellContent } from '../sheet-layout/summary-cells.js';

/**
 * The "Tình hình nộp" tab of a unit's workbook, which the system owns: title lines,
 * an empty row, the header row, then one row per form and period. It is rebuilt only
 * when a value in it would change, so an unchanged standing leaves the file untouched.
 */

/** One cell of the standing tab as it should be. */
interface PlannedCell {
  readonly row: number;
  readonly col: number;
  readonly content: XlsxCellContent;
  readonly style: Partial<ExcelJS.Style>;
}

/** Dates read back from a file may differ from what was written by rounding; a second is far below what dd/mm/yyyy hh:mm shows. */
const DATE_TOLERANCE_MS = 1000;
const MIN_WIDTH = 8;
const MAX_WIDTH = 48;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

type Standing = UnitFeedback['standing'];

/** Every non-empty cell of the standing tab, with its value and style. */
function planStanding(standing: Standing): PlannedCell[] {
  const cells: PlannedCell[] = [];
  standing.title.forEach((line, i) => {
    const font: Partial<ExcelJS.Font> =
      i === 0 ? { bold: true, size: 14 } : { italic: true, size: 10, color: { argb: 'FF404040' } };
    cells.push({
      row: i + 1,
      col: 1,
      content: textContent(line),
      style: { font, alignment: { vertical: 'middle', wrapText: false } },
    });
  });
  const headerRow = standingHeaderRow(standing);
  standing.columns.forEach((column, c) => {
    cells.push({
      row: headerRow,
      col: c + 1,
      content: textContent(column.header),
      style: {
        font: { bold: true },
        fill: HEADER_FILL,
        border: BOX,
        alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      },
    });
  });
  standing.rows.forEach((values, r) => {
    standing.columns.forEach((column, c) => {
      const content = xlsxCellContent(values[c] ?? null, column.format);
      const alignment: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };
      cells.push({
        row: headerRow + 1 + r,
        col: c + 1,
        content,
        style: { border: BOX, alignment, ...(content.fill ? { fill: content.fill } : {}) },
      });
    });
  });
  return cells;
}

/** True when the tab's values already are exactly the planned ones (styles are not compared). */
export function standingIsCurrent(sheet: ExcelJS.Worksheet, standing: Standing): boolean {
  if (sheet.name !== STANDING_TAB) return false;
  const planned = new Map<string, XlsxCellContent['value']>();
  for (const cell of planStanding(standing)) {
    if (cell.content.value !== null) planned.set(`${cell.row}:${cell.col}`, cell.content.value);
  }
  let seen = 0;
  let same = true;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (!same) return;
      const key = `${rowNumber}:${colNumber}`;
      if (!planned.has(key)) {
        same = false;
        return;
      }
      seen++;
      same = sameValue(cell.value, planned.get(key) ?? null);
    });
  });
  return same && seen === planned.size;
}

function sameValue(current: ExcelJS.CellValue, wanted: XlsxCellContent['value']): boolean {
  if (wanted instanceof Date)
    return current instanceof Date && Math.abs(current.getTime() - wanted.getTime()) < DATE_TOLERANCE_MS;
  return current === wanted;
}

/**
 * Replace the standing tab (or add it at `position`, 0-based among the tabs) with the planned
 * layout; returns the number of non-empty cells written. A replaced tab keeps its place.
 */
export function rebuildStanding(
  workbook: ExcelJS.Workbook,
  existing: ExcelJS.Worksheet | undefined,
  position: number,
  standing: Standing,
): number {
  const order = workbook.worksheets;
  const at = existing ? order.indexOf(existing) : Math.min(Math.max(position, 0), order.length);
  if (existing) workbook.removeWorksheet(existing.id);
  const headerRow = standingHeaderRow(standing);
  const sheet = workbook.addWorksheet(STANDING_TAB, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const others = order.filter((ws) => ws !== existing);
  others.splice(at, 0, sheet);
  others.forEach((ws, i) => {
    // exceljs orders tabs by this (untyped) field when it writes workbook.xml.
    (ws as ExcelJS.Worksheet & { orderNo: number }).orderNo = i;
  });
  if (!existing) shiftBookViews(workbook, at);

  let written = 0;
  const widths = standing.columns.map(
    (column) => column.width ?? Math.max(MIN_WIDTH, displayLength(column.header) + 2),
  );
  for (const cell of planStanding(standing)) {
    const target = sheet.getCell(cell.row, cell.col);
    target.value = cell.content.value;
    target.style = { ...cell.style, numFmt: cell.content.numFmt };
    if (cell.content.value !== null) written++;
    const column = standing.columns[cell.col - 1];
    if (cell.row > headerRow && column && column.width === undefined) {
      widths[cell.col - 1] = Math.max(widths[cell.col - 1] ?? MIN_WIDTH, displayLength(cell.content.display) + 2);
    }
  }
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = Math.min(width, MAX_WIDTH);
  });
  sheet.getRow(headerRow).height = 30;
  return written;
}

/** Keep the same tab active and the same first visible tab after inserting a tab at `at`. */
export function shiftBookViews(workbook: ExcelJS.Workbook, at: number): void {
  const views = workbook.views as Partial<ExcelJS.WorkbookView>[] | undefined;
  for (const view of views ?? []) {
    if (typeof view.activeTab === 'number' && view.activeTab >= at) view.activeTab++;
    if (typeof view.firstSheet === 'number' && view.firstSheet > at) view.firstSheet++;
  }
}
