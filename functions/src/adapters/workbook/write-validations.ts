import type ExcelJS from 'exceljs';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { columnLetter } from '../../domain/sheets/a1.js';
import { columnValidation } from '../../domain/forms/column-presentation.js';
import type { ColumnValidation } from '../../domain/forms/column-validation.js';
import { LISTS_SHEET } from '../../domain/sheets/own-tabs.js';

// The hidden tab holding the dropdown lists: option values contain commas, so they cannot be inline lists.
export { LISTS_SHEET };

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

/** A column's rule (domain/forms/column-validation.ts) in exceljs terms: lists never refuse, numbers only warn (the parser accepts aliases, several choices, '25 người'). */
function excelValidation(workbook: ExcelJS.Workbook, rule: ColumnValidation): ExcelJS.DataValidation | undefined {
  switch (rule.kind) {
    case 'none':
      return undefined;
    case 'list':
      if (rule.inline)
        return { type: 'list', allowBlank: true, formulae: [`"${rule.values.join(',')}"`], showErrorMessage: false };
      // Option values contain commas, so they live in the hidden lists tab rather than in the rule.
      return {
        type: 'list',
        allowBlank: true,
        formulae: [listRange(workbook, rule.values)],
        showErrorMessage: false,
        showInputMessage: true,
        prompt: rule.prompt,
      };
    case 'number':
      return {
        type: rule.whole ? 'whole' : 'decimal',
        allowBlank: true,
        ...numberBounds(rule.min, rule.max),
        errorStyle: 'warning',
        showErrorMessage: true,
        errorTitle: 'Kiểm tra lại',
        error: rule.message,
      };
  }
}

function numberBounds(
  min: number | undefined,
  max: number | undefined,
): { operator: ExcelJS.DataValidationOperator; formulae: number[] } {
  if (min !== undefined && max !== undefined) return { operator: 'between', formulae: [min, max] };
  if (min !== undefined) return { operator: 'greaterThanOrEqual', formulae: [min] };
  return { operator: 'lessThanOrEqual', formulae: [max ?? 0] };
}

/** Add each column's validation to rows firstRow..lastRow of a form sheet (columns in spec order from A). */
export function addColumnValidations(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  spec: FormSpec,
  firstRow: number,
  lastRow: number,
): void {
  const target = sheet as unknown as RangeValidations;
  spec.columns.forEach((column, index) => {
    const validation = excelValidation(workbook, columnValidation(spec, column));
    if (validation === undefined) return;
    const letter = columnLetter(index);
    target.dataValidations.add(`${letter}${firstRow}:${letter}${lastRow}`, validation);
  });
}
