import type { Ymd } from '../time/calendar.js';
import { impossibleDateReason, vietnameseDate } from '../time/calendar.js';
import { VIETNAMESE_WEEKDAYS, weekdayInText, weekdayOf } from './weekday-text.js';
import { cleanText, foldAccents } from './fold.js';

/** What a date cell must look like, quoted in every date reason. */
export const DATE_EXPECTED = 'cần ngày/tháng/năm, ví dụ 15/09/2024';

/** A date found in a text, with whatever text surrounded it (a time, connector words); `yearFromTwoDigits` when '15/9/24' was read as 2024. */
export type DateTextRead =
  | { readonly ok: true; readonly ymd: Ymd; readonly rest: string; readonly yearFromTwoDigits?: true }
  | { readonly ok: false; readonly reason: string };

/** Year first: '2024-09-15', '2024/09/15' (4-digit year, so never ambiguous). */
const YEAR_FIRST = /(?<!\d)(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/;
/** Day first: '15/9/2024', '15-09-2024', '15.09.2024', '15/9/24'. */
const DAY_FIRST = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?!\d)/;
/** Words: 'ngày 15 tháng 9 năm 2024', '15 tháng 9, 2024' (folded without accents). */
const WORDS = /(?<!\d)(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*[,/]\s*|\s+)(?:nam\s*)?(\d{4})(?!\d)/;
/** Day and month with no year: '15/09', 'ngày 15 tháng 9'. */
const NO_YEAR = /^(?:ngay\s*)?\d{1,2}\s*(?:[/.-]|thang)\s*\d{1,2}$/;
/** Words that may surround a date and mean nothing more: 'ngày', 'lúc', weekdays, commas, dashes. */
const CONNECTORS = /\b(?:ngay|vao|luc|hoi|thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s*nhat|cn)\b|[,;()–—-]/g;

/** Normalize a cell's text for date and time patterns: cleaned, accents folded, lowercase, single spaces. */
export function foldDateText(text: string): string {
  return foldAccents(cleanText(text)).replace(/\s+/g, ' ').trim();
}

/** Find the one date in a text (day first, never month first) and return it with the text around it. */
export function readDateText(text: string): DateTextRead {
  const t = foldDateText(text);
  if (t.length > 80) return { ok: false, reason: `không phải ngày hợp lệ (${DATE_EXPECTED})` };
  const found = findDate(t);
  if (!found) {
    const reason = NO_YEAR.test(t) ? `thiếu năm (${DATE_EXPECTED})` : `không phải ngày hợp lệ (${DATE_EXPECTED})`;
    return { ok: false, reason };
  }
  const problem = impossibleDateReason(found.ymd);
  if (problem) return { ok: false, reason: `không phải ngày hợp lệ: ${problem} (${DATE_EXPECTED})` };
  const outside = `${t.slice(0, found.index)} ${t.slice(found.end)}`;
  const named = weekdayInText(outside);
  const actual = weekdayOf(found.ymd);
  if (named !== undefined && named !== actual) {
    // 'Thứ Hai, 17/9/2024' when 17/9 is a Tuesday: the day or the weekday is wrong, and only the unit knows which.
    return {
      ok: false,
      reason: `ngày ${vietnameseDate(found.ymd)} là ${VIETNAMESE_WEEKDAYS[actual]}, không phải ${VIETNAMESE_WEEKDAYS[named]} (kiểm tra lại ngày)`,
    };
  }
  const rest = outside
    .replace(/(^|\s)t(?=\d)/, '$1')
    .replace(CONNECTORS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { ok: true, ymd: found.ymd, rest, ...(found.twoDigitYear ? { yearFromTwoDigits: true as const } : {}) };
}

/** A two-digit year as spreadsheets read it (Excel, Google Sheets): 00–29 → 2000–2029, 30–99 → 1930–1999. */
function fullYear(twoDigits: number): number {
  return twoDigits < 30 ? 2000 + twoDigits : 1900 + twoDigits;
}

/** Note for a date whose two-digit year was completed, e.g. "đã hiểu năm là 2024". */
export function twoDigitYearNote(read: DateTextRead): string | undefined {
  return read.ok && read.yearFromTwoDigits ? `đã hiểu năm là ${read.ymd.year}` : undefined;
}

function findDate(t: string): { ymd: Ymd; index: number; end: number; twoDigitYear?: boolean } | undefined {
  const yearFirst = YEAR_FIRST.exec(t);
  if (yearFirst) return hit(yearFirst, Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]));
  const dayFirst = DAY_FIRST.exec(t);
  if (dayFirst) {
    const y = dayFirst[3] ?? '';
    const twoDigitYear = y.length === 2;
    return {
      ...hit(dayFirst, twoDigitYear ? fullYear(Number(y)) : Number(y), Number(dayFirst[2]), Number(dayFirst[1])),
      twoDigitYear,
    };
  }
  const words = WORDS.exec(t);
  if (words) return hit(words, Number(words[3]), Number(words[2]), Number(words[1]));
  return undefined;
}

function hit(m: RegExpExecArray, year: number, month: number, day: number): { ymd: Ymd; index: number; end: number } {
  return { ymd: { year, month, day }, index: m.index, end: m.index + m[0].length };
}
