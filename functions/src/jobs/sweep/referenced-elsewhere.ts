import type { FormSpec } from '../../domain/forms/form-spec.js';
import { parseSubmissionId } from '../../domain/ids/document-ids.js';
import { referencedFormIds } from '../../domain/rules/apply-cross-form-rules.js';
import { formsForUnit } from '../../domain/units/targets.js';
import type { Unit } from '../../domain/units/unit.js';
import type { SourceState } from './ports.js';

/**
 * For each unit, the stored hashes (`id=hash`, sorted) of its submissions of the forms its own forms refer to
 * but that no unit's file holds (a registration collected through a shared sheet): part of what its reading
 * depends on, so a change there reads its unchanged file again. Undefined for a unit whose forms refer to no
 * such form, so its stored state stays valid.
 */
export function hashesReferencedElsewhere(
  forms: readonly FormSpec[],
  states: ReadonlyMap<string, SourceState>,
  registry: readonly Unit[],
): (unit: Unit) => string[] | undefined {
  const own = new Set(forms.map((f) => f.id));
  const elsewhere = new Set(referencedFormIds(forms).filter((id) => !own.has(id)));
  if (elsewhere.size === 0) return () => undefined;
  const byUnit = new Map<string, string[]>();
  for (const state of states.values()) {
    for (const [id, hash] of Object.entries(state.submissionHashes)) {
      const key = parseSubmissionId(id);
      if (!key || !elsewhere.has(key.formId)) continue;
      const hashes = byUnit.get(key.unitId) ?? [];
      if (hashes.length === 0) byUnit.set(key.unitId, hashes);
      hashes.push(`${id}=${hash}`);
    }
  }
  return (unit) =>
    referencedFormIds(formsForUnit(forms, unit, registry)).some((id) => elsewhere.has(id))
      ? [...(byUnit.get(unit.id) ?? [])].sort()
      : undefined;
}
