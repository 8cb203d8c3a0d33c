import { describe, expect, it } from 'vitest';
import { branchUnits, DISTRICT_NODE, orgTree, subtreeIds } from '../../../functions/src/domain/units/org-tree.js';
import { testUnit } from '../../support/builders.js';

const units = [
  testUnit('dtn-a', { type: 'co-so-doan' }),
  testUnit('cd-a1', { type: 'chi-doan', parent: 'dtn-a' }),
  testUnit('cd-a2', { type: 'chi-doan', parent: 'dtn-a' }),
  testUnit('dtn-b', { type: 'co-so-doan' }),
  testUnit('cd-b1', { type: 'chi-doan', parent: 'dtn-b' }),
  testUnit('ld-c'),
  testUnit('cd-lost', { type: 'chi-doan', parent: 'not-registered' }),
];
const tree = orgTree(units);

describe('orgTree: chi đoàn under cơ sở Đoàn, the rest under the district office', () => {
  it.each<[string, string[]]>([
    [DISTRICT_NODE, [DISTRICT_NODE, 'dtn-a', 'cd-a1', 'cd-a2', 'dtn-b', 'cd-b1', 'ld-c', 'cd-lost']],
    ['dtn-a', ['dtn-a', 'cd-a1', 'cd-a2']],
    ['dtn-b', ['dtn-b', 'cd-b1']],
    ['cd-a1', ['cd-a1']],
    ['ld-c', ['ld-c']],
  ])('the subtree of %s', (node, ids) => {
    expect([...subtreeIds(tree, node)].sort()).toEqual([...ids].sort());
  });

  it('hangs a unit whose parent is not registered under the root', () => {
    expect(tree.parentOf.get('cd-lost')).toBe(DISTRICT_NODE);
    expect(tree.childrenOf.get(DISTRICT_NODE)).toEqual(['dtn-a', 'dtn-b', 'ld-c', 'cd-lost']);
  });

  it('the branches (units with units under them) are the cơ sở Đoàn with chi đoàn, in registry order', () => {
    expect(branchUnits(units, tree).map((u) => u.id)).toEqual(['dtn-a', 'dtn-b']);
  });

  it('a hand-made cycle does not loop', () => {
    const looped = {
      parentOf: new Map([
        ['x', 'y'],
        ['y', 'x'],
      ]),
      childrenOf: new Map([
        ['x', ['y']],
        ['y', ['x']],
      ]),
    };
    expect([...subtreeIds(looped, 'x')].sort()).toEqual(['x', 'y']);
  });
});
