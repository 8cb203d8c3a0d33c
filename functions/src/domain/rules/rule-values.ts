import { foldForMatch } from '../cells/fold.js';
import type { CellValue } from '../forms/cell-parser.js';
import type { RowError, ValidRow } from '../forms/compile-form.js';
import type { FormSpec } from '../forms/form-spec.js';
import type { RejectedRow, StoredCell } from '../forms/read-form-tab.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid row's value as a person reads it: dates dd/mm/yyyy, several choices joined by commas. */
export function valueText(value: CellValue): string {
  if (Array.isArray(value)) return value.join(', ');
  const text = String(value);
  const date = ISO_DATE.exec(text);
  return date ? `${date[3]}/${date[2]}/${date[1]}` : text;
}

/** The key two values are compared by: accents, case, punctuation and spacing ignored, as unit names are matched. */
export function matchKey(value: CellValue): string {
  return foldForMatch(valueText(value));
}

/** A row that passed its own checks but breaks a rule across rows or forms: rejected with the rule's message. */
export function rejectValidRow(spec: FormSpec, row: ValidRow, errors: readonly RowError[]): RejectedRow {
  const cells: Record<string, StoredCell> = {};
  for (const c of spec.columns) {
    const value = row.values[c.key];
    if (value !== undefined) cells[c.header] = Array.isArray(value) ? value.join(', ') : (value as StoredCell);
  }
  return { rowNumber: row.rowNumber, periodId: row.periodId, cells, errors };
}
