import type { CellValue } from '../../domain/forms/cell-parser.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { FooterRow } from '../../domain/forms/footer-rows.js';
import type { SheetTab, StoredCell, TabProblem } from '../../domain/forms/read-form-tab.js';
import type { PlanVersionRecord } from '../../domain/plans/plan-version.js';
import type { SubmissionContent } from '../../domain/submissions/build-submissions.js';
import type { ExplicitFormState } from '../../domain/submissions/explicit-submission.js';
import type { SourceKind, SourceOrigin } from '../../domain/sources/source-origin.js';
import type { Unit } from '../../domain/units/unit.js';

/** Cheap change check of a unit's sheet: file mtime + size, or Drive modifiedTime + version. */
export interface SourceFingerprint {
  readonly modifiedAt: Date;
  /** A number that moves when the content changes: Drive's version (Google Sheets), the file's size in bytes (workbooks). */
  readonly revision: number;
}

/** A unit's sheet, loaded: the content hash is known before the tabs are parsed. */
export interface OpenedSheets {
  readonly contentHash: string;
  /** Throws SheetReadError when the content is unreadable. */
  readTabs(): Promise<SheetTab[]>;
}

/** Where unit sheets come from (a folder of .xlsx workbooks, or Google Sheets). */
export interface UnitSheetSource {
  /**
   * Called once at the start of a sweep with what it will read: a source that can find every
   * changed sheet in one go (Drive's folder listing) does it here instead of once per unit.
   */
  prepare?(plan: {
    readonly units: readonly Unit[];
    readonly forms: readonly FormSpec[];
    /** Every registered unit (default `units`): who fills a plan parents fill depends on the units under it. */
    readonly registry?: readonly Unit[];
  }): Promise<void>;
  /** null when the unit has not sent anything yet. */
  fingerprint(unit: Unit): Promise<SourceFingerprint | null>;
  /** Throws SheetReadError when the file or spreadsheet cannot be read at all. */
  open(unit: Unit): Promise<OpenedSheets>;
  /** A "Bấm nộp" form is submitted by its tab's "Nộp báo cáo" cell (workbook mode; Google sheets use the menu). */
  readonly signalCells?: boolean;
  /** What kind of file the unit's source is, once `fingerprint` has looked at it. */
  sourceKind?(unit: Unit): SourceKind;
}

/** The unit asked to submit its "Bấm nộp" forms now (the menu "Nộp báo cáo" through the webhook). */
export interface SubmitRequest {
  /** The instant of the request: the submission's time for timeliness. */
  readonly at: Date;
  /** Only these forms; absent = every "Bấm nộp" form of the unit. */
  readonly formIds?: ReadonlySet<string>;
}

/** What the store remembers of a unit's sheet from the last sweep that read it. */
export interface SourceState {
  readonly unitId: string;
  readonly status: 'ok' | 'missing' | 'unreadable';
  readonly fingerprint: SourceFingerprint | null;
  readonly contentHash: string | null;
  /** Hash of the form specs the sheet was read with: a deadline or column change re-reads it. */
  readonly specsHash: string;
  /** Content hash of each submission read from this sheet, by id: lets a sweep commit only the changed ones. */
  readonly submissionHashes: Readonly<Record<string, string>>;
  readonly problems: readonly UnitProblem[];
  readonly counts: { readonly read: number; readonly valid: number; readonly rejected: number; readonly nil: number };
  /** Where each form's tab and header row were found, for writing row statuses back. */
  readonly tabs: readonly SourceTab[];
  /**
   * Hash of the feedback (row statuses, "Tình hình nộp") the sheet holds since the system wrote it;
   * a summary whose feedback hashes the same skips the sheet without opening it. Dropped when the sheet is read again.
   */
  readonly feedbackHash?: string;
  /** Each "Bấm nộp" form's submission time and pending draft, by form id. */
  readonly explicit?: Readonly<Record<string, ExplicitFormState>>;
  /** Where the data came from (shown by `tonghop inspect`); absent in states written before it was recorded. */
  readonly origin?: SourceOrigin;
}

