import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFirestoreEmulator, type RunningEmulator } from '../../functions/src/adapters/store/emulator.js';
import { watchedEmulatorGroups } from '../../functions/src/adapters/store/emulator-watchdog.js';

/** Bounded polling of /proc until no process of the session is left. */
async function sessionGone(sid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await watchedEmulatorGroups(sid)).length === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe('an emulator orphaned by a killed watchdog', () => {
  let dataDir = '';
  const started: RunningEmulator[] = [];
  afterAll(async () => {
    await Promise.all(started.map((e) => e.stop()));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('is killed when the next emulator starts on the same data folder', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tonghop-stale-'));
    const first = await startFirestoreEmulator({ importFrom: dataDir });
    started.push(first);
    const sid = Number((await readFile(path.join(dataDir, '.emulator-group'), 'utf8')).trim());
    expect(sid).toBe(first.pid);
    // The watchdog alone dies (as under the out-of-memory killer): gcloud and java are left behind.
    process.kill(sid, 'SIGKILL');
    expect((await watchedEmulatorGroups(sid)).length).toBeGreaterThan(0);

    const second = await startFirestoreEmulator({ importFrom: dataDir });
    started.push(second);
    expect(await sessionGone(sid)).toBe(true);
    expect(Number((await readFile(path.join(dataDir, '.emulator-group'), 'utf8')).trim())).toBe(second.pid);
  }, 120_000);
});
