import { acceptReviewEntry } from '../../domain/review/accept-review-entry.js';
import { branchReviewRefusal, unreviewedPlanRefusal } from '../../domain/review/branch-review-scope.js';
import {
  decisionsOf,
  latestDecisions,
  type ReviewDecision,
  type ReviewingBranch,
} from '../../domain/review/review-decision.js';
import { reviewEntriesFromRows } from '../../domain/review/review-entries.js';
import type { StoredSubmission } from '../../domain/summary/district-picture.js';
import type { ReviewInbox, ReviewPorts } from './review-ports.js';

export interface TakenReviews {
  /** Every decision, the ones recorded by this run included. */
  readonly decisions: readonly ReviewDecision[];
  /** Decisions this run recorded. */
  readonly recorded: readonly ReviewDecision[];
  /** Typed entries not recorded, each with its Vietnamese reason (shown under the review tab). */
  readonly refusals: readonly string[];
}

/** A cơ sở Đoàn deciding from its own summary: only reports of `members` (its subtree, itself excluded) are its to decide. */
export interface BranchReviewScope {
  readonly branch: ReviewingBranch;
  readonly members: ReadonlySet<string>;
  readonly inbox: ReviewInbox;
}

/**
 * Read what the district (or, with `scope`, one cơ sở Đoàn) typed in "Duyệt báo cáo" and record each new decision
 * before the summary is rewritten from the model, so no typed decision is lost; the same typed row read again records
 * nothing. `known` are decisions already loaded (the district's run), else they are loaded from the store.
 */
export async function takeReviewDecisions(
  review: ReviewPorts,
  submissions: readonly StoredSubmission[],
  now: Date,
  scope?: BranchReviewScope,
  known?: readonly ReviewDecision[],
): Promise<TakenReviews> {
  const inbox = scope?.inbox ?? review.inbox;
  const [sheet, stored] = await Promise.all([inbox.readReviewSheet(), known ?? review.store.loadReviewDecisions()]);
  const { entries, problems } = reviewEntriesFromRows(sheet.rows);
  const decisions = [...stored];
  const recorded: ReviewDecision[] = [];
  const refusals = [...(sheet.problem === undefined ? [] : [sheet.problem]), ...problems];
  const byId = new Map(submissions.map((s) => [s.id, s]));
  // Recorded as that parent: the sheet's editor when Google names one, with the cơ sở's name.
  const by = scope
    ? sheet.editedBy && sheet.editedBy !== review.reviewer
      ? `${sheet.editedBy} (${scope.branch.name})`
      : scope.branch.name
    : (sheet.editedBy ?? review.reviewer);
  for (const entry of entries) {
    const submission = byId.get(entry.submissionId);
    const outside =
      (scope ? branchReviewRefusal(entry, submission, scope.branch, scope.members) : undefined) ??
      unreviewedPlanRefusal(entry, submission, review.plans);
    if (outside) {
      refusals.push(outside);
      continue;
    }
    // "Already recorded" compares with this reviewer's own latest decision: its tab shows its own, not the other level's.
    const latest = latestDecisions(decisionsOf(decisions, scope?.branch.id)).get(entry.submissionId);
    const outcome = acceptReviewEntry(entry, submission, latest, by, now);
    if (outcome.kind === 'refused') refusals.push(outcome.message);
    if (outcome.kind !== 'new') continue;
    const decision: ReviewDecision = scope ? { ...outcome.decision, branch: scope.branch } : outcome.decision;
    const sequence = decisions.filter((d) => d.submissionId === entry.submissionId).length;
    if (await review.store.saveReviewDecision(decision, sequence)) recorded.push(decision);
    decisions.push(decision);
  }
  return { decisions, recorded, refusals };
}
