import { latestDecisions, submissionVersion, type ReviewDecision } from '../review/review-decision.js';
import type { StoredSubmission } from '../summary/district-picture.js';
import type { Unit } from '../units/unit.js';
import { ledgerReason, recipientsOf, SUPPRESS_REASONS, type SuppressedNotice } from './decide-notices.js';
import type { LedgerEntry, NoticePolicy } from './notice-kinds.js';
import { reviewNoticeId } from '../ids/document-ids.js';

/** A review mail this run should send: one decision to the unit's contacts (the job re-checks and claims first). */
export interface PlannedReviewNotice {
  readonly id: string;
  readonly formId: string;
  readonly periodId: string;
  readonly unitId: string;
  readonly to: string[];
  readonly decision: ReviewDecision;
  /** True when an earlier attempt failed and this one retries it. */
  readonly retry: boolean;
}

/** Vietnamese reasons a review mail is not sent. */
export const REVIEW_SUPPRESS_REASONS = {
  superseded: 'đã có quyết định duyệt mới hơn',
  changed: 'đơn vị đã sửa báo cáo sau quyết định: chờ duyệt lại',
  noSubmission: 'không còn báo cáo này',
} as const;

/**
 * The review mails due: for each submission, its latest decision, once, to the unit's contacts — unless
 * the unit changed the report since (the decision no longer describes it), the ledger holds it, or the unit has no email.
 * Oldest decision first. Pure.
 */
export function decideReviewNotices(input: {
  readonly decisions: readonly ReviewDecision[];
  readonly submissions: readonly Pick<StoredSubmission, 'id' | 'contentHash' | 'lastChangedAt'>[];
  readonly units: readonly Unit[];
  readonly ledger: ReadonlyMap<string, LedgerEntry>;
  readonly policy: NoticePolicy;
}): { send: PlannedReviewNotice[]; suppressed: SuppressedNotice[] } {
  const send: PlannedReviewNotice[] = [];
  const suppressed: SuppressedNotice[] = [];
  const unitsById = new Map(input.units.map((u) => [u.id, u]));
  const submissionsById = new Map(input.submissions.map((s) => [s.id, s]));
  const latest = latestDecisions(input.decisions);
  for (const decision of input.decisions) {
    const id = reviewNoticeId(decision);
    const key = { formId: decision.formId, periodId: decision.periodId, unitId: decision.unitId };
    const entry = input.ledger.get(id);
    // A decision already mailed (or being mailed) is left alone, whatever happened since.
    if (entry && entry.state !== 'failed') continue;
    const reason = reviewMailHeldBack(
      decision,
      latest.get(decision.submissionId),
      submissionsById.get(decision.submissionId),
    );
    // A superseded decision is history, not news: it is not listed among the mails held back.
    if (reason) {
      if (reason !== REVIEW_SUPPRESS_REASONS.superseded) suppressed.push({ ...key, reason });
      continue;
    }
    const held = entry && ledgerReason(entry, input.policy);
    if (held) {
      suppressed.push({ ...key, reason: held });
      continue;
    }
    const to = recipientsOf(unitsById.get(decision.unitId));
    if (to.length === 0) {
      suppressed.push({ ...key, reason: SUPPRESS_REASONS.noEmail });
      continue;
    }
    send.push({ id, ...key, to, decision, retry: entry?.state === 'failed' });
  }
  return { send: send.sort((a, b) => a.decision.at.getTime() - b.decision.at.getTime()), suppressed };
}

/** Why a decision no longer deserves its mail (a newer decision, or the report changed or is gone since), or undefined when it does. */
export function reviewMailHeldBack(
  decision: ReviewDecision,
  latest: ReviewDecision | undefined,
  submission: Pick<StoredSubmission, 'contentHash' | 'lastChangedAt'> | undefined,
): string | undefined {
  if (latest && reviewNoticeId(latest) !== reviewNoticeId(decision)) return REVIEW_SUPPRESS_REASONS.superseded;
  if (!submission) return REVIEW_SUPPRESS_REASONS.noSubmission;
  if (submissionVersion(submission) !== decision.submissionVersion) return REVIEW_SUPPRESS_REASONS.changed;
  return undefined;
}
