import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { watch } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { watchedEmulatorGroups } from '../../functions/src/adapters/store/emulator-watchdog.js';
import { buildDemoDistrict, DEMO_NOW } from '../../functions/src/jobs/demo/demo-district.js';
import { writeDemoDistrict } from '../../functions/src/jobs/demo/write-demo-district.js';
import { spawnCli, type CliProcess } from '../support/cli-process.js';

/**
 * The embedded mode killed at its most fragile moment, while it writes row statuses into the
 * units' files: the on-time counts of a re-run must be those of an uninterrupted run.
 */
describe('a local sweep killed while writing unit files', () => {
  let root: string;
  let reference: Standing[];
  const copies: string[] = [];

  type Standing = { formId: string; periodId: string; expected: number; complete: number; onTime: number };
  const envFor = (home: string): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME, TONGHOP_HOME: home, TONGHOP_PROJECT_ID: `demo-crash-${randomBytes(4).toString('hex')}`, METADATA_SERVER_DETECTION: 'none' });
  const sweepArgs = (district: string) => ['--json', 'sweep', '--control', path.join(district, 'control.xlsx'), '--now', DEMO_NOW.toISOString()];
  const standingOf = (stdout: string): Standing[] =>
    (JSON.parse(stdout).standing as Standing[]).map(({ formId, periodId, expected, complete, onTime }) => ({ formId, periodId, expected, complete, onTime }));

  /** A fresh copy of the district, never swept, with its own local data folder. */
  async function freshDistrict(name: string): Promise<{ district: string; env: NodeJS.ProcessEnv }> {
    const district = path.join(root, name, 'district');
    await cp(path.join(root, 'pristine'), district, { recursive: true, preserveTimestamps: true });
    copies.push(district);
    return { district, env: envFor(path.join(root, name, 'home')) };
  }

  /** Send `signal` to the CLI as soon as it replaces its first unit workbook (the atomic rename of the status write-back). */
  function signalOnFirstUnitWrite(run: CliProcess, district: string, signal: NodeJS.Signals): void {
    const watcher = watch(path.join(district, 'units'), (event, file) => {
      if (event === 'rename' && file?.endsWith('.xlsx') && !file.startsWith('.')) {
        watcher.close();
        run.child.kill(signal);
      }
    });
    void run.done.finally(() => watcher.close());
  }

  /** Bounded polling of /proc: whether the emulator session recorded in `home` is gone. */
  async function emulatorGone(home: string): Promise<boolean> {
    const sid = Number((await readFile(path.join(home, 'firestore', '.emulator-group'), 'utf8').catch(() => '')).trim());
    expect(sid).toBeGreaterThan(0);
    for (let attempt = 0; attempt < 200; attempt++) {
      if ((await watchedEmulatorGroups(sid)).length === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'tonghop-crash-'));
    // Every unit file dated by its last send, as the units sent it.
    await writeDemoDistrict(path.join(root, 'pristine'), buildDemoDistrict(await loadBuiltinForms()));
    const { district, env } = await freshDistrict('reference');
    const run = await spawnCli(sweepArgs(district), env).done;
    expect(run.code, run.stderr).toBe(0);
    reference = standingOf(run.stdout);
    expect(reference.reduce((sum, s) => sum + s.onTime, 0)).toBeGreaterThan(0);
  }, 300_000);
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('SIGKILL: the emulator dies with the CLI, and a re-run gives the same on-time counts', async () => {
    const { district, env } = await freshDistrict('sigkill');
    const run = spawnCli(sweepArgs(district), env);
    signalOnFirstUnitWrite(run, district, 'SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(await emulatorGone(env.TONGHOP_HOME ?? '')).toBe(true);

    const again = await spawnCli(sweepArgs(district), env).done;
    expect(again.code, again.stderr).toBe(0);
    expect(standingOf(again.stdout)).toEqual(reference);
  }, 300_000);

  it('Ctrl-C (SIGINT): the data is saved, the exit code is 130, and a re-run stores nothing new', async () => {
    const { district, env } = await freshDistrict('sigint');
    const run = spawnCli(sweepArgs(district), env);
    signalOnFirstUnitWrite(run, district, 'SIGINT');
    const interrupted = await run.done;
    expect(interrupted.code, interrupted.stderr).toBe(130);
    expect(interrupted.stderr).toContain('Interrupted by SIGINT: saving the local Firestore data');

    const again = await spawnCli(sweepArgs(district), env).done;
    expect(again.code, again.stderr).toBe(0);
    const json = JSON.parse(again.stdout);
    expect(json.totals.submissionsWritten).toBe(0);
    expect(json.stats.written).toBe(0);
    expect(standingOf(again.stdout)).toEqual(reference);
  }, 300_000);
});
