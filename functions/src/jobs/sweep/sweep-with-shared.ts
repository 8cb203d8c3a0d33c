import { planVersionRecord } from '../../domain/plans/plan-version.js';
import type { SharedSource } from '../../domain/shared/shared-source.js';
import { formsForUnit } from '../../domain/units/targets.js';
import type { Unit } from '../../domain/units/unit.js';
import type { FeedbackTarget } from '../summarize/ports.js';
import type { UnitSheetSource } from './ports.js';
import { formsAsCollected } from './shared-sheet-rules.js';
import { sweepSharedSources } from './sweep-shared.js';
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
 * twice), and a unit owing nothing else is not looked for at all.
 */
export async function sweepWithShared(
  input: SweepInput & { readonly shared?: SharedSweepSetup },
): Promise<SweepResult> {
  const { shared } = input;
  if (!shared || shared.sources.length === 0) return sweep(input);
  const sharedFormIds = new Set(shared.sources.map((s) => s.formId));
  const unitForms = input.forms.filter((f) => !sharedFormIds.has(f.id));
  const units = input.units.filter((u) => formsForUnit(unitForms, u).length > 0);
  const ruleForms = formsAsCollected(input.forms, shared.sources);
  const swept = await sweep({ ...input, units, forms: unitForms, ruleForms });

  const sharedForms = input.forms.filter((f) => sharedFormIds.has(f.id));
  const plans = sharedForms.map(planVersionRecord);
  const versions = await input.store.savePlanVersions(plans);
  const results = await sweepSharedSources({
    sources: shared.sources,
    units: shared.registry,
    forms: sharedForms,
    ruleForms,
    compiled: compileForms(sharedForms),
    planVersions: new Map(plans.map((p) => [p.formId, p.version])),
    sheets: shared.sheets,
    store: input.store,
    previous: await input.store.loadSourceStates(),
    now: input.now,
  });
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
