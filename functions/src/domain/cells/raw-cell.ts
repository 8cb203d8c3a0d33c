/**
 * A cell as every sheet adapter hands it to the domain, whatever its source
 * (exceljs workbook or Sheets API with UNFORMATTED_VALUE + SERIAL_NUMBER).
 *
 * - Date objects carry the spreadsheet's wall-clock value in their UTC fields
 *   (exceljs convention): 15/09/2024 10:00 typed in a cell is 2024-09-15T10:00:00Z.
 * - Numbers in date/time columns are spreadsheet serials (days since 1899-12-30).
 * - Formula cells arrive as their cached result; rich text as its plain text.
 * - A spreadsheet error value (#REF!, #N/A …) arrives as `{ error: '#REF!' }`.
 * - A formula saved without its result (openpyxl never computes one) arrives as `{ formula: 'SUM(F4:F6)' }`.
 */
export type RawCell = string | number | boolean | Date | null | undefined | CellError | PendingFormula;

/** A spreadsheet error value such as `#REF!` or `#N/A`. */
export interface CellError {
  readonly error: string;
}

/** A formula whose file holds no computed result: its value is unknown until a spreadsheet program saves it. */
export interface PendingFormula {
  readonly formula: string;
}

/**
 * Outcome of parsing one cell: a normalized value, or a Vietnamese reason for the person who typed it.
 * A value the parser had to interpret (text dropped around it, an old number renumbered, a two-digit
 * year) carries a `note` saying what was taken, e.g. "đã hiểu SĐT là 0983 018 027".
 */
export type CellParse<T> =
  { readonly ok: true; readonly value: T; readonly note?: string } | { readonly ok: false; readonly reason: string };

/** Successful parse, with a Vietnamese note when the value is not simply what the cell shows. */
export function parsed<T>(value: T, note?: string): CellParse<T> {
  return note === undefined ? { ok: true, value } : { ok: true, value, note: note.normalize('NFC') };
}

/** Failed parse with a Vietnamese reason phrase, e.g. "không phải ngày hợp lệ (cần ngày/tháng/năm, ví dụ 15/09/2024)". */
export function rejected<T = never>(reason: string): CellParse<T> {
  return { ok: false, reason };
}

/** Type guard for spreadsheet error values. */
export function isCellError(cell: RawCell): cell is CellError {
  return (
    typeof cell === 'object' &&
    cell !== null &&
    !(cell instanceof Date) &&
    'error' in cell &&
    typeof cell.error === 'string'
  );
}

/** Vietnamese reason for a spreadsheet error cell, e.g. "ô đang báo lỗi #REF! (kiểm tra lại công thức)". */
export function errorCellReason(cell: CellError): string {
  const code =
    cell.error
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}#!?/_.]/gu, '')
      .slice(0, 20) || '#ERROR!';
  return `ô đang báo lỗi ${code} (kiểm tra lại công thức)`;
}

/** Type guard for formulas saved without a result. */
export function isPendingFormula(cell: RawCell): cell is PendingFormula {
  return (
    typeof cell === 'object' &&
    cell !== null &&
    !(cell instanceof Date) &&
    'formula' in cell &&
    typeof cell.formula === 'string'
  );
}

/** Vietnamese reason for a formula without a result: never read as an empty cell, the unit re-saves the file. */
export const PENDING_FORMULA_REASON =
  'là công thức chưa có kết quả; mở tệp bằng Excel/LibreOffice và lưu lại rồi gửi lại';
