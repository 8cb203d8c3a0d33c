import type { CellValue } from '../forms/cell-parser.js';
import type { FormSpec, MetricSpec } from '../forms/form-spec.js';
import type { Period } from '../periods/schedule.js';
import { ictDateOf } from '../time/ict.js';
import type { Unit } from '../units/unit.js';
import { DAY_MS } from '../time/calendar.js';
import { isoWeeksOfMonth, NO_MEMBERS_TEXT, numberOf, unitWeeks, weeklyTargetText } from './weekly-target.js';

/** The valid rows of one unit's submission, as metrics read them. */
export interface MetricRows {
  readonly rows: readonly { readonly values: Readonly<Record<string, CellValue>> }[];
}

export type MetricFormat = 'int' | 'decimal' | 'money' | 'percent';

/** A form metric for one period: per unit (units that sent something) and overall. */
export interface MetricResult {
  readonly id: string;
  readonly label: string;
  readonly format: MetricFormat;
  readonly total: number | null;
  readonly byUnit: Readonly<Record<string, number | null>>;
  /** When the plan sets a target: what it is, and how many measured units meet it. */
  readonly target?: { readonly description: string; readonly unitsMeeting: number; readonly unitsMeasured: number };
  /** Why a unit has no value, by unit id ("chưa khai báo số đoàn viên"): shown instead of a number. */
  readonly notes?: Readonly<Record<string, string>>;
}

type Submitted = readonly { readonly unit: Unit; readonly submission: MetricRows }[];

/** Compute every metric a form declares (seeds: weeks meeting the weekly target, fees, yearly counts). */
export function formMetrics(spec: FormSpec, period: Period, submitted: Submitted): MetricResult[] {
  return spec.metrics.map((metric) => metricResult(spec, period, metric, submitted));
}

function metricResult(spec: FormSpec, period: Period, metric: MetricSpec, submitted: Submitted): MetricResult {
  const base = { id: metric.id, label: metric.label };
  const perUnit = (value: (rows: MetricRows['rows'], unit: Unit) => number | null) =>
    Object.fromEntries(submitted.map(({ unit, submission }) => [unit.id, value(submission.rows, unit)]));
  switch (metric.type) {
    case 'row-count': {
      const byUnit = perUnit((rows) => rows.length);
      return { ...base, format: 'int', byUnit, total: sum(byUnit) };
    }
    case 'sum': {
      const type = spec.columns.find((c) => c.key === metric.column)?.type;
      const byUnit = perUnit((rows) => rows.reduce((total, r) => total + numberOf(r.values[metric.column]), 0));
      return {
        ...base,
        format: type === 'money' ? 'money' : type === 'decimal' ? 'decimal' : 'int',
        byUnit,
        total: sum(byUnit),
      };
    }
    case 'fee-per-row': {
      const byUnit = perUnit((rows) => rows.length * metric.amount);
      return { ...base, format: 'money', byUnit, total: sum(byUnit) };
    }
    case 'balance': {
      // On the receipts plan itself: what each unit paid (the còn nợ needs the other plan: domain/finance).
      const byUnit = perUnit((rows) => rows.reduce((total, r) => total + numberOf(r.values[metric.column]), 0));
      return { ...base, format: 'money', byUnit, total: sum(byUnit) };
    }
    case 'weeks-with-activity': {
      // A period without a month of its own (a once plan) counts the weeks of the month it starts in.
      const weeks = weeksInMonth(period.month ?? ictDateOf(period.start).slice(0, 7));
      const active = perUnit((rows) => activeWeeks(rows, metric.weekColumn, metric.minPerWeek, weeks));
      const byUnit = Object.fromEntries(Object.entries(active).map(([id, n]) => [id, n === null ? null : n / weeks]));
      const measured = Object.values(active).filter((n): n is number => n !== null);
      const total = measured.length
        ? Math.min(1, measured.reduce((a, b) => a + b, 0) / (measured.length * weeks))
        : null;
      return {
        ...base,
        format: 'percent',
        byUnit,
        total,
        target: target(`≥ ${metric.minPerWeek} hoạt động mỗi tuần (${weeks} tuần)`, byUnit, (v) => v >= 1),
      };
    }
    case 'participation-rate': {
      const byUnit = perUnit((rows, unit) => participation(rows, metric.column, unit.members));
      return {
        ...base,
        format: 'percent',
        byUnit,
        total: mean(byUnit),
        target: target(`${Math.round(metric.target * 100)} % đoàn viên tham gia`, byUnit, (v) => v >= metric.target),
      };
    }
    case 'weeks-meeting-target': {
      // A period without a month of its own (a once plan) counts the weeks of the month it starts in.
      const month = period.month ?? ictDateOf(period.start).slice(0, 7);
      const weeks = isoWeeksOfMonth(month);
      const met = perUnit((rows, unit) => {
        const judged = unitWeeks(
          metric,
          rows.map((r) => ({ month, values: r.values })),
          unit.members,
          weeks,
        );
        return judged.some((w) => w.met === null) ? null : judged.filter((w) => w.met).length;
      });
      const byUnit = Object.fromEntries(
        Object.entries(met).map(([id, n]) => [id, n === null ? null : n / weeks.length]),
      );
      const measured = Object.values(met).filter((n): n is number => n !== null);
      const total = measured.length ? measured.reduce((a, b) => a + b, 0) / (measured.length * weeks.length) : null;
      const notes = Object.fromEntries(
        Object.entries(met)
          .filter(([, n]) => n === null)
          .map(([id]) => [id, NO_MEMBERS_TEXT]),
      );
      return {
        ...base,
        format: 'percent',
        byUnit,
        total,
        target: target(`${weeklyTargetText(metric)} (${weeks.length} tuần)`, byUnit, (v) => v >= 1),
        ...(Object.keys(notes).length ? { notes } : {}),
      };
    }
    case 'count-where': {
      const dateColumn = spec.columns.find((c) => c.type === 'date')?.key;
      const matching = (rows: MetricRows['rows']) =>
        rows.filter((r) => matches(r.values[metric.column], metric.equals));
      if (metric.per === 'month' && dateColumn) {
        const months = targetMonths(period);
        const byUnit = perUnit((rows) => monthsWith(matching(rows), dateColumn, metric.atLeast ?? 1));
        return {
          ...base,
          format: 'int',
          byUnit,
          total: sum(byUnit),
          target: target(`${metric.atLeast ?? 1} lần/tháng (${months} tháng)`, byUnit, (v) => v >= months),
        };
      }
      const byUnit = perUnit((rows) => matching(rows).length);
      const atLeast = metric.atLeast;
      return {
        ...base,
        format: 'int',
        byUnit,
        total: sum(byUnit),
        ...(atLeast ? { target: target(`≥ ${atLeast} lần`, byUnit, (v) => v >= atLeast) } : {}),
      };
    }
  }
}

