import type { ValidRow } from '../forms/compile-form.js';
import type { FormSpec } from '../forms/form-spec.js';
import type { RejectedRow } from '../forms/read-form-tab.js';
import type { ReferencedValues } from './referenced-values.js';
import { matchKey, rejectValidRow, valueText } from './rule-values.js';

/** Rejects rows whose 'Phải có trong' value is not among the unit's rows of the other form, naming the row, the column and that form. */
export function checkReferences(
  spec: FormSpec,
  rows: readonly ValidRow[],
  referenced: (formId: string) => ReferencedValues | undefined,
): { valid: ValidRow[]; rejected: RejectedRow[] } {
  const columns = spec.columns.filter((c) => c.mustExistIn);
  if (columns.length === 0) return { valid: [...rows], rejected: [] };
  const valid: ValidRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const errors = columns.flatMap((column) => {
      const value = row.values[column.key];
      const target = column.mustExistIn;
      if (value === undefined || !target) return [];
      const other = referenced(target.formId);
      if (other?.values.has(matchKey(value))) return [];
      const where = other ? `biểu mẫu «${other.title}» của đơn vị` : `biểu mẫu '${target.formId}' của đơn vị`;
      const fix = other ? ` Hãy ghi đúng như ở trang '${other.tab}', hoặc thêm vào trang đó trước.` : '';
      return [
        {
          column: column.header,
          message: `Dòng ${row.rowNumber}, cột ${column.header}: «${valueText(value)}» chưa có trong ${where}.${fix}`,
        },
      ];
    });
    if (errors.length === 0) valid.push(row);
    else rejected.push(rejectValidRow(spec, row, errors));
  }
  return { valid, rejected };
}
