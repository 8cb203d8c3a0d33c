import type { PacerStats } from '../adapters/google/request-pacer.js';
import type { DistrictSheets } from '../app/district-sheets.js';
import { districtStores } from '../app/district-stores.js';
import { openDistrict } from '../app/open-district.js';
import { lineOperatorLog } from '../app/operator-log.js';
import { sweepDistrict } from '../app/sweep-district.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import type { ControlReading } from '../domain/units/read-control.js';
import type { Unit } from '../domain/units/unit.js';
import type { SummarizeResult } from '../jobs/summarize/summarize.js';
import { sweep, totalsOf, type SweepResult } from '../jobs/sweep/sweep.js';
import { sweepWithShared } from '../jobs/sweep/sweep-with-shared.js';
import type { SharedSource } from '../domain/shared/shared-source.js';
import type { UnitSweepResult } from '../jobs/sweep/sweep-unit.js';
import { operatorSummaryOf } from '../jobs/sweep/unit-failure.js';
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

/** Shared sheets a replayed sweep reads too, and every registered unit their rows may name. */
export interface ReplayedShared {
  readonly sources: readonly SharedSource[];
  readonly registry: readonly Unit[];
}

/** Sweeps of chosen units (and shared sheets) at a chosen clock, for callers that replay history first (the demo). */
export type SweepUnitsAt = (
  units: readonly Unit[],
  forms: readonly FormSpec[],
  now: Date,
  shared?: ReplayedShared,
) => Promise<SweepResult>;

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
  /** The summary's current window in days (TONGHOP_SUMMARY_CURRENT_DAYS). */
  readonly summaryCurrentDays?: number;
  /** Runs first, with the same Firestore (the demo replays its history through it). */
  readonly prepare?: (sweepUnitsAt: SweepUnitsAt) => Promise<void>;
  /** Runs after the sweep and before the summary (the demo sends its notices there, so the summary lists them). */
  readonly afterSweep?: (control: ControlReading, forms: readonly FormSpec[]) => Promise<void>;
}

/**
 * The flow end to end: sweep the unit sheets named by the control sheet into Firestore, then
 * statistics, the summary and each unit's row statuses — the application's one sweep-then-summarize
 * job (app/sweep-district.ts), with the CLI's progress and the registry guard.
 */
export async function runSweep(
  options: SweepRunOptions,
): Promise<{ readonly value: SweepRun; readonly writes: number }> {
  const { session, out, district: sheets, now } = options;
  const sweepStore = districtStores(session.db).sweep;
  let writes = 0;
  const prepared: SweepResult[] = [];
  await options.prepare?.(async (units, forms, at, shared) => {
    const sharedSheets = shared && shared.sources.length > 0 ? sheets.sharedSheets?.() : undefined;
    const input = { units, forms, source: sheets.units, store: sweepStore, now: at };
    const replayed =
      shared && sharedSheets
        ? await sweepWithShared({ ...input, shared: { ...shared, sheets: sharedSheets } })
        : await sweep(input);
    writes += replayed.totals.writes;
    prepared.push(replayed);
    return replayed;
  });
  const district = await openDistrict(sheets, session.db);
  let progress: Progress | undefined;
  let feedbackProgress: Progress | undefined;
  const run = await sweepDistrict({
    district,
    request: { step: options.summaryOnly ? 'summary' : 'sweep' },
    now,
    log: lineOperatorLog((line) => out.log(line)),
    ...(options.summaryCurrentDays !== undefined ? { summaryCurrentDays: options.summaryCurrentDays } : {}),
    registryGuard: { confirmed: Boolean(options.confirmed) },
    hooks: {
      beforeSweep: (units) => (progress = out.progress(PROGRESS.sweep, units)),
      onUnitDone: (done) => progress?.tick(done),
      onUnitError: (unitId, error) => out.log(SESSION.unitUnreadable(unitId, operatorSummaryOf(error))),
      sweepFinished: () => progress?.stop(),
      afterSweep: async () => options.afterSweep?.(district.control, district.forms),
      onUnitFeedback: (done, total) => (feedbackProgress ??= out.progress(PROGRESS.feedback, total)).tick(done),
      // Save before touching unit files: a run killed while writing them then loses nothing stored.
      beforeFeedback: async (writesSoFar) => {
        if (writes + writesSoFar > 0) await session.checkpoint();
      },
    },
  });
  feedbackProgress?.stop();
  const { result } = run;
  // A CLI run has no publisher, so it never fans out and always summarizes.
  const summary = result.kind === 'fanned-out' ? undefined : result.summary;
  if (!summary) throw new Error('the run did not summarize the district');
  writes += run.writes;
  const requests = sheets.requestStats?.();
  const value = {
    control: district.control,
    forms: district.forms,
    result: result.kind === 'swept' ? withEarlierSweeps(result.sweep, prepared) : undefined,
    summary,
    firestore: session.description,
    unitsLocation: sheets.unitsLocation,
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
    return {
      ...u,
      outcome,
      rowsRead: u.current.counts.read,
      rowsValid: u.current.counts.valid,
      rowsRejected: u.current.counts.rejected,
    };
  });
  const sum = (pick: (r: SweepResult) => number) => earlier.reduce((total, r) => total + pick(r), pick(final));
  const totals = {
    ...totalsOf(units),
    submissionsWritten: sum((r) => r.totals.submissionsWritten),
    writes: sum((r) => r.totals.writes),
  };
  return { sweepId: final.sweepId ?? earlier.at(-1)?.sweepId, totals, units };
}
