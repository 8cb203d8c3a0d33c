import type { FormSpec } from '../forms/form-spec.js';
import type { TabReading } from '../forms/read-form-tab.js';
import { checkReferences } from './check-references.js';
import { checkUniqueRows, uniqueKeys } from './check-unique-rows.js';
import { referencedValues, type ReferencedRows, type ReferencedValues } from './referenced-values.js';

/** A form's reading after the rules across rows and forms, with what its coverage is measured against. */
export interface RuledReading {
  readonly reading: TabReading;
  /** The covered form's values (coverage plans only). */
  readonly coverage?: ReferencedValues;
}

/** A unit's stored rows of one form (valid and refused), as the store holds them. */
export type StoredRows = ReferencedRows;

/** The forms a unit's forms refer to ('Phải có trong' and coverage). */
export function referencedFormIds(forms: readonly FormSpec[]): string[] {
  return [
    ...new Set(
      forms.flatMap((f) => [
        ...f.columns.flatMap((c) => (c.mustExistIn ? [c.mustExistIn.formId] : [])),
        ...(f.coverage ? [f.coverage.formId] : []),
      ]),
    ),
  ];
}

/**
 * One unit's readings with 'Phải có trong' and 'Không trùng' applied: rows breaking them move from
 * valid to rejected. Forms that refer to none go first, so a reference sees the other form as it is
 * accepted now; a referenced form not in this reading, or whose header was not found (the file says nothing
 * about it), is taken from `stored` (what the unit sent before); absent there too, the unit has not sent it.
 */
export function applyCrossFormRules(
  readings: ReadonlyMap<string, TabReading>,
  specs: ReadonlyMap<string, FormSpec>,
  stored: ReadonlyMap<string, StoredRows> = new Map(),
): Map<string, RuledReading> {
  const refersToOthers = (spec: FormSpec | undefined) => spec !== undefined && referencedFormIds([spec]).length > 0;
  const order = [...readings.keys()].sort(
    (a, b) => Number(refersToOthers(specs.get(a))) - Number(refersToOthers(specs.get(b))),
  );
  const ruled = new Map<string, RuledReading>();
  const valuesOf = (formId: string, column: string): ReferencedValues | undefined => {
    const spec = specs.get(formId);
    if (!spec) return undefined;
    const read = ruled.get(formId)?.reading ?? readings.get(formId);
    const rows = read?.headerRowNumber !== undefined ? read : stored.get(formId);
    return referencedValues(spec, column, rows);
  };
  for (const formId of order) {
    const reading = readings.get(formId);
    const spec = specs.get(formId);
    if (!reading || !spec) continue;
    if (!refersToOthers(spec) && uniqueKeys(spec).length === 0) {
      ruled.set(formId, { reading });
      continue;
    }
    const columnFor = (other: string) =>
      spec.columns.find((c) => c.mustExistIn?.formId === other)?.mustExistIn?.column ?? '';
    const referenced = checkReferences(spec, reading.valid, (other) => valuesOf(other, columnFor(other)));
    const unique = checkUniqueRows(spec, referenced.valid);
    const rejected = [...reading.rejected, ...referenced.rejected, ...unique.rejected].sort(
      (a, b) => a.rowNumber - b.rowNumber,
    );
    const coverage = spec.coverage ? valuesOf(spec.coverage.formId, columnFor(spec.coverage.formId)) : undefined;
    ruled.set(formId, { reading: { ...reading, valid: unique.valid, rejected }, ...(coverage ? { coverage } : {}) });
  }
  return ruled;
}
