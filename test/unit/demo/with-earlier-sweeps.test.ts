import { describe, expect, it } from 'vitest';
import { withEarlierSweeps } from '../../../functions/src/demo/with-earlier-sweeps.js';
import { totalsOf, type SweepResult } from '../../../functions/src/jobs/sweep/sweep.js';
import type { UnitSweepResult } from '../../../functions/src/jobs/sweep/sweep-unit.js';

/** One unit's result; `holds` is what it stands at after the sweep (read, valid, rejected rows). */
function unitResult(
  unitId: string,
  outcome: UnitSweepResult['outcome'],
  holds: [number, number, number],
): UnitSweepResult {
  const [read, valid, rejected] = holds;
  const now = outcome === 'read';
  return {
    unitId,
    outcome,
    rowsRead: now ? read : 0,
    rowsValid: now ? valid : 0,
    rowsRejected: now ? rejected : 0,
    submissionsWritten: now ? 2 : 0,
    writes: now ? 5 : 0,
    problems: [],
    current: { status: outcome === 'missing' ? 'missing' : 'ok', counts: { read, valid, rejected, nil: 0 } },
  };
}

const result = (sweepId: string | undefined, units: UnitSweepResult[]): SweepResult => ({
  sweepId,
  totals: totalsOf(units),
  units,
});

describe('withEarlierSweeps: the demo counts its replayed history with the normal run', () => {
  it('leaves a run without earlier sweeps as it is', () => {
    const final = result('s1', [unitResult('a', 'read', [3, 2, 1])]);
    expect(withEarlierSweeps(final, [])).toBe(final);
  });

  it('counts a unit read earlier and unchanged now as read, with the rows it holds now; writes add up', () => {
    const earlier = [
      result('h1', [unitResult('a', 'read', [1, 1, 0]), unitResult('b', 'missing', [0, 0, 0])]),
      result('h2', [unitResult('a', 'read', [4, 3, 1])]),
    ];
    const final = result(undefined, [
      unitResult('a', 'unchanged', [4, 3, 1]),
      unitResult('b', 'unchanged', [0, 0, 0]),
      unitResult('c', 'unchanged', [0, 0, 0]),
    ]);
    const merged = withEarlierSweeps(final, earlier);
    expect(merged.units.map((u) => [u.unitId, u.outcome, u.rowsRead, u.rowsValid, u.rowsRejected])).toEqual([
      ['a', 'read', 4, 3, 1],
      ['b', 'missing', 0, 0, 0],
      ['c', 'unchanged', 0, 0, 0],
    ]);
    expect(merged.totals).toMatchObject({ unitsRead: 1, unitsMissing: 1, unitsUnchanged: 1, rowsRead: 4 });
    expect(merged.totals.writes).toBe(10);
    expect(merged.totals.submissionsWritten).toBe(4);
    // The final sweep wrote nothing, so the run is the last earlier sweep's record.
    expect(merged.sweepId).toBe('h2');
  });

  it('keeps what the final sweep read itself', () => {
    const earlier = [result('h1', [unitResult('a', 'read', [1, 1, 0])])];
    const final = result('s2', [unitResult('a', 'read', [2, 2, 0])]);
    const merged = withEarlierSweeps(final, earlier);
    expect(merged.units[0]).toMatchObject({ outcome: 'read', rowsRead: 2 });
    expect(merged.totals.writes).toBe(10);
    expect(merged.sweepId).toBe('s2');
  });
});
