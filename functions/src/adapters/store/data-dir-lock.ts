import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/** Another process holds the local data folder. */
export class DataDirBusyError extends Error {
  override readonly name = 'DataDirBusyError';
}

/**
 * One process at a time per embedded data folder: two emulators exporting into the same
 * folder would each overwrite the other's data. A lock left by a dead process is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const lockFile = path.join(dataDir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(lockFile, 'utf8').catch(() => ''));
      if (holder > 0 && isAlive(holder)) {
        throw new DataDirBusyError(
          `Another tonghop command (pid ${holder}) is using ${dataDir}. Wait for it to finish, or run both against one emulator with FIRESTORE_EMULATOR_HOST.`,
        );
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new DataDirBusyError(`Could not lock ${dataDir}; remove ${lockFile} if no tonghop command is running.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
