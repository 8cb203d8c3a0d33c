import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { CLOUD_FUNCTIONS, type FunctionName } from '../functions/src/handlers/function-list.js';

const run = promisify(execFile);
/** Fresh processes per target; the median damps a loaded machine's outliers. */
const TRIES = 3;

/** One target's start: importing the entry (what the instance pays before it serves), then loading its handler (its first call). */
export interface ColdStart {
  readonly importMs: number;
  readonly handlerLoadMs: number;
}

/** Time `import('functions/lib/index.js')` in a fresh node per function target (FUNCTION_TARGET), then the target's handler load. */
export async function measureColdStarts(root: string): Promise<Record<FunctionName, ColdStart>> {
  const lib = path.join(root, 'functions', 'lib');
  const probe = `
    const started = performance.now();
    await import(${JSON.stringify(path.join(lib, 'index.js'))});
    const imported = performance.now();
    const { HANDLERS } = await import(${JSON.stringify(path.join(lib, 'handlers', 'registry.js'))});
    await HANDLERS[process.env.FUNCTION_TARGET].load();
    process.stdout.write(JSON.stringify({ importMs: imported - started, handlerLoadMs: performance.now() - imported }));`;
  const entries: [FunctionName, ColdStart][] = [];
  for (const { name } of CLOUD_FUNCTIONS) {
    const tries: ColdStart[] = [];
    for (let i = 0; i < TRIES; i++) {
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], {
        cwd: root,
        env: { ...process.env, FUNCTION_TARGET: name },
      });
      tries.push(JSON.parse(stdout) as ColdStart);
    }
    entries.push([
      name,
      {
        importMs: Math.round(median(tries.map((t) => t.importMs))),
        handlerLoadMs: Math.round(median(tries.map((t) => t.handlerLoadMs))),
      },
    ]);
  }
  return Object.fromEntries(entries) as Record<FunctionName, ColdStart>;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
