import { columnOptions } from './column-options.js';
import { columnTypeBehaviour } from './column-types.js';
import type { ColumnValidation } from './column-validation.js';
import type { ColumnSpec, FormSpec } from './form-spec.js';

/**
 * How one column of a form looks in a unit's sheet, whoever writes it (.xlsx or Google):
 * the type's behaviour (column-types.ts) with what the form adds (running numbers, options, header).
 */

/** Values a column's dropdown offers: its options when its type chooses among them, else none. */
export function columnListValues(spec: FormSpec, column: ColumnSpec): string[] {
  if (!columnTypeBehaviour(column.type).choosesOption) return [];
  return columnOptions(spec, column).map((option) => option.value);
}

/** Character width of a column: wide enough for its header on two lines and its usual content. */
export function columnWidth(spec: FormSpec, column: ColumnSpec): number {
  if (column.counter) return 6;
  const longestOption = Math.max(0, ...columnListValues(spec, column).map((v) => v.length));
  const width = Math.max(columnTypeBehaviour(column.type).width(column), Math.min(longestOption + 2, 36));
  const headerOnTwoLines = Math.ceil(column.header.length / 2) + 2;
  return Math.min(Math.max(width, headerOnTwoLines, 8), 48);
}

/** What to type in a column, in Vietnamese, e.g. 'Ngày/tháng/năm, ví dụ 15/09/2024'. */
export function describeColumnInput(spec: FormSpec, column: ColumnSpec): string {
  if (column.counter) return 'Số thứ tự 1, 2, 3…';
  return columnTypeBehaviour(column.type).describe(column, columnOptions(spec, column));
}

/** The check a spreadsheet applies to a column while a unit types (see column-validation.ts). */
export function columnValidation(spec: FormSpec, column: ColumnSpec): ColumnValidation {
  return columnTypeBehaviour(column.type).validation(column, columnOptions(spec, column));
}
