import { readdir, readFile } from 'node:fs/promises';
import { watch } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTallySummary, tally } from './tally.js';
import { watchedEmulatorGroups } from '../../functions/src/adapters/store/emulator-watchdog.js';
import { compileCli, type CliProcess, type CompiledCli } from '../support/cli-process.js';
import { useTempDir } from '../support/builders.js';
import { sessionExited } from '../support/session-exit.js';
import { SESSION } from '../../functions/src/cli/messages.js';
import { SMALL_DISTRICT_NOW, SMALL_DISTRICT_STANDING, writeSmallDistrict } from './small-district.js';
import { OWN_TABS } from '../../functions/src/domain/sheets/own-tabs.js';
import { STATUS_HEADER } from '../../functions/src/domain/forms/header-match.js';
import { readPackage, typedCellsChanged, type PackageView } from '../support/xlsx-cells.js';

/**
 * The embedded mode killed at its most fragile moment, while it writes row statuses into the
 * units' files: the on-time counts of a re-run must be those the units' own send times give.
 * Each scenario has its own district and data folder, so they run side by side. A file of its own
 * (its CLI processes and their emulators take half a minute), so it runs beside reliability.test.ts;
 * a re-dated report is counted in its tally, asserted at the end like the main suite's.
 */
describe.concurrent('a local sweep killed while writing unit files', () => {
  const root = useTempDir('tonghop-crash');
  let cli: CompiledCli;

  type Standing = { formId: string; periodId: string; expected: number; complete: number; onTime: number };
  const envFor = (home: string): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TONGHOP_HOME: home,
    TONGHOP_PROJECT_ID: `demo-crash-${randomBytes(4).toString('hex')}`,
    METADATA_SERVER_DETECTION: 'none',
  });
  const sweepArgs = (control: string) => [
    '--json',
    'sweep',
    '--control',
    control,
    '--now',
    SMALL_DISTRICT_NOW.toISOString(),
  ];
  /** The (form, period) pairs any unit completed, with their counts. */
  const completedStanding = (stdout: string) =>
    (JSON.parse(stdout).standing as Standing[])
      .filter((s) => s.complete > 0)
      .map(({ formId, periodId, expected, complete, onTime }) => ({ formId, periodId, expected, complete, onTime }));

  /** Reports whose on-time or complete count moved from what the units' send times give: counted in the tally. */
  const countRedated = (standing: Standing[]) => {
    tally.inputs++;
    for (const want of SMALL_DISTRICT_STANDING) {
      const got = standing.find((s) => s.formId === want.formId && s.periodId === want.periodId);
      tally.reportsRedated +=
        Math.abs((got?.onTime ?? 0) - want.onTime) + Math.abs((got?.complete ?? 0) - want.complete);
    }
  };

  /** Each unit workbook of a district as the unit sent it, parsed once (the typed cells' reference). */
  async function unitFilesAsSent(control: string): Promise<Map<string, { bytes: Buffer; view: PackageView }>> {
    const folder = path.join(path.dirname(control), 'units');
    const names = (await readdir(folder)).filter((name) => name.endsWith('.xlsx'));
    const files = names.map(async (name) => {
      const bytes = await readFile(path.join(folder, name));
      return [name, { bytes, view: await readPackage(bytes) }] as const;
    });
    return new Map(await Promise.all(files));
  }

  /** Typed cells changed on disk by the write-backs, counted in the tally; returns how many files were rewritten (only those are parsed again). */
  async function countCellsChanged(
    control: string,
    asSent: Map<string, { bytes: Buffer; view: PackageView }>,
  ): Promise<number> {
    let rewritten = 0;
    for (const [name, sent] of asSent) {
      const bytes = await readFile(path.join(path.dirname(control), 'units', name));
      if (bytes.equals(sent.bytes)) continue;
      rewritten++;
      tally.cellsChangedOnDisk += typedCellsChanged(sent.view, await readPackage(bytes), OWN_TABS, STATUS_HEADER);
    }
    return rewritten;
  }

  /** A district never swept, with its own local data folder. */
  async function freshDistrict(name: string): Promise<{ control: string; env: NodeJS.ProcessEnv }> {
    const control = await writeSmallDistrict(path.join(root(), name, 'district'));
    return { control, env: envFor(path.join(root(), name, 'home')) };
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

  /** Whether the emulator session recorded in `home` is gone, once every process of it has exited. */
  async function emulatorGone(home: string): Promise<boolean> {
    const sid = Number(
      (await readFile(path.join(home, 'firestore', '.emulator-group'), 'utf8').catch(() => '')).trim(),
    );
    expect(sid).toBeGreaterThan(0);
    await sessionExited(sid);
    return (await watchedEmulatorGroups(sid)).length === 0;
  }

  beforeAll(async () => {
    cli = await compileCli();
  });
  afterAll(async () => {
    await cli?.remove();
  });

  it('SIGKILL: the emulator dies with the CLI, and a re-run gives the on-time counts of the send times', async ({
    expect,
  }) => {
    const { control, env } = await freshDistrict('sigkill');
    const asSent = await unitFilesAsSent(control);
    const run = cli.spawn(sweepArgs(control), env);
    signalOnFirstUnitWrite(run, control, 'SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(await emulatorGone(env.TONGHOP_HOME ?? '')).toBe(true);

    const again = await cli.spawn(sweepArgs(control), env).done;
    expect(again.code, again.stderr).toBe(0);
    countRedated(completedStanding(again.stdout));
    expect(completedStanding(again.stdout)).toEqual(SMALL_DISTRICT_STANDING);
    // The killed run and the re-run wrote row statuses back: every cell the units typed is as they sent it.
    expect(await countCellsChanged(control, asSent)).toBeGreaterThan(0);
  }, 120_000);

  it('Ctrl-C (SIGINT): the data is saved, the exit code is 130, and a re-run stores nothing new', async ({
    expect,
  }) => {
    const { control, env } = await freshDistrict('sigint');
    const asSent = await unitFilesAsSent(control);
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
    // The killed run and the re-run wrote row statuses back: every cell the units typed is as they sent it.
    expect(await countCellsChanged(control, asSent)).toBeGreaterThan(0);
  }, 120_000);
});

// Two re-runs, one per scenario, are the inputs tried.
describeTallySummary(1);
