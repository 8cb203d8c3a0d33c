import { DAY_MS } from '../time/ict.js';
import type { DistrictPicture } from './district-picture.js';
import { formPeriodId } from '../ids/document-ids.js';

/** Name of the tab holding the periods that are not current. */
export const ARCHIVE_TAB = 'Lưu trữ';

/** How many days around `now` a due date makes a period current when the picture does not say. */
export const DEFAULT_CURRENT_DAYS = 30;

export type PicturePeriod = DistrictPicture['periods'][number];

/** The picture's periods split into what the district works on now and history, each latest first within a plan. */
export interface PeriodsByRecency {
  /** Open plans' periods due within the window around now, or still chased: plans by their latest deadline, newest first. */
  readonly current: readonly PicturePeriod[];
  /** Everything else, closed plans included: latest deadline first. */
  readonly archived: readonly PicturePeriod[];
}

/**
 * Split the periods into current and archived. A period is current when its plan is not closed and
 * it is due within `currentDays` before or after now, or a reminder about it was sent within that
 * many days (it is still being chased).
 */
export function periodsByRecency(picture: DistrictPicture): PeriodsByRecency {
  const windowMs = (picture.currentDays ?? DEFAULT_CURRENT_DAYS) * DAY_MS;
  const now = picture.now.getTime();
  const closed = new Set(picture.closedFormIds ?? []);
  const chased = new Set(
    (picture.noticesSent ?? []).flatMap((e) =>
      e.formId && e.periodId && e.sentAt && now - e.sentAt.getTime() <= windowMs
        ? [formPeriodId(e.formId, e.periodId)]
        : [],
    ),
  );
  const isCurrent = ({ spec, period }: PicturePeriod) =>
    !closed.has(spec.id) &&
    (Math.abs(period.due.getTime() - now) <= windowMs || chased.has(formPeriodId(spec.id, period.id)));
  return {
    current: latestFirstByPlan(picture.periods.filter(isCurrent)),
    archived: [...picture.periods.filter((p) => !isCurrent(p))].sort(
      (a, b) => b.period.due.getTime() - a.period.due.getTime(),
    ),
  };
}

/** Periods grouped by plan, the plan with the latest deadline first, and within a plan the latest period first. */
function latestFirstByPlan(periods: readonly PicturePeriod[]): PicturePeriod[] {
  const byPlan = new Map<string, PicturePeriod[]>();
  for (const p of periods) byPlan.set(p.spec.id, [...(byPlan.get(p.spec.id) ?? []), p]);
  const plans = [...byPlan.values()].map((list) =>
    list.sort((a, b) => b.period.due.getTime() - a.period.due.getTime()),
  );
  return plans.sort((a, b) => (b[0]?.period.due.getTime() ?? 0) - (a[0]?.period.due.getTime() ?? 0)).flat();
}
