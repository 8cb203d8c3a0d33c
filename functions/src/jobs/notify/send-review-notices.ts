import { SUPPRESS_REASONS, type SuppressedNotice } from '../../domain/notices/decide-notices.js';
import { decideReviewNotices, type PlannedReviewNotice } from '../../domain/notices/decide-review-notices.js';
import type { LedgerEntry } from '../../domain/notices/notice-kinds.js';
import { deliverOnce } from './deliver-once.js';
import type { NotifyInput } from './notify.js';
import { freshReview } from './fresh-review.js';
import { heldBack, outcomeOf, type SendOutcome } from './send-outcome.js';

export type ReviewNoticeOutcome = SendOutcome<PlannedReviewNotice>;

/**
 * One mail per review decision to the unit's contacts, each at most once through the notices ledger,
 * within what is left of the run's and the day's recipient budget; nothing outside sending hours or once the server is down.
 */
export async function sendReviewNotices(
  input: NotifyInput,
  context: {
    readonly ledger: ReadonlyMap<string, LedgerEntry>;
    readonly quiet: boolean;
    readonly recipientsLeft: number;
    readonly sentToday: number;
    readonly serverDown: string | undefined;
  },
): Promise<{ outcomes: ReviewNoticeOutcome[]; suppressed: SuppressedNotice[]; serverDown: string | undefined }> {
  if (!input.reviews) return { outcomes: [], suppressed: [], serverDown: context.serverDown };
  const [decisions, submissions] = await Promise.all([
    input.reviews.loadReviewDecisions(),
    input.store.loadSubmissions(),
  ]);
  const planned = decideReviewNotices({
    decisions,
    submissions,
    units: input.units,
    ledger: context.ledger,
    policy: input.policy,
  });
  const suppressed = [...planned.suppressed];
  const outcomes: ReviewNoticeOutcome[] = [];
  let left = context.recipientsLeft;
  let serverDown = context.serverDown;
  for (const notice of planned.send) {
    const key = { formId: notice.formId, periodId: notice.periodId, unitId: notice.unitId };
    if (context.quiet) {
      suppressed.push({ ...key, reason: SUPPRESS_REASONS.quiet(input.policy) });
      continue;
    }
    if (notice.to.length > left) {
      suppressed.push({ ...key, reason: SUPPRESS_REASONS.budget(input.policy, context.sentToday) });
      continue;
    }
    const held = heldBack(notice, { dryRun: input.dryRun, serverDown });
    if (held) {
      outcomes.push(held);
      continue;
    }
    const fresh = await freshReview(input, notice);
    if ('reason' in fresh) {
      outcomes.push({ notice, result: 'skipped', reason: fresh.reason });
      continue;
    }
    left -= notice.to.length;
    const delivery = await deliverOnce(
      input,
      { id: notice.id, recipients: notice.to.length, ...key },
      { to: notice.to, cc: [], ...fresh.mail, noticeId: notice.id },
    );
    outcomes.push(outcomeOf(notice, delivery));
    if (delivery.result === 'failed') serverDown = delivery.serverDown;
  }
  return { outcomes, suppressed, serverDown };
}
