import type { CellValue } from '../forms/cell-parser.js';
import type { MetricSpec } from '../forms/form-spec.js';
import { isoWeekId } from '../periods/period-id.js';
import { addDays, isoWeekday } from '../time/ict.js';

/*
 * Seed 002's target, "mỗi tuần ít nhất 01 hoạt động với sự tham gia của 100 % đoàn viên", checked per
 * week and together: a week is met only when enough of its own activities each reached the share of
 * members. Units report an activity by month and week of the month (1–5); the month's weeks are the
 * ISO weeks (Monday–Sunday) whose Thursday falls in it, as for weekly periods.
 */

export type WeeklyTargetMetric = Extract<MetricSpec, { type: 'weeks-meeting-target' }>;

/** An activity row with the month ('YYYY-MM') of the report it came in. */
export interface ActivityRow {
  readonly month: string;
  readonly values: Readonly<Record<string, CellValue>>;
}

/** One ISO week of one unit, judged against the plan's weekly target. */
export interface UnitWeek {
  readonly weekId: string;
  readonly activities: number;
  /** Activities whose participants reached members × target. */
  readonly meeting: number;
  /** Participants of the week's best-attended activity; null when it had none. */
  readonly bestParticipants: number | null;
  /** null: the unit has not declared its members, so the week cannot be judged. */
  readonly met: boolean | null;
}

/** Why a unit's weeks are not judged: said instead of a misleading "0 %". */
export const NO_MEMBERS_TEXT = 'chưa khai báo số đoàn viên';

/** The ISO weeks ('YYYY-Www') of a month ('YYYY-MM'), in order: those whose Thursday falls in it. */
export function isoWeeksOfMonth(month: string): string[] {
  const first = `${month}-01`;
  const weeks: string[] = [];
  for (
    let thursday = addDays(first, (4 - isoWeekday(first) + 7) % 7);
    thursday.startsWith(month);
    thursday = addDays(thursday, 7)
  )
    weeks.push(isoWeekId(thursday));
  return weeks;
}

/** The ISO week of "tuần n" of a month; a week past the month's last ("tuần 5" of a 4-week month) is its last, as the unit meant. */
export function weekOfMonth(month: string, n: number): string | undefined {
  const weeks = isoWeeksOfMonth(month);
  if (!Number.isInteger(n) || n < 1) return undefined;
  return weeks[Math.min(n, weeks.length) - 1];
}

/** Each of `weeks` for one unit: its activities, and whether ≥ minPerWeek of them each had ≥ target × members taking part. */
export function unitWeeks(
  metric: WeeklyTargetMetric,
  rows: readonly ActivityRow[],
  members: number | undefined,
  weeks: readonly string[],
): UnitWeek[] {
  const byWeek = new Map<string, number[]>();
  for (const row of rows) {
    const week = weekOfMonth(row.month, numberOf(row.values[metric.weekColumn]));
    if (week === undefined) continue;
    byWeek.set(week, [...(byWeek.get(week) ?? []), numberOf(row.values[metric.column])]);
  }
  // Shares are compared in whole people: 100 % of 23 members is 23, never 22,99.
  const needed = members ? Math.ceil(members * metric.target - 1e-9) : undefined;
  return weeks.map((weekId) => {
    const participants = byWeek.get(weekId) ?? [];
    const meeting = needed === undefined ? 0 : participants.filter((p) => p >= needed).length;
    return {
      weekId,
      activities: participants.length,
      meeting,
      bestParticipants: participants.length ? Math.max(...participants) : null,
      met: needed === undefined ? null : meeting >= metric.minPerWeek,
    };
  });
}

/** "≥ 1 hoạt động mỗi tuần, mỗi hoạt động ≥ 100 % đoàn viên tham gia": the target as the summary and the reports word it. */
export function weeklyTargetText(metric: Pick<WeeklyTargetMetric, 'minPerWeek' | 'target'>): string {
  return `≥ ${metric.minPerWeek} hoạt động mỗi tuần, mỗi hoạt động ≥ ${Math.round(metric.target * 100)}\u00a0% đoàn viên tham gia`;
}

/** A cell's number for a count or a sum; blank, text or a non-finite number counts 0. */
export function numberOf(value: CellValue | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
