import { formatVietnameseMoney } from '../cells/money.js';
import { formatVietnameseNumber } from '../cells/number-format.js';
import type { CellValue } from './cell-parser.js';
import type { RowError } from './compile-form.js';
import type { ColumnSpec, FormSpec } from './form-spec.js';

/** Decimal parts (2,5 + 0,1) may not add up exactly: a sum this close to its total is not over it. */
const RELATIVE_SLACK = 1e-9;

/**
 * A row's own arithmetic: the columns that are part of another column ('partOf') add up, in that row, to at most
 * its value (Đã nộp đủ ≤ Phải nộp; Đúng hạn + Trễ hạn ≤ Đã nộp đủ). One error per total exceeded, on the part that
 * took the sum over it, showing the sum; blank cells are not counted.
 */
export function partsOverTotals(
  spec: FormSpec,
  rowNumber: number,
  values: Readonly<Record<string, CellValue>>,
): RowError[] {
  const numberOf = (column: ColumnSpec) => {
    const value = values[column.key];
    return typeof value === 'number' ? value : undefined;
  };
  const errors: RowError[] = [];
  for (const total of spec.columns) {
    const whole = numberOf(total);
    if (whole === undefined) continue;
    const parts = spec.columns.filter((c) => c.partOf === total.key && numberOf(c) !== undefined);
    let sum = 0;
    for (const [i, part] of parts.entries()) {
      sum += numberOf(part) ?? 0;
      if (sum - whole <= RELATIVE_SLACK * Math.max(1, Math.abs(whole))) continue;
      errors.push({ column: part.header, message: overMessage(rowNumber, parts.slice(0, i + 1), total) });
      break;
    }
  }
  return errors;

  function overMessage(row: number, parts: readonly ColumnSpec[], total: ColumnSpec): string {
    const shown = (column: ColumnSpec) => {
      const n = numberOf(column) ?? 0;
      return column.type === 'money' ? formatVietnameseMoney(n) : formatVietnameseNumber(n);
    };
    const [only] = parts;
    const last = parts.at(-1);
    if (parts.length === 1 && only)
      return `Dòng ${row}, cột '${only.header}': ${shown(only)} lớn hơn '${total.header}' (${shown(total)}); '${only.header}' là một phần của '${total.header}', hãy kiểm tra lại số liệu.`;
    const names = parts.map((c) => `'${c.header}'`).join(' + ');
    const figures = parts.map(shown).join(' + ');
    const sum = parts.reduce((s, c) => s + (numberOf(c) ?? 0), 0);
    const sumText = total.type === 'money' ? formatVietnameseMoney(sum) : formatVietnameseNumber(sum);
    return `Dòng ${row}, cột '${last?.header ?? ''}': ${names} = ${figures} = ${sumText}, lớn hơn '${total.header}' (${shown(total)}); các cột này là phần của '${total.header}', cộng lại không được lớn hơn, hãy kiểm tra lại số liệu.`;
  }
}
