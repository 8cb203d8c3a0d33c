import { performance } from 'node:perf_hooks';

/** A step's result, its wall time and the highest resident set size seen while it ran. */
export interface Measured<T> {
  readonly value: T;
  readonly ms: number;
  readonly peakRssBytes: number;
  /** RSS when the step started (after the collection): what the step found already in use. */
  readonly startRssBytes: number;
}

const SAMPLE_EVERY_MS = 50;

/**
 * Time one step and sample the process's RSS every 50 ms while it runs. The heap is collected
 * first when node runs with --expose-gc (the npm script does), so garbage left by the previous
 * step is not counted against this one.
 */
export async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  (globalThis as { gc?: () => void }).gc?.();
  const startRssBytes = process.memoryUsage.rss();
  let peak = startRssBytes;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, SAMPLE_EVERY_MS);
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    return { value, ms, peakRssBytes: Math.max(peak, process.memoryUsage.rss()), startRssBytes };
  } finally {
    clearInterval(sampler);
  }
}
