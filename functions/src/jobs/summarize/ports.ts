import type { ReviewInbox } from './review-ports.js';
import type { UnitFeedback } from '../../domain/feedback/unit-feedback.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { StoredSubmission } from '../../domain/summary/district-picture.js';
import type { SummaryModel } from '../../domain/summary/summary-model.js';
import type { FormPeriodStats } from '../../domain/stats/form-period-stats.js';
import type { Unit } from '../../domain/units/unit.js';
import type { SourceFingerprint, SourceState } from '../sweep/ports.js';

/** Persistence the summary job needs. */
export interface SummaryStore {
  loadSubmissions(): Promise<StoredSubmission[]>;
  /** One submission, read fresh (notices re-check a status right before sending). */
  loadSubmission(id: string): Promise<StoredSubmission | undefined>;
  loadSourceStates(): Promise<Map<string, SourceState>>;
  /** Stored plan definitions by version (`planVersions/{version}`); a version not stored or no longer readable is left out. */
  loadPlanDefinitions(versions: readonly string[]): Promise<Map<string, FormSpec>>;
  /** Inputs hash of every stored statistics document, by id `{form}~{period}`. */
  loadStatsHashes(): Promise<Map<string, string>>;
  saveStats(stats: FormPeriodStats, inputsHash: string, computedAt: Date): Promise<void>;
  /** When the last recorded sweep started (sweeps that stored nothing leave no record); undefined when none is. */
  loadLastSweepAt(): Promise<Date | undefined>;
  /** Remember the sheet's new fingerprint after the system itself wrote feedback into it. */
  saveSourceState(state: SourceState): Promise<unknown>;
}

/** Where the district summary goes (an .xlsx file, or a Google spreadsheet). */
export interface SummaryOutput {
  /** Writes the model unless an identical one (same hash) is already there; says where it is. */
  write(model: SummaryModel, modelHash: string): Promise<{ written: boolean; location: string }>;
}

/** Where each cơ sở Đoàn's own summary goes (a workbook per branch, or a spreadsheet shared with it). */
export interface BranchSummaryOutputs {
  /**
   * The output of this branch's summary, made (and shared with its contacts) the first time it is needed; also where
   * the branch types its review decisions. `reviews`: the branch reviews its subtree there, so its contacts may edit it.
   */
  outputFor(branch: Unit, reviews?: boolean): Promise<SummaryOutput & ReviewInbox>;
}

/** Writes row statuses and the "Tình hình nộp" tab into a unit's own sheet. */
export interface FeedbackTarget {
  /**
   * Write the feedback if the sheet is still the one the sweep read (same fingerprint);
   * returns the sheet's new fingerprint and content hash when it changed it.
   */
  write(unit: Unit, feedback: UnitFeedback, expected: SourceFingerprint): Promise<FeedbackWrite>;
}

export type FeedbackWrite =
  | { readonly outcome: 'unchanged' }
  | { readonly outcome: 'moved-on' /* the unit changed its sheet since the sweep: next sweep's turn */ }
  | {
      readonly outcome: 'written';
      readonly cells: number;
      readonly fingerprint: SourceFingerprint;
      readonly contentHash: string;
      /** Plans whose blank tab the write added (feedback.newTabs); absent where a target does not roll plans out. */
      readonly tabsAdded?: readonly string[];
    }
  /** The sheet cannot be written (no edit right, deleted): a Vietnamese message naming the unit and the fix; the others go on. */
  | { readonly outcome: 'refused'; readonly message: string };
