import type { CellNote } from '../forms/compile-form.js';
import type { FormSpec } from '../forms/form-spec.js';
import type { LedgerEntry } from '../notices/notice-kinds.js';
import type { RejectedRow } from '../forms/read-form-tab.js';
import type { Period } from '../periods/schedule.js';
import type { FormPeriodStats, UnitSubmission } from '../stats/form-period-stats.js';
import type { DistrictSettings } from '../units/read-control.js';
import type { Unit } from '../units/unit.js';
import type { ReviewDecision, ReviewingBranch } from '../review/review-decision.js';
import type { CompletenessBasis } from '../review/approved-completeness.js';

/** A stored submission as the summary and the unit feedback read it. */
export interface StoredSubmission extends UnitSubmission {
  readonly id: string;
  readonly formId: string;
  readonly rows: readonly {
    readonly rowNumber: number;
    readonly values: UnitSubmission['rows'][number]['values'];
    readonly notes?: readonly CellNote[];
  }[];
  readonly rejected: readonly RejectedRow[];
  readonly nilRows: readonly number[];
  /** A change made after the form's lock: recorded, not applied. */
  readonly lockedChange?: { readonly changedAt: Date; readonly rowNumbers: readonly number[] };
  /** The plan version the stored rows were validated under (absent on documents older than plan versions). */
  readonly planVersion?: string;
  /** Set when the rows were last read again under a new plan version: the version they were read under before. */
  readonly planChangedFrom?: string;
  /** Hash of the stored content (the version a review decision is about); absent on documents read without it. */
  readonly contentHash?: string;
}

/** A problem with a unit's whole file or one of its tabs. */
export interface SourceProblem {
  readonly unitId: string;
  readonly formId?: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Everything known about the district at one instant: what the summary and the feedback are built from. */
export interface DistrictPicture {
  readonly settings: DistrictSettings;
  readonly forms: readonly FormSpec[];
  readonly units: readonly Unit[];
  /** Per form, the periods started by `now`, each with its statistics. */
  readonly periods: readonly { readonly spec: FormSpec; readonly period: Period; readonly stats: FormPeriodStats }[];
  readonly submissions: readonly StoredSubmission[];
  readonly sourceProblems: readonly SourceProblem[];
  /** Mistakes in the district's own control sheet (registry, plans, settings): shown to district staff, never dropped. */
  readonly controlProblems?: readonly string[];
  /** Earlier definitions of plans, by version, that submissions were read under before a change (for "Kế hoạch đã đổi"). */
  readonly earlierPlans?: ReadonlyMap<string, FormSpec>;
  /** Notices sent so far (the ledger's sent entries), for the "Quá hạn" tab. */
  readonly noticesSent?: readonly LedgerEntry[];
  /** Plans marked 'Đã đóng': kept in the archive tabs, out of the current views. */
  readonly closedFormIds?: readonly string[];
  /** Plans collected through a shared sheet ("Nguồn dữ liệu"): never a tab of a unit's own sheet. */
  readonly sharedFormIds?: readonly string[];
  /** Periods due within this many days before or after `now` are current (TONGHOP_SUMMARY_CURRENT_DAYS; 30 by default). */
  readonly currentDays?: number;
  /**
   * When the units' sheets were last read: this run's sweep, or (a summary built from stored data)
   * the last sweep that stored a change. Absent when unknown. Shown beside "tính đến" when earlier than `now`.
   */
  readonly sweptAt?: Date;
  /** Review decisions (the audit trail), when the district reviews: adds the "Duyệt báo cáo" tab and the units' review notes. */
  readonly reviews?: readonly ReviewDecision[];
  /** Typed decisions this run refused, with the Vietnamese reason, shown under the "Duyệt báo cáo" tab. */
  readonly reviewRefusals?: readonly string[];
  /** The cơ sở Đoàn whose summary this picture is, when it reviews its subtree there; absent: the district's. */
  readonly reviewBranch?: ReviewingBranch;
  /** The cơ sở Đoàn whose own summary this picture is (its subtree only); absent: the district's. */
  readonly branch?: { readonly id: string; readonly name: string };
  /** Plans whose submissions are reviewed ('Cần duyệt'); absent: every plan (the district-wide 'Duyệt báo cáo'). */
  readonly reviewedFormIds?: readonly string[];
  /** Each reviewed plan's completeness basis ('Tính nộp đủ theo'); a plan not named counts submitted reports. */
  readonly reviewBasis?: Readonly<Record<string, CompletenessBasis>>;
  readonly now: Date;
}
