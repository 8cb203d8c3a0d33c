import { openDistrictSheets } from '../../app/district-sheets.js';
import { withFirestore } from '../firestore-session.js';
import { runSweep } from '../run-sweep.js';
import { printSweepReport, sweepRunJson } from '../sweep-report.js';
import type { CommandContext } from './context.js';

export interface SweepCommandOptions {
  readonly control?: string;
  readonly unitsDir?: string;
  readonly summary?: string;
  readonly now?: Date;
  /** Go on although the registry shrank by more than half since the last run. */
  readonly yes?: boolean;
}

/** `tonghop sweep --control file.xlsx`: sweep a folder of unit workbooks, then statistics, summary and row statuses. */
export async function sweepCommand(context: CommandContext, opts: SweepCommandOptions): Promise<void> {
  await runAndReport(context, opts, false);
}

/** `tonghop summary --control file.xlsx`: statistics, summary and row statuses from what is stored, without sweeping. */
export async function summaryCommand(context: CommandContext, opts: SweepCommandOptions): Promise<void> {
  await runAndReport(context, opts, true);
}

async function runAndReport(
  { config, out }: CommandContext,
  opts: SweepCommandOptions,
  summaryOnly: boolean,
): Promise<void> {
  const run = await withFirestore(config, out, async (session) =>
    runSweep({
      session,
      out,
      district: await openDistrictSheets(config, session.db, opts),
      now: opts.now ?? new Date(),
      summaryOnly,
      confirmed: Boolean(opts.yes),
      summaryCurrentDays: config.summaryCurrentDays,
    }),
  );
  if (out.json) out.printJson(sweepRunJson(run));
  else printSweepReport(out, run);
}
