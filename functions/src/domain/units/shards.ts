import type { Unit } from './unit.js';

/** A share of a district's units swept by one function instance: one cụm thi đua. */
export interface Shard {
  /** The cluster's name as the control sheet writes it ('' for units without one). */
  readonly shard: string;
  readonly units: readonly Unit[];
}

/** The district's units by cụm thi đua, in the order the clusters first appear. */
export function shardsOf(units: readonly Unit[]): Shard[] {
  const byCluster = new Map<string, Unit[]>();
  for (const unit of units) byCluster.set(unit.cluster, [...(byCluster.get(unit.cluster) ?? []), unit]);
  return [...byCluster.entries()].map(([shard, members]) => ({ shard, units: members }));
}
