import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/** The embedded default of `npm start`: an emulator started from, and saved to, the data folder. */
describe('tonghop with its embedded Firestore', () => {
  let home: string;
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('keeps the data between runs, so the second run writes nothing', async () => {
    home = await mkdtemp(path.join(tmpdir(), 'tonghop-embedded-'));
    const env = { PATH: process.env.PATH, TONGHOP_HOME: home };
    const first = JSON.parse((await runCli(['--json', 'demo'], env)).stdout);
    expect(first.totals.submissionsWritten).toBeGreaterThan(0);
    expect(await readdir(path.join(home, 'firestore'))).toContainEqual(expect.stringMatching(/^export-/));
    const second = JSON.parse((await runCli(['--json', 'demo'], env)).stdout);
    expect(second.totals).toMatchObject({ writes: 0, unitsUnchanged: 36 });
    expect(second.stats.written).toBe(0);
    expect(second.summary.written).toBe(false);
    expect(second.feedback.unitsWritten).toBe(0);
  }, 240_000);
});
