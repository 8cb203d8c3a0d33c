import type { PacerStats } from '../adapters/google/request-pacer.js';
import type { DistrictSheets } from '../app/district-sheets.js';
import { openDistrict, type District } from '../app/open-district.js';
import { lineOperatorLog } from '../app/operator-log.js';
import { sweepDistrict, type SweepDistrictInput } from '../app/sweep-district.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import type { ControlReading } from '../domain/units/read-control.js';
import type { SummarizeResult } from '../jobs/summarize/summarize.js';
import type { RunDistrictHooks, RunDistrictResult } from '../jobs/sweep/run-district.js';
import type { SweepResult } from '../jobs/sweep/sweep.js';
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
}

/**
 * The flow end to end: sweep the unit sheets named by the control sheet into Firestore, then
 * statistics, the summary and each unit's row statuses — the application's one sweep-then-summarize
 * job (app/sweep-district.ts), with the CLI's progress and the registry guard.
 */
export async function runSweep(
  options: SweepRunOptions,
): Promise<{ readonly value: SweepRun; readonly writes: number }> {
  const district = await openDistrict(options.district, options.session.db);
  const watch = watchCliRun(options.out, options.session);
  const run = await sweepDistrict({ ...cliRunInput(options, district), hooks: watch.hooks });
  watch.finish();
  return sweepRunOf(options, district, run);
}

/** What the CLI asks of sweepDistrict for an opened district (without the hooks): the step, the clock, the guard. */
export function cliRunInput(options: SweepRunOptions, district: District): Omit<SweepDistrictInput, 'hooks'> {
  const { out, now } = options;
  return {
    district,
    request: { step: options.summaryOnly ? 'summary' : 'sweep' },
    now,
    log: lineOperatorLog((line) => out.log(line)),
    ...(options.summaryCurrentDays !== undefined ? { summaryCurrentDays: options.summaryCurrentDays } : {}),
    registryGuard: { confirmed: Boolean(options.confirmed) },
  };
}

/**
 * The CLI's watch on a district run: progress of the sweep and of the row statuses, unreadable units
 * logged, and the embedded store saved before the first unit file is written (`earlierWrites`: what
 * the session wrote before this run, saved with it). `finish` stops the last progress bar.
 */
export function watchCliRun(
  out: Output,
  session: FirestoreSession,
  earlierWrites = 0,
): { readonly hooks: RunDistrictHooks; finish(): void } {
  let progress: Progress | undefined;
  let feedbackProgress: Progress | undefined;
  return {
    hooks: {
      beforeSweep: (units) => (progress = out.progress(PROGRESS.sweep, units)),
      onUnitDone: (done) => progress?.tick(done),
      onUnitError: (unitId, error) => out.log(SESSION.unitUnreadable(unitId, operatorSummaryOf(error))),
      sweepFinished: () => progress?.stop(),
      onUnitFeedback: (done, total) => (feedbackProgress ??= out.progress(PROGRESS.feedback, total)).tick(done),
      // Save before touching unit files: a run killed while writing them then loses nothing stored.
      beforeFeedback: async (writesSoFar) => {
        if (earlierWrites + writesSoFar > 0) await session.checkpoint();
      },
    },
    finish: () => feedbackProgress?.stop(),
  };
}

/** The CLI's account of a finished run of an opened district, and the Firestore writes it made. */
export function sweepRunOf(
  options: Pick<SweepRunOptions, 'session' | 'district'>,
  district: District,
  run: { readonly result: RunDistrictResult; readonly writes: number },
): { readonly value: SweepRun; readonly writes: number } {
  const { result } = run;
  // A CLI run has no publisher, so it never fans out and always summarizes.
  const summary = result.kind === 'fanned-out' ? undefined : result.summary;
  if (!summary) throw new Error('the run did not summarize the district');
  const requests = options.district.requestStats?.();
  const value = {
    control: district.control,
    forms: district.forms,
    result: result.kind === 'swept' ? result.sweep : undefined,
    summary,
    firestore: options.session.description,
    unitsLocation: options.district.unitsLocation,
    ...(requests ? { requests } : {}),
  };
  return { value, writes: run.writes };
}
