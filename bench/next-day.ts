import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import { FirestoreNoticeLedger } from '../functions/src/adapters/store/firestore-notice-ledger.js';
import { FirestoreSummaryStore } from '../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../functions/src/adapters/store/firestore-sweep-store.js';
import { SummaryWorkbookFile } from '../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../functions/src/adapters/workbook/unit-workbook-folder.js';
import { summarize } from '../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../functions/src/jobs/sweep/sweep.js';
import type { City } from './city.js';
import { measure } from './measure.js';

/** What one sweep + summary + feedback run wrote. */
export interface RunWrites {
  readonly seconds: number;
  /** Firestore documents: the sweep's and the summary's (statistics, recorded sheet states). */
  readonly firestoreDocs: number;
  /** Unit workbooks given feedback, plus the summary workbook when it was written. */
  readonly workbookWrites: number;
  /** Files of the city (unit workbooks and the summary) whose bytes changed during the run (the folder keeps a unit's mtime). */
  readonly filesTouched: number;
  /** The first few of those files, by name, so a write that should not have happened can be traced. */
  readonly touchedSample: readonly string[];
}

export interface NextDayRuns {
  /** The day's full run, which writes the statuses and the summary for the first time. */
  readonly day: RunWrites;
  /** The same a day later: nothing was sent and no deadline passed in between. */
  readonly nextDay: RunWrites;
}

const DAY_MS = 86_400_000;

/**
 * Issue 17's "no daily churn": the full daily run (sweep, statistics, summary workbook, every unit's
 * feedback) at `at`, then again one day later with nothing changed. The second must write nothing:
 * no Firestore document, no unit workbook, not the summary.
 */
export async function runNextDay(
  db: Firestore,
  city: City,
  unitsDir: string,
  summaryFile: string,
  at: Date,
  onStep: (label: string) => void,
): Promise<NextDayRuns> {
  const units = city.units.map((u) => u.profile.unit);
  const folder = new UnitWorkbookFolder(unitsDir);
  const output = new SummaryWorkbookFile(summaryFile);
  const once = async (now: Date, label: string): Promise<RunWrites> => {
    const before = await contentHashes(unitsDir, summaryFile);
    onStep(label);
    const run = await measure(async () => {
      const swept = await sweep({ units, forms: city.specs, source: folder, store: new FirestoreSweepStore(db), now });
      const summary = await summarize({
        settings: city.settings,
        units,
        forms: city.specs,
        store: new FirestoreSummaryStore(db),
        output,
        feedback: folder,
        notices: new FirestoreNoticeLedger(db),
        now,
      });
      return { swept, summary };
    });
    const after = await contentHashes(unitsDir, summaryFile);
    const { swept, summary } = run.value;
    const touched = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
    return {
      seconds: Number((run.ms / 1000).toFixed(2)),
      firestoreDocs: swept.totals.writes + summary.firestoreWrites,
      workbookWrites: summary.feedback.unitsWritten + (summary.summary?.written ? 1 : 0),
      filesTouched: touched.length,
      touchedSample: touched.slice(0, 5).map((file) => path.basename(file)),
    };
  };
  const day = await once(at, '8 daily run: sweep, summary and feedback');
  const nextDay = await once(new Date(at.getTime() + DAY_MS), '9 next day, nothing changed');
  return { day, nextDay };
}

/** File → SHA-256 of every unit workbook and of the summary (absent until written). */
async function contentHashes(unitsDir: string, summaryFile: string): Promise<Map<string, string>> {
  const files = [...(await readdir(unitsDir)).map((f) => path.join(unitsDir, f)), summaryFile];
  const hashes = new Map<string, string>();
  for (const file of files) {
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes) hashes.set(file, createHash('sha256').update(bytes).digest('hex'));
  }
  return hashes;
}

/** The two runs as rows of the bench's step table: step, wall time, writes, details. */
export function nextDayStepRows({ day, nextDay }: NextDayRuns): string[][] {
  const row = (label: string, run: RunWrites) => [
    label,
    `${run.seconds.toFixed(run.seconds < 10 ? 2 : 1)} s`,
    String(run.firestoreDocs + run.workbookWrites),
    `${run.firestoreDocs} Firestore docs, ${run.workbookWrites} workbooks written, ${run.filesTouched} files touched${run.filesTouched > 0 && run.filesTouched <= 5 ? ` (${run.touchedSample.join(', ')})` : ''}`,
  ];
  return [row('8 daily run: sweep, summary, feedback', day), row('9 next day, nothing changed', nextDay)];
}
