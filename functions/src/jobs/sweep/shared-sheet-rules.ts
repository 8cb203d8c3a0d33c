import type { FormSpec } from '../../domain/forms/form-spec.js';
import { parseSubmissionId } from '../../domain/ids/document-ids.js';
import type { SheetTab } from '../../domain/forms/read-form-tab.js';
import { referencedFormIds, type StoredRows } from '../../domain/rules/apply-cross-form-rules.js';
import { uniqueKeys } from '../../domain/rules/check-unique-rows.js';
import type { SharedSheetRules } from '../../domain/shared/read-shared-sheet.js';
import { routeSharedRows } from '../../domain/shared/route-shared-rows.js';
import type { SharedSource } from '../../domain/shared/shared-source.js';
import type { Unit } from '../../domain/units/unit.js';
import type { SourceState, SweepStore } from './ports.js';

/**
 * The rules across forms for one shared sheet, as for a unit's own file: each unit the sheet's rows
 * name gets its own stored rows of the forms this one refers to (its registration, from its file or
 * from another shared sheet swept before). Undefined when the form has no such rule.
 */
export async function sharedSheetRules(
  tab: SheetTab,
  source: SharedSource,
  spec: FormSpec,
  units: readonly Unit[],
  allForms: readonly FormSpec[],
  store: SweepStore,
): Promise<SharedSheetRules | undefined> {
  const wanted = referencedFormIds([spec]);
  if (wanted.length === 0 && uniqueKeys(spec).length === 0) return undefined;
  const unitIds = routeSharedRows(tab, source, spec, units).units.map((u) => u.unit.id);
  const loaded = await Promise.all(
    unitIds.map(async (unitId) => {
      const rows = await Promise.all(
        wanted.map(async (formId) => [formId, await store.loadUnitFormRows?.(unitId, formId)] as const),
      );
      // A form the unit has no submission of stays out of the map: it has not sent it (not: sent it empty).
      const sent = rows.flatMap(([formId, stored]) => (stored ? [[formId, stored] as const] : []));
      return [unitId, new Map<string, StoredRows>(sent)] as const;
    }),
  );
  const stored = new Map(loaded);
  return { specs: new Map(allForms.map((f) => [f.id, f])), storedOf: (unitId) => stored.get(unitId) ?? new Map() };
}

/**
 * Shared sources by when they are swept around the units' own files: `before` them the sheets that refer,
 * directly or through other shared sheets, to no form of the own files (a registration), so an own file
 * referring to one sees what this sweep stored; `after` them the sheets that do (an evaluation checked
 * against the registrations in the units' files).
 */
export function sharedSweepPhases(
  sources: readonly SharedSource[],
  forms: readonly FormSpec[],
): { readonly before: SharedSource[]; readonly after: SharedSource[] } {
  const shared = new Set(sources.map((s) => s.formId));
  const refersTo = (formId: string) => {
    const spec = forms.find((f) => f.id === formId);
    return spec ? referencedFormIds([spec]) : [];
  };
  const after = new Set([...shared].filter((id) => refersTo(id).some((other) => !shared.has(other))));
  // Through other shared sheets: a sheet referring to one swept after the own files waits for it.
  for (let grew = true; grew;) {
    grew = false;
    for (const id of shared) {
      if (after.has(id) || !refersTo(id).some((other) => after.has(other))) continue;
      after.add(id);
      grew = true;
    }
  }
  return {
    before: sources.filter((s) => !after.has(s.formId)),
    after: sources.filter((s) => after.has(s.formId)),
  };
}

/** Shared sources in sweep order: a form another one refers to first, so its rows are stored when the other is read. */
export function referencedSourcesFirst(sources: readonly SharedSource[], forms: readonly FormSpec[]): SharedSource[] {
  const refersToOthers = (source: SharedSource) => {
    const spec = forms.find((f) => f.id === source.formId);
    return spec !== undefined && referencedFormIds([spec]).length > 0;
  };
  return [...sources].sort((a, b) => Number(refersToOthers(a)) - Number(refersToOthers(b)));
}

/**
 * The stored hashes of every submission of the forms `spec` refers to, from the sources' states (units' files and
 * other shared sheets): a change there must re-read the shared sheet. Undefined when it refers to none.
 */
export function referencedSubmissionHashes(
  spec: FormSpec,
  states: ReadonlyMap<string, SourceState>,
): string[] | undefined {
  const formIds = referencedFormIds([spec]);
  if (formIds.length === 0) return undefined;
  const refers = (id: string) => formIds.includes(parseSubmissionId(id)?.formId ?? '');
  return [...states.values()]
    .flatMap((state) =>
      Object.entries(state.submissionHashes).flatMap(([id, hash]) => (refers(id) ? [`${id}=${hash}`] : [])),
    )
    .sort();
}

/**
 * The plans as the rules name them: a form collected through a shared sheet carries that sheet's tab, so a
 * message pointing to one of its rows ("dòng 7 của trang …") names the tab the row numbers are counted in.
 */
export function formsAsCollected(forms: readonly FormSpec[], sources: readonly SharedSource[]): FormSpec[] {
  return forms.map((form) => {
    const source = sources.find((s) => s.formId === form.id);
    return source ? { ...form, tab: source.tab } : form;
  });
}
