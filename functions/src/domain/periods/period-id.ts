import type { EnumOption, FormSpec, PeriodRule } from '../forms/form-spec.js';
import { dateLabel, DAY_MS, pad2 } from '../time/calendar.js';

/**
 * Period ids, stable and sortable, used in document ids `{form}~{period}~{unit}`:
 * once → 'mot-lan' (never its deadline, so moving the deadline keeps what units sent);
 * monthly → 2020-04; weekly → 2020-W15; phases → the phase id (dot-1); school-year → 2022-2023.
 */
export type PeriodId = string;

/**
 * The one period of a plan answered once. Before December 2026 it was the plan's due date
 * (e.g. `tap-huan-2024~2024-09-15~u1`); see README "Những gì được đổi an toàn trong kỳ".
 */
export const ONCE_PERIOD: PeriodId = 'mot-lan';

/** Rows whose period could not be read (the period cell is blank or wrong). */
export const UNASSIGNED_PERIOD: PeriodId = 'chua-xac-dinh';

/** The one period of a form that has no period column, or undefined. */
export function singlePeriodId(rule: PeriodRule): PeriodId | undefined {
  if (rule.type === 'once') return ONCE_PERIOD;
  if (rule.type === 'school-year') return rule.schoolYear;
  return undefined;
}

/** Options of a phases form's period column: each phase by name, id and aliases. */
export function phaseOptions(rule: PeriodRule): EnumOption[] {
  if (rule.type !== 'phases') return [];
  return rule.phases.map((phase) => ({ value: phase.name, aliases: [phase.id, ...phase.aliases] }));
}

/**
 * The period a row belongs to, from its parsed period-column value
 * ('YYYY-MM' for monthly, 'YYYY-MM-DD' for weekly, the phase name for phases),
 * or a Vietnamese reason when the value is outside the plan's periods.
 */
export function periodOfValue(
  rule: PeriodRule,
  value: string,
): { ok: true; periodId: PeriodId } | { ok: false; reason: string } {
  switch (rule.type) {
    case 'once':
      return { ok: true, periodId: ONCE_PERIOD };
    case 'school-year':
      return { ok: true, periodId: rule.schoolYear };
    case 'monthly':
      if (value < rule.from || value > rule.to) {
        return {
          ok: false,
          reason: `nằm ngoài thời gian của kế hoạch (từ tháng ${monthLabel(rule.from)} đến tháng ${monthLabel(rule.to)})`,
        };
      }
      return { ok: true, periodId: value };
    case 'weekly':
      if (value < rule.from || value > rule.to) {
        return {
          ok: false,
          reason: `nằm ngoài thời gian của kế hoạch (từ ${dateLabel(rule.from)} đến ${dateLabel(rule.to)})`,
        };
      }
      return { ok: true, periodId: isoWeekId(value) };
    case 'phases': {
      const phase = rule.phases.find((p) => p.name === value);
      return phase ? { ok: true, periodId: phase.id } : { ok: false, reason: 'không phải đợt của kế hoạch' };
    }
  }
}

/** Vietnamese label of a period, e.g. "tháng 4/2020", "Đợt I (tháng 3/2014)", "năm học 2022 – 2023". */
export function periodLabel(spec: FormSpec, periodId: PeriodId): string {
  if (periodId === UNASSIGNED_PERIOD) return 'chưa xác định kỳ';
  const rule = spec.period;
  switch (rule.type) {
    case 'once':
      return `hạn ${dateLabel(rule.due.date)}`;
    case 'school-year':
      return `năm học ${rule.schoolYear.replace('-', ' – ')}`;
    case 'monthly':
      return `tháng ${monthLabel(periodId)}`;
    case 'weekly':
      return `tuần ${periodId.slice(6)}/${periodId.slice(0, 4)}`;
    case 'phases': {
      const phase = rule.phases.find((p) => p.id === periodId);
      return phase ? `${phase.name} (tháng ${phase.months.map(monthLabel).join(', ')})` : periodId;
    }
  }
}

/** 'YYYY-MM' → 'M/YYYY'. */
export function monthLabel(month: string): string {
  return `${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;
}

export { dateLabel } from '../time/calendar.js';

/** ISO week id of a calendar date: '2020-04-06' → '2020-W15'. */
export function isoWeekId(date: string): PeriodId {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  // The ISO week's year is the year of its Thursday.
  const thursday = new Date(day.getTime() + (4 - weekday) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${pad2(week)}`;
}
