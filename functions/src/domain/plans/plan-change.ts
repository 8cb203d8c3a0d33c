import { foldForMatch } from '../cells/fold.js';
import type { ColumnSpec, FormSpec } from '../forms/form-spec.js';
import { COLUMN_TYPE_NAMES } from './plan-vocabulary.js';

/**
 * What changed in a plan's columns between two of its versions, in Vietnamese for the unit whose rows
 * were read again: "cột 'Kinh phí' nay là kiểu Số tiền". Deadlines are left out (the standing tab shows
 * the deadline in force); an empty list when no column a unit types into changed.
 */
export function describePlanChange(before: FormSpec, after: FormSpec): string[] {
  const changes: string[] = [];
  const matched = new Set<ColumnSpec>();
  for (const column of after.columns) {
    const earlier =
      before.columns.find((c) => c.key === column.key) ??
      before.columns.find((c) => namesOf(column).has(foldForMatch(c.header)));
    if (!earlier) {
      changes.push(`thêm cột '${column.header}'`);
      continue;
    }
    matched.add(earlier);
    if (earlier.header !== column.header) changes.push(`cột '${earlier.header}' nay có tiêu đề '${column.header}'`);
    if (earlier.type !== column.type)
      changes.push(`cột '${column.header}' nay là kiểu ${COLUMN_TYPE_NAMES[column.type]}`);
    if (earlier.required !== column.required)
      changes.push(`cột '${column.header}' nay ${column.required ? 'bắt buộc' : 'không bắt buộc'}`);
    if (earlier.min !== column.min || earlier.max !== column.max)
      changes.push(`cột '${column.header}' đổi giới hạn nhỏ nhất, lớn nhất`);
    if (!sameOptions(earlier, column)) changes.push(`cột '${column.header}' đổi danh mục lựa chọn`);
  }
  for (const column of before.columns) if (!matched.has(column)) changes.push(`bỏ cột '${column.header}'`);
  return changes;
}

/** The one-line note a unit reads: "Kế hoạch đã đổi: cột 'Kinh phí' nay là kiểu Số tiền; thêm cột 'Giờ'". */
export function planChangeNote(changes: readonly string[]): string {
  return changes.length === 0 ? '' : `Kế hoạch đã đổi: ${changes.join('; ')}`;
}

function namesOf(column: ColumnSpec): Set<string> {
  return new Set([column.header, ...column.aliases].map(foldForMatch));
}

function sameOptions(a: ColumnSpec, b: ColumnSpec): boolean {
  const values = (c: ColumnSpec) => (c.options ?? []).map((o) => o.value).join('\u0000');
  return values(a) === values(b);
}
