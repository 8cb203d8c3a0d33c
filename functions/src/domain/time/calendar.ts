/**
 * The calendar and its display formats, in one place: day arithmetic, spreadsheet serial days,
 * zero padding, ISO 'YYYY-MM-DD' and the Vietnamese 'dd/mm/yyyy'. Pure. Time-zone work (ICT) is in ict.ts.
 */

/** A calendar date as plain numbers: year, month 1–12, day 1–31. */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** One calendar day in milliseconds; exact in ICT since Vietnam has no daylight saving. */
export const DAY_MS = 86_400_000;
/** Day 0 of spreadsheet serial numbers (Google Sheets, Excel after 1900-03-01): 30/12/1899. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Largest serial a spreadsheet accepts: 31/12/9999. */
export const MAX_DATE_SERIAL = 2_958_465;

/** True for Gregorian leap years (2024, 2000; not 1900, 2023). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a day/month/year triple is impossible (Vietnamese), or undefined when it is a real date. */
export function impossibleDateReason(ymd: Ymd): string | undefined {
  const { year, month, day } = ymd;
  if (month < 1 || month > 12) {
    const hint = day >= 1 && day <= 12 ? '; ghi ngày trước, tháng sau' : '';
    return `không có tháng ${month}${hint}`;
  }
  if (year < 1800 || year > 9999) return `năm ${year} không hợp lệ`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    if (month === 2 && day === 29) return `năm ${year} không nhuận, tháng 2 chỉ có 28 ngày`;
    return `tháng ${month} không có ngày ${day}`;
  }
  return undefined;
}

/** Calendar date of a whole spreadsheet serial day number (45550 → 2024-09-15). */
export function serialDayToYmd(serialDay: number): Ymd {
  const d = new Date(SERIAL_EPOCH_MS + serialDay * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Spreadsheet serial of a Date whose UTC fields hold a wall-clock time (exceljs's convention); time is the fraction. */
export function wallClockSerial(wallClock: Date): number {
  return (wallClock.getTime() - SERIAL_EPOCH_MS) / DAY_MS;
}

/** Calendar date held in a Date's UTC fields (the sheet adapters' wall-clock convention). */
export function utcYmd(d: Date): Ymd {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Hours and minutes held in a Date's UTC fields (the wall-clock convention above), zero-padded: '08:05'. */
export function clockTime(wallClock: Date): string {
  return `${pad2(wallClock.getUTCHours())}:${pad2(wallClock.getUTCMinutes())}`;
}

/** Two-digit zero padding: 9 → '09'. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO calendar date 'YYYY-MM-DD'. */
export function isoDate(ymd: Ymd): string {
  return `${String(ymd.year).padStart(4, '0')}-${pad2(ymd.month)}-${pad2(ymd.day)}`;
}

/** Vietnamese display date 'dd/mm/yyyy'. */
export function vietnameseDate(ymd: Ymd): string {
  return `${pad2(ymd.day)}/${pad2(ymd.month)}/${String(ymd.year).padStart(4, '0')}`;
}

/** An ISO calendar date the Vietnamese way: '2024-09-15' → '15/09/2024'. */
export function dateLabel(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
