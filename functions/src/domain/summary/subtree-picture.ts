import { formPeriodStats, type UnitSubmission } from '../stats/form-period-stats.js';
import { orgTree, subtreeIds } from '../units/org-tree.js';
import type { Unit } from '../units/unit.js';
import type { DistrictPicture } from './district-picture.js';

/**
 * The district picture as one branch (a cơ sở Đoàn and its chi đoàn) may see it: only its subtree's units,
 * submissions, problems and notices, statistics recomputed over them, and periods and plans none of them owes
 * or filled left out. The district's own matters (control sheet problems, its review refusals) stay with the district.
 * When the district reviews, the branch reviews its subtree too: its decisions and `reviewRefusals` (what it typed and was refused).
 * Built into a summary by the same buildSummary, so a branch summary never holds another branch's rows.
 */
export function subtreePicture(
  picture: DistrictPicture,
  branch: Unit,
  reviewRefusals: readonly string[] = [],
): DistrictPicture {
  const members = subtreeIds(orgTree(picture.units), branch.id);
  const units = picture.units.filter((u) => members.has(u.id));
  const submissions = picture.submissions.filter((s) => members.has(s.unitId));
  const periods = picture.periods.flatMap(({ spec, period }) => {
    const own = new Map<string, UnitSubmission>(
      submissions.filter((s) => s.formId === spec.id && s.periodId === period.id).map((s) => [s.unitId, s]),
    );
    const stats = formPeriodStats({ spec, period, units, submissions: own, now: picture.now });
    return stats.overall.expected > 0 ? [{ spec, period, stats }] : [];
  });
  const usedForms = new Set([...periods.map((p) => p.spec.id), ...submissions.map((s) => s.formId)]);
  return {
    ...picture,
    // Decisions about the subtree's reports only, whoever made them: the branch sees the district's word on its units.
    reviews: picture.reviews?.filter((d) => members.has(d.unitId)),
    reviewRefusals: picture.reviews ? reviewRefusals : undefined,
    reviewBranch: picture.reviews ? { id: branch.id, name: branch.name } : undefined,
    branch: { id: branch.id, name: branch.name },
    settings: { ...picture.settings, districtName: branch.name },
    forms: picture.forms.filter((f) => usedForms.has(f.id)),
    units,
    periods,
    submissions,
    sourceProblems: picture.sourceProblems.filter((p) => members.has(p.unitId)),
    controlProblems: [],
    ...(picture.noticesSent
      ? { noticesSent: picture.noticesSent.filter((n) => n.unitId !== undefined && members.has(n.unitId)) }
      : {}),
  };
}
