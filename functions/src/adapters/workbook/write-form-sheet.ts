import type ExcelJS from 'exceljs';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { STATUS_HEADER } from '../../domain/forms/header-match.js';
import { formatSheetColumn } from './write-column-format.js';
import { addSubmitSignal } from './write-submit-signal.js';
import { addColumnValidations } from './write-validations.js';
import { FIRST_DATA_ROW, formTitleLines, HEADER_ROW, type WritableRow } from '../sheet-layout/write-sheet-layout.js';
import { LINE_HEIGHT_POINTS, MIN_COLUMN_WIDTH, rowHeightFor } from '../sheet-layout/summary-print-layout.js';

export { FIRST_DATA_ROW, HEADER_ROW, type WritableCell, type WritableRow } from '../sheet-layout/write-sheet-layout.js';
export { addHelpSheet, HELP_SHEET } from './write-help-sheet.js';
export { LISTS_SHEET } from './write-validations.js';
/** Dropdowns and number checks cover at least this many rows, or the data rows plus SPARE_VALIDATED_ROWS. */
const MIN_VALIDATED_LAST_ROW = 500;
const SPARE_VALIDATED_ROWS = 200;
/** Excel refuses longer tab names (Google Sheets allows 100, the form meta-schema too). */
export const MAX_XLSX_TAB_LENGTH = 31;

/** Note on the status column's header. */
export const STATUS_NOTE = 'Hệ thống tự ghi, không nhập vào cột này';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const STATUS_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TITLE_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: false };

/** Options of addFormSheet: the unit whose sheet this is, and rows to put under the header. */
export interface FormSheetOptions {
  readonly unitName?: string;
  readonly rows?: readonly WritableRow[];
}

/** Add one form's tab: titles in rows 1–4, headers in row 5 (+ the status column), data from row 6, dropdowns and formats. */
export function addFormSheet(
  workbook: ExcelJS.Workbook,
  spec: FormSpec,
  options: FormSheetOptions = {},
): ExcelJS.Worksheet {
  if (spec.tab.length > MAX_XLSX_TAB_LENGTH) {
    throw new RangeError(
      `Form ${spec.id}: tab name "${spec.tab}" is longer than ${MAX_XLSX_TAB_LENGTH} characters, which .xlsx files do not allow; shorten "tab" in the form spec.`,
    );
  }
  const rows = options.rows ?? [];
  const sheet = workbook.addWorksheet(spec.tab, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}` }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  formatColumns(sheet, spec);
  writeTitles(sheet, spec, options.unitName);
  addSubmitSignal(sheet, spec);
  writeHeaderRow(sheet, spec);
  rows.forEach((row, i) => writeDataRow(sheet, spec, FIRST_DATA_ROW + i, row));
  const lastValidatedRow = Math.max(MIN_VALIDATED_LAST_ROW, FIRST_DATA_ROW + rows.length + SPARE_VALIDATED_ROWS - 1);
  addColumnValidations(workbook, sheet, spec, FIRST_DATA_ROW, lastValidatedRow);
  return sheet;
}

function formatColumns(sheet: ExcelJS.Worksheet, spec: FormSpec): void {
  spec.columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    formatSheetColumn(sheetColumn, spec, column);
    sheetColumn.alignment = { vertical: 'top', wrapText: true };
  });
  const status = sheet.getColumn(spec.columns.length + 1);
  status.width = 36;
  status.alignment = { vertical: 'top', wrapText: true };
}

function writeTitles(sheet: ExcelJS.Worksheet, spec: FormSpec, unitName: string | undefined): void {
  const fonts: readonly Partial<ExcelJS.Font>[] = [
    { italic: true, size: 10, color: { argb: 'FF404040' } },
    { bold: true, size: 14 },
    { bold: true, size: 11 },
    { italic: true, size: 10, color: { argb: 'FF7F7F7F' } },
  ];
  formTitleLines(spec, unitName).forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = fonts[i] ?? {};
    cell.numFmt = 'General';
    // Title text overflows into the empty cells to its right instead of wrapping in a narrow STT column.
    cell.alignment = TITLE_ALIGNMENT;
  });
  sheet.getRow(2).height = 22;
}

function writeHeaderRow(sheet: ExcelJS.Worksheet, spec: FormSpec): void {
  const row = sheet.getRow(HEADER_ROW);
  spec.columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    cell.value = column.header;
    styleHeader(cell, HEADER_FILL);
    const note = [column.required ? 'Bắt buộc.' : '', column.help ?? ''].filter((s) => s !== '').join(' ');
    if (note !== '') cell.note = note;
  });
  const status = row.getCell(spec.columns.length + 1);
  status.value = STATUS_HEADER;
  styleHeader(status, STATUS_FILL);
  status.note = STATUS_NOTE;
  row.height = 45;
}

function styleHeader(cell: ExcelJS.Cell, fill: ExcelJS.Fill): void {
  cell.font = { bold: true };
  cell.fill = fill;
  cell.border = BOX;
  cell.numFmt = 'General';
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function writeDataRow(sheet: ExcelJS.Worksheet, spec: FormSpec, rowNumber: number, values: WritableRow): void {
  if (values.length > spec.columns.length) {
    throw new RangeError(
      `Form ${spec.id}: a data row has ${values.length} cells but the form has ${spec.columns.length} columns (leave the status column out).`,
    );
  }
  const row = sheet.getRow(rowNumber);
  values.forEach((value, i) => {
    // exceljs writes plain strings as text, never as formulas, so '=1+1' typed by a unit stays '=1+1'.
    if (value !== null) row.getCell(i + 1).value = value;
  });
  // Only the demo writes rows here, standing in for a unit typing in Excel or LibreOffice, which grow a row to fit
  // its wrapped text as it is typed: without a height the file keeps the default one and long text prints over the
  // next row. (The status write-back into real units' files never goes through here.)
  const texts = values.map((value) => (typeof value === 'string' ? value : ''));
  const widths = values.map((_, i) => sheet.getColumn(i + 1).width ?? MIN_COLUMN_WIDTH);
  const height = rowHeightFor(texts, widths);
  if (height > LINE_HEIGHT_POINTS) row.height = height;
}
