import type { CellParse, RawCell } from './raw-cell.js';
import {
  errorCellReason,
  isCellError,
  isPendingFormula,
  PENDING_FORMULA_REASON,
  parsed,
  rejected,
} from './raw-cell.js';
import { blankCellReason } from './blank.js';
import { cleanText, foldAccents } from './fold.js';
import type { CommaMode, NumberDigits } from './numeric-text.js';
import { digitsToNumber, readDigits, readMagnitude, splitNumberText } from './numeric-text.js';
import { formatVietnameseNumber } from './number-format.js';
import { isDroppableNote, readLeadingWords, secondNumberAt } from './number-words.js';

/** Optional inclusive bounds for a number column. */
export interface NumberBounds {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

/** `interpreted` when words were dropped around the number or '1,200' was read as 1.200: the value is then noted. */
type Read = { ok: true; value: number; digits?: NumberDigits; interpreted?: boolean } | { ok: false; reason: string };

const INT_EXPECTED = 'cần một số nguyên, ví dụ 25';
const DECIMAL_EXPECTED = 'cần một số, ví dụ 2,5';
const NOT_INTEGER = 'phải là số nguyên (ví dụ 25)';
/** Trailing unit words such as 'người', 'ĐVTN', 'em', 'lượt.' (folded): letters, spaces and dots only. */
const UNIT_WORDS = /^[\s\p{L}.]*/u;

/** Read a number cell the Vietnamese way, before any integer or bounds check. */
function readNumberCell(cell: RawCell, commaMode: CommaMode, expected: string): Read {
  const invalid = `không phải số (${expected})`;
  if (isCellError(cell)) return { ok: false, reason: errorCellReason(cell) };
  if (isPendingFormula(cell)) return { ok: false, reason: PENDING_FORMULA_REASON };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, reason: invalid };
    return { ok: true, value: cell === 0 ? 0 : cell };
  }
  if (typeof cell !== 'string') {
    return { ok: false, reason: cell === null || cell === undefined ? blankCellReason(expected) : invalid };
  }
  const text = cleanText(cell);
  if (text === '') return { ok: false, reason: blankCellReason(expected) };
  if (text.length > 100) return { ok: false, reason: invalid };
  const leading = readLeadingWords(foldAccents(text));
  if (leading.kind === 'bound')
    return { ok: false, reason: `không phải một số cụ thể; hãy ghi số chính xác (${expected})` };
  const split = splitNumberText(leading.kind === 'taken' ? leading.rest : foldAccents(text));
  if (!split) return { ok: false, reason: invalid };
  if (readMagnitude(split.rest)) return { ok: false, reason: `cần viết đủ chữ số, không viết tắt (${expected})` };
  const after = split.rest.slice(UNIT_WORDS.exec(split.rest)?.[0].length ?? 0);
  if (after !== '' && !isDroppableNote(after))
    return { ok: false, reason: secondNumberReason(split.token, after, invalid) };
  const read = readDigits(split.token, split.negative, commaMode);
  if (!read.ok) return { ok: false, reason: `nhóm chữ số không đúng (dấu chấm ngăn cách hàng nghìn, ví dụ 1.200)` };
  if (read.digits.intDigits.length > 15) return { ok: false, reason: `số quá lớn (${expected})` };
  const value = digitsToNumber(read.digits);
  const commaAsThousands = commaMode === 'thousands-if-3-digits' && /^\d{1,3},\d{3}$/.test(split.token);
  return {
    ok: true,
    value: value === 0 ? 0 : value,
    digits: read.digits,
    interpreted: after !== '' || leading.kind === 'taken' || commaAsThousands,
  };
}

/** Text after a number that is no note: a second number to choose between ('25 - 30'), or not a number at all. */
function secondNumberReason(first: string, after: string, invalid: string): string {
  const at = secondNumberAt(after);
  const second = at < 0 ? undefined : splitNumberText(after.slice(at));
  return second ? `có 2 số (${first} và ${second.token}); hãy để một số trong ô này` : invalid;
}

/** The value, noted "đã hiểu là 30" when the parser had to interpret the cell. */
function withNote(result: CellParse<number>, read: Read): CellParse<number> {
  return result.ok && read.ok && read.interpreted
    ? parsed(result.value, `đã hiểu là ${formatVietnameseNumber(result.value)}`)
    : result;
}

function checkBounds(value: number, bounds: NumberBounds): CellParse<number> {
  if (bounds.min !== undefined && value < bounds.min)
    return rejected(`phải từ ${formatVietnameseNumber(bounds.min)} trở lên`);
  if (bounds.max !== undefined && value > bounds.max)
    return rejected(`không được lớn hơn ${formatVietnameseNumber(bounds.max)}`);
  return parsed(value);
}

/** Parse a whole number ('25', '1.200', '1,200', '25 người', 25.0, 'khoảng 30' noted) within optional bounds. */
export function parseInteger(cell: RawCell, bounds: NumberBounds = {}): CellParse<number> {
  const read = readNumberCell(cell, 'thousands-if-3-digits', INT_EXPECTED);
  if (!read.ok) return rejected(read.reason);
  let value = read.value;
  if (read.digits) {
    if (read.digits.fracDigits !== '') return rejected(NOT_INTEGER);
  } else {
    const rounded = Math.round(value);
    if (Math.abs(value - rounded) > 1e-6) return rejected(NOT_INTEGER);
    value = rounded === 0 ? 0 : rounded;
  }
  if (!Number.isSafeInteger(value)) return rejected(`số quá lớn (${INT_EXPECTED})`);
  return withNote(checkBounds(value, bounds), read);
}

/** Parse a decimal number with the Vietnamese decimal comma ('2,5', '1.234,5', also '2.5', '1,234.5') within optional bounds. */
export function parseDecimal(cell: RawCell, bounds: NumberBounds = {}): CellParse<number> {
  const read = readNumberCell(cell, 'decimal', DECIMAL_EXPECTED);
  if (!read.ok) return rejected(read.reason);
  return withNote(checkBounds(read.value, bounds), read);
}
