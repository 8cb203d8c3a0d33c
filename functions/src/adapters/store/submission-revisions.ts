import type { RevisionDoc, SubmissionDoc } from './schema/documents.js';

/**
 * Whether a stored submission's first version lives only in the submission itself. A first
 * submission writes no revision document (half the cold sweep's writes); the trail gets its
 * revision 1 the moment anything would overwrite it. A submission created by a refused change
 * after the lock never applied anything, so its revision 1 is already a document.
 */
export function holdsOnlyFirstVersion(submission: SubmissionDoc | undefined): submission is SubmissionDoc {
  return submission !== undefined && submission.revision === 1 && submission.lockedChange === undefined;
}

/** Revision 1 as written from the submission that holds it: the same fields a revision document has. */
export function firstRevisionOf(submission: SubmissionDoc): RevisionDoc {
  return {
    revision: 1,
    changedAt: submission.lastChangedAt,
    sweptAt: submission.firstSeenAt,
    planVersion: submission.planVersion,
    rows: submission.rows,
    rejected: submission.rejected,
    nilRows: submission.nilRows,
    counts: submission.counts,
    nil: submission.nil,
    complete: submission.complete,
    uncovered: submission.uncovered,
    coverageGap: submission.coverageGap,
    contentHash: submission.contentHash,
    applied: true,
  };
}
