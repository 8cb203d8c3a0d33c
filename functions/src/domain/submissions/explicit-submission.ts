import { hashContent } from './build-submissions.js';

/**
 * A "Bấm nộp" form: what the unit last submitted is its submission; what its tab holds since is a
 * draft until the unit submits again. These are the transitions of one form in one unit's sheet.
 */

/** Edits not submitted yet: when the tab last changed and what it held then. */
export interface FormDraft {
  readonly editedAt: Date;
  /** Hash of the draft's submissions, so a sheet saved again without touching this tab keeps the draft's time. */
  readonly hash: string;
  /** The draft's row statuses by row number, written in the status column while it is a draft (absent when too large to keep). */
  readonly rowStatuses?: Readonly<Record<string, string>>;
}

/** What the system remembers of one "Bấm nộp" form of a unit. */
export interface ExplicitFormState {
  /** When the snapshot now counted was submitted; absent before the first submission. */
  readonly submittedAt?: Date;
  readonly draft?: FormDraft;
}

/** One reading of a "Bấm nộp" form's tab. */
export interface ExplicitReading {
  /** The unit asked to submit (menu "Nộp báo cáo", or the signal cell set in this file version). */
  readonly submitRequested: boolean;
  /** Submission id → content hash of what the tab holds now. */
  readonly readHashes: Readonly<Record<string, string>>;
  /** Submission id → content hash of the submitted snapshot (what is stored). */
  readonly submittedHashes: Readonly<Record<string, string>>;
  readonly previous: ExplicitFormState | undefined;
  /** When the tab's content was saved (file or Drive modified time). */
  readonly editedAt: Date;
  /** When the submission happened (the webhook's instant, or the file version's time). */
  readonly submittedAt: Date;
}

/** Whether the tab's content becomes the submission now, and what the form's state is after this reading. */
export interface ExplicitDecision {
  readonly submit: boolean;
  readonly state: ExplicitFormState;
}

/** Decide one "Bấm nộp" form's reading: a request submits the tab as it is; otherwise a difference from the snapshot is a draft. */
export function explicitSubmissionDecision(reading: ExplicitReading): ExplicitDecision {
  const { previous } = reading;
  const submitted = previous?.submittedAt ? { submittedAt: previous.submittedAt } : {};
  if (reading.submitRequested) return { submit: true, state: { submittedAt: reading.submittedAt } };
  if (sameHashes(reading.readHashes, reading.submittedHashes)) return { submit: false, state: submitted };
  const hash = hashContent(sortedEntries(reading.readHashes));
  const editedAt = previous?.draft?.hash === hash ? previous.draft.editedAt : reading.editedAt;
  return { submit: false, state: { ...submitted, draft: { editedAt, hash } } };
}

function sameHashes(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  return hashContent(sortedEntries(a)) === hashContent(sortedEntries(b));
}

function sortedEntries(hashes: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(hashes).sort(([x], [y]) => x.localeCompare(y));
}
