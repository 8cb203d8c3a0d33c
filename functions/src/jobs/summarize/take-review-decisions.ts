import { acceptReviewEntry } from '../../domain/review/accept-review-entry.js';
import { latestDecisions, type ReviewDecision } from '../../domain/review/review-decision.js';
import { reviewEntriesFromRows } from '../../domain/review/review-entries.js';
import type { StoredSubmission } from '../../domain/summary/district-picture.js';
import type { ReviewPorts } from './review-ports.js';

export interface TakenReviews {
  /** Every decision, the ones recorded by this run included. */
  readonly decisions: readonly ReviewDecision[];
  /** Decisions this run recorded. */
  readonly recorded: readonly ReviewDecision[];
  /** Typed entries not recorded, each with its Vietnamese reason (shown under the review tab). */
  readonly refusals: readonly string[];
}

/**
 * Read what the district typed in "Duyệt báo cáo" and record each new decision before the summary
 * is rewritten from the model, so no typed decision is lost; the same typed row read again records nothing.
 */
export async function takeReviewDecisions(review: ReviewPorts, submissions: readonly StoredSubmission[], now: Date): Promise<TakenReviews> {
  const [sheet, stored] = await Promise.all([review.inbox.readReviewSheet(), review.store.loadReviewDecisions()]);
  const { entries, problems } = reviewEntriesFromRows(sheet.rows);
  const decisions = [...stored];
  const recorded: ReviewDecision[] = [];
  const refusals = [...problems];
  const byId = new Map(submissions.map((s) => [s.id, s]));
  for (const entry of entries) {
    const latest = latestDecisions(decisions).get(entry.submissionId);
    const outcome = acceptReviewEntry(entry, byId.get(entry.submissionId), latest, sheet.editedBy ?? review.reviewer, now);
    if (outcome.kind === 'refused') refusals.push(outcome.message);
    if (outcome.kind !== 'new') continue;
    const sequence = decisions.filter((d) => d.submissionId === entry.submissionId).length;
    if (await review.store.saveReviewDecision(outcome.decision, sequence)) recorded.push(outcome.decision);
    decisions.push(outcome.decision);
  }
  return { decisions, recorded, refusals };
}