export interface SourceTab {
  readonly formId: string;
  readonly tab: string;
  readonly headerRowNumber: number;
  /** Total rows and signature blocks under the table, given their own status on write-back. */
  readonly footerRows?: readonly FooterRow[];
  /** The "Nộp báo cáo" signal cell of a "Bấm nộp" form (workbook mode), where "Đã nộp lúc …" is written back. */
  readonly submitCell?: { readonly rowNumber: number; readonly column: number };
}

export interface UnitProblem extends TabProblem {
  readonly formId?: string;
}

/** Everything a sweep decided for one unit, committed atomically. */
export interface UnitCommit {
  readonly unitId: string;
  readonly state: SourceState;
  /** Submissions that differ from the last reading, plus emptied ones for periods whose rows disappeared. */
  readonly submissions: readonly SubmissionContent[];
  /** When the content changed, as the source says (file mtime / Drive modifiedTime); used for timeliness. */
  readonly changedAt: Date;
  /** A submission's own change time when it differs from `changedAt` (rows of a shared sheet carry their own time), by id. */
  readonly changedAtById?: ReadonlyMap<string, Date>;
  /** Forms locked at this instant (their `lockAfter` passed before `changedAt`): changes are recorded, not applied. */
  readonly lockedFormIds: ReadonlySet<string>;
  readonly sweptAt: Date;
  readonly sourceName: string;
  /** Each form's current plan version (formId → hash): stored with every submission written. */
  readonly planVersions: ReadonlyMap<string, string>;
  /**
   * Every submission here is one the unit's remembered state never held: the store may create them
   * without reading them first. Only a hint for speed: a store finding one there after all reads and compares.
   */
  readonly firstSubmissions?: boolean;
}

export interface CommitResult {
  readonly submissionsWritten: number;
  readonly writes: number;
}

/** Persistence the sweep needs. */
export interface SweepStore {
  loadSourceStates(): Promise<Map<string, SourceState>>;
  /** Write the unit's changed submissions (with a revision each) and its source state, atomically. */
  commitUnit(commit: UnitCommit): Promise<CommitResult>;
  /** Update only the remembered source state (fingerprint moved, content identical). */
  saveSourceState(state: SourceState): Promise<CommitResult>;
  recordSweep(record: SweepRecord): Promise<void>;
  /** Store each plan version not stored yet (`planVersions/{version}`); one already there is left as it is. */
  savePlanVersions(records: readonly PlanVersionRecord[]): Promise<CommitResult>;
  /**
   * The rows of a unit's stored submissions of one form, every period (valid ones, and refused ones with their
   * row): what a 'Phải có trong' rule checks against when that form is not in the sheet being read.
   * Undefined when the unit has no submission of that form at all (it has not sent it).
   */
  loadUnitFormRows?(unitId: string, formId: string): Promise<StoredFormRows | undefined>;
}

/** A unit's stored rows of one form: valid rows' values by column key, refused rows' cells by header. */
export interface StoredFormRows {
  readonly valid: readonly { readonly values: Readonly<Record<string, CellValue>> }[];
  readonly rejected: readonly { readonly rowNumber: number; readonly cells: Readonly<Record<string, StoredCell>> }[];
}

export interface SweepRecord {
  readonly id: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly totals: SweepTotals;
  readonly problems: readonly { readonly unitId: string; readonly message: string }[];
}

export interface SweepTotals {
  readonly units: number;
  readonly unitsRead: number;
  readonly unitsUnchanged: number;
  readonly unitsMissing: number;
  readonly unitsUnreadable: number;
  readonly rowsRead: number;
  readonly rowsValid: number;
  readonly rowsRejected: number;
  readonly submissionsWritten: number;
  readonly writes: number;
}
