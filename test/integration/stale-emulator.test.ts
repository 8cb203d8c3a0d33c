import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFirestoreEmulator, type RunningEmulator } from '../../functions/src/adapters/store/emulator.js';
import { watchedEmulatorGroups } from '../../functions/src/adapters/store/emulator-watchdog.js';
import { useTempDir } from '../support/builders.js';
import { sessionExited } from '../support/session-exit.js';

describe('an emulator orphaned by a killed watchdog', () => {
  const tempDir = useTempDir('tonghop-stale');
  const started: RunningEmulator[] = [];
  afterAll(async () => {
    await Promise.all(started.map((e) => e.stop()));
  });

  it('is killed when the next emulator starts on the same data folder', async () => {
    const dataDir = tempDir();
    const first = await startFirestoreEmulator({ importFrom: dataDir });
    started.push(first);
    const sid = Number((await readFile(path.join(dataDir, '.emulator-group'), 'utf8')).trim());
    expect(sid).toBe(first.pid);
    // The watchdog alone dies (as under the out-of-memory killer): gcloud and java are left behind.
    process.kill(sid, 'SIGKILL');
    expect((await watchedEmulatorGroups(sid)).length).toBeGreaterThan(0);

    const second = await startFirestoreEmulator({ importFrom: dataDir });
    started.push(second);
    await sessionExited(sid);
    expect(await watchedEmulatorGroups(sid)).toEqual([]);
    expect(Number((await readFile(path.join(dataDir, '.emulator-group'), 'utf8')).trim())).toBe(second.pid);
  }, 120_000);
});
