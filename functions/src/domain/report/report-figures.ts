import type { FormSpec } from '../forms/form-spec.js';
import type { Period } from '../periods/schedule.js';
import { isShortOfCoverage, uncoveredNote } from '../rules/coverage.js';
import type { FormPeriodStats, StatusCounts } from '../stats/form-period-stats.js';
import type { MetricFormat } from '../stats/form-metrics.js';
import type { SubmissionStatus } from '../status/status-kinds.js';
import type { Unit } from '../units/unit.js';
import type { ReportFees } from './report-fees.js';

/** Version of the figures' layout (JSON and .xlsx): a city-level installation reads exactly this. */
export const REPORT_LAYOUT_VERSION = 'tonghop-bao-cao-1';

/** The counts one row of the results table shows. */
export type ReportCounts = Pick<
  StatusCounts,
  | 'expected'
  | 'complete'
  | 'onTime'
  | 'late'
  | 'revisedAfterDeadline'
  | 'partial'
  | 'nil'
  | 'missing'
  | 'awaitingApproval'
>;

/** A unit still owing the report at the report's date: missing, or sent with errors / too few rows. */
export interface OwingUnit {
  readonly unitId: string;
  readonly name: string;
  readonly cluster: string;
  readonly status: Extract<SubmissionStatus, 'missing' | 'partial'>;
  /** Whole days past the deadline; absent before it. */
  readonly daysOverdue?: number;
  /** A coverage plan's shortfall, as the unit reads it: "Còn 12 đoàn viên chưa đánh giá", "Chưa có «…» để đối chiếu". */
  readonly note?: string;
}

export interface ReportMetric {
  readonly id: string;
  readonly label: string;
  readonly format: MetricFormat;
  readonly total: number | null;
  readonly target?: { readonly description: string; readonly unitsMeeting: number; readonly unitsMeasured: number };
}

/** The figures of one plan and period as the district reports them up: the .docx, the .xlsx export and --json carry exactly these. */
export interface ReportFigures {
  readonly layout: typeof REPORT_LAYOUT_VERSION;
  readonly district: string;
  readonly formId: string;
  readonly formTitle: string;
  readonly planNumber?: string;
  readonly periodId: string;
  readonly periodLabel: string;
  readonly due: Date;
  readonly asOf: Date;
  readonly total: ReportCounts;
  /** Present when the plan counts approved reports only ('Tính nộp đủ theo: Đã duyệt'): 'complete' is then approved in full. */
  readonly countedOn?: 'approved';
  /** By cụm thi đua, in the statistics' order. */
  readonly byCluster: readonly ({ readonly cluster: string } & ReportCounts)[];
  readonly metrics: readonly ReportMetric[];
  readonly owing: readonly OwingUnit[];
  /** Phải nộp, đã nộp, còn nợ per unit, when the plan's fee is reconciled with a receipts plan ('Còn nợ'). */
  readonly fees?: readonly ReportFees[];
}

/** The report's figures from the statistics the summary uses (formPeriodStats, counted on the plan's basis), nothing recomputed. */
export function reportFigures(input: {
  readonly district: string;
  readonly spec: FormSpec;
  readonly period: Period;
  readonly stats: FormPeriodStats;
  readonly units: readonly Unit[];
  readonly now: Date;
  readonly fees?: readonly ReportFees[];
  /** Every plan, to name the form a coverage plan is measured against; defaults to the plan alone. */
  readonly forms?: readonly FormSpec[];
}): ReportFigures {
  const { spec, period, stats } = input;
  const unitById = new Map(input.units.map((u) => [u.id, u]));
  const owing = stats.units.flatMap((s): OwingUnit[] => {
    if (s.status !== 'missing' && s.status !== 'partial') return [];
    const unit = unitById.get(s.unitId);
    return [
      {
        unitId: s.unitId,
        name: unit?.name ?? s.unitId,
        cluster: unit?.cluster ?? '',
        status: s.status,
        ...(s.daysOverdue !== undefined ? { daysOverdue: s.daysOverdue } : {}),
        ...(isShortOfCoverage(s) ? { note: uncoveredNote(spec, s, input.forms ?? [spec]) } : {}),
      },
    ];
  });
  return {
    layout: REPORT_LAYOUT_VERSION,
    district: input.district,
    formId: spec.id,
    formTitle: spec.title,
    ...(spec.planNumber ? { planNumber: spec.planNumber } : {}),
    periodId: period.id,
    periodLabel: period.label,
    due: period.due,
    asOf: input.now,
    total: countsOf(stats.overall),
    ...(stats.countedOn ? { countedOn: stats.countedOn } : {}),
    byCluster: Object.entries(stats.byCluster).map(([cluster, g]) => ({ cluster, ...countsOf(g) })),
    metrics: stats.metrics.map((m) => ({
      id: m.id,
      label: m.label,
      format: m.format,
      total: m.total,
      ...(m.target ? { target: m.target } : {}),
    })),
    // Missing before partial, then the cụm and the name, as the office reads down the list.
    owing: owing.sort(
      (a, b) =>
        a.status.localeCompare(b.status) ||
        a.cluster.localeCompare(b.cluster, 'vi') ||
        a.name.localeCompare(b.name, 'vi'),
    ),
    ...(input.fees?.length ? { fees: input.fees } : {}),
  };
}

function countsOf(g: StatusCounts): ReportCounts {
  return {
    expected: g.expected,
    complete: g.complete,
    onTime: g.onTime,
    late: g.late,
    revisedAfterDeadline: g.revisedAfterDeadline,
    partial: g.partial,
    nil: g.nil,
    missing: g.missing,
    ...(g.awaitingApproval !== undefined ? { awaitingApproval: g.awaitingApproval } : {}),
  };
}
