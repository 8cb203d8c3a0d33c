import type { CellValue } from '../forms/cell-parser.js';
import type { FormSpec } from '../forms/form-spec.js';
import { isoWeekId } from '../periods/period-id.js';
import { isoWeekMonday, monthOfIsoWeek, periodById } from '../periods/schedule.js';
import { expectedUnits } from '../status/expected-units.js';
import { unitWeeks, weeklyTargetText, type UnitWeek, type WeeklyTargetMetric } from '../stats/weekly-target.js';
import { dateLabel } from '../time/calendar.js';
import { addDays, ictDateOf } from '../time/ict.js';
import type { Unit } from '../units/unit.js';

/** Version of the weekly figures' layout (JSON and .xlsx). */
export const WEEKLY_LAYOUT_VERSION = 'tonghop-bao-cao-tuan-1';

/** How many weeks the digest shows: the reported week and the three before it. */
export const WEEKS_SHOWN = 4;

/** One week of the digest: Monday to Sunday, Asia/Ho_Chi_Minh. */
export interface DigestWeek {
  readonly weekId: string;
  readonly from: string;
  readonly to: string;
  /** "16/09/2024 – 22/09/2024". */
  readonly range: string;
  /** False when the week's month is no period of the plan (before, after, or a pause). */
  readonly inPlan: boolean;
}

/** A unit's week: ✓ met, ✗ not met, no report yet for its month, members not declared, or outside the plan. */
export type WeekStanding = 'met' | 'not-met' | 'not-reported' | 'no-members' | 'outside-plan';

export interface UnitWeekCell extends Omit<UnitWeek, 'met'> {
  readonly standing: WeekStanding;
}

export interface UnitCoverage {
  readonly unitId: string;
  readonly name: string;
  readonly cluster: string;
  readonly members?: number;
  readonly weeks: readonly UnitWeekCell[];
}

/** The weekly digest for the Ban Thường vụ: week-by-week coverage of the plan's weekly target per unit. */
export interface WeeklyCoverage {
  readonly layout: typeof WEEKLY_LAYOUT_VERSION;
  readonly district: string;
  readonly formId: string;
  readonly formTitle: string;
  readonly planNumber?: string;
  readonly metricLabel: string;
  readonly target: string;
  /** The reported week (the last of `weeks`). */
  readonly weekId: string;
  readonly weeks: readonly DigestWeek[];
  readonly units: readonly UnitCoverage[];
  /** Per week: units meeting the target, out of the units expected that week. */
  readonly meetingByWeek: readonly { readonly weekId: string; readonly meeting: number; readonly expected: number }[];
  /** Units that did not meet the target in the reported week, with why. */
  readonly notMeeting: readonly {
    readonly unitId: string;
    readonly name: string;
    readonly cluster: string;
    readonly standing: Exclude<WeekStanding, 'met' | 'outside-plan'>;
    readonly activities: number;
    readonly bestParticipants: number | null;
    readonly members?: number;
  }[];
  readonly asOf: Date;
}

/** A stored submission as the digest reads it: its unit, its period (a month) and its valid rows. */
export interface CoverageSubmission {
  readonly unitId: string;
  readonly periodId: string;
  readonly rows: readonly { readonly values: Readonly<Record<string, CellValue>> }[];
}

/** The week a digest reports by default: the last whole week (Monday–Sunday, ICT) before `now`. */
export function lastWholeWeek(now: Date): string {
  return isoWeekId(addDays(ictDateOf(now), -7));
}