/** ISO weeks that belong to a month ('YYYY-MM') by the ≥ 4-day rule: as many as the month has Thursdays. */
export function weeksInMonth(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const firstWeekday = new Date(Date.UTC(year, m - 1, 1)).getUTCDay();
  let thursdays = 0;
  for (let day = 0; day < days; day++) if ((firstWeekday + day) % 7 === 4) thursdays++;
  return thursdays;
}

function activeWeeks(rows: MetricRows['rows'], column: string, minPerWeek: number, weeks: number): number {
  const perWeek = new Map<number, number>();
  for (const row of rows) {
    const week = Math.min(weeks, numberOf(row.values[column]));
    if (week >= 1) perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  return [...perWeek.values()].filter((n) => n >= minPerWeek).length;
}

function participation(rows: MetricRows['rows'], column: string, members: number | undefined): number | null {
  if (!members || rows.length === 0) return null;
  // Each activity's share is capped at 100 %: guests do not push a unit above its members.
  return rows.reduce((total, r) => total + Math.min(1, numberOf(r.values[column]) / members), 0) / rows.length;
}

function monthsWith(rows: MetricRows['rows'], dateColumn: string, atLeast: number): number {
  const perMonth = new Map<string, number>();
  for (const row of rows) {
    const date = row.values[dateColumn];
    if (typeof date === 'string') perMonth.set(date.slice(0, 7), (perMonth.get(date.slice(0, 7)) ?? 0) + 1);
  }
  return [...perMonth.values()].filter((n) => n >= atLeast).length;
}

/** Months a "per month" target counts over: a school year's teaching months (9: September to May), else the period's months. */
function targetMonths(period: Period): number {
  if (/^\d{4}-\d{4}$/.test(period.id)) return 9;
  const ms = period.end.getTime() - period.start.getTime();
  return Math.max(1, Math.round(ms / (30.44 * DAY_MS)));
}

function matches(value: CellValue | undefined, wanted: string): boolean {
  return Array.isArray(value) ? value.includes(wanted) : value === wanted;
}

function sum(byUnit: Readonly<Record<string, number | null>>): number {
  return Object.values(byUnit).reduce<number>((total, v) => total + (v ?? 0), 0);
}

function mean(byUnit: Readonly<Record<string, number | null>>): number | null {
  const values = Object.values(byUnit).filter((v): v is number => v !== null);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function target(description: string, byUnit: Readonly<Record<string, number | null>>, met: (value: number) => boolean) {
  const measured = Object.values(byUnit).filter((v): v is number => v !== null);
  return { description, unitsMeeting: measured.filter(met).length, unitsMeasured: measured.length };
}
