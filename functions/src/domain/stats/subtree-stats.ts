import { DISTRICT_NODE, subtreeIds, type OrgTree } from '../units/org-tree.js';
import { groupStats, type FormPeriodStats, type GroupStats } from './form-period-stats.js';

/**
 * Completeness and timeliness of every node of the tree over its own subtree, DHIS2-style: expected =
 * the reports owed by the node's descendants (and by the node itself when the form targets it), so a
 * node's rates never exceed 100 % and the root's equal the district's. Keyed by unit id and DISTRICT_NODE.
 */
export function subtreeStats(stats: FormPeriodStats, tree: OrgTree): Map<string, GroupStats> {
  const nodes = [DISTRICT_NODE, ...tree.parentOf.keys()];
  return new Map(
    nodes.map((node) => {
      const members = subtreeIds(tree, node);
      return [node, groupStats(stats.units.filter((s) => members.has(s.unitId)))];
    }),
  );
}
