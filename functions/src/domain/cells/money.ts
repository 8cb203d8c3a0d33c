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
import { readDigits, readMagnitude, splitNumberText } from './numeric-text.js';
import { formatVietnameseNumber } from './number-format.js';
import { isDroppableNote, readLeadingWords, secondNumberAt } from './number-words.js';

const EXPECTED = 'cần số tiền bằng chữ số, ví dụ 1.900.000 hoặc 1,9 triệu';
const INVALID = `không phải số tiền hợp lệ (${EXPECTED})`;
const NEGATIVE = 'số tiền không được âm (ví dụ 1.900.000)';
const FRACTIONAL = 'số tiền phải là số đồng chẵn, không có phần lẻ (ví dụ 1.900.000)';
const TOO_LARGE = 'số tiền quá lớn (kiểm tra lại số chữ số)';
const NOT_ONE_AMOUNT = 'không phải một số tiền cụ thể; hãy ghi đúng số tiền (ví dụ 1.900.000)';
/** A currency word after the amount, folded: 'đ', 'đồng', 'VNĐ', 'vnd', '₫'. */
const CURRENCY_WORD = /^\s*(?:vnd|dong|d|₫)(?![a-z])/;
/** Nothing after the amount and its currency but a full stop. */
const NOTHING_MORE = /^\s*\.?\s*$/;
/** '1tr5' = 1,5 triệu, '2k5' = 2.500: digits glued right after the multiplier word. */
const GLUED_FRACTION = /^(\d{1,3})(?!\d)/;

/** Exact whole đồng from digit strings times 10^exponent, or a reason when it is fractional or too large. */
function wholeDong(intDigits: string, fracDigits: string, exponent: number): CellParse<number> {
  const scale = exponent - fracDigits.length;
  const mantissa = BigInt(`${intDigits}${fracDigits}` || '0');
  let amount: bigint;
  if (scale >= 0) {
    amount = mantissa * 10n ** BigInt(scale);
  } else {
    const divisor = 10n ** BigInt(-scale);
    if (mantissa % divisor !== 0n) return rejected(FRACTIONAL);
    amount = mantissa / divisor;
  }
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) return rejected(TOO_LARGE);
  return parsed(Number(amount));
}

/** An amount read from the start of folded text, and the text after it and its currency word. */
interface AmountRead {
  readonly amount: CellParse<number>;
  readonly tail: string;
  /** '1,900' read as 1.900 đồng: a Vietnamese reader sees a decimal comma there. */
  readonly commaAsThousands: boolean;
}

function readAmount(folded: string, signed: boolean): AmountRead | undefined {
  const split = splitNumberText(folded);
  if (!split || split.token.length > 40) return undefined;
  const magnitude = readMagnitude(split.rest);
  let rest = magnitude ? magnitude.rest : split.rest;
  let token = split.token;
  if (magnitude && /^\d+$/.test(token)) {
    const glued = GLUED_FRACTION.exec(rest);
    if (glued) {
      token = `${token},${glued[1] ?? ''}`;
      rest = rest.slice(glued[0].length);
    }
  }
  const tail = rest.replace(CURRENCY_WORD, '');
  const commaAsThousands = !magnitude && /^\d{1,3},\d{3}$/.test(token);
  const read = readDigits(token, split.negative, magnitude ? 'decimal' : 'thousands-if-3-digits');
  if (!read.ok)
    return {
      amount: rejected(`nhóm chữ số không đúng (dấu chấm ngăn cách hàng nghìn, ví dụ 1.900.000)`),
      tail,
      commaAsThousands,
    };
  const { intDigits, fracDigits, negative } = read.digits;
  const nonZero = /[1-9]/.test(intDigits + fracDigits);
  if (negative && nonZero && !signed) return { amount: rejected(NEGATIVE), tail, commaAsThousands };
  const amount = wholeDong(intDigits, fracDigits, magnitude?.exponent ?? 0);
  return { amount: negative && nonZero && amount.ok ? parsed(-amount.value) : amount, tail, commaAsThousands };
}

function parseMoneyText(text: string, signed: boolean): CellParse<number> {
  const folded = foldAccents(text);
  if (!/\d/.test(folded)) {
    return /\p{L}/u.test(folded)
      ? rejected(`cần viết số tiền bằng chữ số, không viết bằng chữ (ví dụ 1.000.000)`)
      : rejected(INVALID);
  }
  const leading = readLeadingWords(folded);
  if (leading.kind === 'bound') return rejected(NOT_ONE_AMOUNT);
  const first = readAmount(leading.kind === 'taken' ? leading.rest : folded, signed);
  if (!first) return rejected(INVALID);
  const bare = NOTHING_MORE.test(first.tail);
  if (!bare && !isDroppableNote(first.tail)) return secondAmountReason(first, signed);
  if (!first.amount.ok) return first.amount;
  const interpreted = !bare || leading.kind === 'taken' || first.commaAsThousands;
  return interpreted
    ? parsed(first.amount.value, `đã hiểu số tiền là ${formatVietnameseMoney(first.amount.value)}`)
    : first.amount;
}

/** Text after an amount that is no note: a second amount to choose between, or something that is not money. */
function secondAmountReason(first: AmountRead, signed: boolean): CellParse<number> {
  const at = secondNumberAt(first.tail);
  const second = at < 0 ? undefined : readAmount(first.tail.slice(at), signed);
  const secondIsAmount = second?.amount.ok && (NOTHING_MORE.test(second.tail) || isDroppableNote(second.tail));
  if (!first.amount.ok || !second?.amount.ok || !secondIsAmount) return rejected(INVALID);
  return rejected(
    `có 2 số tiền (${formatVietnameseMoney(first.amount.value)} và ${formatVietnameseMoney(second.amount.value)}); hãy để một số tiền trong ô này`,
  );
}

/**
 * Parse an amount of money in whole đồng ('1.900.000', '1,900,000 đ', '1,9 triệu', '500k', '1 tỷ', 1900000); a rate or note
 * after it ('đ/người') is noted and dropped. A negative amount ('-1.900.000', a refund) only when `signed`, else a reason.
 */
export function parseVietnameseMoney(cell: RawCell, signed = false): CellParse<number> {
  if (isCellError(cell)) return rejected(errorCellReason(cell));
  if (isPendingFormula(cell)) return rejected(PENDING_FORMULA_REASON);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return rejected(INVALID);
    if (cell < 0 && !signed) return rejected(NEGATIVE);
    const rounded = Math.round(cell);
    if (Math.abs(cell - rounded) > 1e-6) return rejected(FRACTIONAL);
    if (!Number.isSafeInteger(rounded)) return rejected(TOO_LARGE);
    return parsed(rounded === 0 ? 0 : rounded);
  }
  if (typeof cell !== 'string')
    return cell === null || cell === undefined ? rejected(blankCellReason(EXPECTED)) : rejected(INVALID);
  const text = cleanText(cell);
  if (text === '') return rejected(blankCellReason(EXPECTED));
  if (text.length > 100) return rejected(INVALID);
  return parseMoneyText(text, signed);
}

/** Vietnamese money display in whole đồng: 1900000 → '1.900.000 đ'. */
export function formatVietnameseMoney(n: number): string {
  return `${formatVietnameseNumber(Number.isFinite(n) ? Math.round(n) : n)} đ`;
}
