import type { Ymd } from '../time/calendar.js';

/** Weekday names as people write them, Sunday first (Date.getUTCDay order). */
export const VIETNAMESE_WEEKDAYS = [
  'Chủ nhật',
  'thứ Hai',
  'thứ Ba',
  'thứ Tư',
  'thứ Năm',
  'thứ Sáu',
  'thứ Bảy',
] as const;

/** Folded weekday words: 'thứ hai' / 'thứ 2' … 'chủ nhật' / 'CN'. */
const WEEKDAY = /\b(?:thu\s*(hai|ba|tu|nam|sau|bay|[2-7])|(chu\s*nhat|cn))\b/;
const WORD_DAY: Readonly<Record<string, number>> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };

/** The weekday (0 = Sunday) a folded text names, or undefined when it names none. */
export function weekdayInText(folded: string): number | undefined {
  const m = WEEKDAY.exec(folded);
  if (!m) return undefined;
  if (m[2] !== undefined) return 0;
  const word = m[1] ?? '';
  return /^\d$/.test(word) ? Number(word) - 1 : WORD_DAY[word];
}

/** The weekday of a calendar date (0 = Sunday). */
export function weekdayOf(ymd: Ymd): number {
  return new Date(Date.UTC(ymd.year, ymd.month - 1, ymd.day)).getUTCDay();
}
