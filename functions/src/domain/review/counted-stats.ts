import { groupedStats, type FormPeriodStats, type UnitStanding } from '../stats/form-period-stats.js';
import { COMPLETE_STATUSES } from '../status/status-kinds.js';
import type { Unit } from '../units/unit.js';
import type { CompletenessBasis } from './approved-completeness.js';

/**
 * The rule of 'Tính nộp đủ theo: Đã duyệt': a standing in full (complete or nil) whose unit is not in `approved`
 * (never approved, sent back, or changed since its approval) awaits approval instead of counting complete.
 * On 'submitted' the standings are returned as they are.
 */
export function standingsOnBasis(
  standings: readonly UnitStanding[],
  basis: CompletenessBasis,
  approved: ReadonlySet<string>,
): UnitStanding[] {
  if (basis === 'submitted') return [...standings];
  return standings.map((s) =>
    COMPLETE_STATUSES.includes(s.status) && !approved.has(s.unitId) ? { ...s, awaitingApproval: true } : s,
  );
}

/**
 * The statistics the district reads for one plan and period on its completeness basis: on 'approved', the
 * counts and rates of the district, each cụm and unit type count approved reports only (still ÷ expected,
 * never above 100 %), and `countedOn` says so; on 'submitted', the statistics unchanged.
 */
export function countedStats(
  stats: FormPeriodStats,
  units: readonly Unit[],
  basis: CompletenessBasis,
  approved: ReadonlySet<string>,
): FormPeriodStats {
  if (basis === 'submitted') return stats;
  const standings = standingsOnBasis(stats.units, basis, approved);
  const owing = new Set(stats.units.map((s) => s.unitId));
  return {
    ...stats,
    ...groupedStats(
      standings,
      units.filter((u) => owing.has(u.id)),
    ),
    units: standings,
    countedOn: 'approved',
  };
}
