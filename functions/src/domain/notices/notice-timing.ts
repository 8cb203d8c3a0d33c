import type { FormSpec } from '../forms/form-spec.js';
import { addDays, DAY_MS, ictDateOf, ictInstant, ictWallClock } from '../time/ict.js';
import type { NoticePolicy, NoticeStage } from './notice-kinds.js';

/**
 * Which notice stage applies to a period's due instant at `now` (DESIGN data flow step 8).
 * Days before the deadline are ICT calendar days (a reminder "3 days before" opens at 00:00 ICT
 * three days before the due day); days after it are exact multiples of 24 h from the due instant.
 */

/** The days of one form's schedule: the form's own `notices` where it sets them, else the policy's. */
export interface NoticeSchedule {
  readonly reminderDays: number;
  readonly escalationDays: number;
  readonly stopAfterDays: number;
}

/** Where `now` stands: before any notice, inside one stage, or past the last one (digest only). */
export type NoticeTiming =
  { readonly kind: 'before' } | { readonly kind: 'stage'; readonly stage: NoticeStage } | { readonly kind: 'stopped' };

/** A form's schedule: its spec's `notices` override the policy's reminder and escalation days. */
export function noticeScheduleOf(spec: FormSpec, policy: NoticePolicy): NoticeSchedule {
  return {
    reminderDays: spec.notices?.reminderDays ?? policy.reminderDays,
    escalationDays: spec.notices?.escalationDays ?? policy.escalationDays,
    stopAfterDays: policy.stopAfterDays,
  };
}

/**
 * The ICT calendar day a unit must submit on: the due instant's day, except for a deadline at
 * exactly 00:00 ICT ("trước ngày D"), whose last day is the day before D.
 */
export function dueDayOf(due: Date): string {
  return ictDateOf(new Date(due.getTime() - 1));
}

/** 00:00 ICT of the due day: the reminder stage ends and the due stage starts here. */
export function dueDayStart(due: Date): Date {
  return ictInstant(dueDayOf(due));
}

/** 00:00 ICT of the day `reminderDays` calendar days before the due day: the reminder stage starts here. */
export function reminderStart(due: Date, reminderDays: number): Date {
  return ictInstant(addDays(dueDayOf(due), -reminderDays));
}

/** The stage that applies at `now`; only the current one (a missed earlier stage is never backfilled). */
export function noticeTiming(due: Date, now: Date, schedule: NoticeSchedule): NoticeTiming {
  const t = now.getTime();
  const d = due.getTime();
  if (t > d) {
    if (t >= d + schedule.stopAfterDays * DAY_MS) return { kind: 'stopped' };
    return { kind: 'stage', stage: t >= d + schedule.escalationDays * DAY_MS ? 'escalation' : 'overdue' };
  }
  if (t >= dueDayStart(due).getTime()) return { kind: 'stage', stage: 'due' };
  if (t >= reminderStart(due, schedule.reminderDays).getTime()) return { kind: 'stage', stage: 'reminder' };
  return { kind: 'before' };
}

/** The hour of the day in ICT, 0–23. */
export function ictHour(instant: Date): number {
  return ictWallClock(instant).getUTCHours();
}

/** True outside the sending hours [sendFrom, sendUntil) ICT. */
export function isQuietHour(now: Date, policy: NoticePolicy): boolean {
  const hour = ictHour(now);
  return hour < policy.quietHours.sendFrom || hour >= policy.quietHours.sendUntil;
}
