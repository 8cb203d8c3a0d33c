import type { FormSpec } from '../forms/form-spec.js';
import type { Period } from '../periods/schedule.js';
import { expectedUnits } from '../status/expected-units.js';
import type { SubmissionStatus } from '../status/status-kinds.js';
import { submissionStatus, type StatusResult, type SubmissionFacts } from '../status/submission-status.js';
import { UNIT_TYPE_LABELS, type Unit } from '../units/unit.js';
import { formMetrics, type MetricResult, type MetricRows } from './form-metrics.js';

/** The group of units the district has not put in a cụm thi đua. */
export const NO_CLUSTER = '(chưa xếp cụm)';

/** How many expected units stand where, for one group of units. */
export interface StatusCounts {
  readonly expected: number;
  /** Reported in full: complete (on time, late or revised) or declared nil. */
  readonly complete: number;
  readonly onTime: number;
  readonly late: number;
  readonly revisedAfterDeadline: number;
  readonly partial: number;
  readonly nil: number;
  readonly missing: number;
  /** On a plan counted on approved reports: reports in full not (or no longer) approved, so not counted complete. */
  readonly awaitingApproval?: number;
}

/**
 * Reporting rates, DHIS2-style. Each is null when its denominator is 0, and never above 1.
 * - completeness = complete ÷ expected ("tỉ lệ nộp đủ");
 * - timelinessOfExpected = on time ÷ expected (DHIS2 "reporting rate on time");
 * - timelinessOfSubmitted = on time ÷ complete (some programmes' "đúng hạn trên số đã nộp").
 */
export interface Rates {
  readonly completeness: number | null;
  readonly timelinessOfExpected: number | null;
  readonly timelinessOfSubmitted: number | null;
}

export interface GroupStats extends StatusCounts {
  readonly rates: Rates;
}

export interface UnitStanding extends StatusResult {
  readonly unitId: string;
  /** Set on a plan counted on approved reports: in full, but not approved on its current version (countedStats). */
  readonly awaitingApproval?: true;
}

/** Statistics of one form and period (stored in `stats/{form}~{period}`). */
export interface FormPeriodStats {
  readonly formId: string;
  readonly periodId: string;
  readonly overall: GroupStats;
  /** By cụm thi đua. */
  readonly byCluster: Readonly<Record<string, GroupStats>>;
  /** By unit type, keyed by its Vietnamese label. */
  readonly byUnitType: Readonly<Record<string, GroupStats>>;
  readonly units: readonly UnitStanding[];
  readonly metrics: readonly MetricResult[];
  /** Present when completeness counts approved reports only ('Tính nộp đủ theo: Đã duyệt'); absent: submitted reports. */
  readonly countedOn?: 'approved';
}

/** One unit's submission for the period: its facts and its valid rows' values. */
export interface UnitSubmission extends SubmissionFacts, MetricRows {}

/** Compute the statistics of a form for one period from the units registry and the stored submissions. */
export function formPeriodStats(input: {
  readonly spec: FormSpec;
  readonly period: Period;
  readonly units: readonly Unit[];
  /** Every registered unit, when `units` is a part of them: who owes a plan parents fill. Defaults to `units`. */
  readonly registry?: readonly Unit[];
  readonly submissions: ReadonlyMap<string, UnitSubmission>;
  readonly now: Date;
}): FormPeriodStats {
  const { spec, period, now } = input;
  const expected = expectedUnits(spec, period, input.units, input.registry);
  const standings = expected.map((unit): UnitStanding => ({
    unitId: unit.id,
    ...submissionStatus(input.submissions.get(unit.id), period, now),
  }));
  const submitted = expected.flatMap((unit) => {
    const submission = input.submissions.get(unit.id);
    return submission ? [{ unit, submission }] : [];
  });
  return {
    formId: spec.id,
    periodId: period.id,
    ...groupedStats(standings, expected),
    units: standings,
    metrics: formMetrics(spec, period, submitted),
  };
}

/** The district's, each cụm's and each unit type's counts of the expected units' standings. */
export function groupedStats(
  standings: readonly UnitStanding[],
  expected: readonly Unit[],
): Pick<FormPeriodStats, 'overall' | 'byCluster' | 'byUnitType'> {
  const byUnit = new Map(standings.map((s) => [s.unitId, s]));
  const group = (members: readonly Unit[]) =>
    groupStats(members.map((u) => byUnit.get(u.id)).filter((s): s is UnitStanding => s !== undefined));
  return {
    overall: group(expected),
    byCluster: groupBy(expected, (u) => u.cluster || NO_CLUSTER, group),
    byUnitType: groupBy(expected, (u) => UNIT_TYPE_LABELS[u.type], group),
  };
}

/** Count statuses and derive the rates for a group of unit standings; one awaiting approval counts in no status but its own. */
export function groupStats(standings: readonly (StatusResult & Pick<UnitStanding, 'awaitingApproval'>)[]): GroupStats {
  const counted = standings.filter((s) => s.awaitingApproval !== true);
  const awaiting = standings.length - counted.length;
  const count = (...statuses: SubmissionStatus[]) => counted.filter((s) => statuses.includes(s.status)).length;
  const complete = count('complete-on-time', 'complete-late', 'revised-after-deadline', 'nil');
  const onTime = counted.filter((s) => s.onTime === true).length;
  const counts: StatusCounts = {
    expected: standings.length,
    complete,
    onTime,
    late: complete - onTime,
    revisedAfterDeadline: count('revised-after-deadline'),
    partial: count('partial'),
    nil: count('nil'),
    missing: count('missing'),
    ...(awaiting > 0 ? { awaitingApproval: awaiting } : {}),
  };
  return {
    ...counts,
    rates: {
      completeness: ratio(complete, counts.expected),
      timelinessOfExpected: ratio(onTime, counts.expected),
      timelinessOfSubmitted: ratio(onTime, complete),
    },
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.min(1, part / whole);
}

function groupBy(
  units: readonly Unit[],
  key: (unit: Unit) => string,
  stats: (members: readonly Unit[]) => GroupStats,
): Record<string, GroupStats> {
  const groups = new Map<string, Unit[]>();
  for (const unit of units) groups.set(key(unit), [...(groups.get(key(unit)) ?? []), unit]);
  return Object.fromEntries(
    [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'vi')).map(([name, members]) => [name, stats(members)]),
  );
}
