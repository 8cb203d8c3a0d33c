import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { watch } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTallySummary, tally } from './tally.js';
import { watchedEmulatorGroups } from '../../functions/src/adapters/store/emulator-watchdog.js';
import { compileCli, type CliProcess, type CompiledCli } from '../support/cli-process.js';
import { SESSION } from '../../functions/src/cli/messages.js';
import { SMALL_DISTRICT_NOW, SMALL_DISTRICT_STANDING, writeSmallDistrict } from './small-district.js';

/**
 * The embedded mode killed at its most fragile moment, while it writes row statuses into the
 * units' files: the on-time counts of a re-run must be those the units' own send times give.
 * Each scenario has its own district and data folder, so they run side by side. A file of its own
 * (its CLI processes and their emulators take half a minute), so it runs beside reliability.test.ts;
 * a re-dated report is counted in its tally, asserted at the end like the main suite's.
 */
describe.concurrent('a local sweep killed while writing unit files', () => {
  let root: string;
  let cli: CompiledCli;

  type Standing = { formId: string; periodId: string; expected: number; complete: number; onTime: number };
  const envFor = (home: string): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME, TONGHOP_HOME: home, TONGHOP_PROJECT_ID: `demo-crash-${randomBytes(4).toString('hex')}`, METADATA_SERVER_DETECTION: 'none' });
  const sweepArgs = (control: string) => ['--json', 'sweep', '--control', control, '--now', SMALL_DISTRICT_NOW.toISOString()];
  /** The (form, period) pairs any unit completed, with their counts. */
  const completedStanding = (stdout: string) =>
    (JSON.parse(stdout).standing as Standing[]).filter((s) => s.complete > 0).map(({ formId, periodId, expected, complete, onTime }) => ({ formId, periodId, expected, complete, onTime }));

  /** Reports whose on-time or complete count moved from what the units' send times give: counted in the tally. */
  const countRedated = (standing: Standing[]) => {
    tally.inputs++;
    for (const want of SMALL_DISTRICT_STANDING) {
      const got = standing.find((s) => s.formId === want.formId && s.periodId === want.periodId);
      tally.reportsRedated += Math.abs((got?.onTime ?? 0) - want.onTime) + Math.abs((got?.complete ?? 0) - want.complete);
    }
  };

  /** A district never swept, with its own local data folder. */
  async function freshDistrict(name: string): Promise<{ control: string; env: NodeJS.ProcessEnv }> {
    const control = await writeSmallDistrict(path.join(root, name, 'district'));
    return { control, env: envFor(path.join(root, name, 'home')) };
  }

  /** Send `signal` to the CLI as soon as it replaces its first unit workbook (the atomic rename of the status write-back). */
  function signalOnFirstUnitWrite(run: CliProcess, control: string, signal: NodeJS.Signals): void {
    const watcher = watch(path.join(path.dirname(control), 'units'), (event, file) => {
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
    cli = await compileCli();
  });
  afterAll(async () => {
    await cli?.remove();
    await rm(root, { recursive: true, force: true });
  });

  it('SIGKILL: the emulator dies with the CLI, and a re-run gives the on-time counts of the send times', async ({ expect }) => {
    const { control, env } = await freshDistrict('sigkill');
    const run = cli.spawn(sweepArgs(control), env);
    signalOnFirstUnitWrite(run, control, 'SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(await emulatorGone(env.TONGHOP_HOME ?? '')).toBe(true);

    const again = await cli.spawn(sweepArgs(control), env).done;
    expect(again.code, again.stderr).toBe(0);
    countRedated(completedStanding(again.stdout));
    expect(completedStanding(again.stdout)).toEqual(SMALL_DISTRICT_STANDING);
  }, 120_000);

  it('Ctrl-C (SIGINT): the data is saved, the exit code is 130, and a re-run stores nothing new', async ({ expect }) => {
    const { control, env } = await freshDistrict('sigint');
    const run = cli.spawn(sweepArgs(control), env);
    signalOnFirstUnitWrite(run, control, 'SIGINT');
    const interrupted = await run.done;
    expect(interrupted.code, interrupted.stderr).toBe(130);
    expect(interrupted.stderr).toContain(SESSION.interrupted('SIGINT'));

    const again = await cli.spawn(sweepArgs(control), env).done;
    expect(again.code, again.stderr).toBe(0);
    const json = JSON.parse(again.stdout);
    expect(json.totals.submissionsWritten).toBe(0);
    expect(json.stats.written).toBe(0);
    countRedated(completedStanding(again.stdout));
    expect(completedStanding(again.stdout)).toEqual(SMALL_DISTRICT_STANDING);
  }, 120_000);
});

// Two re-runs, one per scenario, are the inputs tried.
describeTallySummary(1);
