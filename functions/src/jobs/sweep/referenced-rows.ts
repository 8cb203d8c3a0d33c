import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { TabReading } from '../../domain/forms/read-form-tab.js';
import { applyCrossFormRules, referencedFormIds } from '../../domain/rules/apply-cross-form-rules.js';
import { checkOwnChildren } from '../../domain/rules/check-own-children.js';
import { buildSubmissions, type SubmissionContent } from '../../domain/submissions/build-submissions.js';
import type { Unit } from '../../domain/units/unit.js';
import type { StoredFormRows, SweepStore } from './ports.js';

/**
 * A unit's submissions from its tab readings, with the rules across forms applied (first, for a plan parents
 * fill, that each row names one of the unit's own units: `registry` is every registered unit). A form another
 * one refers to but that this sheet did not hold (a tab kept from an earlier file) is taken from
 * the store: what the unit sent before.
 */
export async function submissionsWithRules(
  unit: Unit,
  forms: readonly FormSpec[],
  allForms: readonly FormSpec[],
  readings: ReadonlyMap<string, TabReading>,
  store: SweepStore,
  registry: readonly Unit[],
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
  const owned = new Map([...readings].map(([formId, reading]) => [formId, ownRowsOnly(reading, formId)]));
  const ruled = applyCrossFormRules(owned, new Map(allForms.map((f) => [f.id, f])), stored);
  function ownRowsOnly(reading: TabReading, formId: string): TabReading {
    const spec = forms.find((f) => f.id === formId);
    if (spec?.filledBy !== 'parent') return reading;
    const checked = checkOwnChildren(spec, reading.valid, unit, registry);
    const rejected = [...reading.rejected, ...checked.rejected].sort((a, b) => a.rowNumber - b.rowNumber);
    return { ...reading, valid: checked.valid, rejected };
  }
  return forms.flatMap((spec) => {
    const one = ruled.get(spec.id);
    return one ? buildSubmissions(spec, unit.id, one.reading, one.coverage) : [];
  });
}
