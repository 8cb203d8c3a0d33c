import { randomBytes } from 'node:crypto';
import pLimit from 'p-limit';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { planVersionRecord } from '../../domain/plans/plan-version.js';
import type { Unit } from '../../domain/units/unit.js';
import type { SubmitRequest, SweepStore, SweepTotals, UnitSheetSource } from './ports.js';
import { hashesReferencedElsewhere } from './referenced-elsewhere.js';
import { compileForms, sweepUnit, type UnitSweepResult } from './sweep-unit.js';
import { isolateUnit } from './unit-failure.js';

export interface SweepInput {
  readonly units: readonly Unit[];
  /** Every registered unit, when `units` is a shard of them: who fills a plan parents fill. Defaults to `units`. */
  readonly registry?: readonly Unit[];
  readonly forms: readonly FormSpec[];
  /** Every plan, for the rules across forms: a form a unit's tab refers to may come from a shared sheet. Defaults to `forms`. */
  readonly ruleForms?: readonly FormSpec[];
  readonly source: UnitSheetSource;
  readonly store: SweepStore;
  /** The sweep's clock reading; the job never reads the clock itself. */
  readonly now: Date;
  /** Called after each unit, for progress output. */
  readonly onUnitDone?: (done: number, total: number, result: UnitSweepResult) => void;
  /** Called when handling a unit failed unexpectedly (the unit is recorded as unreadable; the run goes on). For operator logs. */
  readonly onUnitError?: (unitId: string, error: unknown) => void;
  /** Units read at the same time: parsing is CPU-bound, so a little overlap of I/O is all it buys. */
  readonly concurrency?: number;
  /** The unit (a one-unit sweep) asked to submit its "Bấm nộp" forms now. */
  readonly submit?: SubmitRequest;
  /** Clock for the run record's finish time (defaults to now + elapsed wall time). */
  readonly finishedAt?: () => Date;
}

export interface SweepResult {
  /** Id of the run record; absent when the sweep changed nothing (and so wrote nothing). */
  readonly sweepId: string | undefined;
  readonly totals: SweepTotals;
  readonly units: readonly UnitSweepResult[];
}

/**
 * Read every unit's sheet that changed since the last sweep, validate its rows and store
 * one submission per (form, period, unit). Unchanged sheets cost one fingerprint check and
 * no write; a sweep that finds nothing new writes nothing at all, not even its run record.
 */
export async function sweep(input: SweepInput): Promise<SweepResult> {
  const started = Date.now();
  const registry = input.registry ?? input.units;
  const [previous] = await Promise.all([
    input.store.loadSourceStates(),
    input.source.prepare?.({ units: input.units, forms: input.forms, registry }),
  ]);
  const compiled = compileForms(input.forms);
  // Versions are stored before any submission refers to them; an unchanged plan costs a read, no write.
  const plans = input.forms.map(planVersionRecord);
  const versionsSaved = await input.store.savePlanVersions(plans);
  const planVersions = new Map(plans.map((p) => [p.formId, p.version]));
  // A registration collected through a shared sheet (swept before this) is part of what an evaluation in a unit's file means.
  const referencedOf = hashesReferencedElsewhere(input.forms, previous, registry);
  const limit = pLimit(input.concurrency ?? 4);
  let done = 0;
  const units = await Promise.all(
    input.units.map((unit) =>
      limit(async () => {
        const before = previous.get(unit.id);
        const referenced = referencedOf(unit);
        const result = await isolateUnit(
          unit,
          before,
          input.store,
          () =>
            sweepUnit(unit, {
              ...input,
              compiled,
              planVersions,
              registry,
              previous: before,
              ...(referenced ? { referencedElsewhere: referenced } : {}),
            }),
          input.onUnitError,
        );
        input.onUnitDone?.(++done, input.units.length, result);
        return result;
      }),
    ),
  );
  const unitTotals = totalsOf(units);
  const totals = { ...unitTotals, writes: unitTotals.writes + versionsSaved.writes };
  if (totals.writes === 0) return { sweepId: undefined, totals, units };

  const finishedAt = input.finishedAt?.() ?? new Date(input.now.getTime() + (Date.now() - started));
  const sweepId = `${input.now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const problems = units
    .filter((u) => u.outcome !== 'unchanged')
    .flatMap((u) =>
      u.problems.filter((p) => p.severity === 'error').map((p) => ({ unitId: u.unitId, message: p.message })),
    );
  await input.store.recordSweep({ id: sweepId, startedAt: input.now, finishedAt, totals, problems });
  return { sweepId, totals: { ...totals, writes: totals.writes + 1 }, units };
}

/** Totals of a set of unit results (units by outcome, rows, writes). */
export function totalsOf(units: readonly UnitSweepResult[]): SweepTotals {
  const count = (outcome: UnitSweepResult['outcome']) => units.filter((u) => u.outcome === outcome).length;
  const sum = (pick: (u: UnitSweepResult) => number) => units.reduce((total, u) => total + pick(u), 0);
  return {
    units: units.length,
    unitsRead: count('read'),
    unitsUnchanged: count('unchanged') + count('same-content'),
    unitsMissing: count('missing'),
    unitsUnreadable: count('unreadable'),
    rowsRead: sum((u) => u.rowsRead),
    rowsValid: sum((u) => u.rowsValid),
    rowsRejected: sum((u) => u.rowsRejected),
    submissionsWritten: sum((u) => u.submissionsWritten),
    writes: sum((u) => u.writes),
  };
}
