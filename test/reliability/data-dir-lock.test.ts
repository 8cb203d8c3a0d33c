import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CONTENDERS = 100;

/**
 * Each contender is its own Node process: it says "ready", waits for "go" on stdin, tries the
 * lock once and answers "held" (keeping it until its stdin ends) or "busy".
 */
const CONTENDER = (lockModule: string) => `
import { lockDataDir } from ${JSON.stringify(lockModule)};
const dataDir = process.argv[2];
process.stdout.write('ready\\n');
process.stdin.once('data', async () => {
  let release;
  try {
    release = await lockDataDir(dataDir);
  } catch (error) {
    process.stdout.write(error.name === 'DataDirBusyError' ? 'busy\\n' : 'error ' + error.message + '\\n');
    process.exit(0);
  }
  process.stdout.write('held\\n');
  process.stdin.once('end', async () => { await release(); process.exit(0); });
});
`;

describe('the data-folder lock under contention', () => {
  let dir: string;
  let contender: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tonghop-lock-'));
    // Plain Node processes start fast; the lock module only needs node: builtins.
    const lockModule = path.join(dir, 'data-dir-lock.mjs');
    await build({ entryPoints: [path.resolve(import.meta.dirname, '../../functions/src/adapters/store/data-dir-lock.ts')], outfile: lockModule, format: 'esm', platform: 'node', logLevel: 'silent' });
    contender = path.join(dir, 'contender.mjs');
    await writeFile(contender, CONTENDER(lockModule));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Start every contender, release them at once, and collect each one's answer. */
  async function race(dataDir: string): Promise<{ answers: string[]; holders: ChildProcess[] }> {
    const children = Array.from({ length: CONTENDERS }, () => spawn(process.execPath, [contender, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] }));
    const lines = children.map((child) => createInterface({ input: child.stdout })[Symbol.asyncIterator]());
    const next = async (i: number) => String((await lines[i]?.next())?.value);
    expect(await Promise.all(children.map((_, i) => next(i)))).toEqual(Array(CONTENDERS).fill('ready'));
    for (const child of children) child.stdin.write('go\n');
    const answers = await Promise.all(children.map((_, i) => next(i)));
    return { answers, holders: children.filter((_, i) => answers[i] === 'held') };
  }

  async function releaseAll(holders: readonly ChildProcess[]): Promise<void> {
    await Promise.all(holders.map((child) => new Promise((resolve) => child.once('exit', resolve).stdin?.end())));
  }

  it('a free folder: exactly one of 100 processes holds it, the others are told it is busy; release removes the lock', async () => {
    const dataDir = path.join(dir, 'free');
    const { answers, holders } = await race(dataDir);
    expect(answers.filter((a) => a === 'held')).toHaveLength(1);
    expect(answers.filter((a) => a === 'busy')).toHaveLength(CONTENDERS - 1);
    await releaseAll(holders);
    await expect(stat(path.join(dataDir, '.lock'))).rejects.toThrow(/ENOENT/);
  }, 60_000);

  it('a lock left by a dead process: exactly one of 100 takes it over', async () => {
    const dataDir = path.join(dir, 'stale');
    const dead = spawn(process.execPath, ['-e', '']);
    const deadPid = dead.pid;
    await new Promise((resolve) => dead.once('exit', resolve));
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, '.lock'), `${deadPid} deadbeef\n`);
    const { answers, holders } = await race(dataDir);
    expect(answers.filter((a) => a === 'held')).toHaveLength(1);
    expect(answers.filter((a) => a === 'busy')).toHaveLength(CONTENDERS - 1);
    expect((await readFile(path.join(dataDir, '.lock'), 'utf8')).split(' ')[0]).toBe(String(holders[0]?.pid));
    await releaseAll(holders);
    await expect(stat(path.join(dataDir, '.lock'))).rejects.toThrow(/ENOENT/);
  }, 60_000);
});
