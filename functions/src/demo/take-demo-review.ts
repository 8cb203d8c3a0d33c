import type { Firestore } from '@google-cloud/firestore';
import { FirestoreReviewStore } from '../adapters/store/firestore-review-store.js';
import { FirestoreSummaryStore } from '../adapters/store/firestore-summary-store.js';
import { DISTRICT_REVIEWER, submissionVersion } from '../domain/review/review-decision.js';
import { ONCE_PERIOD } from '../domain/periods/period-id.js';
import { orgTree, subtreeIds } from '../domain/units/org-tree.js';
import type { Unit } from '../domain/units/unit.js';
import type { SummaryStore } from '../jobs/summarize/ports.js';
import type { ReviewStore } from '../jobs/summarize/review-ports.js';
import { takeReviewDecisions, type BranchReviewScope } from '../jobs/summarize/take-review-decisions.js';
import type { DemoBranchDecision } from './demo-branch-report.js';
import type { DemoDistrict } from './demo-district.js';
import { typedReviewRow, type DemoReview, type DemoReviewStep } from './demo-review.js';
import { submissionId } from '../domain/ids/document-ids.js';

/** The stores a demo review decision is taken with. */
export interface DemoReviewPorts {
  readonly submissions: Pick<SummaryStore, 'loadSubmission'>;
  readonly reviews: ReviewStore;
}

/** The demo's review stores on its Firestore session. */
export function demoReviewPorts(db: Firestore): DemoReviewPorts {
  return { submissions: new FirestoreSummaryStore(db), reviews: new FirestoreReviewStore(db) };
}

/**
 * One decision of the demo's review story, taken the way a summary run takes what the district typed in
 * "Duyệt báo cáo" (on the version of the report stored at that moment); true when it was recorded.
 */
export async function takeDemoReviewStep(
  ports: DemoReviewPorts,
  review: DemoReview,
  step: DemoReviewStep,
): Promise<boolean> {
  return takeTypedDecision(ports, review.formId, review.unitId, step);
}

/**
 * A cơ sở Đoàn's decision on a chi đoàn's report, taken the way a summary run takes what the cơ sở typed in its own
 * summary's "Duyệt báo cáo": recorded as that cơ sở, only for a unit under it; true when it was recorded.
 */
export async function takeDemoBranchDecision(
  ports: DemoReviewPorts,
  units: readonly Unit[],
  formId: string,
  decision: DemoBranchDecision,
): Promise<boolean> {
  const branch = units.find((u) => u.id === decision.branchId);
  if (!branch) return false;
  const members = subtreeIds(orgTree(units), branch.id);
  return takeTypedDecision(ports, formId, decision.unitId, decision, { id: branch.id, name: branch.name, members });
}

async function takeTypedDecision(
  ports: DemoReviewPorts,
  formId: string,
  unitId: string,
  step: DemoReviewStep,
  branch?: { readonly id: string; readonly name: string; readonly members: ReadonlySet<string> },
): Promise<boolean> {
  const id = submissionId(formId, ONCE_PERIOD, unitId);
  const submission = await ports.submissions.loadSubmission(id);
  if (!submission) return false;
  const row = typedReviewRow(step, id, submissionVersion(submission));
  const inbox = { readReviewSheet: async () => ({ rows: [row] }) };
  const scope: BranchReviewScope | undefined = branch
    ? { branch: { id: branch.id, name: branch.name }, members: branch.members, inbox }
    : undefined;
  const taken = await takeReviewDecisions(
    { inbox, store: ports.reviews, reviewer: DISTRICT_REVIEWER },
    [submission],
    step.at,
    scope,
  );
  return taken.recorded.length === 1;
}

/** The demo's review decisions, each taken once its instant has come (the replay calls takeUntil in time order). */
export function demoReviewSchedule(db: Firestore, district: DemoDistrict): { takeUntil(instant: Date): Promise<void> } {
  const review = district.review;
  const pending = [...(review?.steps ?? [])];
  const ports = demoReviewPorts(db);
  return {
    async takeUntil(instant) {
      for (let step = pending[0]; review && step && step.at <= instant; step = pending[0]) {
        pending.shift();
        await takeDemoReviewStep(ports, review, step);
      }
    },
  };
}
