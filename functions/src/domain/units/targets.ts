import { foldForMatch } from '../cells/fold.js';
import type { FormSpec } from '../forms/form-spec.js';
import type { Unit } from './unit.js';

/** Whether a form is addressed to a unit (its type, and its level and cluster when the form names some); never a form the district fills. */
export function formTargetsUnit(spec: FormSpec, unit: Unit): boolean {
  return spec.filledBy !== 'district' && rowsMayNameUnit(spec, unit);
}

/** Whether a row of a shared sheet of this form may be credited to a unit: the units it targets, also when the district fills it. */
export function rowsMayNameUnit(spec: FormSpec, unit: Unit): boolean {
  const { unitTypes, levels, clusters } = spec.targets;
  return unitTypes.includes(unit.type) && matchesAny(levels, unit.level) && matchesAny(clusters, unit.cluster);
}

/** The forms a unit owes, in catalog order. */
export function formsForUnit(specs: readonly FormSpec[], unit: Unit): FormSpec[] {
  return specs.filter((spec) => formTargetsUnit(spec, unit));
}

function matchesAny(wanted: readonly string[], value: string): boolean {
  if (wanted.length === 0) return true;
  const folded = foldForMatch(value);
  return wanted.some((w) => foldForMatch(w) === folded);
}
