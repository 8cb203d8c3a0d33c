import type { FormSpec } from '../../domain/forms/form-spec.js';
import { formsForUnit } from '../../domain/units/targets.js';
import type { Unit } from '../../domain/units/unit.js';
import type { ProvisionedUnit, SkippedUnit, UnitProvisioner, UnitRegistry } from './ports.js';

export interface ProvisionInput {
  readonly units: readonly Unit[];
  readonly forms: readonly FormSpec[];
  readonly provisioner: UnitProvisioner;
  readonly registry: UnitRegistry;
  readonly onUnitDone?: (done: number, total: number) => void;
}

export interface ProvisionResult {
  readonly units: readonly ProvisionedUnit[];
  /** Units whose spreadsheet could not be provisioned, with the reason (the others went on). */
  readonly failed: readonly { readonly unitId: string; readonly message: string }[];
  /** Units left without a spreadsheet on purpose (they upload an .xlsx into the folder), with the reason in Vietnamese. */
  readonly skipped: readonly SkippedUnit[];
  /** Spreadsheet ids newly written into the control sheet. */
  readonly recorded: number;
  /** Tabs added to the control sheet. */
  readonly controlTabsAdded: readonly string[];
}

/**
 * Give every unit its spreadsheet: created or completed with the tabs of the forms it owes, shared
 * with its contacts, its id recorded in the control sheet. Safe to re-run: what exists is kept,
 * only what is missing is added, and a unit that fails does not stop the others. A unit whose
 * 'Tệp báo cáo' is an .xlsx it uploaded is skipped: the sweep reads that file, a spreadsheet would be unused.
 */
export async function provision(input: ProvisionInput): Promise<ProvisionResult> {
  const controlTabsAdded = await input.registry.completeControl();
  await input.provisioner.prepare();
  const units: ProvisionedUnit[] = [];
  const failed: { unitId: string; message: string }[] = [];
  const skipped: SkippedUnit[] = [];
  for (const [i, unit] of input.units.entries()) {
    try {
      const done = await input.provisioner.provision(unit, formsForUnit(input.forms, unit, input.units));
      if ('skipped' in done) skipped.push(done);
      else units.push(done);
    } catch (error) {
      failed.push({ unitId: unit.id, message: error instanceof Error ? error.message : String(error) });
    }
    input.onUnitDone?.(i + 1, input.units.length);
  }
  const sourceOf = new Map(input.units.map((u) => [u.id, u.source]));
  const changed = new Map(
    units.filter((u) => sourceOf.get(u.unitId) !== u.spreadsheetId).map((u) => [u.unitId, u.spreadsheetId]),
  );
  const recorded = changed.size === 0 ? 0 : await input.registry.recordSources(changed);
  return { units, failed, skipped, recorded, controlTabsAdded };
}
