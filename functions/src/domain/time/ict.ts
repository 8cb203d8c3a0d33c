import type { Deadline } from '../forms/form-spec.js';
import { clockTime, dateLabel, DAY_MS, pad2 } from './calendar.js';

export { DAY_MS } from './calendar.js';

/**
 * Instants and wall-clock time in Asia/Ho_Chi_Minh (ICT). Vietnam has kept UTC+7 all
 * year since 1975 (no daylight saving), so a fixed offset is exact for every date the
 * plans can name; no time-zone database is needed. Pure: nothing here reads the clock.
 */

/** UTC+7, fixed (see above). */
export const ICT_OFFSET_MS = 7 * 3_600_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant a wall-clock time in ICT falls on ('2024-09-15', '10:00' → 2024-09-15T03:00:00Z); no time → 00:00. */
export function ictInstant(date: string, time?: string): Date {
  const [year, month, day] = parseDate(date);
  const [hour, minute] = time === undefined ? [0, 0] : parseTime(time);
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - ICT_OFFSET_MS);
}

/**
 * The last instant still on time for a deadline, after `graceDays` whole days more:
 * with a time, exactly that minute (done at 10:00:00.000 is on time, 10:00:00.001 is late);
 * without a time, 23:59:59.999 ICT of its date. Time '00:00' is how plans write
 * "trước ngày D" (before day D): it is simply D 00:00, nothing special here.
 */
export function deadlineInstant(deadline: Deadline, graceDays = 0): Date {
  const grace = graceDays * DAY_MS;
  if (deadline.time !== undefined) return new Date(ictInstant(deadline.date, deadline.time).getTime() + grace);
  return new Date(ictInstant(deadline.date).getTime() + DAY_MS - 1 + grace);
}

/** The Date whose UTC fields are an instant's ICT wall clock (how sheets store times, which have no time zone). */
export function ictWallClock(instant: Date): Date {
  return new Date(instant.getTime() + ICT_OFFSET_MS);
}

/** The ICT calendar date of an instant: 2024-09-14T17:00:00Z → '2024-09-15'. */
export function ictDateOf(instant: Date): string {
  return ictWallClock(instant).toISOString().slice(0, 10);
}

/** The ICT date of an instant as Vietnamese write it: 'dd/mm/yyyy'. */
export function formatIctDate(instant: Date): string {
  return dateLabel(ictDateOf(instant));
}

/** An instant in ICT as plans print it, to the minute: '10g00 15/09/2024', '7g05 01/10/2024'. */
export function formatIctDateTime(instant: Date): string {
  const wall = ictWallClock(instant);
  return `${planTime(wall.getUTCHours(), wall.getUTCMinutes())} ${formatIctDate(instant)}`;
}

/** A deadline in Vietnamese: '10g00 ngày 15/09/2024', 'ngày 15/04/2020' (no time), 'trước ngày 14/12/2023' (time '00:00'). */
export function formatDeadline(deadline: Deadline): string {
  const day = `ngày ${formatIctDate(ictInstant(deadline.date))}`;
  if (deadline.time === undefined) return day;
  const [hour, minute] = parseTime(deadline.time);
  if (hour === 0 && minute === 0) return `trước ${day}`;
  return `${planTime(hour, minute)} ${day}`;
}

/**
 * A period's due instant as people read it: 'trước ngày 14/12/2023' (due at 00:00), 'hết ngày 31/05/2023'
 * (end of the day, no time in the plan), '10g00 15/09/2024' (the plan's time); never '00:00'.
 */
export function formatDueInstant(due: Date): string {
  const wall = ictWallClock(due);
  const [hour, minute] = [wall.getUTCHours(), wall.getUTCMinutes()];
  if (hour === 0 && minute === 0) return `trước ngày ${formatIctDate(due)}`;
  if (hour === 23 && minute === 59) return `hết ngày ${formatIctDate(due)}`;
  return formatIctDateTime(due);
}

/** An instant as a printed footer says it: '08:00 23/09/2024' (hh:mm dd/mm/yyyy, ICT). */
export function formatClockAndDate(instant: Date): string {
  return `${clockTime(ictWallClock(instant))} ${formatIctDate(instant)}`;
}

/** Whole ICT calendar days from the day of `from` to the day of `to`, negative when `to` is earlier ("quá hạn N ngày"). */
export function calendarDaysBetween(from: Date, to: Date): number {
  return ictDayNumber(to) - ictDayNumber(from);
}

/** A calendar date moved by whole days: ('2024-02-28', 2) → '2024-03-01'. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [year, month, day] = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** Days since 1970-01-01 of the ICT calendar day an instant falls on. */
function ictDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + ICT_OFFSET_MS) / DAY_MS);
}

/** Hour and minute the way plans print them: '10g00', '7g30' (hour unpadded, as Vietnamese plans write it). */
function planTime(hour: number, minute: number): string {
  return `${hour}g${pad2(minute)}`;
}

/** 'YYYY-MM-DD' → [year, month, day]; a RangeError for anything else, including impossible days (2023-02-29). */
function parseDate(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  const ymd: [number, number, number] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  const [year, month, day] = ymd;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!m || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return ymd;
}

/** 'HH:mm' → [hour, minute]; a RangeError for anything else. */
function parseTime(time: string): [number, number] {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`not a time of day (HH:mm): ${time}`);
  return [Number(m[1]), Number(m[2])];
}

/** A deadline as a person reads it: to the minute, so 23:59:59.999 shows as 23:59 and never as the next day's 00:00. */
export function deadlineMinute(due: Date): Date {
  return new Date(Math.floor(due.getTime() / 60_000) * 60_000);
}
