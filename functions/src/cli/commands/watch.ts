import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { openDistrictSheets } from '../../app/district-sheets.js';
import { formatIctDateTime } from '../../domain/time/ict.js';
import { withFirestore } from '../firestore-session.js';
import { FolderWatch } from '../folder-watch.js';
import { WATCH } from '../messages.js';
import { runSweep, type SweepRun } from '../run-sweep.js';
import { printSweepReport, sweepRunJson } from '../sweep-report.js';
import { UsageError } from '../usage-error.js';
import type { CommandContext } from './context.js';
import type { SweepCommandOptions } from './sweep.js';

/** A save usually comes as a few writes within this; one sweep follows the last of them. */
export const WATCH_DEBOUNCE_MS = 1500;

export interface WatchOptions {
  /** Ends the watch (Ctrl-C by default); the session closes and the command returns. */
  readonly stop?: AbortSignal;
  readonly debounceMs?: number;
  /** Called after each sweep's report is printed (tests wait on it). */
  readonly onSwept?: (run: SweepRun) => void;
}

/**
 * `tonghop watch`: sweep once, then re-sweep whenever a unit workbook in the units folder
 * changes, until Ctrl-C. The system's own writes (row statuses) do not set off another sweep:
 * a file whose size and time are as the last sweep left them is not a change.
 */
export async function watchCommand(
  { config, out }: CommandContext,
  opts: SweepCommandOptions,
  options: WatchOptions = {},
): Promise<void> {
  if (config.source !== 'workbook') throw new UsageError(WATCH.googleSource);
  const stop = options.stop ?? stopOnInterrupt();
  await withFirestore(config, out, async (session) => {
    const district = await openDistrictSheets(config, session.db, opts);
    const dir = district.unitsLocation;
    const watch = new FolderWatch(dir, options.debounceMs ?? WATCH_DEBOUNCE_MS);
    let writes = 0;
    try {
      const sweepAndReport = async () => {
        const run = await runSweep({
          session,
          out,
          district,
          now: new Date(),
          confirmed: Boolean(opts.yes),
          summaryCurrentDays: config.summaryCurrentDays,
        });
        writes += run.writes;
        if (out.json) out.printJson(sweepRunJson(run.value));
        else printSweepReport(out, run.value);
        out.log(WATCH.swept(formatIctDateTime(new Date())));
        options.onSwept?.(run.value);
      };
      await sweepAndReport();
      let left = await folderStates(dir);
      out.log(WATCH.waiting(dir));
      for (;;) {
        const changed = await changedSince(dir, await watch.next(stop), left);
        if (stop.aborted) break;
        if (changed.length === 0) continue;
        out.log(WATCH.changed(changed.join(', ')));
        await sweepAndReport();
        left = await folderStates(dir);
      }
    } finally {
      watch.close();
    }
    out.log(WATCH.stopped);
    return { value: undefined, writes };
  });
}

/** Size and time of each file in the folder: what the last sweep left (its own writes included). */
async function folderStates(dir: string): Promise<Map<string, string>> {
  const states = new Map<string, string>();
  for (const file of await readdir(dir)) states.set(file, await fileState(path.join(dir, file)));
  return states;
}

async function fileState(file: string): Promise<string> {
  const s = await stat(file).catch(() => undefined);
  return s ? `${s.size}:${s.mtimeMs}` : '';
}

/** The files whose size or time differ from what the last sweep left. */
async function changedSince(
  dir: string,
  files: readonly string[],
  left: ReadonlyMap<string, string>,
): Promise<string[]> {
  const changed: string[] = [];
  for (const file of files) if ((await fileState(path.join(dir, file))) !== left.get(file)) changed.push(file);
  return changed;
}

/** Aborts on Ctrl-C or SIGTERM; with the embedded Firestore its own handler saves the data first. */
function stopOnInterrupt(): AbortSignal {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  controller.signal.addEventListener('abort', () => {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  });
  return controller.signal;
}
