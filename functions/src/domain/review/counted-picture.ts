import type { DistrictPicture } from '../summary/district-picture.js';
import { countedStats } from './counted-stats.js';
import { latestDecisions, type ReviewDecision } from './review-decision.js';
import { reviewStanding } from './review-standing.js';

/** The units whose report of one plan and period stands approved on its current version (a later change or a "Cần bổ sung" undoes it). */
export function approvedUnitIds(
  picture: Pick<DistrictPicture, 'reviews' | 'submissions'>,
  formId: string,
  periodId: string,
  standing: ReadonlyMap<string, ReviewDecision> = latestDecisions(picture.reviews ?? []),
): Set<string> {
  return new Set(
    picture.submissions
      .filter((s) => s.formId === formId && s.periodId === periodId)
      .filter((s) => reviewStanding(standing.get(s.id), s).state === 'approved')
      .map((s) => s.unitId),
  );
}

/**
 * The picture with every period's statistics counted on its plan's basis ('Tính nộp đủ theo'): the one place
 * the summary's tabs, a cơ sở's summary and the report to the level above get the completeness they show.
 */
export function countedPicture(picture: DistrictPicture): DistrictPicture {
  const basis = picture.reviewBasis ?? {};
  if (!Object.values(basis).includes('approved')) return picture;
  const standing = latestDecisions(picture.reviews ?? []);
  return {
    ...picture,
    periods: picture.periods.map((p) =>
      basis[p.spec.id] === 'approved'
        ? {
            ...p,
            stats: countedStats(
              p.stats,
              picture.units,
              'approved',
              approvedUnitIds(picture, p.spec.id, p.period.id, standing),
            ),
          }
        : p,
    ),
  };
}
