import { parseArgs } from 'node:util';

/** What one `npm run bench` measures, from its command line. */
export interface BenchOptions {
  readonly units: number;
  readonly seed: number;
  /** Units whose workbook is rewritten with one row changed before the incremental sweep. */
  readonly changedShare: number;
  /** Units the naive baseline writes row by row (then extrapolated to the city). */
  readonly naiveSample: number;
  /** Delay the Sheets/Drive stand-in adds before every answer. */
  readonly latencyMs: number;
  readonly out: string;
  /** Keep the generated city folder (control.xlsx, units/) instead of deleting it. */
  readonly keep: boolean;
}

/** Thrown for a bad command line: says which option and what it takes. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

export const BENCH_USAGE =
  'npm run bench -- [--units 1000] [--seed 2024] [--naive-sample 50] [--latency-ms 20] [--out bench/results.json] [--keep]';

/** Parse `npm run bench -- …`; every option has a default. */
export function parseBenchOptions(args: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        units: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '2024' },
        'naive-sample': { type: 'string', default: '50' },
        'latency-ms': { type: 'string', default: '20' },
        out: { type: 'string', default: 'bench/results.json' },
        keep: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new BenchUsageError(`${(error as Error).message}\nUsage: ${BENCH_USAGE}`);
  }
  return {
    units: integer('--units', values.units, 20),
    seed: integer('--seed', values.seed, 0),
    changedShare: 0.05,
    naiveSample: integer('--naive-sample', values['naive-sample'], 1),
    latencyMs: integer('--latency-ms', values['latency-ms'], 0),
    out: values.out,
    keep: values.keep,
  };
}

function integer(option: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new BenchUsageError(`${option} takes a whole number ≥ ${min}, not '${text}'.\nUsage: ${BENCH_USAGE}`);
  return value;
}