/** The digest of `weekId` and the weeks before it: each expected unit's weeks judged against the plan's weekly target. */
export function weeklyCoverage(input: {
  readonly district: string;
  readonly spec: FormSpec;
  readonly metric: WeeklyTargetMetric;
  readonly units: readonly Unit[];
  readonly submissions: readonly CoverageSubmission[];
  readonly weekId: string;
  readonly now: Date;
}): WeeklyCoverage {
  const { spec, metric } = input;
  const lastMonday = isoWeekMonday(input.weekId);
  const weeks: DigestWeek[] = Array.from({ length: WEEKS_SHOWN }, (_, i) => {
    const from = addDays(lastMonday, (i - WEEKS_SHOWN + 1) * 7);
    const weekId = isoWeekId(from);
    const to = addDays(from, 6);
    return {
      weekId,
      from,
      to,
      range: `${dateLabel(from)} – ${dateLabel(to)}`,
      inPlan: periodOfWeek(spec, weekId) !== undefined,
    };
  });
  const expectedByWeek = new Map(weeks.map((w) => [w.weekId, new Set(weekExpected(spec, w.weekId, input.units))]));
  const units = [...new Set([...expectedByWeek.values()].flatMap((set) => [...set]))].sort(
    (a, b) => a.cluster.localeCompare(b.cluster, 'vi') || a.name.localeCompare(b.name, 'vi'),
  );
  const coverage: UnitCoverage[] = units.map((unit) => {
    const mine = input.submissions.filter((s) => s.unitId === unit.id);
    const reported = new Set(mine.map((s) => periodById(spec, s.periodId)?.month ?? s.periodId));
    const rows = mine.flatMap((s) =>
      s.rows.map((r) => ({ month: periodById(spec, s.periodId)?.month ?? s.periodId, values: r.values })),
    );
    const judged = unitWeeks(
      metric,
      rows,
      unit.members,
      weeks.map((w) => w.weekId),
    );
    const cells = judged.map(({ met, ...week }): UnitWeekCell => {
      const month = monthOfIsoWeek(week.weekId);
      const standing: WeekStanding = !expectedByWeek.get(week.weekId)?.has(unit)
        ? 'outside-plan'
        : !reported.has(month)
          ? 'not-reported'
          : met === null
            ? 'no-members'
            : met
              ? 'met'
              : 'not-met';
      return { ...week, standing };
    });
    return {
      unitId: unit.id,
      name: unit.name,
      cluster: unit.cluster,
      ...(unit.members ? { members: unit.members } : {}),
      weeks: cells,
    };
  });
  const meetingByWeek = weeks.map((w, i) => {
    const cells = coverage.map((u) => u.weeks[i]?.standing);
    return {
      weekId: w.weekId,
      meeting: cells.filter((s) => s === 'met').length,
      expected: cells.filter((s) => s !== undefined && s !== 'outside-plan').length,
    };
  });
  const notMeeting = coverage.flatMap((u) => {
    const cell = u.weeks.at(-1);
    if (!cell || cell.standing === 'met' || cell.standing === 'outside-plan') return [];
    return [
      {
        unitId: u.unitId,
        name: u.name,
        cluster: u.cluster,
        standing: cell.standing,
        activities: cell.activities,
        bestParticipants: cell.bestParticipants,
        ...(u.members ? { members: u.members } : {}),
      },
    ];
  });
  return {
    layout: WEEKLY_LAYOUT_VERSION,
    district: input.district,
    formId: spec.id,
    formTitle: spec.title,
    ...(spec.planNumber ? { planNumber: spec.planNumber } : {}),
    metricLabel: metric.label,
    target: weeklyTargetText(metric),
    weekId: input.weekId,
    weeks,
    units: coverage,
    meetingByWeek,
    notMeeting,
    asOf: input.now,
  };
}

/** The plan's weekly-target metric ('Số tuần đạt chỉ tiêu'), the first when it has several; undefined when it has none. */
export function weeklyTargetOf(spec: FormSpec): WeeklyTargetMetric | undefined {
  return spec.metrics.find((m): m is WeeklyTargetMetric => m.type === 'weeks-meeting-target');
}

/** The plan's period holding a week: its month's (monthly plans), or the week itself (weekly plans). */
function periodOfWeek(spec: FormSpec, weekId: string) {
  return periodById(spec, monthOfIsoWeek(weekId)) ?? periodById(spec, weekId);
}

function weekExpected(spec: FormSpec, weekId: string, units: readonly Unit[]): Unit[] {
  const period = periodOfWeek(spec, weekId);
  return period ? expectedUnits(spec, period, units) : [];
}
