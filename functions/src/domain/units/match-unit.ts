import { foldForMatch } from '../cells/fold.js';
import { editDistance } from './edit-distance.js';
import { unitIdOf } from './read-control.js';
import type { Unit } from './unit.js';

/*
 * A unit named in a cell (a shared responses sheet's "Đơn vị" column): its id, its name or one of
 * its aliases ("Tên khác"), whatever the accents, case, punctuation or spacing.
 */

export type UnitMatch =
  | { readonly kind: 'matched'; readonly unit: Unit }
  /** No unit has this name: the closest names, best first, so a person can correct the cell. */
  | { readonly kind: 'unknown'; readonly closest: readonly string[] }
  /** The name (an alias shared by mistake) fits several units. */
  | { readonly kind: 'ambiguous'; readonly units: readonly Unit[] };

export interface UnitNameIndex {
  readonly byKey: ReadonlyMap<string, readonly Unit[]>;
  readonly units: readonly Unit[];
}

const CLOSEST_COUNT = 3;

/** Index units by every key a cell may name them with: id, name and aliases, folded. */
export function unitNameIndex(units: readonly Unit[]): UnitNameIndex {
  const byKey = new Map<string, Unit[]>();
  const add = (key: string, unit: Unit) => {
    if (key === '') return;
    const list = byKey.get(key) ?? [];
    if (!list.includes(unit)) list.push(unit);
    byKey.set(key, list);
  };
  for (const unit of units) {
    for (const name of namesOf(unit)) {
      add(foldForMatch(name), unit);
      add(foldForMatch(unitIdOf(name)), unit);
    }
  }
  return { byKey, units };
}

/** Find the unit a typed name means; unknown names come with the closest registered names (edit distance). */
export function matchUnit(index: UnitNameIndex, typed: string): UnitMatch {
  const keys = [foldForMatch(typed), foldForMatch(unitIdOf(typed))];
  for (const key of keys) {
    const found = index.byKey.get(key);
    if (found?.length === 1 && found[0]) return { kind: 'matched', unit: found[0] };
    if (found && found.length > 1) return { kind: 'ambiguous', units: found };
  }
  return { kind: 'unknown', closest: closestNames(index.units, keys[0] ?? '') };
}

/** The registered names nearest to a folded name, best first (ties keep registry order). */
function closestNames(units: readonly Unit[], folded: string): string[] {
  const scored = units.map((unit, order) => ({
    name: unit.name,
    order,
    distance: Math.min(...namesOf(unit).map((n) => editDistance(foldForMatch(n), folded))),
  }));
  scored.sort((a, b) => a.distance - b.distance || a.order - b.order);
  return scored.slice(0, CLOSEST_COUNT).map((s) => s.name);
}

function namesOf(unit: Unit): string[] {
  return [unit.id, unit.name, ...(unit.aliases ?? [])];
}
