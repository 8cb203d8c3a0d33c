import type ExcelJS from 'exceljs';
import type { ColumnSpec, FormSpec } from '../../domain/forms/form-spec.js';
import { columnLetter } from '../../domain/sheets/a1.js';
import { columnListValues } from './write-column-format.js';

/** Hidden tab holding the dropdown lists: option values contain commas, so they cannot be inline lists. */
export const LISTS_SHEET = 'Danh mục';

/** exceljs keeps range validations here; its typings only expose per-cell ones. */
interface RangeValidations {
  readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** Spreadsheet reference of a sheet name inside a formula: 'Danh mục' → "'Danh mục'". */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Store a list in the hidden lists tab (once per distinct list) and return its absolute range, e.g. 'Danh mục'!$A$1:$A$4. */
export function listRange(workbook: ExcelJS.Workbook, values: readonly string[]): string {
  const sheet = workbook.getWorksheet(LISTS_SHEET) ?? workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  let column = 0;
  for (let c = 1; c <= sheet.columnCount; c++) {
    const stored = sheet.getColumn(c).values.slice(1);
    if (stored.length === values.length && stored.every((v, i) => v === values[i])) column = c;
  }
  if (column === 0) {
    column = sheet.columnCount + 1;
    values.forEach((value, i) => {
      sheet.getCell(i + 1, column).value = value;
    });
    sheet.getColumn(column).width = Math.min(60, Math.max(12, ...values.map((v) => v.length + 2)));
  }
  const letter = columnLetter(column - 1);
  return `${quoteSheetName(LISTS_SHEET)}!$${letter}$1:$${letter}$${values.length}`;
}

/** The validation rule of one column, or undefined when its type gets none (dates accept typed text such as '15/9/2024'). */
export function columnValidation(workbook: ExcelJS.Workbook, spec: FormSpec, column: ColumnSpec): ExcelJS.DataValidation | undefined {
  const list = columnListValues(spec, column);
  if (list !== undefined && list.length > 0) {
    // No error box: our parser accepts aliases ('TPT') and several choices in one cell.
    return {
      type: 'list',
      allowBlank: true,
      formulae: [listRange(workbook, list)],
      showErrorMessage: false,
      showInputMessage: true,
      prompt: column.type === 'multi-enum' ? 'Chọn trong danh sách; nhiều lựa chọn thì gõ cách nhau bằng dấu phẩy.' : 'Chọn trong danh sách (có thể gõ tên viết tắt).',
    };
  }
  if (column.type === 'bool') {
    return { type: 'list', allowBlank: true, formulae: ['"Có,Không"'], showErrorMessage: false };
  }
  if (column.type === 'int' || column.type === 'decimal') {
    if (column.min === undefined && column.max === undefined) return undefined;
    const { text, ...bounds } = numberBounds(column);
    const what = column.type === 'int' ? 'số nguyên' : 'số';
    return {
      type: column.type === 'int' ? 'whole' : 'decimal',
      allowBlank: true,
      ...bounds,
      // Warning, not stop: a unit may still type '25 người', which the sweep reads.
      errorStyle: 'warning',
      showErrorMessage: true,
      errorTitle: 'Kiểm tra lại',
      error: `Cột '${column.header}' cần ${what}${text}.`,
    };
  }
  return undefined;
}

function numberBounds(column: ColumnSpec): { operator: ExcelJS.DataValidationOperator; formulae: number[]; text: string } {
  const { min, max } = column;
  if (min !== undefined && max !== undefined) return { operator: 'between', formulae: [min, max], text: ` từ ${min} đến ${max}` };
  if (min !== undefined) return { operator: 'greaterThanOrEqual', formulae: [min], text: ` từ ${min} trở lên` };
  return { operator: 'lessThanOrEqual', formulae: [max ?? 0], text: ` không quá ${max ?? 0}` };
}

/** Add each column's validation to rows firstRow..lastRow of a form sheet (columns in spec order from A). */
export function addColumnValidations(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, spec: FormSpec, firstRow: number, lastRow: number): void {
  const target = sheet as unknown as RangeValidations;
  spec.columns.forEach((column, index) => {
    const validation = columnValidation(workbook, spec, column);
    if (validation === undefined) return;
    const letter = columnLetter(index);
    target.dataValidations.add(`${letter}${firstRow}:${letter}${lastRow}`, validation);
  });
}
