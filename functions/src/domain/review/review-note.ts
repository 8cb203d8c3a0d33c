import type { StoredSubmission } from '../summary/district-picture.js';
import type { ReviewDecision } from './review-decision.js';
import { reviewStanding } from './review-standing.js';

/** The review part of a unit's "Tình hình nộp" note: "Đã duyệt", "Cần bổ sung: …" or the stale state; nothing before any decision. */
export function reviewNote(
  latest: ReviewDecision | undefined,
  submission: Pick<StoredSubmission, 'contentHash' | 'lastChangedAt'>,
): string {
  // Before the district decides, the note says nothing: turning review on does not rewrite every unit's sheet.
  return latest ? reviewStanding(latest, submission).text : '';
}
