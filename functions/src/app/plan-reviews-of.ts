import { planReviews, type PlanReviews } from '../domain/plans/plan-review-setting.js';
import { settingIsOn, type ControlReading } from '../domain/units/read-control.js';

/** The control's review settings resolved per plan: each plan's 'Cần duyệt', else the district-wide 'Duyệt báo cáo'. */
export function planReviewsOf(control: Pick<ControlReading, 'plans' | 'settings'>): PlanReviews {
  return planReviews(
    control.plans.plans.map((p) => p.id),
    control.plans.review ?? new Map(),
    settingIsOn(control.settings.reviewSubmissions),
  );
}
