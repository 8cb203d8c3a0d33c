import type { FormSpec } from '../domain/forms/form-spec.js';
import { singlePeriodId } from '../domain/periods/period-id.js';
import { periodById } from '../domain/periods/schedule.js';
import { addDays, calendarDaysBetween, DAY_MS, ictDateOf, ictInstant, ictWallClock } from '../domain/time/ict.js';
import type { WritableCell } from '../adapters/sheet-layout/write-sheet-layout.js';
import type { DemoRow } from './demo-profile.js';
import type { Prng } from './prng.js';

/**
 * When each unit sent its file, over the years its plans ran: a history of sends,
 * each the whole workbook as it stood then, so each form and period gets its own on-time or late status.
 */

/** 08:00 Monday 23/09/2024 in Asia/Ho_Chi_Minh: the instant the demo runs at, a week after the training deadline. Every send happened by then. */
export const DEMO_NOW = new Date('2024-09-23T01:00:00Z');

/**
 * The morning notice runs of the demo's history around the training deadline (10g00 15/09/2024):
 * a reminder, the due day, overdue; the escalation comes with the final run at DEMO_NOW.
 */
export const DEMO_NOTICE_RUNS: readonly Date[] = [
  ictInstant('2024-09-13', '07:30'),
  ictInstant('2024-09-15', '07:30'),
  ictInstant('2024-09-17', '07:30'),
];

/** One time a unit sent its file: the whole workbook as of that instant (earlier rows kept, new rows and tabs added). */
export interface DemoSend {
  readonly at: Date;
  /** Rows of each tab the file had then, in the form's column order; a tab appears with its first rows. */
  readonly rowsByFormId: Map<string, WritableCell[][]>;
}

/** One (form, period) a unit reported on: when its rows went out against the deadline. */
export interface DemoDelivery {
  readonly formId: string;
  readonly periodId: string;
  /** The last instant still on time, by the product's rule (periodsOf). */
  readonly dueAt: Date;
  /** The first send holding rows of the period, and the send that brought its last rows. */
  readonly firstSentAt: Date;
  readonly sentAt: Date;
  /** sentAt > dueAt. A period sent in batches whose first batch was on time is late here but only revised after the deadline for the product. */
  readonly late: boolean;
  /** Declared "Không phát sinh" instead of rows. */
  readonly nil: boolean;
}

/** How a Liên đội reported its school year: in 2–3 batches, the last on time or late; or everything at once after the deadline. */
export type SchoolYearPace = 'on-time' | 'last-batch-late' | 'all-late';

/** What the district decided about a unit's timing before its sends are drawn. */
export interface SendPlan {
  /** Forms answered once that the unit sent after their deadline. */
  readonly lateForms: ReadonlySet<string>;
  /** A late form with a daytime deadline (10:00) went out the same afternoon rather than on a later day. */
  readonly lateSameDay?: boolean;
  /** Whether the last period of the unit's periodic form (months, phases) went out late. */
  readonly lastPeriodLate: boolean;
  readonly schoolYear: SchoolYearPace;
}

