import type { RawCell } from './raw-cell.js';
import { cleanText } from './fold.js';

/** True for null, undefined, '' and strings made only of spaces, NBSP, zero-width characters, tabs or newlines. */
export function isBlankCell(cell: RawCell): boolean {
  if (cell === null || cell === undefined) return true;
  return typeof cell === 'string' && cleanText(cell) === '';
}

/** Vietnamese reason for a blank cell handed to a parser, e.g. "ô trống (cần ngày/tháng/năm, ví dụ 15/09/2024)". */
export function blankCellReason(expected: string): string {
  return `ô trống (${expected})`;
}
