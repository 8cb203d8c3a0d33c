import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { addDays, ictDateOf, ictInstant } from '../domain/time/ict.js';
import { DEMO_NOW, type DemoDistrict, type DemoSend, type DemoWorkbook } from './demo-district.js';
import {
  CONTROL_FILE,
  issueDemoCouncil,
  issueDemoFinance,
  issueDemoPlan,
  UNITS_DIR,
  writeDemoControl,
  writeUnitSend,
} from './write-demo-files.js';

/** Sweep these units (the ones whose files just changed) with the sweep's clock at `now`. */
export type SweepAt = (unitIds: readonly string[], now: Date) => Promise<void>;

export interface ReplayDemoOptions {
  readonly dir: string;
  readonly district: DemoDistrict;
  readonly sweepAt: SweepAt;
  /** Rounds done out of all rounds. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ReplayResult {
  /** Sweeps run: one per ICT calendar day on which some unit sent its file. */
  readonly rounds: number;
  /** Unit files written (one per send). */
  readonly sends: number;
}

/** One day of the history: the files sent that day, then one sweep. */
export interface ReplayRound {
  /** The ICT calendar day, 'YYYY-MM-DD'. */
  readonly day: string;
  /** The sweep's clock: the last instant of that day (ICT), or DEMO_NOW when that is sooner; never before a send of the round. */
  readonly sweepAt: Date;
  /** Each sending unit's send of that day, in unit order. */
  readonly sends: readonly { readonly workbook: DemoWorkbook; readonly send: DemoSend }[];
}

/** The district's sends grouped by ICT calendar day, in order; a unit sending twice in a day counts with its last send. */
export function planReplayRounds(district: DemoDistrict): ReplayRound[] {
  const byDay = new Map<string, Map<string, { workbook: DemoWorkbook; send: DemoSend }>>();
  for (const workbook of district.workbooks) {
    for (const send of workbook.sends) {
      const day = ictDateOf(send.at);
      const round = byDay.get(day) ?? new Map<string, { workbook: DemoWorkbook; send: DemoSend }>();
      const earlier = round.get(workbook.unitId);
      if (!earlier || earlier.send.at <= send.at) round.set(workbook.unitId, { workbook, send });
      byDay.set(day, round);
    }
  }
  return [...byDay.keys()].sort().map((day) => {
    const endOfDay = new Date(ictInstant(addDays(day, 1)).getTime() - 1);
    const sends = [...(byDay.get(day)?.values() ?? [])];
    const lastSend = Math.max(...sends.map((s) => s.send.at.getTime()));
    return { day, sweepAt: new Date(Math.max(lastSend, Math.min(endOfDay.getTime(), DEMO_NOW.getTime()))), sends };
  });
}

/**
 * Replay the district's history into dir: control.xlsx first (its fixed mtime; Hội đồng Đội's books, the receipts plan
 * with the finance desk's book, and the new plan's rows added, mtime their issue instant, before the first round swept
 * after each; each book is swept alone at its instant, with no unit), then day by day each sending unit's
 * file as of its send (mtime = the send's instant) and one sweep of those units at the end of that day.
 * The sweep sees every file change at the mtime the unit saved it, so each form and period gets its own timeliness.
 * At the end units/ holds the final files, as writeDemoDistrict writes them without a sweep.
 */
export async function replayDemoHistory(options: ReplayDemoOptions): Promise<ReplayResult> {
  const { dir, district } = options;
  const unitsDir = path.join(dir, UNITS_DIR);
  await mkdir(unitsDir, { recursive: true, mode: 0o700 });
  const controlPath = path.join(dir, CONTROL_FILE);
  await writeDemoControl(controlPath, district);
  const rounds = planReplayRounds(district);
  let sends = 0;
  let issued = false;
  let financed = false;
  // Hội đồng Đội's books (none when the catalog lacks seed 004's district-run plans) are swept alone when saved.
  let councilSaved = district.council.books.length === 0;
  for (const [i, round] of rounds.entries()) {
    if (!councilSaved && round.sweepAt > district.council.at) {
      await issueDemoCouncil(controlPath, unitsDir, district);
      await options.sweepAt([], district.council.at);
      councilSaved = true;
    }
    // The finance desk's book is swept the moment it is saved: the next morning's notice run knows who paid.
    if (!financed && round.sweepAt > district.finance.at) {
      await issueDemoFinance(controlPath, unitsDir, district);
      await options.sweepAt([], district.finance.at);
      financed = true;
    }
    // The district adds its new plan to the control when it issues it: the first sweep after that sees it.
    if (!issued && round.sweepAt > district.issued.at) {
      await issueDemoPlan(controlPath, district);
      issued = true;
    }
    for (const { workbook, send } of round.sends) {
      await writeUnitSend(unitsDir, district, workbook, send);
      sends++;
    }
    await options.sweepAt(
      round.sends.map((s) => s.workbook.unitId),
      round.sweepAt,
    );
    options.onProgress?.(i + 1, rounds.length);
  }
  if (!councilSaved) await issueDemoCouncil(controlPath, unitsDir, district);
  if (!financed) await issueDemoFinance(controlPath, unitsDir, district);
  if (!issued) await issueDemoPlan(controlPath, district);
  return { rounds: rounds.length, sends };
}
