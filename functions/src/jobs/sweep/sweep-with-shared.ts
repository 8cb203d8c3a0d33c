import { planVersionRecord } from '../../domain/plans/plan-version.js';
import type { SharedSource } from '../../domain/shared/shared-source.js';
import { formsForUnit } from '../../domain/units/targets.js';
import type { Unit } from '../../domain/units/unit.js';
import type { FeedbackTarget } from '../summarize/ports.js';
import type { UnitSheetSource } from './ports.js';
import { formsAsCollected, sharedSweepPhases } from './shared-sheet-rules.js';
import { sweepSharedSources, type SharedSweepInput } from './sweep-shared.js';
import { compileForms } from './sweep-unit.js';
import { sweep, totalsOf, type SweepInput, type SweepResult } from './sweep.js';

/** Forms collected through shared sheets, and an adapter instance of their own to read and write those sheets. */
export interface SharedSweepSetup {
  readonly sources: readonly SharedSource[];
  readonly sheets: UnitSheetSource & FeedbackTarget;
  /** Every registered unit: a shard's sweep still routes rows to units of other shards. */
  readonly registry: readonly Unit[];
}

/**
 * The sweep, with shared sheets. A form with a shared source is taken from that sheet only: the units'
 * own files are swept without it (a tab of that form in a unit's file is not read, so no row counts
 * twice), and a unit owing nothing else is not looked for at all. Every rule sees the other form as this
 * sweep stores it: shared sheets the own files may refer to (a registration) go first, the own files next
 * (re-read when what they refer to changed), and shared sheets referring to the own files last.
 */
export async function sweepWithShared(
  input: SweepInput & { readonly shared?: SharedSweepSetup },
): Promise<SweepResult> {
  const { shared } = input;
  if (!shared || shared.sources.length === 0) return sweep(input);
  const sharedFormIds = new Set(shared.sources.map((s) => s.formId));
  const unitForms = input.forms.filter((f) => !sharedFormIds.has(f.id));
  const registry = input.registry ?? shared.registry;
  const units = input.units.filter((u) => formsForUnit(unitForms, u, registry).length > 0);
  const ruleForms = formsAsCollected(input.forms, shared.sources);
  const sharedForms = input.forms.filter((f) => sharedFormIds.has(f.id));
  const plans = sharedForms.map(planVersionRecord);
  const versions = await input.store.savePlanVersions(plans);
  const phases = sharedSweepPhases(shared.sources, input.forms);
  const sharedInput: Omit<SharedSweepInput, 'sources' | 'previous'> = {
    units: shared.registry,
    forms: sharedForms,
    ruleForms,
    compiled: compileForms(sharedForms),
    planVersions: new Map(plans.map((p) => [p.formId, p.version])),
    sheets: shared.sheets,
    store: input.store,
    now: input.now,
  };
  const sweepShared = async (sources: readonly SharedSource[]) =>
    sources.length === 0
      ? []
      : sweepSharedSources({ ...sharedInput, sources, previous: await input.store.loadSourceStates() });

  const before = await sweepShared(phases.before);
  const swept = await sweep({ ...input, units, registry, forms: unitForms, ruleForms });
  const after = await sweepShared(phases.after);
  const results = [...before, ...after];
  const sharedTotals = totalsOf(results);
  const all = [...swept.units, ...results];
  // Units are the registry's (those owing only shared forms were not looked for, yet they are units); a shared sheet counts as a sheet read.
  return {
    sweepId: swept.sweepId,
    units: all,
    totals: {
      ...totalsOf(all),
      units: input.units.length,
      writes: swept.totals.writes + sharedTotals.writes + versions.writes,
    },
  };
}
