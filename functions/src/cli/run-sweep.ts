import { FirestoreNoticeLedger } from '../adapters/store/firestore-notice-ledger.js';
import { FirestoreSummaryStore } from '../adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../adapters/store/firestore-sweep-store.js';
import type { PacerStats } from '../adapters/google/request-pacer.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import { formsInUse } from '../domain/plans/plans-in-use.js';
import { ControlRefusedError, registryRefusal } from '../domain/units/control-guard.js';
import { FirestoreRegistryMark } from '../adapters/store/firestore-registry-mark.js';
import type { ControlReading } from '../domain/units/read-control.js';
import type { Unit } from '../domain/units/unit.js';
import { summarize, type SummarizeResult } from '../jobs/summarize/summarize.js';
import { sweep, totalsOf, type SweepResult } from '../jobs/sweep/sweep.js';
import type { UnitSweepResult } from '../jobs/sweep/sweep-unit.js';
import { operatorSummaryOf } from '../jobs/sweep/unit-failure.js';
import type { DistrictSheets } from '../adapters/district-sheets.js';
import type { FirestoreSession } from './firestore-session.js';
import type { Output, Progress } from './output.js';
import { PROGRESS, SESSION } from './messages.js';

export interface SweepRun {
  readonly control: ControlReading;
  readonly forms: readonly FormSpec[];
  /** Absent for `tonghop summary`, which only summarizes what is stored. */
  readonly result: SweepResult | undefined;
  readonly summary: SummarizeResult;
  readonly firestore: string;
  /** Where the unit sheets are: a folder, or a Drive folder's address. */
  readonly unitsLocation: string;
  /** Google requests the run made (absent for workbooks). */
  readonly requests?: PacerStats;
}

/** Sweeps of chosen units at a chosen clock, for callers that replay history first (the demo). */
export type SweepUnitsAt = (units: readonly Unit[], forms: readonly FormSpec[], now: Date) => Promise<SweepResult>;

export interface SweepRunOptions {
  readonly out: Output;
  /** The open Firestore session the run reads and writes. */
  readonly session: FirestoreSession;
  /** The control sheet, the unit sheets and the summary: workbooks or Google Sheets. */
  readonly district: DistrictSheets;
  readonly now: Date;
  /** The district confirmed a registry that shrank by more than half (`--yes`). */
  readonly confirmed?: boolean;
  /** Skip the sweep: statistics, summary and feedback from what is stored. */
  readonly summaryOnly?: boolean;
  /** Runs first, with the same Firestore (the demo replays its history through it). */
  readonly prepare?: (sweepUnitsAt: SweepUnitsAt) => Promise<void>;
  /** Runs after the sweep and before the summary (the demo sends its notices there, so the summary lists them). */
  readonly afterSweep?: (control: ControlReading, forms: readonly FormSpec[]) => Promise<void>;
}

/**
 * The flow end to end: sweep the unit sheets named by the control sheet into Firestore, then
 * statistics, the summary and each unit's row statuses — the same jobs for workbooks and Google Sheets.
 */
export async function runSweep(options: SweepRunOptions): Promise<{ readonly value: SweepRun; readonly writes: number }> {
  const { session, out, district, now } = options;
  const sweepStore = new FirestoreSweepStore(session.db);
  let writes = 0;
  const prepared: SweepResult[] = [];
  await options.prepare?.(async (units, forms, at) => {
    const replayed = await sweep({ units, forms, source: district.units, store: sweepStore, now: at });
    writes += replayed.totals.writes;
    prepared.push(replayed);
    return replayed;
  });
  const control = await district.readControl();
  const forms = formsInUse(control.plans);
  // Checked before anything is written: an empty or suddenly halved registry would rewrite every statistic from nothing.
  const registry = new FirestoreRegistryMark(session.db);
  const previousUnitCount = await registry.load();
  const refusal = registryRefusal({ unitCount: control.units.length, previousUnitCount, confirmed: Boolean(options.confirmed), control: district.controlLocation });
  if (refusal) throw new ControlRefusedError(refusal);
  const unusable = options.summaryOnly ? undefined : await district.unitsUnusable?.();
  if (unusable) throw new ControlRefusedError(unusable);
  writes += options.summaryOnly ? 0 : await registry.save(control.units.length, previousUnitCount);
  let result: SweepResult | undefined;
  if (!options.summaryOnly) {
    const progress = out.progress(PROGRESS.sweep, control.units.length);
    try {
      const final = await sweep({
        units: control.units,
        forms: forms,
        source: district.units,
        store: sweepStore,
        now,
        onUnitDone: (done) => progress.tick(done),
        onUnitError: (unitId, error) => out.log(SESSION.unitUnreadable(unitId, operatorSummaryOf(error))),
      });
      writes += final.totals.writes;
      result = withEarlierSweeps(final, prepared);
    } finally {
      progress.stop();
    }
  }
  await options.afterSweep?.(control, forms);
  let feedbackProgress: Progress | undefined;
  const summary = await summarize({
    settings: control.settings,
    units: control.units,
    forms: forms,
    controlProblems: control.problems,
    store: new FirestoreSummaryStore(session.db),
    output: district.output,
    feedback: district.units,
    notices: new FirestoreNoticeLedger(session.db),
    now,
    onUnitFeedback: (done, total) => (feedbackProgress ??= out.progress(PROGRESS.feedback, total)).tick(done),
    // Save before touching unit files: a run killed while writing them then loses nothing stored.
    beforeFeedback: async (statsWritten) => {
      if (writes + statsWritten > 0) await session.checkpoint();
    },
  });
  feedbackProgress?.stop();
  writes += summary.firestoreWrites;
  const requests = district.requestStats?.();
  const value = {
    control,
    forms: forms,
    result,
    summary,
    firestore: session.description,
    unitsLocation: district.unitsLocation,
    ...(requests ? { requests } : {}),
  };
  return { value, writes };
}

/**
 * What the whole run did, when earlier sweeps (the demo's replayed history) already read units:
 * a unit read by any of them counts as read, with the rows it holds now; writes add up.
 */
function withEarlierSweeps(final: SweepResult, earlier: readonly SweepResult[]): SweepResult {
  if (earlier.length === 0) return final;
  const lastOutcome = new Map<string, UnitSweepResult['outcome']>();
  for (const r of earlier) for (const u of r.units) if (u.outcome !== 'unchanged') lastOutcome.set(u.unitId, u.outcome);
  const units = final.units.map((u): UnitSweepResult => {
    const outcome = lastOutcome.get(u.unitId);
    if (u.outcome !== 'unchanged' || outcome === undefined) return u;
    if (outcome !== 'read') return { ...u, outcome };
    return { ...u, outcome, rowsRead: u.current.counts.read, rowsValid: u.current.counts.valid, rowsRejected: u.current.counts.rejected };
  });
  const sum = (pick: (r: SweepResult) => number) => earlier.reduce((total, r) => total + pick(r), pick(final));
  const totals = { ...totalsOf(units), submissionsWritten: sum((r) => r.totals.submissionsWritten), writes: sum((r) => r.totals.writes) };
  return { sweepId: final.sweepId ?? earlier.at(-1)?.sweepId, totals, units };
}
