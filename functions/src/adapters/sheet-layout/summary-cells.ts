import type ExcelJS from 'exceljs';
import { columnTypeBehaviour } from '../../domain/forms/column-types.js';
import type { SummaryCell, SummaryFormat } from '../../domain/summary/summary-model.js';
import { isSubmissionStatus, STATUS_DISPLAY } from '../../domain/status/status-kinds.js';
import { clockTime, utcYmd, vietnameseDate } from '../../domain/time/calendar.js';
import { ictWallClock } from '../../domain/time/ict.js';

/**
 * How one summary value becomes an .xlsx cell: the value exceljs stores, its number format,
 * an optional fill (status colours) and the text a reader sees (for column widths and wrapping).
 * Strings are always stored as strings (shared strings), never as formulas, whatever they start with.
 */
export interface XlsxCellContent {
  readonly value: string | number | Date | null;
  readonly numFmt: string;
  readonly fill?: ExcelJS.Fill;
  /** Approximately what the cell shows, e.g. '1.900.000 đ', '75,0 %' or '15/09/2024 10:00'. */
  readonly display: string;
}

/** Text number format: what Excel shows is exactly the stored string, and editing keeps it text. */
export const TEXT_NUM_FMT = '@';

/** Formats whose cells hold numbers shown with decimal or grouping marks. */
const NUMERIC_FORMATS: ReadonlySet<string> = new Set<SummaryFormat>(['int', 'decimal', 'percent', 'money']);

/**
 * Number patterns of each column format, without a locale: Google Sheets shows them with the
 * spreadsheet's locale (vi_VN: "75,0 %", "1.900.000 đ"). Values of `percent` columns are fractions.
 */
export const SUMMARY_NUMBER_PATTERN: Readonly<Record<SummaryFormat, string>> = {
  text: TEXT_NUM_FMT,
  int: '#,##0',
  decimal: '#,##0.0',
  // A space before '%', as Vietnamese writes it: "75,0 %".
  percent: '0.0 %',
  // The same patterns as the units' sheets, so a date or an amount reads alike in both.
  money: columnTypeBehaviour('money').numberFormat,
  date: columnTypeBehaviour('date').numberFormat,
  datetime: columnTypeBehaviour('datetime').numberFormat,
  status: TEXT_NUM_FMT,
};

/**
 * Vietnamese (LCID 0x042A) as a number format's locale: LibreOffice then groups and separates with
 * Vietnamese marks ("1.900.000 đ", "75,0 %") whatever the viewer's own locale; Excel keeps the
 * marks of the computer's regional settings (en-US: "1,900,000 đ", "75.0 %").
 */
export const VIETNAMESE_NUMBERS = '[$-42A]';

/** Number format of each column format in the .xlsx summary: the patterns above, numbers marked Vietnamese. */
export const SUMMARY_NUM_FMT: Readonly<Record<SummaryFormat, string>> = Object.fromEntries(
  Object.entries(SUMMARY_NUMBER_PATTERN).map(([format, pattern]) => [
    format,
    NUMERIC_FORMATS.has(format) ? `${VIETNAMESE_NUMBERS}${pattern}` : pattern,
  ]),
) as Record<SummaryFormat, string>;

/** Excel refuses a cell longer than this many characters (the file is "repaired" and the text lost). */
const MAX_CELL_LENGTH = 32_767;
/** Characters XML 1.0 cannot hold (exceljs would write them and produce a corrupt file): controls, U+FFFE/U+FFFF, lone surrogates. */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** A leading character that makes a spreadsheet treat typed text as a formula (DESIGN "Security"). */
const FORMULA_PREFIX = /^[=+\-@]/;

