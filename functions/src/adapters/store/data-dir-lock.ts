import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ADVICE } from '../../domain/errors/advice.js';
import { EXIT } from '../../domain/errors/exit-code.js';
import { OperatorError } from '../../domain/errors/operator-error.js';

/** Another process holds the local data folder. */
export class DataDirBusyError extends OperatorError {
  override readonly name = 'DataDirBusyError';
  readonly exitCode = EXIT.usage;
  readonly fix =
    'wait for the other tonghop command to finish (the data folder is TONGHOP_HOME), or remove the stale lock named above';
  readonly advice = ADVICE.dataDirBusy;
}

/** What a lock file says: the holder's pid and a random token naming this one acquisition. */
interface LockOwner {
  readonly pid: number;
  readonly token: string;
}

/**
 * One process at a time per embedded data folder (the CLI, `npm run serve`, the emulator script):
 * two emulators exporting into the same folder would each overwrite the other's data.
 *
 * The lock file `<dataDir>/.lock` ("<pid> <token>") only ever appears whole: it is written to a
 * temp file first, then link()ed into place, which fails if a lock exists. A lock whose holder
 * is dead is taken over under a guard file named after the dead lock's token (link() again, so
 * one contender only), which re-reads the lock before renaming its own over it. Release removes
 * the lock only while it still carries our token.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const lockFile = path.join(dataDir, '.lock');
  const mine: LockOwner = { pid: process.pid, token: randomBytes(12).toString('hex') };
  const temp = `${lockFile}.${mine.token}.tmp`;
  await writeSynced(temp, `${mine.pid} ${mine.token}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await linkOrExists(temp, lockFile)) return () => release(lockFile, mine.token);
      const holder = await readOwner(lockFile);
      if (holder === undefined) continue; // released meanwhile: try again
      if (isAlive(holder.pid)) throw busy(dataDir, holder.pid);
      if (await takeOver(lockFile, holder, temp)) return () => release(lockFile, mine.token);
    }
    throw new DataDirBusyError(
      `Could not lock ${dataDir}; if no tonghop command is running, remove ${lockFile} and any ${lockFile}.takeover-* file.`,
    );
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Replace a dead holder's lock by ours; false when another contender got there first. */
async function takeOver(lockFile: string, dead: LockOwner, temp: string): Promise<boolean> {
  const guard = `${lockFile}.takeover-${dead.token}`;
  if (!(await linkOrExists(temp, guard))) {
    const winner = await readOwner(guard);
    if (winner && isAlive(winner.pid)) throw busy(path.dirname(lockFile), winner.pid);
    return false;
  }
  try {
    // Only the guard's holder may replace this dead lock; check it is still the one we saw.
    if ((await readOwner(lockFile))?.token !== dead.token) return false;
    await rename(temp, lockFile);
    return true;
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

async function release(lockFile: string, token: string): Promise<void> {
  if ((await readOwner(lockFile))?.token === token) await unlink(lockFile).catch(() => undefined);
}

async function linkOrExists(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  // A lock written before tokens existed holds the bare pid.
  const [pid = '', token = `legacy-${text.trim()}`] = text.trim().split(/\s+/);
  return { pid: Number(pid), token };
}

async function writeSynced(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function busy(dataDir: string, pid: number): DataDirBusyError {
  return new DataDirBusyError(
    `Another tonghop command (pid ${pid}) is using ${dataDir}. Wait for it to finish, or run both against one emulator with FIRESTORE_EMULATOR_HOST.`,
  );
}

function isAlive(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
