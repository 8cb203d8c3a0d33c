import { Timestamp, type DocumentData, type Firestore } from '@google-cloud/firestore';
import { REVIEW_DECISIONS, type ReviewDecision, type ReviewingBranch } from '../../domain/review/review-decision.js';
import { hashContent } from '../../domain/submissions/build-submissions.js';
import type { ReviewStore } from '../../jobs/summarize/review-ports.js';
import { isAlreadyExists } from './firestore-client.js';

/** One document per review decision: the audit trail (who, when, what, on which version). */
export const REVIEW_DECISIONS_COLLECTION = 'reviewDecisions';

/** Review decisions on Firestore, created once each and never overwritten. */
export class FirestoreReviewStore implements ReviewStore {
  constructor(private readonly db: Firestore) {}

  async loadReviewDecisions(): Promise<ReviewDecision[]> {
    const snapshot = await this.db.collection(REVIEW_DECISIONS_COLLECTION).get();
    const read = snapshot.docs.flatMap((doc) => {
      const decision = decisionFromDoc(doc.data());
      return decision ? [{ decision, sequence: Number(doc.get('sequence')) || 0 }] : [];
    });
    // Oldest first, and within one instant in the order made: the last of a submission's decisions is its latest.
    return read.sort((a, b) => a.decision.at.getTime() - b.decision.at.getTime() || a.sequence - b.sequence).map((r) => r.decision);
  }

  async saveReviewDecision(decision: ReviewDecision, sequence: number): Promise<boolean> {
    // The id is what was decided, not when: the same typed row read by a repeated run is the same document.
    const { submissionId, submissionVersion, comment, branch } = decision;
    // A cơ sở Đoàn's decision names it in the id; the district's ids stay what they were before branches reviewed.
    const id = hashContent({ submissionId, submissionVersion, decision: decision.decision, comment, sequence, ...(branch ? { branch: branch.id } : {}) });
    try {
      await this.db.collection(REVIEW_DECISIONS_COLLECTION).doc(id).create({ ...decision, at: Timestamp.fromDate(decision.at), sequence });
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      throw error;
    }
  }
}

/** A stored decision, checked on read: a document that does not have the shape is left out rather than misread. */
function decisionFromDoc(data: DocumentData): ReviewDecision | undefined {
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const [submissionId, formId, periodId, unitId, comment, by, submissionVersion] = ['submissionId', 'formId', 'periodId', 'unitId', 'comment', 'by', 'submissionVersion'].map(text);
  const decision = REVIEW_DECISIONS.find((d) => d === data.decision);
  if (!submissionId || !formId || !periodId || !unitId || comment === undefined || !by || !submissionVersion || !decision || !(data.at instanceof Timestamp)) return undefined;
  const branch = branchFromDoc(data.branch);
  if (branch === null) return undefined;
  return { submissionId, formId, periodId, unitId, decision, comment, by, at: data.at.toDate(), submissionVersion, ...(branch ? { branch } : {}) };
}

/** The deciding cơ sở Đoàn of a stored decision: undefined for the district's, null when the field is malformed. */
function branchFromDoc(value: unknown): ReviewingBranch | undefined | null {
  if (value === undefined) return undefined;
  const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return typeof fields.id === 'string' && typeof fields.name === 'string' ? { id: fields.id, name: fields.name } : null;
}
