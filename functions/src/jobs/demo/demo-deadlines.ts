import type { Deadline, FormSpec } from '../../domain/forms/form-spec.js';
import { monthsFrom } from './demo-profile.js';
import type { Prng } from './prng.js';

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving). */
const ICT_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Midnight at the start of a calendar day in Asia/Ho_Chi_Minh. */
function startOfDayIct(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - ICT_OFFSET_MS;
}

/** The instant a deadline falls in Asia/Ho_Chi_Minh; a deadline without a time ends with its day. */
export function deadlineInstant(due: Deadline): Date {
  const start = startOfDayIct(due.date);
  if (due.time === undefined) return new Date(start + DAY_MS);
  const [hour = 0, minute = 0] = due.time.split(':').map(Number);
  return new Date(start + hour * HOUR_MS + minute * 60_000);
}

/** The last deadline of a form a unit answers; for a monthly form, the one of the last month it reported. */
export function finalDeadline(spec: FormSpec, lastReportedMonth?: string): Deadline {
  const period = spec.period;
  switch (period.type) {
    case 'once':
    case 'school-year':
      return period.due;
    case 'phases':
      return period.phases[period.phases.length - 1]?.due ?? { date: '2000-01-01' };
    case 'monthly': {
      const next = monthsFrom(lastReportedMonth ?? period.to, 2)[1] ?? period.to;
      return { date: `${next}-${String(period.dueDay).padStart(2, '0')}` };
    }
    case 'weekly': {
      const last = new Date(`${period.to}T00:00:00Z`);
      const toSunday = (7 - last.getUTCDay()) % 7;
      return { date: new Date(last.getTime() + (toSunday + period.dueAfterDays) * DAY_MS).toISOString().slice(0, 10) };
    }
  }
}

/**
 * When a unit sent its file: on time = 1–4 days before the deadline's day, late = 1–5 days after it,
 * during office hours (08:00–20:59) in Asia/Ho_Chi_Minh, to the minute.
 */
export function sentAtFor(due: Deadline, late: boolean, rng: Prng): Date {
  const days = late ? rng.int(1, 5) : -rng.int(1, 4);
  const offset = days * DAY_MS + rng.int(8, 20) * HOUR_MS + rng.int(0, 59) * 60_000;
  return new Date(startOfDayIct(due.date) + offset);
}
