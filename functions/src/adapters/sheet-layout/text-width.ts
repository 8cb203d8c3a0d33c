/**
 * How wide a text is on one line, in widths of the digit '0': the unit a column's width counts in. Letters differ a
 * lot ('i' and a space take half a digit, 'm' and most capitals more than one), so counting characters breaks plain
 * Vietnamese text too early and capitals too late. Measured in the two fonts a summary is seen in: Calibri, the
 * workbook's font as Excel shows it, and DejaVu Sans, what LibreOffice shows where Calibri is not installed; each
 * relative to its own digit, since a column's width is counted in that font's digits.
 */

/** A font's advance widths in widths of its own '0', by width: every character of the string has that width. */
type WidthTable = Readonly<Record<string, string>>;

/** Calibri's advance widths (units per em 2048, '0' 1038), rounded to hundredths of a digit. */
const CALIBRI: WidthTable = {
  '0.44': "'|‘’",
  '0.45': ' ijl',
  '0.47': 'j',
  '0.5': '.,·I',
  '0.52': '!',
  '0.53': ':;',
  '0.6': '()[]-f',
  '0.63': 'J',
  '0.66': 't',
  '0.69': 'r',
  '0.76': '/\\',
  '0.77': 's',
  '0.78': 'z',
  '0.79': '"“”',
  '0.83': 'cL',
  '0.85': 'x',
  '0.89': 'vy',
  '0.9': 'k',
  '0.91': '?FS',
  '0.92': 'Z',
  '0.93': 'g',
  '0.95': 'a',
  '0.96': 'ETY',
  '0.98': 'e',
  '1': '–',
  '1.02': 'PX',
  '1.03': 'K',
  '1.04': 'bdhnopquđ',
  '1.05': 'C',
  '1.07': 'BR',
  '1.12': 'V',
  '1.14': 'A',
  '1.21': 'D',
  '1.23': 'HĐ',
  '1.24': 'G',
  '1.27': 'NU',
  '1.31': 'O',
  '1.33': 'Q…',
  '1.35': '&',
  '1.41': 'w%',
  '1.58': 'm',
  '1.69': 'M',
  '1.76': 'W@—',
};

/** DejaVu Sans's advance widths (units per em 2048, '0' 1303), rounded to hundredths of a digit. */
const DEJAVU_SANS: WidthTable = {
  '0.43': "'",
  '0.44': 'ijl',
  '0.46': 'IJ',
  '0.5': ' ,.·‘’',
  '0.53': '/:;\\|',
  '0.55': 'f',
  '0.57': '-',
  '0.61': '()[]',
  '0.62': 't',
  '0.63': '!',
  '0.65': 'r',
  '0.72': '"',
  '0.79': '*_–',
  '0.81': '“”',
  '0.82': 's',
  '0.83': '?z',
  '0.86': 'c',
  '0.88': 'L',
  '0.9': 'F',
  '0.91': 'k',
  '0.93': 'vxy',
  '0.95': 'P',
  '0.96': 'aoTY',
  '0.97': 'e',
  '0.99': 'E',
  '1': 'đbdghnpquS',
  '1.03': 'K',
  '1.08': 'ABVXZ',
  '1.09': 'R',
  '1.1': 'C',
  '1.15': 'U',
  '1.18': 'HN',
  '1.21': 'D',
  '1.22': 'ĐG',
  '1.23': '&',
  '1.24': 'OQ',
  '1.29': 'w',
  '1.36': 'M',
  '1.49': '%',
  '1.53': 'm',
  '1.55': 'W',
  '1.57': '@—…',
};

/** Digits and the characters neither table lists: letters as wide as a digit, symbols (✓, ≥) a little wider. */
const SYMBOL_WIDTH = 1.3;

/** A font's width of each character it lists. */
export type FontWidths = ReadonlyMap<string, number>;

function fontWidths(table: WidthTable): FontWidths {
  return new Map(
    Object.entries(table).flatMap(([width, characters]) => [...characters].map((c) => [c, Number(width)])),
  );
}

/** The fonts a summary is measured in: a text fits a width only when it fits in each. */
export const SUMMARY_FONTS: readonly FontWidths[] = [fontWidths(CALIBRI), fontWidths(DEJAVU_SANS)];

/** Width of one character in `font`, in its digit widths; an accented letter ('ế', 'Ư') measures as its base letter. */
export function characterWidth(character: string, font: FontWidths): number {
  const known = font.get(character);
  if (known !== undefined) return known;
  const base = character.normalize('NFD')[0] ?? character;
  return font.get(base) ?? (/[\p{L}\p{N}]/u.test(base) ? 1 : SYMBOL_WIDTH);
}

/** Width of a text on one line in `font`, in its digit widths. */
export function textWidth(text: string, font: FontWidths): number {
  let width = 0;
  for (const character of text.normalize('NFC')) width += characterWidth(character, font);
  return width;
}
