import path from 'node:path';
import { loadBuiltinForms } from '../adapters/catalog/builtin-forms.js';
import { FirestoreSummaryStore } from '../adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../adapters/store/firestore-sweep-store.js';
import { readControlWorkbook } from '../adapters/workbook/read-control-workbook.js';
import { SummaryWorkbookFile } from '../adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../adapters/workbook/unit-workbook-folder.js';
import type { Config } from '../config.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import { applyFormOverrides, type ControlReading } from '../domain/units/read-control.js';
import type { Unit } from '../domain/units/unit.js';
import { summarize, type SummarizeResult } from '../jobs/summarize/summarize.js';
import { sweep, type SweepResult } from '../jobs/sweep/sweep.js';
import { openFirestore } from './firestore-session.js';
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
  readonly config: Config;
  readonly out: Output;
  readonly controlPath: string;
  readonly unitsDir?: string;
  /** The summary workbook (default: tong-hop-bao-cao.xlsx next to the control workbook). */
  readonly summaryPath?: string;
  readonly now: Date;
  /** Skip the sweep: statistics, summary and feedback from what is stored. */
  readonly summaryOnly?: boolean;
  /** Runs first, with the same Firestore (the demo replays its history through it). */
  readonly prepare?: (sweepUnitsAt: SweepUnitsAt) => Promise<void>;
}

/** Default location of the district summary workbook. */
export function defaultSummaryPath(controlPath: string): string {
  return path.join(path.dirname(controlPath), 'tong-hop-bao-cao.xlsx');
}

/**
 * The workbook flow end to end: sweep the unit workbooks named by a control workbook into
 * Firestore, then statistics, the summary workbook and each unit's row statuses.
 */
export async function runWorkbookSweep(options: WorkbookRunOptions): Promise<SweepRun> {
  const { config, out, controlPath, now } = options;
  const unitsDir = options.unitsDir ?? path.join(path.dirname(controlPath), 'units');
  const folder = new UnitWorkbookFolder(unitsDir);
  const builtins = await loadBuiltinForms();
  const session = await openFirestore(config, out);
  const sweepStore = new FirestoreSweepStore(session.db);
  let writes = 0;
  try {
    await options.prepare?.(async (units, forms, at) => {
      const replayed = await sweep({ units, forms, source: folder, store: sweepStore, now: at });
      writes += replayed.totals.writes;
      return replayed;
    });
    const control = await readControlWorkbook(controlPath);
    const overridden = applyFormOverrides(builtins, control.overrides);
    let result: SweepResult | undefined;
    if (!options.summaryOnly) {
      const progress = out.progress('Sweeping units', control.units.length);
      try {
        result = await sweep({ units: control.units, forms: overridden.specs, source: folder, store: sweepStore, now, onUnitDone: (done) => progress.tick(done) });
      } finally {
        progress.stop();
      }
      writes += result.totals.writes;
    }
    let feedbackProgress: Progress | undefined;
    const summary = await summarize({
      settings: control.settings,
      units: control.units,
      forms: overridden.specs,
      store: new FirestoreSummaryStore(session.db),
      output: new SummaryWorkbookFile(options.summaryPath ?? defaultSummaryPath(controlPath)),
      feedback: folder,
      now,
      onUnitFeedback: (done, total) => (feedbackProgress ??= out.progress('Writing row statuses', total)).tick(done),
    });
    feedbackProgress?.stop();
    writes += summary.statsWritten + summary.feedback.unitsWritten;
    return { control: { ...control, problems: [...control.problems, ...overridden.problems] }, forms: overridden.specs, result, summary, firestore: session.description, unitsDir };
  } finally {
    await session.close({ persist: writes > 0 });
  }
}
