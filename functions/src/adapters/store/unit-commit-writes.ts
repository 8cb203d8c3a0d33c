import { Timestamp, type DocumentData, type DocumentReference, type Firestore } from '@google-cloud/firestore';
import { revisionDocId } from '../../domain/ids/document-ids.js';
import type { SubmissionContent } from '../../domain/submissions/build-submissions.js';
import type { UnitCommit } from '../../jobs/sweep/ports.js';
import { COLLECTIONS } from './schema/collections.js';
import type { SubmissionDoc } from './schema/documents.js';
import { firstRevisionOf, holdsOnlyFirstVersion } from './submission-revisions.js';

/** One document a unit's commit writes; `merge` only for a refused change laid over a stored submission. */
export interface PlannedWrite {
  readonly ref: DocumentReference;
  readonly data: DocumentData;
  readonly merge: boolean;
}

/** The submission and revision documents of a unit's commit (its source state comes on top). */
export interface UnitCommitWrites {
  readonly writes: readonly PlannedWrite[];
  readonly submissionsWritten: number;
}

/**
 * What a unit's commit writes, given each submission's stored document (undefined: none yet).
 * The one place that decides revisions: an unchanged submission is skipped, a first version lives
 * in the submission alone, a stored first version joins the trail before anything overwrites it,
 * and after the lock a change is kept in the trail only (`applied: false`).
 */
export function unitCommitWrites(
  db: Firestore,
  commit: UnitCommit,
  previousOf: (index: number) => SubmissionDoc | undefined,
): UnitCommitWrites {
  const submissions = db.collection(COLLECTIONS.submissions);
  const writes: PlannedWrite[] = [];
  let submissionsWritten = 0;
  commit.submissions.forEach((content, i) => {
    const previous = previousOf(i);
    if (previous?.contentHash === content.contentHash) return;
    if (!previous && content.counts.read === 0) return;
    const locked = commit.lockedFormIds.has(content.formId);
    if (locked && previous?.lockedChange?.contentHash === content.contentHash) return;
    const revision = (previous?.revision ?? 0) + 1;
    const ref = submissions.doc(content.id);
    const revisions = ref.collection(COLLECTIONS.revisions);
    // The first version lives in the submission; it joins the trail before anything overwrites it.
    if (holdsOnlyFirstVersion(previous))
      writes.push({ ref: revisions.doc(revisionDocId(1)), data: firstRevisionOf(previous), merge: false });
    // A refused change is never in the submission, so its revision is always a document.
    if (revision > 1 || locked)
      writes.push({
        ref: revisions.doc(revisionDocId(revision)),
        data: { ...revisionDoc(content, commit, revision), applied: !locked },
        merge: false,
      });
    // After the lock the change is kept in the audit trail only; what counts stays as it was.
    writes.push({
      ref,
      data: locked
        ? lockedChangeDoc(content, commit, previous, revision)
        : submissionDoc(content, commit, previous, revision),
      merge: locked,
    });
    submissionsWritten++;
  });
  return { writes, submissionsWritten };
}

/** When a submission changed: its own time when the commit gives one (a shared sheet's row time), else the commit's. */
function changedAtOf(content: SubmissionContent, commit: UnitCommit): Date {
  return commit.changedAtById?.get(content.id) ?? commit.changedAt;
}

function submissionDoc(
  content: SubmissionContent,
  commit: UnitCommit,
  previous: SubmissionDoc | undefined,
  revision: number,
): DocumentData {
  const firstCompleteAt =
    previous?.firstCompleteAt ?? (content.complete ? Timestamp.fromDate(changedAtOf(content, commit)) : null);
  const planVersion = planVersionOf(content, commit);
  // Rows read again under a new plan version: remember the version they were read under before, so the unit is told what changed.
  const earlierVersion =
    previous?.planVersion !== undefined && previous.planVersion !== planVersion ? previous.planVersion : undefined;
  return {
    formId: content.formId,
    periodId: content.periodId,
    unitId: content.unitId,
    ...contentFields(content),
    firstSeenAt: previous?.firstSeenAt ?? Timestamp.fromDate(commit.sweptAt),
    // Frozen once set: timeliness keeps the first completion even if the unit edits later.
    firstCompleteAt,
    lastChangedAt: Timestamp.fromDate(changedAtOf(content, commit)),
    revision,
    source: commit.sourceName,
    planVersion,
    planChangedFrom: earlierVersion ?? null,
  };
}

function planVersionOf(content: SubmissionContent, commit: UnitCommit): string {
  const version = commit.planVersions.get(content.formId);
  if (version === undefined)
    throw new Error(`No plan version for form ${content.formId} in unit ${commit.unitId}'s commit`);
  return version;
}

function lockedChangeDoc(
  content: SubmissionContent,
  commit: UnitCommit,
  previous: SubmissionDoc | undefined,
  revision: number,
): DocumentData {
  const lockedChange = {
    revision,
    changedAt: Timestamp.fromDate(changedAtOf(content, commit)),
    contentHash: content.contentHash,
    rowNumbers: [
      ...content.rows.map((r) => r.rowNumber),
      ...content.rejected.map((r) => r.rowNumber),
      ...content.nilRows,
    ].sort((a, b) => a - b),
  };
  if (previous) return { revision, lockedChange };
  // Nothing was applied before the lock: the submission exists only to say a late change was refused.
  const nothing = {
    ...content,
    rows: [],
    rejected: [],
    nilRows: [],
    counts: { read: 0, valid: 0, rejected: 0, nil: 0 },
    nil: false,
    complete: false,
    contentHash: '',
  };
  return { ...submissionDoc(nothing, commit, undefined, revision), firstCompleteAt: null, lockedChange };
}

function revisionDoc(content: SubmissionContent, commit: UnitCommit, revision: number): DocumentData {
  return {
    revision,
    changedAt: Timestamp.fromDate(changedAtOf(content, commit)),
    sweptAt: Timestamp.fromDate(commit.sweptAt),
    planVersion: planVersionOf(content, commit),
    ...contentFields(content),
  };
}

function contentFields(content: SubmissionContent): DocumentData {
  return {
    // Notes only when a row has some, so rows without notes are stored exactly as before.
    rows: content.rows.map((r) => ({
      rowNumber: r.rowNumber,
      values: { ...r.values },
      ...(r.notes?.length ? { notes: r.notes.map((n) => ({ column: n.column, note: n.note })) } : {}),
    })),
    rejected: content.rejected.map((r) => ({
      rowNumber: r.rowNumber,
      cells: { ...r.cells },
      errors: r.errors.map((e) => ({ ...e })),
    })),
    nilRows: [...content.nilRows],
    counts: { ...content.counts },
    nil: content.nil,
    complete: content.complete,
    // Only coverage plans have it, so other submissions are stored exactly as before.
    ...(content.uncovered !== undefined ? { uncovered: content.uncovered } : {}),
    ...(content.coverageGap !== undefined ? { coverageGap: content.coverageGap } : {}),
    contentHash: content.contentHash,
  };
}
