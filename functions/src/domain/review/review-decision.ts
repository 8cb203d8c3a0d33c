import type { StoredSubmission } from '../summary/district-picture.js';

/** What the district decided about one submission. */
export const REVIEW_DECISIONS = ['approved', 'needs-more'] as const;
export type ReviewDecisionKind = (typeof REVIEW_DECISIONS)[number];

/** The words the district picks from the "Quyết định" dropdown. */
export const REVIEW_LABELS: Readonly<Record<ReviewDecisionKind, string>> = {
  approved: 'Đã duyệt',
  'needs-more': 'Cần bổ sung',
};

/** Who decided when the summary file says nothing better (workbook mode: the district office as a whole). */
export const DISTRICT_REVIEWER = 'Quận Đoàn';

/** One review decision, stored as its own document (the audit trail): who, when, what, on which version. */
export interface ReviewDecision {
  /** The reviewed submission's id, `{form}~{period}~{unit}`. */
  readonly submissionId: string;
  readonly formId: string;
  readonly periodId: string;
  readonly unitId: string;
  readonly decision: ReviewDecisionKind;
  /** The district's "Nhận xét", trimmed; may be empty for an approval. */
  readonly comment: string;
  readonly by: string;
  readonly at: Date;
  /** The content hash of the submission the decision was made on. */
  readonly submissionVersion: string;
  /** The parent (cơ sở Đoàn) that decided in its own summary; absent: the district decided. */
  readonly branch?: ReviewingBranch;
}

/** A parent unit reviewing its subtree from its own summary's "Duyệt báo cáo". */
export interface ReviewingBranch {
  readonly id: string;
  readonly name: string;
}

/** The version a decision is about: the submission's content hash (its last change time for documents stored before hashes were read). */
export function submissionVersion(submission: Pick<StoredSubmission, 'contentHash' | 'lastChangedAt'>): string {
  return submission.contentHash ?? submission.lastChangedAt.toISOString();
}

/** The dropdown word as a decision: case, spaces and Unicode form do not matter; anything else is undefined. */
export function parseReviewDecision(text: string): ReviewDecisionKind | undefined {
  const key = text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return REVIEW_DECISIONS.find((d) => REVIEW_LABELS[d].toLocaleLowerCase('vi') === key);
}

/** The decisions one reviewer made: the district's (branch undefined) or one cơ sở Đoàn's. */
export function decisionsOf(decisions: readonly ReviewDecision[], branchId: string | undefined): ReviewDecision[] {
  return decisions.filter((d) => d.branch?.id === branchId);
}

/**
 * The decision that stands for each submission, by submission id. Two levels ("cơ sở xem xét, quận công nhận"):
 * the district's latest decision overrides every cơ sở decision on the same version or made before it; a cơ sở
 * decision stands while the district has not decided, or when it is later and about a newer version (the unit
 * changed the report after the district decided). Within one level, the latest wins; of one instant, the later in the list.
 */
export function latestDecisions(decisions: readonly ReviewDecision[]): Map<string, ReviewDecision> {
  const district = latestByTime(decisionsOf(decisions, undefined));
  const branch = latestByTime(decisions.filter((d) => d.branch !== undefined));
  const standing = new Map(district);
  for (const [id, b] of branch) {
    const d = district.get(id);
    if (!d || (b.at.getTime() > d.at.getTime() && b.submissionVersion !== d.submissionVersion)) standing.set(id, b);
  }
  return standing;
}

function latestByTime(decisions: readonly ReviewDecision[]): Map<string, ReviewDecision> {
  const latest = new Map<string, ReviewDecision>();
  for (const d of decisions) {
    const known = latest.get(d.submissionId);
    if (!known || d.at.getTime() >= known.at.getTime()) latest.set(d.submissionId, d);
  }
  return latest;
}
