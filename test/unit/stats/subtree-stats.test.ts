import { describe, expect, it } from 'vitest';
import {
  groupStats,
  type FormPeriodStats,
  type UnitStanding,
} from '../../../functions/src/domain/stats/form-period-stats.js';
import { subtreeStats } from '../../../functions/src/domain/stats/subtree-stats.js';
import { DISTRICT_NODE, orgTree } from '../../../functions/src/domain/units/org-tree.js';
import { testUnit } from '../../support/builders.js';

/*
 * Quận ─┬─ dtn-a (cơ sở Đoàn, reports too) ─┬─ cd-a1 ✓ on time
 *       │                                    ├─ cd-a2 ✓ late
 *       │                                    └─ cd-a3 ✗ missing
 *       ├─ dtn-b (not expected: the form targets chi đoàn and Liên đội only) ── cd-b1 ! partial
 *       └─ ld-c ○ nil, on time
 */
const units = [
  testUnit('dtn-a', { type: 'co-so-doan' }),
  testUnit('cd-a1', { type: 'chi-doan', parent: 'dtn-a' }),
  testUnit('cd-a2', { type: 'chi-doan', parent: 'dtn-a' }),
  testUnit('cd-a3', { type: 'chi-doan', parent: 'dtn-a' }),
  testUnit('dtn-b', { type: 'co-so-doan' }),
  testUnit('cd-b1', { type: 'chi-doan', parent: 'dtn-b' }),
  testUnit('ld-c'),
];
const standings: UnitStanding[] = [
  { unitId: 'dtn-a', status: 'complete-on-time', onTime: true },
  { unitId: 'cd-a1', status: 'complete-on-time', onTime: true },
  { unitId: 'cd-a2', status: 'complete-late', onTime: false, daysLate: 2 },
  { unitId: 'cd-a3', status: 'missing', daysOverdue: 3 },
  { unitId: 'cd-b1', status: 'partial', daysOverdue: 3 },
  { unitId: 'ld-c', status: 'nil', onTime: true },
];
const stats: FormPeriodStats = {
  formId: 'f',
  periodId: 'p',
  overall: groupStats(standings),
  byCluster: {},
  byUnitType: {},
  units: standings,
  metrics: [],
};
const rolled = subtreeStats(stats, orgTree(units));

describe('subtreeStats: each node over its own subtree, DHIS2 semantics', () => {
  it.each<[string, number, number, number, number | null, number | null]>([
    // node, expected, complete, on time, completeness, timeliness of expected
    [DISTRICT_NODE, 6, 4, 3, 4 / 6, 3 / 6],
    ['dtn-a', 4, 3, 2, 3 / 4, 2 / 4], // itself and its three chi đoàn
    ['dtn-b', 1, 0, 0, 0, 0], // not expected itself: only its chi đoàn counts
    ['cd-a2', 1, 1, 0, 1, 0],
    ['cd-a3', 1, 0, 0, 0, 0],
    ['ld-c', 1, 1, 1, 1, 1],
  ])('%s: expected %i, complete %i, on time %i', (node, expected, complete, onTime, completeness, timeliness) => {
    const s = rolled.get(node);
    expect(s).toMatchObject({ expected, complete, onTime, rates: { completeness, timelinessOfExpected: timeliness } });
  });

  it('a node no report is expected from has no rate rather than 0 % or 100 %', () => {
    const empty = subtreeStats({ ...stats, units: standings.filter((s) => s.unitId !== 'cd-b1') }, orgTree(units));
    expect(empty.get('dtn-b')).toMatchObject({
      expected: 0,
      rates: { completeness: null, timelinessOfExpected: null, timelinessOfSubmitted: null },
    });
  });

  it('the root equals the district overall figures, and no node is above 100 %', () => {
    expect(rolled.get(DISTRICT_NODE)).toEqual(stats.overall);
    for (const s of rolled.values()) {
      for (const rate of Object.values(s.rates)) if (rate !== null) expect(rate).toBeLessThanOrEqual(1);
      expect(s.complete).toBeLessThanOrEqual(s.expected);
    }
  });

  it('children add up to their parent (parent not expected)', () => {
    const parts = ['cd-a1', 'cd-a2', 'cd-a3'].map((id) => rolled.get(id)?.complete ?? NaN);
    expect((rolled.get('dtn-a')?.complete ?? 0) - 1).toBe(parts.reduce((a, b) => a + b, 0));
  });
});
