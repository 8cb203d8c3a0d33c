import path from 'node:path';
import { runWorkbookSweep } from '../run-sweep.js';
import { printSweepReport } from '../sweep-report.js';
import type { CommandContext } from './context.js';

/** `tonghop sweep --control file.xlsx`: sweep a folder of unit workbooks. */
export async function sweepCommand({ config, out }: CommandContext, opts: { control: string; unitsDir?: string; now?: Date }): Promise<void> {
  const run = await runWorkbookSweep({
    config,
    out,
    controlPath: path.resolve(opts.control),
    unitsDir: opts.unitsDir ? path.resolve(opts.unitsDir) : undefined,
    now: opts.now ?? new Date(),
  });
  if (out.json) {
    out.printJson({ sweepId: run.result.sweepId ?? null, totals: run.result.totals, units: run.result.units, controlProblems: run.control.problems, firestore: run.firestore });
    return;
  }
  printSweepReport(out, run);
}
