import type { FormSpec } from '../forms/form-spec.js';
import type { PlanReading } from './read-plan-tabs.js';

/** The forms a run sweeps, counts and summarizes: every plan in use, closed ones included (their data stays). */
export function formsInUse(plans: PlanReading): readonly FormSpec[] {
  return plans.plans;
}

/** The forms units are still reminded of and given tabs for: plans in use that are not closed. */
export function openForms(plans: PlanReading): readonly FormSpec[] {
  return plans.plans.filter((spec) => !plans.closed.has(spec.id));
}

/** A reading of plans given as specs (a catalog copied into a new control sheet, a test): all open, no problem. */
export function planReadingOf(specs: readonly FormSpec[]): PlanReading {
  return { plans: specs, closed: new Set(), off: new Set(), skipped: new Set(), problems: [] };
}
