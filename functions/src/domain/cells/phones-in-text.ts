import type { PhoneNumberRead } from './phone-number.js';
import { readPhoneNumber } from './phone-number.js';

/** What a cell's text holds besides words: the phone numbers found, and longer digit runs that are no phone. */
export interface PhonesInText {
  readonly phones: readonly PhoneNumberRead[];
  /** Runs of 8 or more digits that are not a phone number (a typo, a second unreadable number). */
  readonly strayNumbers: readonly string[];
}

/** Anything that never sits inside a phone number: letters, ':', ',', ';', '/', line breaks … */
const NOT_PHONE_CHARS = /[^\d\s.\-()+]+/gu;
/** Fewer digits than this are part of a note ('gọi sau 17h', 'tổ 5'), not a number to worry about. */
const STRAY_DIGITS = 8;
const MAX_NUMBERS = 3;

/** Find the phone numbers in a text with labels and notes ('ĐT: 0983 018 027 (Zalo)', '0983018027 - 0912345678'). */
export function findPhonesInText(text: string): PhonesInText {
  const phones: PhoneNumberRead[] = [];
  const strayNumbers: string[] = [];
  for (const piece of text.split(NOT_PHONE_CHARS).map(trimPiece)) {
    if (!/\d/.test(piece)) continue;
    const read = readPhoneSequence(piece, MAX_NUMBERS);
    if (read) phones.push(...read);
    else if (piece.replace(/\D/g, '').length >= STRAY_DIGITS) strayNumbers.push(piece.replace(/[()]/g, '').trim());
  }
  return { phones, strayNumbers };
}

/** A piece without the separators around it ('0983 018 027 (' → '0983 018 027'), keeping a leading '+' or '('. */
function trimPiece(piece: string): string {
  return piece.replace(/^[\s.\-)]+/, '').replace(/[\s.\-(+]+$/, '');
}

/** One phone, or up to `max` phones typed one after the other ('0983 018 027 - 0912 345 678'). */
function readPhoneSequence(piece: string, max: number): PhoneNumberRead[] | undefined {
  const one = readPhoneNumber(piece);
  if (one) return [one];
  if (max < 2) return undefined;
  let leftDigits = 0;
  for (let i = 1; i < piece.length - 1; i++) {
    if (/\d/.test(piece.charAt(i - 1))) leftDigits++;
    // A phone has 9 to 13 digits (a lost 0 … 0084 + 9): only those splits can hold one on the left.
    if (/\d/.test(piece.charAt(i)) || leftDigits < 9) continue;
    if (leftDigits > 13) break;
    const left = readPhoneNumber(trimPiece(piece.slice(0, i)));
    if (!left) continue;
    const right = readPhoneSequence(trimPiece(piece.slice(i + 1)), max - 1);
    if (right) return [left, ...right];
  }
  return undefined;
}
