import type { CompletenessBasis } from '../review/approved-completeness.js';
import { planFormHeader } from './plan-layout.js';
import { planProblem, type PlanProblem } from './plan-problem.js';
import type { PlanRecord } from './plan-records.js';
import { COMPLETENESS_BASIS_NAMES, vocabularyKey } from './plan-vocabulary.js';

/** A plan's own review settings, from its "Biểu mẫu" row: 'Cần duyệt' (absent: the district-wide 'Duyệt báo cáo') and 'Tính nộp đủ theo'. */
export interface PlanReviewSetting {
  readonly review?: boolean;
  readonly basis?: CompletenessBasis;
}

/**
 * The review settings a plan's "Biểu mẫu" row states, or undefined when it states none. 'Tính nộp đủ theo: Đã duyệt'
 * with 'Cần duyệt: Không' cannot be honoured (nothing is ever approved): a problem naming the row, and the basis is dropped.
 */
export function planReviewSetting(row: PlanRecord): {
  readonly setting?: PlanReviewSetting;
  readonly problem?: PlanProblem;
} {
  const id = String(row.values.formId);
  const review = typeof row.values.review === 'boolean' ? row.values.review : undefined;
  const basis = vocabularyKey(COMPLETENESS_BASIS_NAMES, String(row.values.completenessBasis ?? ''));
  if (basis === 'approved' && review === false) {
    const reason = `'${COMPLETENESS_BASIS_NAMES.approved}' cần '${planFormHeader('review')}' là Có: biểu mẫu không được duyệt thì không báo cáo nào được tính là đã duyệt. Hãy chọn Có ở cột '${planFormHeader('review')}' hoặc để trống cột này.`;
    return {
      setting: { review },
      problem: planProblem(
        { tab: row.tab, row: row.rowNumber || undefined, header: planFormHeader('completenessBasis') },
        reason,
        id,
      ),
    };
  }
  if (review === undefined && basis === undefined) return {};
  return { setting: { ...(review !== undefined ? { review } : {}), ...(basis ? { basis } : {}) } };
}

/** What review means for the district's plans: which are reviewed, and on which basis each counts completeness. */
export interface PlanReviews {
  /** Plans whose submissions are reviewed in "Duyệt báo cáo". */
  readonly reviewed: ReadonlySet<string>;
  /** Each reviewed plan's completeness basis ('submitted' unless its row says 'Đã duyệt'). */
  readonly basis: ReadonlyMap<string, CompletenessBasis>;
}

/** Resolve each plan's review: its own 'Cần duyệt' when it says Có or Không, else the district-wide setting; a plan not reviewed counts submitted. */
export function planReviews(
  planIds: readonly string[],
  settings: ReadonlyMap<string, PlanReviewSetting>,
  districtReviews: boolean,
): PlanReviews {
  const reviewed = new Set(planIds.filter((id) => settings.get(id)?.review ?? districtReviews));
  const basis = new Map([...reviewed].map((id) => [id, settings.get(id)?.basis ?? 'submitted'] as const));
  return { reviewed, basis };
}
