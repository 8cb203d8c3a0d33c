import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../support/builders.js';

/**
 * 24 processes racing ROUNDS times: the lock before the fix let 31 of 100 hold a stale lock, and
 * against it these races failed in 8 runs of 8 (the stale one by its second round). Starting a
 * process is what costs on 2 cores, so the same contenders race again on a fresh folder each round.
 */
const CONTENDERS = 24;
const ROUNDS = 5;

/**
 * Each contender is its own Node process: it says "ready", then for each "go <folder>" line on
 * stdin tries the lock once and answers "held" (keeping it) or "busy"; "release" lets go of a
 * lock it holds and answers "released". It exits when its stdin ends.
 */
const CONTENDER = (lockModule: string) => `
import { createInterface } from 'node:readline';
import { lockDataDir } from ${JSON.stringify(lockModule)};
let release;
process.stdout.write('ready\\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line.startsWith('go ')) {
    try {
      release = await lockDataDir(line.slice(3));
      process.stdout.write('held\\n');
    } catch (error) {
      process.stdout.write(error.name === 'DataDirBusyError' ? 'busy\\n' : 'error ' + error.message + '\\n');
    }
  } else if (line === 'release') {
    await release?.();
    release = undefined;
    process.stdout.write('released\\n');
  }
}
`;

describe('the data-folder lock under contention', () => {
  const dir = useTempDir('tonghop-lock');
  let children: ChildProcess[] = [];
  let lines: AsyncIterator<string>[] = [];

  /** Each contender's next line. */
  const answers = () => Promise.all(lines.map(async (line) => String((await line.next()).value)));
  const tell = (message: string) => children.forEach((child) => child.stdin?.write(`${message}\n`));

  beforeAll(async () => {
    // Plain Node processes start fast; the lock module is bundled with the little it imports (its error base), node: builtins aside.
    const lockModule = path.join(dir(), 'data-dir-lock.mjs');
    await build({
      entryPoints: [path.resolve(import.meta.dirname, '../../functions/src/adapters/store/data-dir-lock.ts')],
      outfile: lockModule,
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
    });
    const contender = path.join(dir(), 'contender.mjs');
    await writeFile(contender, CONTENDER(lockModule));
    children = Array.from({ length: CONTENDERS }, () =>
      spawn(process.execPath, [contender], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    lines = children.map((child) => createInterface({ input: child.stdout! })[Symbol.asyncIterator]());
    expect(await answers()).toEqual(Array(CONTENDERS).fill('ready'));
  });
  afterAll(async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null ? resolve(null) : child.once('exit', resolve).stdin?.end(),
          ),
      ),
    );
  });

  /** Release every contender at once on `dataDir`; the answers and the pids of those that hold it. */
  async function race(dataDir: string): Promise<{ answers: string[]; holders: (number | undefined)[] }> {
    tell(`go ${dataDir}`);
    const got = await answers();
    return { answers: got, holders: children.filter((_, i) => got[i] === 'held').map((child) => child.pid) };
  }

  async function releaseAll(): Promise<void> {
    tell('release');
    expect(await answers()).toEqual(Array(CONTENDERS).fill('released'));
  }

  it(`a free folder, ${ROUNDS} times: exactly one of ${CONTENDERS} processes holds it, the others are told it is busy; release removes the lock`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const dataDir = path.join(dir(), `free-${round}`);
      const { answers } = await race(dataDir);
      expect(
        answers.filter((a) => a === 'held'),
        `round ${round}`,
      ).toHaveLength(1);
      expect(
        answers.filter((a) => a === 'busy'),
        `round ${round}`,
      ).toHaveLength(CONTENDERS - 1);
      await releaseAll();
      await expect(stat(path.join(dataDir, '.lock'))).rejects.toThrow(/ENOENT/);
    }
  });

  it(`a lock left by a dead process, ${ROUNDS} times: exactly one of ${CONTENDERS} takes it over`, async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    const deadPid = dead.pid;
    await new Promise((resolve) => dead.once('exit', resolve));
    for (let round = 0; round < ROUNDS; round++) {
      const dataDir = path.join(dir(), `stale-${round}`);
      await mkdir(dataDir, { recursive: true });
      await writeFile(path.join(dataDir, '.lock'), `${deadPid} deadbeef\n`);
      const { answers, holders } = await race(dataDir);
      expect(
        answers.filter((a) => a === 'held'),
        `round ${round}`,
      ).toHaveLength(1);
      expect(
        answers.filter((a) => a === 'busy'),
        `round ${round}`,
      ).toHaveLength(CONTENDERS - 1);
      expect((await readFile(path.join(dataDir, '.lock'), 'utf8')).split(' ')[0]).toBe(String(holders[0]));
      await releaseAll();
      await expect(stat(path.join(dataDir, '.lock'))).rejects.toThrow(/ENOENT/);
    }
  });
});
