/**
 * Vietnamese on a terminal that cannot show it. A locale that says it is not UTF-8 (LANG=C,
 * LC_ALL=POSIX, vi_VN.TCVN …) turns "Đang đọc tệp" into mojibake; such a terminal gets the
 * same words without diacritics, which every Vietnamese reader still reads, and ASCII tables.
 */

/** Whether the terminal's locale can show UTF-8: LC_ALL, then LC_CTYPE, then LANG decide; no locale at all counts as UTF-8. */
export function localeIsUtf8(env: Readonly<Record<string, string | undefined>>): boolean {
  // POSIX precedence: the first one set and non-empty wins.
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((value) => value !== undefined && value !== '');
  // Unset everywhere: Windows consoles and most containers, which show UTF-8 fine.
  if (locale === undefined) return true;
  return /utf-?8/i.test(locale);
}

/** Symbols with an ASCII stand-in: table borders, arrows, dashes, marks. */
const ASCII_STAND_INS: Readonly<Record<string, string>> = {
  đ: 'd',
  Đ: 'D',
  '…': '...',
  '—': '-',
  '–': '-',
  '→': '->',
  '▸': '>',
  '·': '-',
  '✓': 'v',
  '✗': 'x',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '─': '-',
  '│': '|',
  '┌': '+',
  '┐': '+',
  '└': '+',
  '┘': '+',
  '├': '+',
  '┤': '+',
  '┬': '+',
  '┴': '+',
  '┼': '+',
  '░': '-',
  '█': '#',
};

/** The same text in plain ASCII: Vietnamese without diacritics ("Đang lưu" → "Dang luu"), ASCII symbols, '?' for anything else. */
export function toAsciiText(text: string): string {
  let ascii = '';
  for (const char of text.normalize('NFD')) {
    if (char <= '\x7f') ascii += char;
    else if (/\p{M}/u.test(char)) continue;
    else ascii += ASCII_STAND_INS[char] ?? '?';
  }
  return ascii;
}

/** What the CLI writes to a terminal: the text as is on UTF-8, its ASCII form otherwise. */
export function terminalText(utf8: boolean): (text: string) => string {
  return utf8 ? (text) => text : toAsciiText;
}
