import type { Unit } from './unit.js';

/**
 * The district's org tree: chi đoàn under their cơ sở Đoàn, every other unit under the district office,
 * which is the root and a node itself (it fills forms of its own: receipts, inspections).
 */

/** The district office's node id: not a valid unit id, so it never collides with one. */
export const DISTRICT_NODE = '~quan-doan';

export interface OrgTree {
  /** Each unit's parent node: a unit id, or DISTRICT_NODE. */
  readonly parentOf: ReadonlyMap<string, string>;
  /** Each node's children in registry order (DISTRICT_NODE included). */
  readonly childrenOf: ReadonlyMap<string, readonly string[]>;
}

/** Build the tree from the registry; a parent that is not a registered unit hangs its child under the root. */
export function orgTree(units: readonly Unit[]): OrgTree {
  const ids = new Set(units.map((u) => u.id));
  const parentOf = new Map<string, string>();
  const childrenOf = new Map<string, string[]>([[DISTRICT_NODE, []]]);
  for (const unit of units) {
    const parent =
      unit.parent !== undefined && ids.has(unit.parent) && unit.parent !== unit.id ? unit.parent : DISTRICT_NODE;
    parentOf.set(unit.id, parent);
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), unit.id]);
  }
  return { parentOf, childrenOf };
}

/** A node and all its descendants (the root's subtree is every unit and the root). */
export function subtreeIds(tree: OrgTree, nodeId: string): Set<string> {
  const seen = new Set<string>();
  const stack = [nodeId];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    // The registry reader breaks cycles; the seen set keeps a hand-made tree from looping anyway.
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(tree.childrenOf.get(at) ?? []));
  }
  return seen;
}

/** The units that have units under them (cơ sở Đoàn with chi đoàn), in registry order: each gets its own summary. */
export function branchUnits(units: readonly Unit[], tree: OrgTree): Unit[] {
  return units.filter((u) => (tree.childrenOf.get(u.id)?.length ?? 0) > 0);
}
