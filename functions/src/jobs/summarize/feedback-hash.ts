import type { UnitFeedback } from '../../domain/feedback/unit-feedback.js';
import { hashContent } from '../../domain/submissions/build-submissions.js';

/** Hash of what a unit's sheet is given back (status by row as entries, since a Map has no JSON form). */
export function feedbackHashOf(feedback: UnitFeedback): string {
  return hashContent({
    ...feedback,
    tabs: feedback.tabs.map((tab) => ({ ...tab, statusByRow: [...tab.statusByRow.entries()] })),
  });
}
