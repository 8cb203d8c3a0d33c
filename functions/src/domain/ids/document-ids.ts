import { NOTICE_STAGES, type NoticeStage } from '../notices/notice-kinds.js';

/**
 * Every Firestore document id the tool builds, and its parse. Parts are joined with `~`, which no
 * part may hold: form, unit and phase ids are lowercase-dashed slugs and the other periods are dates
 * (2020-04, 2020-W15, 2022-2023, mot-lan), so ids have never needed escaping. The format is what
 * stored data holds: changing it would orphan every stored submission, notice and statistic.
 */
const SEPARATOR = '~';

/** A part that holds the separator would make its id ambiguous: refused when building, never stored. */
function join(...parts: readonly string[]): string {
  const bad = parts.find((p) => p === '' || p.includes(SEPARATOR));
  if (bad !== undefined)
    throw new Error(
      `Document id part '${bad}' is empty or holds '${SEPARATOR}' (ids are lowercase-dashed): ${parts.join(' | ')}`,
    );
  return parts.join(SEPARATOR);
}

/** The parts of `id`, when it has exactly `count` non-empty ones. */
function split(id: string, count: number): string[] | undefined {
  const parts = id.split(SEPARATOR);
  return parts.length === count && parts.every((p) => p !== '') ? parts : undefined;
}

export interface SubmissionKey {
  readonly formId: string;
  readonly periodId: string;
  readonly unitId: string;
}

/** Document id of a submission (`submissions/{form}~{period}~{unit}`). */
export function submissionId(formId: string, periodId: string, unitId: string): string {
  return join(formId, periodId, unitId);
}

/** The form, period and unit of a submission id; undefined for anything else. */
export function parseSubmissionId(id: string): SubmissionKey | undefined {
  const parts = split(id, 3);
  return parts ? { formId: parts[0]!, periodId: parts[1]!, unitId: parts[2]! } : undefined;
}

/** Document id of one form and period's statistics (`stats/{form}~{period}`); also the key of a form's period in memory. */
export function formPeriodId(formId: string, periodId: string): string {
  return join(formId, periodId);
}

/** The form and period of a statistics id; undefined for anything else. */
export function parseFormPeriodId(id: string): Pick<SubmissionKey, 'formId' | 'periodId'> | undefined {
  const parts = split(id, 2);
  return parts ? { formId: parts[0]!, periodId: parts[1]! } : undefined;
}

/** Ledger id of a notice (`notices/{form}~{period}~{unit}~{stage}`); at most one message ever per id. */
export function noticeId(formId: string, periodId: string, unitId: string, stage: NoticeStage): string {
  return join(formId, periodId, unitId, stage);
}

/** The submission and stage of a notice id; undefined for a digest, a review mail or anything else. */
export function parseNoticeId(id: string): (SubmissionKey & { readonly stage: NoticeStage }) | undefined {
  const parts = split(id, 4);
  const stage = NOTICE_STAGES.find((s) => s === parts?.[3]);
  return parts && stage && parts[0] !== DIGEST && parts[0] !== REVIEW
    ? { formId: parts[0]!, periodId: parts[1]!, unitId: parts[2]!, stage }
    : undefined;
}

const DIGEST = 'digest';

/** Ledger id of the district digest of one ICT day (`notices/digest~{yyyy-mm-dd}`). */
export function digestId(day: string): string {
  return join(DIGEST, day);
}

/** The ICT day of a digest id; undefined for anything else. */
export function parseDigestId(id: string): string | undefined {
  const parts = split(id, 2);
  return parts?.[0] === DIGEST ? parts[1] : undefined;
}

const REVIEW = 'review';

/** Ledger id of the mail of one review decision (`notices/review~{form}~{period}~{unit}~{decided at, ms}`); at most one per decision. */
export function reviewNoticeId(decision: { readonly submissionId: string; readonly at: Date }): string {
  const key = parseSubmissionId(decision.submissionId);
  if (!key) throw new Error(`Not a submission id: '${decision.submissionId}'`);
  return join(REVIEW, key.formId, key.periodId, key.unitId, String(decision.at.getTime()));
}

/** The submission and decision instant of a review mail's id; undefined for anything else. */
export function parseReviewNoticeId(id: string): { readonly submission: SubmissionKey; readonly at: Date } | undefined {
  const parts = split(id, 5);
  if (parts?.[0] !== REVIEW || !/^\d+$/.test(parts[4]!)) return undefined;
  return { submission: { formId: parts[1]!, periodId: parts[2]!, unitId: parts[3]! }, at: new Date(Number(parts[4])) };
}

const MAILBOX = 'mailbox';

/** Message id of the reply to one incoming mail (key: the hash of its Message-ID). */
export function mailboxReplyId(key: string): string {
  return join(MAILBOX, key);
}

/** The incoming mail's key of a reply id; undefined for anything else. */
export function parseMailboxReplyId(id: string): string | undefined {
  const parts = split(id, 2);
  return parts?.[0] === MAILBOX ? parts[1] : undefined;
}

/** A revision's document id (`submissions/{id}/revisions/{000001}`): its number, zero-padded so ids sort in order. */
export function revisionDocId(revision: number): string {
  if (!Number.isInteger(revision) || revision < 1)
    throw new Error(`A revision number is a whole number ≥ 1, not ${revision}`);
  return String(revision).padStart(6, '0');
}

/** The number of a revision document id; undefined for anything else. */
export function parseRevisionDocId(id: string): number | undefined {
  return /^\d{6,}$/.test(id) && Number(id) >= 1 ? Number(id) : undefined;
}