const STATUS_FILLS: ReadonlyMap<string, ExcelJS.Fill> = new Map(
  Object.entries(STATUS_DISPLAY).map(([status, { color }]) => [
    status,
    { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${color}` } },
  ]),
);

/** True when a spreadsheet would read this text as a formula if it were typed in. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_PREFIX.test(text);
}

/** Text as it can be stored: NFC (Vietnamese typed on macOS arrives decomposed), XML-safe, within Excel's cell limit. */
export function storableText(text: string): string {
  const clean = text.normalize('NFC').replace(XML_INVALID, '');
  return clean.length > MAX_CELL_LENGTH ? `${clean.slice(0, MAX_CELL_LENGTH - 1)}…` : clean;
}

/** Length in characters of the longest line, as a reader counts them (NFC, code points). */
export function displayLength(text: string): number {
  return Math.max(
    0,
    ...text
      .normalize('NFC')
      .split('\n')
      .map((line) => [...line].length),
  );
}

/** Convert one summary value for a column of the given format. */
export function xlsxCellContent(value: SummaryCell, format: SummaryFormat): XlsxCellContent {
  if (value === null) return { value: null, numFmt: SUMMARY_NUM_FMT[format], display: '' };
  if (typeof value === 'boolean') return textContent(value ? 'Có' : 'Không');
  if (value instanceof Date) return dateContent(value, format);
  if (typeof value === 'number') return numberContent(value, format);
  if (format === 'status' && isSubmissionStatus(value)) {
    const { symbol, label } = STATUS_DISPLAY[value];
    const fill = STATUS_FILLS.get(value);
    return { ...textContent(`${symbol} ${label}`), ...(fill ? { fill } : {}) };
  }
  if (format === 'status') {
    // A status in words with more after it ("✓ Đủ, đúng hạn — chờ duyệt"): the colour of the status it starts with, as Google's rules do.
    const status = Object.entries(STATUS_DISPLAY).find(([, d]) => value.startsWith(`${d.symbol} `))?.[0];
    const fill = status ? STATUS_FILLS.get(status) : undefined;
    return { ...textContent(value), ...(fill ? { fill } : {}) };
  }
  return textContent(value);
}

/** A string cell: stored as a string with the text format, so '=1+1' stays the four characters '=1+1'. */
export function textContent(text: string): XlsxCellContent {
  const clean = storableText(text);
  return { value: clean, numFmt: TEXT_NUM_FMT, display: clean };
}

function dateContent(instant: Date, format: SummaryFormat): XlsxCellContent {
  if (Number.isNaN(instant.getTime())) return { value: null, numFmt: SUMMARY_NUM_FMT[format], display: '' };
  const wallClock = ictWallClock(instant);
  const day = vietnameseDate(utcYmd(wallClock));
  const dateTime = `${day} ${clockTime(wallClock)}`;
  if (format === 'date') return { value: wallClock, numFmt: SUMMARY_NUM_FMT.date, display: day };
  if (format === 'text' || format === 'status') return textContent(dateTime);
  return { value: wallClock, numFmt: SUMMARY_NUM_FMT.datetime, display: dateTime };
}

function numberContent(n: number, format: SummaryFormat): XlsxCellContent {
  // NaN and ±Infinity have no .xlsx representation (exceljs would write a corrupt <v>NaN</v>): leave the cell empty.
  if (!Number.isFinite(n)) return { value: null, numFmt: SUMMARY_NUM_FMT[format], display: '' };
  switch (format) {
    case 'text':
    case 'status':
      return textContent(String(n));
    case 'int':
      return { value: n, numFmt: SUMMARY_NUM_FMT.int, display: grouped(n, 0) };
    case 'decimal':
      // A whole number reads as one ("4", never "4.0"), even in a column of measures.
      return Number.isInteger(n)
        ? { value: n, numFmt: SUMMARY_NUM_FMT.int, display: grouped(n, 0) }
        : { value: n, numFmt: SUMMARY_NUM_FMT.decimal, display: grouped(n, 1) };
    case 'percent':
      return { value: n, numFmt: SUMMARY_NUM_FMT.percent, display: `${grouped(n * 100, 1)} %` };
    case 'money':
      return { value: n, numFmt: SUMMARY_NUM_FMT.money, display: `${grouped(n, 0)} đ` };
    case 'date':
    case 'datetime':
      // A bare number in a date column is not an instant: show it as a number rather than as a serial date.
      return { value: n, numFmt: 'General', display: String(n) };
  }
}

/** One formatter per number of decimals: `toLocaleString` with options builds a new one per call (most of a city summary's time). */
const GROUPED_FORMATS: Readonly<Record<0 | 1, Intl.NumberFormat>> = {
  0: new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
  1: new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

function grouped(n: number, fractionDigits: 0 | 1): string {
  return GROUPED_FORMATS[fractionDigits].format(n);
}
