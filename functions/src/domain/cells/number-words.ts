/**
 * Words people write around a number in a cell, read from folded text (no accents, lowercase):
 * a label before it ('Kinh phí: 1.900.000'), an estimate ('khoảng 30'), a bound ('trên 30'),
 * and a note after it ('(cả giáo viên)', '/người').
 */

/** What stands before the number: nothing, a label or an estimate (the number is taken), or a bound (it is not one number). */
export type LeadingWords =
  { readonly kind: 'none' } | { readonly kind: 'taken'; readonly rest: string } | { readonly kind: 'bound' };

/** 'khoảng 30', 'tầm 30', 'chừng 30', 'ước tính 30', 'dự kiến 30': an estimate, which is the number the unit means. */
const ESTIMATE = /^(?:khoang|tam|chung|do|uoc tinh|uoc|du kien|xap xi)\s+(?=[+\-−]?\d)/;
/** 'trên 30', 'hơn 30', 'dưới 30', 'gần 30', 'ít nhất 30', 'tối đa 30': a bound, not a number to store. */
const BOUND = /^(?:tren|hon|duoi|gan|it nhat|toi thieu|toi da|khong qua|hon kem)\s+(?=\d)/;
/** 'Kinh phí: 1.900.000', 'Tổng số: 25': a label ending in ':' before the number. */
const LABEL = /^[\p{L}\s.()]{1,40}:\s*(?=[+\-−]?\d)/u;
/** A note after the number starts with a separator or a rate word: '(…)', '- …', ', …', '/người', 'mỗi người'. */
const NOTE_START = /^\s*(?:[()\-–,;:/]|(?:mot|moi|cho|tren)\s)/;

/** Read the words before a number in folded text. */
export function readLeadingWords(folded: string): LeadingWords {
  if (BOUND.test(folded)) return { kind: 'bound' };
  const taken = ESTIMATE.exec(folded) ?? LABEL.exec(folded);
  return taken ? { kind: 'taken', rest: folded.slice(taken[0].length) } : { kind: 'none' };
}

/** True when the text after a number (and its unit) is a note that can be dropped: it starts with a separator and holds no digit. */
export function isDroppableNote(rest: string): boolean {
  return NOTE_START.test(rest) && !/\d/.test(rest.replace(/^\s*\/\s*1(?=\s*\p{L})/u, '/'));
}

/** Where a second number starts in the text after a first one, or -1. */
export function secondNumberAt(rest: string): number {
  return rest.search(/\d/);
}
