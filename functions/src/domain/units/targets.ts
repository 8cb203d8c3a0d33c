import { foldForMatch } from '../cells/fold.js';
import type { FormSpec } from '../forms/form-spec.js';
import type { Unit } from './unit.js';

/**
 * Whether a unit owes a form: the form's type, level and cluster match it; for a plan parents fill, it has a
 * targeted unit under it in `registry` (every registered unit); never a form the district fills.
 */
export function formTargetsUnit(spec: FormSpec, unit: Unit, registry: readonly Unit[]): boolean {
  if (spec.filledBy === 'district') return false;
  if (spec.filledBy === 'parent') return targetedChildren(spec, unit, registry).length > 0;
  return rowsMayNameUnit(spec, unit);
}

/** Whether a row of this form may name a unit: the units it targets, also when the district or a parent fills it. */
export function rowsMayNameUnit(spec: FormSpec, unit: Unit): boolean {
  const { unitTypes, levels, clusters } = spec.targets;
  return unitTypes.includes(unit.type) && matchesAny(levels, unit.level) && matchesAny(clusters, unit.cluster);
}

/** The units directly under `parent` that a plan parents fill is about: its children the form targets. */
export function targetedChildren(spec: FormSpec, parent: Unit, registry: readonly Unit[]): Unit[] {
  const children = childrenByParent(registry).get(parent.id) ?? [];
  return children.filter((u) => u.id !== parent.id && rowsMayNameUnit(spec, u));
}

/**
 * Each registry's units by their parent, built once per registry array (a sweep asks for every unit, and a plan's
 * expected units for every period); built again should the array have grown since.
 */
const CHILDREN_BY_PARENT = new WeakMap<
  readonly Unit[],
  { size: number; index: ReadonlyMap<string, readonly Unit[]> }
>();

function childrenByParent(registry: readonly Unit[]): ReadonlyMap<string, readonly Unit[]> {
  const cached = CHILDREN_BY_PARENT.get(registry);
  let index = cached?.size === registry.length ? cached.index : undefined;
  if (!index) {
    const byParent = new Map<string, Unit[]>();
    for (const unit of registry) {
      if (unit.parent === undefined) continue;
      const siblings = byParent.get(unit.parent);
      if (siblings) siblings.push(unit);
      else byParent.set(unit.parent, [unit]);
    }
    CHILDREN_BY_PARENT.set(registry, { size: registry.length, index: (index = byParent) });
  }
  return index;
}

/** The forms a unit owes, in catalog order (`registry`: every registered unit, for the plans parents fill). */
export function formsForUnit(specs: readonly FormSpec[], unit: Unit, registry: readonly Unit[]): FormSpec[] {
  return specs.filter((spec) => formTargetsUnit(spec, unit, registry));
}

function matchesAny(wanted: readonly string[], value: string): boolean {
  if (wanted.length === 0) return true;
  const folded = foldForMatch(value);
  return wanted.some((w) => foldForMatch(w) === folded);
}
