import type { FormSpec, PeriodRule } from '../forms/form-spec.js';
import { addDays, deadlineInstant, ictInstant, isoWeekday } from '../time/ict.js';
import { isoWeekId, ONCE_PERIOD, periodLabel, type PeriodId } from './period-id.js';
import { pad2 } from '../time/calendar.js';

/**
 * The periods of a form's plan as instants in Asia/Ho_Chi_Minh: when each starts,
 * ends and is due. Pure: "now" is always passed in.
 */

/** One period of a plan. */
export interface Period {
  id: PeriodId;
  /** Vietnamese label (periodLabel). */
  label: string;
  /** First instant of the period, ICT. Once forms: 00:00 of the due day (they count as started anyway). */
  start: Date;
  /** First instant after the period, ICT. Once forms: just after the deadline (grace days not included). */
  end: Date;
  /** Last instant still on time: deadlineInstant of the period's deadline, including spec.graceDays. */
  due: Date;
  /** 'YYYY-MM' the period counts in: monthly → itself; weekly → the month holding ≥ 4 of its days. */
  month?: string;
  /** Phases: the phase's theme. */
  theme?: string;
}

type Pause = { from: string; to: string };

/** Every period of a form's plan, in order (phases in declared order); paused periods are left out. */
export function periodsOf(spec: FormSpec): Period[] {
  const rule = spec.period;
  const grace = spec.graceDays;
  const label = (id: PeriodId) => periodLabel(spec, id);
  switch (rule.type) {
    case 'once': {
      const deadline = deadlineInstant(rule.due);
      const id = ONCE_PERIOD;
      return [
        {
          id,
          label: label(id),
          start: ictInstant(rule.due.date),
          end: new Date(deadline.getTime() + 1),
          due: deadlineInstant(rule.due, grace),
        },
      ];
    }
    case 'school-year': {
      const first = Number(rule.schoolYear.slice(0, 4));
      const id = rule.schoolYear;
      return [
        {
          id,
          label: label(id),
          start: ictInstant(`${first}-08-01`),
          end: ictInstant(`${first + 1}-08-01`),
          due: deadlineInstant(rule.due, grace),
        },
      ];
    }
    case 'phases':
      return rule.phases.map((phase) => {
        const months = [...phase.months].sort();
        const period: Period = {
          id: phase.id,
          label: label(phase.id),
          start: ictInstant(`${months[0] ?? ''}-01`),
          end: ictInstant(`${nextMonth(months[months.length - 1] ?? '')}-01`),
          due: deadlineInstant(phase.due, grace),
        };
        if (phase.theme !== undefined) period.theme = phase.theme;
        return period;
      });
    case 'monthly':
      return monthlyPeriods(rule, grace, label);
    case 'weekly':
      return weeklyPeriods(rule, grace, label);
  }
}

/** The periods that have started by `now` (start ≤ now); a once or school-year form's one period always has. */
export function periodsStartedBy(spec: FormSpec, now: Date): Period[] {
  const always = spec.period.type === 'once' || spec.period.type === 'school-year';
  return periodsOf(spec).filter((p) => always || p.start.getTime() <= now.getTime());
}

/** The period of a plan with this id, or undefined (unknown id, or a paused period). */
export function periodById(spec: FormSpec, id: PeriodId): Period | undefined {
  return periodsOf(spec).find((p) => p.id === id);
}

/** True once `now` is past the period's last on-time instant. */
export function isDueBy(period: Period, now: Date): boolean {
  return now.getTime() > period.due.getTime();
}

/** The month ('YYYY-MM') holding ≥ 4 of an ISO week's 7 days, i.e. its Thursday's month: '2020-W01' → '2020-01'. */
export function monthOfIsoWeek(weekId: string): string {
  return addDays(isoWeekMonday(weekId), 3).slice(0, 7);
}

/** The Monday ('YYYY-MM-DD') of an ISO week id: '2020-W01' → '2019-12-30'; a RangeError for an id no year has. */
export function isoWeekMonday(weekId: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(weekId);
  const year = m?.[1];
  if (year === undefined) throw new RangeError(`not an ISO week id (YYYY-Www): ${weekId}`);
  // Week 1 is the week holding 4 January.
  const jan4 = `${year}-01-04`;
  const monday = addDays(jan4, 1 - isoWeekday(jan4) + (Number(m?.[2]) - 1) * 7);
  if (isoWeekId(monday) !== weekId) throw new RangeError(`no such ISO week: ${weekId}`);
  return monday;
}

type Label = (id: PeriodId) => string;

function monthlyPeriods(rule: Extract<PeriodRule, { type: 'monthly' }>, grace: number, label: Label): Period[] {
  const periods: Period[] = [];
  for (let month = rule.from; month <= rule.to; month = nextMonth(month)) {
    const following = nextMonth(month);
    const lastDay = addDays(`${following}-01`, -1);
    if (mostlyPaused(`${month}-01`, lastDay, rule.pauses)) continue;
    periods.push({
      id: month,
      label: label(month),
      start: ictInstant(`${month}-01`),
      end: ictInstant(`${following}-01`),
      due: deadlineInstant({ date: `${following}-${pad2(rule.dueDay)}` }, grace),
      month,
    });
  }
  return periods;
}

/** Every ISO week overlapping from..to (so each date periodOfValue accepts has its week), minus paused weeks. */
function weeklyPeriods(rule: Extract<PeriodRule, { type: 'weekly' }>, grace: number, label: Label): Period[] {
  const periods: Period[] = [];
  for (let monday = addDays(rule.from, 1 - isoWeekday(rule.from)); monday <= rule.to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    if (mostlyPaused(monday, sunday, rule.pauses)) continue;
    const id = isoWeekId(monday);
    periods.push({
      id,
      label: label(id),
      start: ictInstant(monday),
      end: ictInstant(addDays(monday, 7)),
      due: deadlineInstant({ date: addDays(sunday, rule.dueAfterDays) }, grace),
      month: addDays(monday, 3).slice(0, 7),
    });
  }
  return periods;
}

/** True when at least half of the days first..last (inclusive) fall inside some pause. */
function mostlyPaused(first: string, last: string, pauses: readonly Pause[]): boolean {
  if (pauses.length === 0) return false;
  let total = 0;
  let paused = 0;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    total += 1;
    if (pauses.some((p) => p.from <= day && day <= p.to)) paused += 1;
  }
  return paused * 2 >= total;
}

/** 'YYYY-MM' → the month after: '2020-12' → '2021-01'. */
function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${month.slice(0, 5)}${pad2(m + 1)}`;
}
