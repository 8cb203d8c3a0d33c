import { totalsOf, type SweepResult } from '../jobs/sweep/sweep.js';
import type { UnitSweepResult } from '../jobs/sweep/sweep-unit.js';

/**
 * What the whole demo run did, when earlier sweeps (its replayed history) already read units:
 * a unit read by any of them counts as read, with the rows it holds now; writes add up.
 */
export function withEarlierSweeps(final: SweepResult, earlier: readonly SweepResult[]): SweepResult {
  if (earlier.length === 0) return final;
  const lastOutcome = new Map<string, UnitSweepResult['outcome']>();
  for (const r of earlier) for (const u of r.units) if (u.outcome !== 'unchanged') lastOutcome.set(u.unitId, u.outcome);
  const units = final.units.map((u): UnitSweepResult => {
    const outcome = lastOutcome.get(u.unitId);
    if (u.outcome !== 'unchanged' || outcome === undefined) return u;
    if (outcome !== 'read') return { ...u, outcome };
    return {
      ...u,
      outcome,
      rowsRead: u.current.counts.read,
      rowsValid: u.current.counts.valid,
      rowsRejected: u.current.counts.rejected,
    };
  });
  const sum = (pick: (r: SweepResult) => number) => earlier.reduce((total, r) => total + pick(r), pick(final));
  const totals = {
    ...totalsOf(units),
    submissionsWritten: sum((r) => r.totals.submissionsWritten),
    writes: sum((r) => r.totals.writes),
  };
  return { sweepId: final.sweepId ?? earlier.at(-1)?.sweepId, totals, units };
}
