import type { FormSpec } from '../domain/forms/form-spec.js';
import type { SharedSource } from '../domain/shared/shared-source.js';
import type { Unit } from '../domain/units/unit.js';
import type { FeedbackTarget } from '../jobs/summarize/ports.js';
import type { SweepStore, UnitSheetSource } from '../jobs/sweep/ports.js';
import { sweep, type SweepResult } from '../jobs/sweep/sweep.js';
import { sweepWithShared } from '../jobs/sweep/sweep-with-shared.js';

/** Shared sheets a replayed sweep reads too, and every registered unit their rows may name. */
export interface ReplayedShared {
  readonly sources: readonly SharedSource[];
  readonly registry: readonly Unit[];
}

/** A sweep of chosen units (and shared sheets) at a chosen clock: how the demo replays its history. */
export type SweepUnitsAt = (
  units: readonly Unit[],
  forms: readonly FormSpec[],
  now: Date,
  shared?: ReplayedShared,
) => Promise<SweepResult>;

/** The sheets and the store the demo's earlier sweeps read and write: the same the normal run uses afterwards. */
export interface DemoSweepPorts {
  readonly sheets: {
    readonly units: UnitSheetSource & FeedbackTarget;
    sharedSheets?(): UnitSheetSource & FeedbackTarget;
  };
  readonly store: SweepStore;
  /** Every registered unit: a sweep of one cơ sở Đoàn still knows its chi đoàn (the plans it fills about them). */
  readonly registry?: readonly Unit[];
}

/**
 * The general sweep job at the demo's earlier instants, remembering every sweep it ran, so the demo
 * can count them with the normal run that follows (withEarlierSweeps).
 */
export function sweepDemoAt(ports: DemoSweepPorts): {
  readonly sweepAt: SweepUnitsAt;
  readonly sweeps: readonly SweepResult[];
  writes(): number;
} {
  const sweeps: SweepResult[] = [];
  const sweepAt: SweepUnitsAt = async (units, forms, now, shared) => {
    const sharedSheets = shared && shared.sources.length > 0 ? ports.sheets.sharedSheets?.() : undefined;
    const registry = ports.registry ?? shared?.registry ?? units;
    const input = { units, registry, forms, source: ports.sheets.units, store: ports.store, now };
    const swept =
      shared && sharedSheets
        ? await sweepWithShared({ ...input, shared: { ...shared, sheets: sharedSheets } })
        : await sweep(input);
    sweeps.push(swept);
    return swept;
  };
  return { sweepAt, sweeps, writes: () => sweeps.reduce((total, s) => total + s.totals.writes, 0) };
}
