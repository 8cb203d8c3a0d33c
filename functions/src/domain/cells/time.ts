import type { CellParse, RawCell } from './raw-cell.js';
import {
  errorCellReason,
  isCellError,
  isPendingFormula,
  PENDING_FORMULA_REASON,
  parsed,
  rejected,
} from './raw-cell.js';
import { blankCellReason } from './blank.js';
import { cleanText, foldAccents } from './fold.js';
import { clockTime, pad2 } from '../time/calendar.js';

/** Hour and minute of a wall-clock time. */
export interface HourMinute {
  readonly hour: number;
  readonly minute: number;
}

const EXPECTED = 'cần giờ:phút, ví dụ 14:00 hoặc 14g00';
const INVALID = `không phải giờ hợp lệ (${EXPECTED})`;
const MINUTES_PER_DAY = 1440;

/** Time-of-day words after the hour ('2 giờ chiều'), folded without accents. */
const PERIOD = String.raw`(?:\s*(sang|trua|chieu|toi|dem|am|pm))?`;
/** '14:00', '9:05', '14:00:00', '14:00h'. */
const COLON = new RegExp(String.raw`^(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*\d{2}(?:\.\d+)?)?(?:\s*(?:h|g|gio))?${PERIOD}$`);
/** '14g00', '14g', '14G30', '14h00', '14h', '14h30p'. */
const LETTER = new RegExp(String.raw`^(\d{1,2})\s*[hg]\s*(\d{2})?(?:\s*(?:phut|p|'))?${PERIOD}$`);
/** '14 giờ 30', '14 giờ', '14 giờ 30 phút', '2 giờ rưỡi chiều'. */
const WORDS = new RegExp(String.raw`^(\d{1,2})\s*gio(?:\s*(\d{1,2}|ruoi)(?:\s*(?:phut|p))?)?${PERIOD}$`);

/** Read a time written in text ('14g00', '2 giờ chiều', '14:00'); accents, case and spacing do not matter. */
export function readTimeText(
  text: string,
): { readonly ok: true; readonly time: HourMinute } | { readonly ok: false; readonly reason: string } {
  const t = foldAccents(cleanText(text))
    .replace(/\s+/g, ' ')
    .replace(/^(?:vao\s*)?luc\s*/, '')
    .trim();
  if (t.length > 40) return { ok: false, reason: INVALID };
  const m = COLON.exec(t) ?? LETTER.exec(t) ?? WORDS.exec(t);
  if (!m) return { ok: false, reason: INVALID };
  const rawHour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : m[2] === 'ruoi' ? 30 : Number(m[2]);
  const hour = applyDayPeriod(rawHour, m[3]);
  if (hour === undefined || hour > 23) return { ok: false, reason: `không có ${rawHour} giờ (${EXPECTED})` };
  if (minute > 59) return { ok: false, reason: `không có ${minute} phút (${EXPECTED})` };
  return { ok: true, time: { hour, minute } };
}

/** Turn '2 giờ chiều' into 14: sáng keeps, chiều/tối add 12 below noon, trưa and đêm follow everyday use. */
function applyDayPeriod(hour: number, period: string | undefined): number | undefined {
  if (period === undefined) return hour;
  if (hour > 12) return period === 'sang' || period === 'am' ? undefined : hour;
  switch (period) {
    case 'sang':
      return hour;
    case 'am':
      return hour === 12 ? 0 : hour;
    case 'trua':
      return hour < 6 ? hour + 12 : hour;
    case 'dem':
      if (hour === 12) return 0;
      return hour >= 6 ? hour + 12 : hour;
    default:
      return hour < 12 ? hour + 12 : hour;
  }
}

/** Nearest whole minute of a Date's UTC wall clock (sheet adapters store wall-clock time in UTC fields). */
export function dateToNearestMinute(d: Date): Date {
  return new Date(Math.round(d.getTime() / 60_000) * 60_000);
}

/** 'HH:mm' for an hour and minute. */
export function formatHourMinute(t: HourMinute): string {
  return `${pad2(t.hour)}:${pad2(t.minute)}`;
}

/** Parse a time of day typed in Vietnamese ('14g00', '14h', '2 giờ chiều', '14:00', serial 0.5, Date) into 'HH:mm'. */
export function parseVietnameseTime(cell: RawCell): CellParse<string> {
  if (isCellError(cell)) return rejected(errorCellReason(cell));
  if (isPendingFormula(cell)) return rejected(PENDING_FORMULA_REASON);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 0) return rejected(INVALID);
    if (cell >= 1) return rejected(`ô chứa một số, không phải giờ (${EXPECTED})`);
    const minutes = Math.round(cell * MINUTES_PER_DAY) % MINUTES_PER_DAY;
    return parsed(formatHourMinute({ hour: Math.floor(minutes / 60), minute: minutes % 60 }));
  }
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return rejected(INVALID);
    const d = dateToNearestMinute(cell);
    return parsed(clockTime(d));
  }
  if (typeof cell !== 'string')
    return cell === null || cell === undefined ? rejected(blankCellReason(EXPECTED)) : rejected(INVALID);
  const text = cleanText(cell);
  if (text === '') return rejected(blankCellReason(EXPECTED));
  const read = readTimeText(text);
  return read.ok ? parsed(formatHourMinute(read.time)) : rejected(read.reason);
}
