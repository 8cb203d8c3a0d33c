import type { FormSpec } from '../forms/form-spec.js';
import { periodsOf } from '../periods/schedule.js';
import { DAY_MS, ICT_OFFSET_MS } from '../time/ict.js';

/**
 * When a deadline passes, the summary's statuses flip ("chưa nộp" becomes "quá hạn") although no
 * file changed: a tick that found nothing new must still rebuild the summary once it is past.
 */

/** The office-hours tick: every 10 minutes from 07:00 to 19:50 ICT. The deployed schedule's cron is built from it. */
export const OFFICE_HOURS_TICK = { everyMinutes: 10, firstHour: 7, lastHour: 19 } as const;

/** The tick's cron line in Asia/Ho_Chi_Minh: '*\/10 7-19 * * *'. */
export function officeHoursTickCron(): string {
  const { everyMinutes, firstHour, lastHour } = OFFICE_HOURS_TICK;
  return `*/${everyMinutes} ${firstHour}-${lastHour} * * *`;
}

const TICK_MS = OFFICE_HOURS_TICK.everyMinutes * 60_000;
const FIRST_TICK_MS = OFFICE_HOURS_TICK.firstHour * 3_600_000;
const LAST_TICK_MS = (OFFICE_HOURS_TICK.lastHour + 1) * 3_600_000 - TICK_MS;

/** When the tick before `now` ran: 10 minutes earlier, or 19:50 the evening before for the morning's first tick. */
export function previousTickAt(now: Date): Date {
  const wallClock = now.getTime() + ICT_OFFSET_MS;
  const msOfDay = ((wallClock % DAY_MS) + DAY_MS) % DAY_MS;
  if (msOfDay >= FIRST_TICK_MS + TICK_MS) return new Date(now.getTime() - TICK_MS);
  const yesterdayStart = wallClock - msOfDay - DAY_MS;
  return new Date(yesterdayStart + LAST_TICK_MS - ICT_OFFSET_MS);
}

/**
 * Scheduled runs start a little late at times; a deadline this close before the previous tick is looked
 * at again, so a tick that ran exactly at the deadline (not yet overdue) never hides the flip from the next.
 */
const SCHEDULE_SLACK_MS = 2 * 60_000;

/**
 * Whether the deadline of any period of these forms passed since the previous tick (with some slack),
 * as statuses judge it: overdue once now is after the due instant.
 */
export function deadlinePassedSinceLastTick(forms: readonly FormSpec[], now: Date): boolean {
  return deadlinePassedBetween(forms, new Date(previousTickAt(now).getTime() - SCHEDULE_SLACK_MS), now);
}

/** Whether a period of these forms became overdue in [from, to): its due instant d has from ≤ d < to. */
export function deadlinePassedBetween(forms: readonly FormSpec[], from: Date, to: Date): boolean {
  return forms.some((spec) =>
    periodsOf(spec).some((p) => p.due.getTime() >= from.getTime() && p.due.getTime() < to.getTime()),
  );
}