/** A unit's sends (chronological, at most one per ICT day) and what each of its periods looked like. */
export interface DemoHistory {
  readonly sends: DemoSend[];
  readonly deliveries: DemoDelivery[];
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Share of a periodic form's periods (other than the last) sent late: about one in ten with the 0–1 extra. */
const LATE_PERIOD_SHARE = 0.08;
/** Dates a Liên đội may cut an interim school-year report at (end of a month), before the final one. */
const SCHOOL_YEAR_CUTS = ['10-31', '12-31', '02-28', '03-31'] as const;

/**
 * Draw when the unit sent each row, merge sends of one ICT day into that day's last one
 * (the file is saved again the same day; only its last mtime is seen), and lay out each send's cumulative content.
 * The last send holds `rowsByFormId` itself: the final file.
 */
export function buildHistory(
  forms: readonly FormSpec[],
  rows: ReadonlyMap<string, readonly DemoRow[]>,
  rowsByFormId: Map<string, WritableCell[][]>,
  plan: SendPlan,
  rng: Prng,
): DemoHistory {
  const specs = forms.filter((spec) => (rowsByFormId.get(spec.id)?.length ?? 0) > 0);
  const drawn = new Map(specs.map((spec) => [spec.id, sendTimesOf(spec, rows.get(spec.id) ?? [], plan, rng)]));
  const merged = mergeByIctDay([...drawn.values()].flat());
  const times = new Map([...drawn].map(([formId, list]) => [formId, list.map((t) => merged.get(t) ?? t)]));
  for (const [formId, list] of times) {
    if (list.some((t, i) => i > 0 && t < (list[i - 1] ?? t)))
      throw new Error(`Demo: rows of ${formId} are not sent in their order`);
  }
  const instants = [...new Set(merged.values())].sort((a, b) => a - b);
  const sends = instants.map((at, i): DemoSend => {
    if (i === instants.length - 1) return { at: new Date(at), rowsByFormId };
    const content = new Map<string, WritableCell[][]>();
    for (const [formId, list] of times) {
      const count = list.filter((t) => t <= at).length;
      if (count > 0) content.set(formId, (rowsByFormId.get(formId) ?? []).slice(0, count));
    }
    return { at: new Date(at), rowsByFormId: content };
  });
  const deliveries = specs.flatMap((spec) => deliveriesOf(spec, rows.get(spec.id) ?? [], times.get(spec.id) ?? []));
  return { sends, deliveries };
}

/**
 * When a unit sent a form it answers once: in the 3 days before its deadline or on its day (before a 10:00 deadline, that
 * morning); late, the same afternoon (sameDay, 10:00 deadlines) or on one of the next days (3 after a 10:00 deadline, else 5).
 */
export function onceSendAt(spec: FormSpec, late: boolean, rng: Prng, sameDay = false): Date {
  const due = dueOf(spec, singlePeriodId(spec.period) ?? '');
  return late ? lateAfter(due, rng, hasDaytimeDeadline(due) ? 3 : 5, sameDay) : onTimeBy(due, rng, 3);
}

function sendTimesOf(spec: FormSpec, rows: readonly DemoRow[], plan: SendPlan, rng: Prng): number[] {
  switch (spec.period.type) {
    case 'once': {
      const at = onceSendAt(spec, plan.lateForms.has(spec.id), rng, plan.lateSameDay).getTime();
      return rows.map(() => at);
    }
    case 'school-year':
      return schoolYearTimes(spec, rows, plan.schoolYear, rng);
    case 'monthly':
    case 'weekly':
    case 'phases':
      return periodicTimes(spec, rows, plan.lastPeriodLate, rng);
  }
}

/**
 * A school-year report (rows in date order): interim batches after 1–2 cut dates, each sent 3–12 days after its cut,
 * then the final batch (at least the last row) in the last week before the deadline or 1–10 days after it;
 * 'all-late' sends everything once, after the deadline.
 */
function schoolYearTimes(spec: FormSpec, rows: readonly DemoRow[], pace: SchoolYearPace, rng: Prng): number[] {
  const due = dueOf(spec, singlePeriodId(spec.period) ?? '');
  const lastDate = rows.reduce((last, row) => (row.period !== undefined && row.period > last ? row.period : last), '');
  const final =
    pace !== 'on-time'
      ? lateAfter(due, rng, 10)
      : lastDate === ''
        ? onTimeBy(due, rng, 6)
        : onTimeAfter(due, addDays(lastDate, 1), 6, rng);
  if (pace === 'all-late') return rows.map(() => final.getTime());
  const first = Number(
    spec.period.type === 'school-year' ? spec.period.schoolYear.slice(0, 4) : ictDateOf(due).slice(0, 4),
  );
  // August–December cuts fall in the school year's first calendar year, the others in the second.
  const cuts = rng
    .sample(SCHOOL_YEAR_CUTS, rng.int(1, 2))
    .map((cut) => `${Number(cut.slice(0, 2)) >= 8 ? first : first + 1}-${cut}`)
    .sort();
  const sentAt = cuts.map((cut) => officeHours(addDays(cut, rng.int(3, 12)), rng).getTime());
  const times = rows.map((row) => {
    const batch = cuts.findIndex((cut) => row.period !== undefined && row.period <= cut);
    return batch < 0 ? final.getTime() : (sentAt[batch] ?? final.getTime());
  });
  // The final report always brings something: at least the latest activity.
  if (times.length > 0) times[times.length - 1] = final.getTime();
  return times;
}

/**
 * A periodic form (months, phases): each period's rows go out together between the period's end and its deadline,
 * or 1–7 days late; about one period in ten is late, and the last one as the plan says.
 */
function periodicTimes(spec: FormSpec, rows: readonly DemoRow[], lastLate: boolean, rng: Prng): number[] {
  const periods = [...new Set(rows.map((row) => row.period ?? ''))];
  const earlier = periods.slice(0, -1);
  const late = new Set(rng.sample(earlier, Math.round(earlier.length * LATE_PERIOD_SHARE) + rng.int(0, 1)));
  if (lastLate) late.add(periods[periods.length - 1] ?? '');
  const sentAt = new Map(
    periods.map((periodId) => {
      const period = periodById(spec, periodId);
      if (!period) throw new Error(`Demo: form ${spec.id} has no period ${periodId}`);
      const at = late.has(periodId)
        ? lateAfter(period.due, rng, 7)
        : onTimeBy(period.due, rng, calendarDaysBetween(period.end, period.due));
      return [periodId, at.getTime()];
    }),
  );
  return rows.map((row) => sentAt.get(row.period ?? '') ?? 0);
}

function deliveriesOf(spec: FormSpec, rows: readonly DemoRow[], times: readonly number[]): DemoDelivery[] {
  const single = singlePeriodId(spec.period);
  const byPeriod = new Map<string, { times: number[]; nil: boolean }>();
  rows.forEach((row, i) => {
    const periodId = single ?? row.period ?? '';
    const entry = byPeriod.get(periodId) ?? { times: [], nil: true };
    entry.times.push(times[i] ?? 0);
    entry.nil &&= row.nil === true;
    byPeriod.set(periodId, entry);
  });
  return [...byPeriod].map(([periodId, entry]) => {
    const dueAt = dueOf(spec, periodId);
    const sentAt = new Date(Math.max(...entry.times));
    return {
      formId: spec.id,
      periodId,
      dueAt,
      firstSentAt: new Date(Math.min(...entry.times)),
      sentAt,
      late: sentAt > dueAt,
      nil: entry.nil,
    };
  });
}

function dueOf(spec: FormSpec, periodId: string): Date {
  const period = periodById(spec, periodId);
  if (!period) throw new Error(`Demo: form ${spec.id} has no period ${periodId}`);
  return period.due;
}

/** Each send instant mapped to the last send instant of its ICT calendar day. */
function mergeByIctDay(times: readonly number[]): Map<number, number> {
  const lastOfDay = new Map<string, number>();
  for (const t of times) {
    const day = ictDateOf(new Date(t));
    lastOfDay.set(day, Math.max(lastOfDay.get(day) ?? t, t));
  }
  return new Map(times.map((t) => [t, lastOfDay.get(ictDateOf(new Date(t))) ?? t]));
}

/** An instant of office hours (08:00–20:59 ICT, to the minute) on a calendar day. */
function officeHours(date: string, rng: Prng): Date {
  return new Date(ictInstant(date).getTime() + rng.int(8, 20) * HOUR_MS + rng.int(0, 59) * MINUTE_MS);
}

/** Office hours on one of the `days` days before the deadline's day or on it, still on time (a 10:00 deadline leaves its morning). */
function onTimeBy(due: Date, rng: Prng, days: number): Date {
  let at = officeHours(addDays(ictDateOf(due), -rng.int(0, Math.max(0, days))), rng).getTime();
  while (at > due.getTime()) at -= DAY_MS;
  return new Date(at);
}

/** Office hours in the last `days` days up to the deadline, not before `earliest` ('YYYY-MM-DD'). */
function onTimeAfter(due: Date, earliest: string, days: number, rng: Prng): Date {
  const room = Math.max(0, Math.min(days, calendarDaysBetween(ictInstant(earliest), due)));
  return onTimeBy(due, rng, room);
}

/** Late: the same afternoon after a daytime deadline (10:00 → 14:xx) when `sameDay`, else office hours on one of the `days` days after it. */
function lateAfter(due: Date, rng: Prng, days: number, sameDay = false): Date {
  if (sameDay && hasDaytimeDeadline(due)) return new Date(due.getTime() + 4 * HOUR_MS + rng.int(0, 59) * MINUTE_MS);
  // The first day whose office hours are all past the deadline: the deadline's own day for '00:00', else the next.
  const dueDay = ictDateOf(due);
  const firstLateDay = ictInstant(dueDay).getTime() + 8 * HOUR_MS > due.getTime() ? dueDay : addDays(dueDay, 1);
  return officeHours(addDays(firstLateDay, rng.int(0, days - 1)), rng);
}

/** A deadline at a time of day people are at work (10:00), unlike the end of a day or '00:00' ("trước ngày"). */
function hasDaytimeDeadline(due: Date): boolean {
  const hour = ictWallClock(due).getUTCHours();
  return hour >= 6 && hour < 16;
}
