import type { Firestore } from '@google-cloud/firestore';
import { FirestoreReviewStore } from '../adapters/store/firestore-review-store.js';
import { FirestoreSummaryStore } from '../adapters/store/firestore-summary-store.js';
import { DISTRICT_REVIEWER, submissionVersion } from '../domain/review/review-decision.js';
import { ONCE_PERIOD } from '../domain/periods/period-id.js';

import type { SummaryStore } from '../jobs/summarize/ports.js';
import type { ReviewStore } from '../jobs/summarize/review-ports.js';
import { takeReviewDecisions } from '../jobs/summarize/take-review-decisions.js';
import type { DemoDistrict } from './demo-district.js';
import { typedReviewRow, type DemoReview, type DemoReviewStep } from './demo-review.js';
import { submissionId } from '../domain/ids/document-ids.js';

/**
 * One decision of the demo's review story, taken the way a summary run takes what the district typed in
 * "Duyệt báo cáo" (on the version of the report stored at that moment); true when it was recorded.
 */
export async function takeDemoReviewStep(
  ports: { readonly submissions: Pick<SummaryStore, 'loadSubmission'>; readonly reviews: ReviewStore },
  review: DemoReview,
  step: DemoReviewStep,
): Promise<boolean> {
  const id = submissionId(review.formId, ONCE_PERIOD, review.unitId);
  const submission = await ports.submissions.loadSubmission(id);
  if (!submission) return false;
  const row = typedReviewRow(step, id, submissionVersion(submission));
  const inbox = { readReviewSheet: async () => ({ rows: [row] }) };
  const taken = await takeReviewDecisions(
    { inbox, store: ports.reviews, reviewer: DISTRICT_REVIEWER },
    [submission],
    step.at,
  );
  return taken.recorded.length === 1;
}

/** The demo's review decisions, each taken once its instant has come (the replay calls takeUntil in time order). */
export function demoReviewSchedule(db: Firestore, district: DemoDistrict): { takeUntil(instant: Date): Promise<void> } {
  const review = district.review;
  const pending = [...(review?.steps ?? [])];
  const ports = { submissions: new FirestoreSummaryStore(db), reviews: new FirestoreReviewStore(db) };
  return {
    async takeUntil(instant) {
      for (let step = pending[0]; review && step && step.at <= instant; step = pending[0]) {
        pending.shift();
        await takeDemoReviewStep(ports, review, step);
      }
    },
  };
}
