import { Timestamp, type Firestore } from '@google-cloud/firestore';
import type { ReviewDecision } from '../../domain/review/review-decision.js';
import { hashContent } from '../../domain/submissions/build-submissions.js';
import type { ReviewStore } from '../../jobs/summarize/review-ports.js';
import { COLLECTIONS } from './schema/collections.js';
import { CONVERTERS } from './schema/converters.js';
import type { ReviewDecisionDoc } from './schema/documents.js';
import { DEFAULT_STORE_DEADLINE_MS, storeGuard, type StoreGuard } from './store-deadline.js';
import { isAlreadyExists } from './store-errors.js';

/** Review decisions on Firestore (`reviewDecisions`, the audit trail: who, when, what, on which version), created once each and never overwritten. */
export class FirestoreReviewStore implements ReviewStore {
  private readonly guard: StoreGuard;

  constructor(
    private readonly db: Firestore,
    deadlineMs: number = DEFAULT_STORE_DEADLINE_MS,
  ) {
    this.guard = storeGuard(deadlineMs);
  }

  async loadReviewDecisions(): Promise<ReviewDecision[]> {
    const snapshot = await this.guard('loading the review decisions', () =>
      this.db.collection(COLLECTIONS.reviewDecisions).withConverter(CONVERTERS.reviewDecisions).get(),
    );
    const read = snapshot.docs.map((doc) => doc.data());
    // Oldest first, and within one instant in the order made: the last of a submission's decisions is its latest.
    return read.sort((a, b) => a.at.toMillis() - b.at.toMillis() || a.sequence - b.sequence).map(decisionFromDoc);
  }

  async saveReviewDecision(decision: ReviewDecision, sequence: number): Promise<boolean> {
    // The id is what was decided, not when: the same typed row read by a repeated run is the same document.
    const { submissionId, submissionVersion, comment, branch } = decision;
    // A cơ sở Đoàn's decision names it in the id; the district's ids stay what they were before branches reviewed.
    const id = hashContent({
      submissionId,
      submissionVersion,
      decision: decision.decision,
      comment,
      sequence,
      ...(branch ? { branch: branch.id } : {}),
    });
    try {
      await this.guard('recording a review decision', () =>
        this.db
          .collection(COLLECTIONS.reviewDecisions)
          .doc(id)
          .create({ ...decision, at: Timestamp.fromDate(decision.at), sequence }),
      );
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      throw error;
    }
  }
}

function decisionFromDoc(data: ReviewDecisionDoc): ReviewDecision {
  const { submissionId, formId, periodId, unitId, decision, comment, by, at, submissionVersion, branch } = data;
  return {
    submissionId,
    formId,
    periodId,
    unitId,
    decision,
    comment,
    by,
    at: at.toDate(),
    submissionVersion,
    ...(branch ? { branch: { id: branch.id, name: branch.name } } : {}),
  };
}
