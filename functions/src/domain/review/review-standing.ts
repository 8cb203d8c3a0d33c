import type { StoredSubmission } from '../summary/district-picture.js';
import { submissionVersion, type ReviewDecision } from './review-decision.js';

/** Where a submission stands in review. */
export type ReviewState = 'pending' | 'approved' | 'needs-more' | 'stale';

export interface ReviewStanding {
  readonly state: ReviewState;
  /** Vietnamese, as the district and the unit read it. */
  readonly text: string;
}

export const PENDING_TEXT = 'Chờ duyệt';
export const STALE_AFTER_APPROVAL_TEXT = 'Đã sửa sau khi duyệt — chờ duyệt lại';
export const STALE_AFTER_NEEDS_MORE_TEXT = 'Đã sửa sau khi được yêu cầu bổ sung — chờ duyệt lại';

/** A submission's review standing: its latest decision, unless the submission changed since (then it waits for a new one). */
export function reviewStanding(
  latest: ReviewDecision | undefined,
  submission: Pick<StoredSubmission, 'contentHash' | 'lastChangedAt'>,
): ReviewStanding {
  if (!latest) return { state: 'pending', text: PENDING_TEXT };
  if (latest.submissionVersion !== submissionVersion(submission)) {
    return {
      state: 'stale',
      text: latest.decision === 'approved' ? STALE_AFTER_APPROVAL_TEXT : STALE_AFTER_NEEDS_MORE_TEXT,
    };
  }
  // A cơ sở Đoàn's decision says whose it is: the district reads it in its own tab and may override it.
  const who = latest.branch ? ` (${latest.branch.name})` : '';
  if (latest.decision === 'approved') return { state: 'approved', text: `Đã duyệt${who}` };
  return { state: 'needs-more', text: latest.comment ? `Cần bổ sung${who}: ${latest.comment}` : `Cần bổ sung${who}` };
}
