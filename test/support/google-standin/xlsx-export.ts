/**
 * `files.export` of a spreadsheet as .xlsx, written with exceljs (our own writer) from the stored
 * cells. How it differs from Google's own export:
 * - Values only: no styles, column widths, validations, protections, conditional formats, filters
 *   or charts (Google exports most of them). Merged ranges are not modelled by the stand-in.
 * - Number formats: only date, time and date-time formats are kept, as `dd/mm/yyyy`,
 *   `hh:mm:ss` and `dd/mm/yyyy hh:mm:ss` (a reader then sees a date); other numbers carry none.
 * - Formulas are written with the value the test gave them as the cached result; one without a
 *   value is exported with `#NAME?` as its result (the stand-in evaluates nothing, as in batchGet).
 * - Tabs keep their order and titles; a hidden tab is exported like any other (Google does too).
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { isDateFormat, isFormula, UNKNOWN_FORMULA_VALUE, type NumberFormat, type StoredCell } from './cell-values.js';
import { parseCellKey, type StoredSpreadsheet } from './spreadsheets.js';

/** Error values exceljs writes as errors (t="e"); any other text stays text. */
const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);
const DATE_PATTERNS: Readonly<Record<string, string>> = {
  DATE: 'dd/mm/yyyy',
  TIME: 'hh:mm:ss',
  DATE_TIME: 'dd/mm/yyyy hh:mm:ss',
};

/**
 * Exports already built, by the cells they were built from: exceljs takes ~0.2 s a spreadsheet,
 * and the bench exports the same content many times (a 2,000-unit city cycles its workbooks).
 */
const builtExports = new Map<string, Uint8Array>();
const MAX_BUILT_EXPORTS = 4096;

/** The spreadsheet as .xlsx bytes. */
export async function exportXlsx(spreadsheet: StoredSpreadsheet): Promise<Uint8Array> {
  const key = contentKey(spreadsheet);
  const built = builtExports.get(key);
  if (built) return built;
  const bytes = await buildXlsx(spreadsheet);
  if (builtExports.size >= MAX_BUILT_EXPORTS) builtExports.delete(builtExports.keys().next().value as string);
  builtExports.set(key, bytes);
  return bytes;
}

/** A digest of everything the export depends on: tab titles in order, cells and number formats. */
function contentKey(spreadsheet: StoredSpreadsheet): string {
  const hash = createHash('sha256');
  for (const tab of spreadsheet.sheets) {
    hash.update(JSON.stringify([tab.properties.title, [...tab.cells], [...tab.numberFormats]]));
    hash.update('\n');
  }
  return hash.digest('hex');
}

async function buildXlsx(spreadsheet: StoredSpreadsheet): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const tab of spreadsheet.sheets) {
    const sheet = workbook.addWorksheet(tab.properties.title);
    for (const [key, stored] of tab.cells) {
      const [row, column] = parseCellKey(key);
      const cell = sheet.getCell(row + 1, column + 1);
      cell.value = cellValueOf(stored);
      const format = tab.numberFormats.get(key);
      if (isDateFormat(format)) cell.numFmt = DATE_PATTERNS[(format as NumberFormat).type] ?? 'dd/mm/yyyy';
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function cellValueOf(stored: StoredCell): ExcelJS.CellValue {
  if (!isFormula(stored)) return stored;
  const formula = stored.formula.replace(/^=/, '');
  const value = stored.value ?? UNKNOWN_FORMULA_VALUE;
  const result =
    typeof value === 'string' && EXCEL_ERRORS.has(value) ? { error: value as ExcelJS.CellErrorValue['error'] } : value;
  return { formula, result } as ExcelJS.CellFormulaValue;
}
