import type { StoredSubmission } from '../summary/district-picture.js';
import type { ReviewEntry } from './accept-review-entry.js';
import { REVIEW_LABELS, type ReviewingBranch } from './review-decision.js';

/**
 * Why a cơ sở Đoàn may not decide on an entry typed in its own "Duyệt báo cáo", or undefined when it may:
 * only reports of the units under it (never its own, never another branch's). A report that does not exist
 * gets the same words as one outside the subtree, so a typed id tells the cơ sở nothing about other units.
 */
export function branchReviewRefusal(
  entry: ReviewEntry,
  submission: Pick<StoredSubmission, 'unitId'> | undefined,
  branch: ReviewingBranch,
  members: ReadonlySet<string>,
): string | undefined {
  if (submission && submission.unitId !== branch.id && members.has(submission.unitId)) return undefined;
  return `Quyết định '${REVIEW_LABELS[entry.decision]}' cho ${entry.label} không được ghi nhận: ${branch.name} chỉ duyệt báo cáo của các đơn vị trực thuộc, và mã báo cáo ở dòng đó không phải của đơn vị trực thuộc. Hãy xóa dòng đó.`;
}

/** Why an entry about a report of a plan that is not reviewed ('Cần duyệt: Không') is refused, or undefined. */
export function unreviewedPlanRefusal(
  entry: ReviewEntry,
  submission: Pick<StoredSubmission, 'formId'> | undefined,
  plans: { readonly reviewed: ReadonlySet<string> } | undefined,
): string | undefined {
  if (!submission || !plans || plans.reviewed.has(submission.formId)) return undefined;
  return `Quyết định '${REVIEW_LABELS[entry.decision]}' cho ${entry.label} không được ghi nhận: biểu mẫu này không cần duyệt ('Cần duyệt' là Không ở trang Biểu mẫu). Hãy xóa quyết định ở dòng đó.`;
}
