import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { FormPeriodStats, UnitSubmission } from '../../domain/stats/form-period-stats.js';
import { hashContent } from '../../domain/submissions/build-submissions.js';
import type { Unit } from '../../domain/units/unit.js';

/**
 * What a statistics document depends on: the form, the expected units' registry entries and the
 * submissions' content and times — not the clock, so an unchanged district is never rewritten.
 */
export function statsInputsHash(
  spec: FormSpec,
  periodId: string,
  units: readonly Unit[],
  submissions: ReadonlyMap<string, UnitSubmission>,
  stats: FormPeriodStats,
): string {
  const expected = new Set(stats.units.map((u) => u.unitId));
  return hashContent({
    spec,
    periodId,
    units: units.filter((u) => expected.has(u.id)),
    submissions: [...submissions.values()].filter((s) => expected.has(s.unitId)),
    standings: stats.units.map((u) => [u.unitId, u.status, u.onTime ?? null, u.daysLate ?? null]),
  });
}
