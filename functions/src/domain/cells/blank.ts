import type { RawCell } from './raw-cell.js';

/**
 * Exactly the strings `cleanText` turns into '': only whitespace (any kind), invisible format
 * characters and control characters. Tested directly because every cell of every row is asked.
 */
const BLANK_TEXT = /^[\s\p{Cf}\p{Cc}]*$/u;

/** True for null, undefined, '' and strings made only of spaces, NBSP, zero-width characters, tabs or newlines. */
export function isBlankCell(cell: RawCell): boolean {
  if (cell === null || cell === undefined) return true;
  return typeof cell === 'string' && BLANK_TEXT.test(cell);
}

/** Vietnamese reason for a blank cell handed to a parser, e.g. "ô trống (cần ngày/tháng/năm, ví dụ 15/09/2024)". */
export function blankCellReason(expected: string): string {
  return `ô trống (${expected})`;
}
