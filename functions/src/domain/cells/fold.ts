/** Invisible format characters (zero-width space/joiners, BOM, soft hyphen, bidi marks). */
const FORMAT_CHARS = /\p{Cf}/gu;
/** Every kind of space other than the plain one and the newline: NBSP, narrow NBSP, U+3000, tab … */
const ODD_SPACES = /[^\S\n ]/g;
/** C0/C1 control characters except the newline (tabs become spaces first). */
const CONTROL_CHARS = /[^\P{Cc}\n]/gu;
/** Punctuation that separates words when matching names (. , ; : - _ / ( ) ' " “ ” and friends). */
const MATCH_PUNCTUATION = /[.,;:\-_/()'"“”‘’–—…!?[\]]/g;

/** Anything cleanText would change besides NFC: a space other than the plain one, a newline, an invisible or control character, a space run, an edge space. */
const UNTIDY = /[^\S ]|\p{Cf}|\p{Cc}| {2}|^ | $/u;
/** A character past ASCII: without one, a string's lowercase is its fold. */
const NOT_ASCII = /[^\p{ASCII}]/u;

/** Tidy text a person typed: NFC, invisible characters removed, odd spaces made plain, lines trimmed, space runs collapsed. */
export function cleanText(s: string): string {
  // Most cells are tidy already: one test instead of seven passes (the result is the same).
  if (!UNTIDY.test(s)) return s.normalize('NFC');
  return s
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(FORMAT_CHARS, '')
    .replace(/\t/g, ' ')
    .replace(CONTROL_CHARS, '')
    .replace(ODD_SPACES, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .trim();
}

/** Lowercase and strip Vietnamese diacritics (đ → d) but keep punctuation and spacing: 'Tháng 4/2020' → 'thang 4/2020'. */
export function foldAccents(s: string): string {
  if (!NOT_ASCII.test(s)) return s.toLowerCase();
  return s.normalize('NFD').toLowerCase().replace(/\p{M}/gu, '').replace(/[đð]/g, 'd').normalize('NFC');
}

const FOLDED_FOR_MATCH = new Map<string, string>();
const MAX_FOLDED = 20_000;
/** Long texts (a note, a pasted paragraph) are rarely matched twice: not kept. */
const MAX_FOLDED_LENGTH = 200;

/** Key for accent-, case-, punctuation- and spacing-insensitive matching: 'Tổng phụ trách Đội.' → 'tong phu trach doi'. */
export function foldForMatch(s: string): string {
  let key = FOLDED_FOR_MATCH.get(s);
  if (key === undefined) {
    key = foldAccents(cleanText(s)).replace(MATCH_PUNCTUATION, ' ').replace(/\s+/g, ' ').trim();
    // Every unit's header rows hold the same few hundred texts: folded once per process. Bounded: emptied when full.
    if (s.length <= MAX_FOLDED_LENGTH) {
      if (FOLDED_FOR_MATCH.size >= MAX_FOLDED) FOLDED_FOR_MATCH.clear();
      FOLDED_FOR_MATCH.set(s, key);
    }
  }
  return key;
}
