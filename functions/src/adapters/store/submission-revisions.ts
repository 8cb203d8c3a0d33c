import type { DocumentReference } from '@google-cloud/firestore';
import { COLLECTIONS } from './schema/collections.js';
import { CONVERTERS } from './schema/converters.js';
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

/** A submission's whole audit trail, oldest first: its revision documents, or its own first version while it has no other. */
export async function loadRevisions(submission: DocumentReference): Promise<RevisionDoc[]> {
  const [snapshot, stored] = await Promise.all([
    submission.withConverter(CONVERTERS.submissions).get(),
    submission.collection(COLLECTIONS.revisions).withConverter(CONVERTERS.revisions).orderBy('revision').get(),
  ]);
  const data = snapshot.data();
  if (stored.empty) return holdsOnlyFirstVersion(data) ? [firstRevisionOf(data)] : [];
  return stored.docs.map((d) => d.data());
}
