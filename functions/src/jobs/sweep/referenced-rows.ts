import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { TabReading } from '../../domain/forms/read-form-tab.js';
import { applyCrossFormRules, referencedFormIds } from '../../domain/rules/apply-cross-form-rules.js';
import { buildSubmissions, type SubmissionContent } from '../../domain/submissions/build-submissions.js';
import type { Unit } from '../../domain/units/unit.js';
import type { StoredFormRows, SweepStore } from './ports.js';

/**
 * A unit's submissions from its tab readings, with the rules across forms applied. A form another
 * one refers to but that this sheet did not hold (a tab kept from an earlier file) is taken from
 * the store: what the unit sent before.
 */
export async function submissionsWithRules(
  unit: Unit,
  forms: readonly FormSpec[],
  allForms: readonly FormSpec[],
  readings: ReadonlyMap<string, TabReading>,
  store: SweepStore,
): Promise<SubmissionContent[]> {
  // A tab whose header was not found says nothing about its form: its references read what is stored.
  const wanted = referencedFormIds(forms.filter((f) => readings.has(f.id))).filter(
    (id) => readings.get(id)?.headerRowNumber === undefined,
  );
  const stored = new Map<string, StoredFormRows>();
  for (const formId of wanted) {
    const rows = await store.loadUnitFormRows?.(unit.id, formId);
    if (rows) stored.set(formId, rows);
  }
  const ruled = applyCrossFormRules(readings, new Map(allForms.map((f) => [f.id, f])), stored);
  return forms.flatMap((spec) => {
    const one = ruled.get(spec.id);
    return one ? buildSubmissions(spec, unit.id, one.reading, one.coverage) : [];
  });
}
