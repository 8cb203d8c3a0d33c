import type { ColumnSpec, ColumnType, FormSpec } from '../../domain/forms/form-spec.js';
import { formatVietnameseNumber } from '../../domain/cells/number-format.js';

/**
 * How each column type looks in a written sheet and how the help tab explains it.
 * Phone and text columns are text ('@') so a leading zero typed by a unit survives.
 */
const NUM_FMT: Readonly<Partial<Record<ColumnType, string>>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  time: 'hh:mm',
  month: 'mm/yyyy',
  money: '#,##0 "đ"',
  phone: '@',
  text: '@',
  email: '@',
};

const TYPE_WIDTH: Readonly<Record<ColumnType, number>> = {
  text: 24,
  int: 10,
  decimal: 12,
  money: 16,
  date: 13,
  time: 9,
  datetime: 17,
  month: 10,
  enum: 24,
  'multi-enum': 28,
  phone: 15,
  email: 26,
  bool: 10,
};

/** Spreadsheet number format of a column type, or undefined for the default ('General'). */
export function columnNumFmt(type: ColumnType): string | undefined {
  return NUM_FMT[type];
}

/** Values a column's dropdown offers: its enum options, or the phase names of a phases form's period column. */
export function columnListValues(spec: FormSpec, column: ColumnSpec): string[] | undefined {
  if (column.period && spec.period.type === 'phases') return spec.period.phases.map((phase) => phase.name);
  if (column.type === 'enum' || column.type === 'multi-enum') return (column.options ?? []).map((option) => option.value);
  return undefined;
}

/** Character width of a column: wide enough for its header on two lines and its usual content. */
export function columnWidth(spec: FormSpec, column: ColumnSpec): number {
  if (column.counter) return 6;
  let width = TYPE_WIDTH[column.type];
  if (column.type === 'text' && column.maxLength !== undefined) width = column.maxLength > 300 ? 40 : column.maxLength > 100 ? 30 : 22;
  const longestOption = Math.max(0, ...(columnListValues(spec, column) ?? []).map((v) => v.length));
  width = Math.max(width, Math.min(longestOption + 2, 36));
  const headerOnTwoLines = Math.ceil(column.header.length / 2) + 2;
  return Math.min(Math.max(width, headerOnTwoLines, 8), 48);
}

/** What to type in a column, in Vietnamese, e.g. 'Ngày/tháng/năm, ví dụ 15/09/2024'. */
export function describeColumnInput(spec: FormSpec, column: ColumnSpec): string {
  if (column.counter) return 'Số thứ tự 1, 2, 3…';
  const list = columnListValues(spec, column);
  switch (column.type) {
    case 'text':
      return column.maxLength === undefined ? 'Chữ' : `Chữ, tối đa ${formatVietnameseNumber(column.maxLength)} ký tự`;
    case 'int':
      return `Số nguyên${boundsText(column)}`;
    case 'decimal':
      return `Số, phần thập phân sau dấu phẩy, ví dụ 12,5${boundsText(column)}`;
    case 'money':
      return 'Số tiền (đồng), ví dụ 1.900.000 hoặc 1,9 triệu';
    case 'date':
      return 'Ngày/tháng/năm, ví dụ 15/09/2024';
    case 'time':
      return 'Giờ:phút, ví dụ 14:00 hoặc 14g00';
    case 'datetime':
      return 'Giờ và ngày, ví dụ 10:00 15/09/2024';
    case 'month':
      return 'Tháng/năm, ví dụ 4/2020';
    case 'enum':
      return `Chọn trong danh sách: ${(list ?? []).join('; ')}`;
    case 'multi-enum':
      return `Chọn một hoặc nhiều, cách nhau bằng dấu phẩy: ${(list ?? []).join('; ')}`;
    case 'phone':
      return 'Số điện thoại 10 chữ số, ví dụ 0983 018 027';
    case 'email':
      return 'Địa chỉ email, ví dụ nguyenvana@gmail.com';
    case 'bool':
      return 'Có hoặc Không';
  }
}

function boundsText(column: ColumnSpec): string {
  const { min, max } = column;
  if (min !== undefined && max !== undefined) return ` từ ${formatVietnameseNumber(min)} đến ${formatVietnameseNumber(max)}`;
  if (min === 0) return ' không âm';
  if (min !== undefined) return ` từ ${formatVietnameseNumber(min)} trở lên`;
  if (max !== undefined) return ` không quá ${formatVietnameseNumber(max)}`;
  return '';
}
