import type { ReviewDecision } from '../../domain/review/review-decision.js';
import type { StoredSubmission } from '../../domain/summary/district-picture.js';
import { branchUnits, orgTree, subtreeIds } from '../../domain/units/org-tree.js';
import type { Unit } from '../../domain/units/unit.js';
import type { BranchSummaryOutputs, SummaryOutput } from './ports.js';
import type { ReviewPorts } from './review-ports.js';
import { takeReviewDecisions } from './take-review-decisions.js';

export interface TakenBranchReviews {
  /** Every decision: the district's and every branch's, the ones recorded by this run included. */
  readonly decisions: readonly ReviewDecision[];
  readonly recorded: readonly ReviewDecision[];
  /** Per branch id (only those with any), what it typed and was refused (Vietnamese), shown under its own "Duyệt báo cáo" only. */
  readonly refusals: ReadonlyMap<string, readonly string[]>;
  /** Each branch's summary output, opened once: the summary is written to it after the decisions are taken. */
  readonly outputs: ReadonlyMap<string, SummaryOutput>;
}

/**
 * Read each cơ sở Đoàn's own "Duyệt báo cáo" and record its decisions as that parent, before any summary is
 * rewritten. A branch decides only on its subtree's reports (not its own): anything else it typed is refused.
 */
export async function takeBranchReviews(
  review: ReviewPorts,
  outputs: BranchSummaryOutputs,
  units: readonly Unit[],
  submissions: readonly StoredSubmission[],
  known: readonly ReviewDecision[],
  now: Date,
): Promise<TakenBranchReviews> {
  let decisions = known;
  const recorded: ReviewDecision[] = [];
  const refusals = new Map<string, readonly string[]>();
  const opened = new Map<string, SummaryOutput>();
  const tree = orgTree(units);
  for (const branch of branchUnits(units, tree)) {
    const output = await outputs.outputFor(branch, true);
    opened.set(branch.id, output);
    const scope = { branch: { id: branch.id, name: branch.name }, members: subtreeIds(tree, branch.id), inbox: output };
    const taken = await takeReviewDecisions(review, submissions, now, scope, decisions);
    decisions = taken.decisions;
    recorded.push(...taken.recorded);
    if (taken.refusals.length > 0) refusals.set(branch.id, taken.refusals);
  }
  return { decisions, recorded, refusals, outputs: opened };
}
