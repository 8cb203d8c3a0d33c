/**
 * Reading numbers written the Vietnamese way: '.' groups thousands, ',' is the decimal comma,
 * but English-style '1,234.5' and '1,200' are understood too when the grouping says so.
 */

/** A number read from text, kept as digit strings so callers can do exact arithmetic. */
export interface NumberDigits {
  readonly negative: boolean;
  readonly intDigits: string;
  readonly fracDigits: string;
}

/** A number token at the start of a text and the text after it ('25 người' → '25', ' người'). */
export interface NumberSplit {
  readonly negative: boolean;
  readonly token: string;
  readonly rest: string;
}

/** How to read a single comma: always a decimal comma, or thousands when exactly 3 digits follow ('1,200' in a count). */
export type CommaMode = 'decimal' | 'thousands-if-3-digits';

/** Outcome of reading the digits of a token. */
export type DigitsRead =
  { readonly ok: true; readonly digits: NumberDigits } | { readonly ok: false; readonly badGrouping: true };

/** Multiplier words after a number, folded without accents, with their power of ten. */
const MAGNITUDES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:ty|ti)\b/, 9],
  [/^(?:trieu|tr)(?![a-z])/, 6],
  [/^(?:nghin|ngan|k)(?![a-z])/, 3],
];

/** Split a cleaned text into its leading signed number token and the rest; undefined when it does not start with a number. */
export function splitNumberText(text: string): NumberSplit | undefined {
  const m = /^([+\-−]?)\s*(\d(?:[\d.,]| (?=\d))*)/.exec(text);
  if (!m) return undefined;
  let token = m[2] ?? '';
  let rest = text.slice(m[0].length);
  while (/[.,]$/.test(token)) {
    rest = token.slice(-1) + rest;
    token = token.slice(0, -1);
  }
  return { negative: m[1] === '-' || m[1] === '−', token, rest };
}

/** Read a leading multiplier word ('triệu', 'tr', 'nghìn', 'ngàn', 'k', 'tỷ') from folded text: its power of ten and the text after it. */
export function readMagnitude(foldedRest: string): { readonly exponent: number; readonly rest: string } | undefined {
  const t = foldedRest.trimStart();
  for (const [pattern, exponent] of MAGNITUDES) {
    const m = pattern.exec(t);
    if (m) return { exponent, rest: t.slice(m[0].length) };
  }
  return undefined;
}

function validGroups(intPart: string, separators: RegExp): boolean {
  const groups = intPart.split(separators);
  return groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));
}

/** Read a number token ('1.900.000', '1,9', '1.234,5', '1,234.5', '1 900 000') into digit strings, checking thousands grouping. */
export function readDigits(token: string, negative: boolean, commaMode: CommaMode): DigitsRead {
  const lastDot = token.lastIndexOf('.');
  const lastComma = token.lastIndexOf(',');
  const dots = token.split('.').length - 1;
  const commas = token.split(',').length - 1;
  let decimalAt = -1;
  if (dots > 0 && commas > 0) {
    decimalAt = Math.max(lastDot, lastComma);
    if ((decimalAt === lastDot ? dots : commas) > 1) return { ok: false, badGrouping: true };
  } else if (dots === 1 || commas === 1) {
    const at = dots === 1 ? lastDot : lastComma;
    const before = token.slice(0, at);
    const after = token.slice(at + 1);
    const looksLikeThousands = /^\d{3}$/.test(after) && validGroups(before, / /) && !before.startsWith('0');
    const thousands = looksLikeThousands && (dots === 1 || commaMode === 'thousands-if-3-digits');
    decimalAt = thousands ? -1 : at;
  }
  const intPart = decimalAt === -1 ? token : token.slice(0, decimalAt);
  const fracPart = decimalAt === -1 ? '' : token.slice(decimalAt + 1);
  const grouped = /[., ]/.test(intPart);
  if (grouped && !validGroups(intPart, /[., ]/)) return { ok: false, badGrouping: true };
  if (!/^\d*$/.test(fracPart)) return { ok: false, badGrouping: true };
  const intDigits = intPart.replace(/[., ]/g, '').replace(/^0+(?=\d)/, '');
  return { ok: true, digits: { negative, intDigits, fracDigits: fracPart.replace(/0+$/, '') } };
}

/** The value of digit strings as a JavaScript number (may lose precision beyond 15 significant digits). */
export function digitsToNumber(d: NumberDigits): number {
  const value = Number(`${d.intDigits}.${d.fracDigits || '0'}`);
  return d.negative && value !== 0 ? -value : value;
}
