import path from 'node:path';
import { loadBuiltinForms } from '../adapters/catalog/builtin-forms.js';
import { FirestoreNoticeLedger } from '../adapters/store/firestore-notice-ledger.js';
import { FirestoreSummaryStore } from '../adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../adapters/store/firestore-sweep-store.js';
import { readControlWorkbook } from '../adapters/workbook/read-control-workbook.js';
import { SummaryWorkbookFile } from '../adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../adapters/workbook/unit-workbook-folder.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import { applyFormOverrides, type ControlReading } from '../domain/units/read-control.js';
import type { Unit } from '../domain/units/unit.js';
import { summarize, type SummarizeResult } from '../jobs/summarize/summarize.js';
import { sweep, totalsOf, type SweepResult } from '../jobs/sweep/sweep.js';
import type { UnitSweepResult } from '../jobs/sweep/sweep-unit.js';
import type { FirestoreSession } from './firestore-session.js';
import type { Output, Progress } from './output.js';

export interface SweepRun {
  readonly control: ControlReading;
  readonly forms: readonly FormSpec[];
  /** Absent for `tonghop summary`, which only summarizes what is stored. */
  readonly result: SweepResult | undefined;
  readonly summary: SummarizeResult;
  readonly firestore: string;
  readonly unitsDir: string;
}

/** Sweeps of chosen units at a chosen clock, for callers that replay history first (the demo). */
export type SweepUnitsAt = (units: readonly Unit[], forms: readonly FormSpec[], now: Date) => Promise<SweepResult>;

export interface WorkbookRunOptions {
  readonly out: Output;
  /** The open Firestore session the run reads and writes. */
  readonly session: FirestoreSession;
  readonly controlPath: string;
  readonly unitsDir?: string;
  /** The summary workbook (default: tong-hop-bao-cao.xlsx next to the control workbook). */
  readonly summaryPath?: string;
  readonly now: Date;
  /** Skip the sweep: statistics, summary and feedback from what is stored. */
  readonly summaryOnly?: boolean;
  /** Runs first, with the same Firestore (the demo replays its history through it). */
  readonly prepare?: (sweepUnitsAt: SweepUnitsAt) => Promise<void>;
  /** Runs after the sweep and before the summary (the demo sends its notices there, so the summary lists them). */
  readonly afterSweep?: (control: ControlReading, forms: readonly FormSpec[]) => Promise<void>;
}

/** Default location of the district summary workbook. */
export function defaultSummaryPath(controlPath: string): string {
  return path.join(path.dirname(controlPath), 'tong-hop-bao-cao.xlsx');
}

/**
 * The workbook flow end to end: sweep the unit workbooks named by a control workbook into
 * Firestore, then statistics, the summary workbook and each unit's row statuses.
 */
export async function runWorkbookSweep(options: WorkbookRunOptions): Promise<{ readonly value: SweepRun; readonly writes: number }> {
  const { session, out, controlPath, now } = options;
  const unitsDir = options.unitsDir ?? path.join(path.dirname(controlPath), 'units');
  const folder = new UnitWorkbookFolder(unitsDir);
  const builtins = await loadBuiltinForms();
  const sweepStore = new FirestoreSweepStore(session.db);
  let writes = 0;
  const prepared: SweepResult[] = [];
  await options.prepare?.(async (units, forms, at) => {
    const replayed = await sweep({ units, forms, source: folder, store: sweepStore, now: at });
    writes += replayed.totals.writes;
    prepared.push(replayed);
    return replayed;
  });
  const control = await readControlWorkbook(controlPath);
  const overridden = applyFormOverrides(builtins, control.overrides);
  let result: SweepResult | undefined;
  if (!options.summaryOnly) {
    const progress = out.progress('Sweeping units', control.units.length);
    try {
      const final = await sweep({ units: control.units, forms: overridden.specs, source: folder, store: sweepStore, now, onUnitDone: (done) => progress.tick(done) });
      writes += final.totals.writes;
      result = withEarlierSweeps(final, prepared);
    } finally {
      progress.stop();
    }
  }
  await options.afterSweep?.(control, overridden.specs);
  let feedbackProgress: Progress | undefined;
  const summary = await summarize({
    settings: control.settings,
    units: control.units,
    forms: overridden.specs,
    store: new FirestoreSummaryStore(session.db),
    output: new SummaryWorkbookFile(options.summaryPath ?? defaultSummaryPath(controlPath)),
    feedback: folder,
    notices: new FirestoreNoticeLedger(session.db),
    now,
    onUnitFeedback: (done, total) => (feedbackProgress ??= out.progress('Writing row statuses', total)).tick(done),
  });
  feedbackProgress?.stop();
  writes += summary.statsWritten + summary.feedback.unitsWritten;
  const value = { control: { ...control, problems: [...control.problems, ...overridden.problems] }, forms: overridden.specs, result, summary, firestore: session.description, unitsDir };
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
