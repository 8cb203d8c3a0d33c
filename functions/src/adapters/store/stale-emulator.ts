import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writePrivateFile } from '../private-files.js';
import { watchedEmulatorGroups } from './emulator-watchdog.js';

/** Where an embedded data folder records the session (the watchdog's pid) of the emulator serving it. */
const groupFileOf = (dataDir: string) => path.join(dataDir, '.emulator-group');

/**
 * Kill the emulator a previous run left serving `dataDir` (its watchdog was killed as well, say
 * by the out-of-memory killer): only processes of the recorded session that are our watchdog or
 * a Firestore emulator. Call with the data folder's lock held.
 */
export async function killStaleEmulator(dataDir: string): Promise<void> {
  const sid = Number((await readFile(groupFileOf(dataDir), 'utf8').catch(() => '')).trim());
  for (const pgid of sid > 0 ? await watchedEmulatorGroups(sid) : []) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  await forgetEmulator(dataDir);
}

/** Remember which watched emulator (its watchdog's pid) serves `dataDir`. */
export async function recordEmulator(dataDir: string, pgid: number): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writePrivateFile(groupFileOf(dataDir), Buffer.from(`${pgid}\n`));
}

export async function forgetEmulator(dataDir: string): Promise<void> {
  await rm(groupFileOf(dataDir), { force: true });
}
