import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { buildNetworkBlock } from './network-block-build.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES = path.join(ROOT, 'functions', 'src');

/** A tonghop CLI running in a child process (so it can be killed), and how it ended. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Exit code (128 + n when it handled signal n), or the signal that killed it; stdout and stderr. */
  readonly done: Promise<{
    readonly code: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
  }>;
}

/** The tonghop CLI compiled from the sources, started as its own Node process. */
export interface CompiledCli {
  /** Start `tonghop <args>` with exactly `env`. */
  spawn(args: readonly string[], env: NodeJS.ProcessEnv): CliProcess;
  /** Delete the compiled files. */
  remove(): Promise<void>;
}

/**
 * Compile functions/src as it is now, one JavaScript file per module (esbuild, under a second),
 * so each CLI process starts in about a second instead of transforming every module again
 * through vite-node. The folder sits two levels under the repository, like functions/src, so the
 * paths the sources resolve from their own location (firestore.rules, sheets-templates/) hold.
 */
export async function compileCli(): Promise<CompiledCli> {
  const outdir = path.join(ROOT, '.tonghop', `test-cli-${randomBytes(4).toString('hex')}`);
  const modules = (await readdir(SOURCES, { recursive: true })).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.d.ts'),
  );
  await build({
    entryPoints: modules.map((file) => path.join(SOURCES, file)),
    outdir,
    outbase: SOURCES,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  const entry = path.join(outdir, 'run-cli.js');
  await writeFile(entry, "import { main } from './cli/main.js';\nprocess.exitCode = await main(process.argv);\n");
  // The CLI process gets the tests' network block too: it may reach loopback only.
  const blockNetwork = await buildNetworkBlock(path.join(outdir, 'block-network.js'));
  return {
    spawn: (args, env) => spawnNode(['--import', blockNetwork, entry, ...args], env),
    remove: () => rm(outdir, { recursive: true, force: true }),
  };
}

function spawnNode(args: readonly string[], env: NodeJS.ProcessEnv): CliProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) =>
        resolve({
          code,
          signal,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
        }),
      );
    },
  );
  return { child, done };
}
