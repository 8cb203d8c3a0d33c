import { access, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DemoDistrict } from './demo-district.js';
import { replayDemoHistory, type ReplayResult, type SweepAt } from './replay-demo-history.js';
import {
  CONTROL_FILE,
  issueDemoCouncil,
  issueDemoFinance,
  issueDemoPlan,
  UNITS_DIR,
  writeDemoControl,
  writeUnitSend,
} from './write-demo-files.js';

export { CONTROL_FILE, UNITS_DIR } from './write-demo-files.js';

/** Where the demo's files went. */
export interface WrittenDemoDistrict {
  /** False when the demo folder already held a district and nothing was written. */
  readonly created: boolean;
  readonly controlPath: string;
  readonly unitsDir: string;
  /** Every file written (unit files in unit order, then control.xlsx); when created is false, the unit files already there. */
  readonly files: string[];
  /** When the district was created by replaying its history: how many sweeps and sends it took. */
  readonly history?: ReplayResult;
}

/** Options of writeDemoDistrict. */
export interface WriteDemoOptions {
  /** Start over: wipe the demo folder (only one the demo made) and write it again. */
  readonly reset?: boolean;
  /** Progress: units written out of all units, or, when replaying, rounds (days) done out of all rounds. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Replay the history through this sweep when the district is created: each day's sends written with their own
   * mtimes, then swept at that day's end. Without it only the final files are written.
   */
  readonly sweepAt?: SweepAt;
}

/** Present in the demo folder while a history replay runs: a run that died half-way is started over next time. */
export const REPLAY_MARKER = '.replay-in-progress';

/** True when dir holds a finished demo district (control.xlsx, and no replay that died half-way): writeDemoDistrict would leave it as is. */
export async function demoDistrictWritten(dir: string): Promise<boolean> {
  return (await exists(path.join(dir, CONTROL_FILE))) && !(await exists(path.join(dir, REPLAY_MARKER)));
}

/**
 * Write the demo district under dir: control.xlsx and units/<id>.xlsx, each unit file's mtime set to when it was last sent.
 * An existing demo (control.xlsx present, no unfinished replay) is left untouched unless reset is set, so a second run changes nothing.
 */
export async function writeDemoDistrict(
  dir: string,
  district: DemoDistrict,
  options: WriteDemoOptions = {},
): Promise<WrittenDemoDistrict> {
  const controlPath = path.join(dir, CONTROL_FILE);
  const unitsDir = path.join(dir, UNITS_DIR);
  const marker = path.join(dir, REPLAY_MARKER);
  const unfinished = await exists(marker);
  if (await demoDistrictWritten(dir)) {
    if (!options.reset) return { created: false, controlPath, unitsDir, files: await listWorkbooks(unitsDir) };
  } else if (options.reset && !unfinished && (await listDir(dir)).length > 0) {
    // Never wipe a folder the demo did not make.
    throw new Error(
      `Refusing to reset ${dir}: it is not empty and holds no ${CONTROL_FILE}. Pick an empty or demo folder.`,
    );
  }
  if (options.reset || unfinished) await rm(dir, { recursive: true, force: true });
  await mkdir(unitsDir, { recursive: true, mode: 0o700 });

  const sentFiles = () =>
    district.workbooks
      .filter((w) => w.sends.length > 0)
      .map((w) => path.join(unitsDir, district.units.find((u) => u.id === w.unitId)?.source ?? `${w.unitId}.xlsx`));
  if (options.sweepAt) {
    // The control file goes first (the sweeps read it); the marker says the folder is not finished until the last round.
    await writeFile(marker, 'tonghop demo: history replay in progress\n', 'utf8');
    const history = await replayDemoHistory({
      dir,
      district,
      sweepAt: options.sweepAt,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    await rm(marker, { force: true });
    return { created: true, controlPath, unitsDir, files: [...sentFiles(), controlPath], history };
  }

  const total = district.workbooks.length;
  for (const [i, workbook] of district.workbooks.entries()) {
    const last = workbook.sends.at(-1);
    if (last) await writeUnitSend(unitsDir, district, workbook, last);
    options.onProgress?.(i + 1, total);
  }
  // The control file goes last: if a run dies half-way, the next run sees no control.xlsx and starts again.
  await writeDemoControl(controlPath, district);
  await issueDemoCouncil(controlPath, unitsDir, district);
  await issueDemoFinance(controlPath, unitsDir, district);
  await issueDemoPlan(controlPath, district);
  return { created: true, controlPath, unitsDir, files: [...sentFiles(), controlPath] };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function listDir(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}

async function listWorkbooks(unitsDir: string): Promise<string[]> {
  return (await listDir(unitsDir))
    .filter((name) => name.endsWith('.xlsx'))
    .sort()
    .map((name) => path.join(unitsDir, name));
}
