import { reviewMailHeldBack, type PlannedReviewNotice } from '../../domain/notices/decide-review-notices.js';
import { renderReviewNotice } from '../../domain/notices/render-review-notice.js';
import type { RenderedMail } from '../../domain/notices/render-notice.js';
import { latestDecisions } from '../../domain/review/review-decision.js';
import type { NotifyInput } from './notify.js';

/**
 * A review mail rendered from the decisions and the submission as stored right before sending: the
 * message, or the Vietnamese reason it is no longer due (a newer decision, or the unit changed the report since).
 */
export async function freshReview(
  input: NotifyInput,
  notice: PlannedReviewNotice,
): Promise<{ mail: RenderedMail } | { reason: string }> {
  const spec = input.forms.find((f) => f.id === notice.formId);
  const unit = input.units.find((u) => u.id === notice.unitId);
  const [decisions, submission] = await Promise.all([
    input.reviews?.loadReviewDecisions() ?? [],
    input.store.loadSubmission(notice.decision.submissionId),
  ]);
  const held = reviewMailHeldBack(
    notice.decision,
    latestDecisions(decisions).get(notice.decision.submissionId),
    submission,
  );
  if (held) return { reason: held };
  if (!spec || !unit || !submission) return { reason: 'không còn kế hoạch hoặc đơn vị này' };
  return {
    mail: renderReviewNotice({
      decision: notice.decision,
      spec,
      unit,
      submission,
      settings: input.settings,
      sheetLink: input.sheetLinkOf(unit),
    }),
  };
}
