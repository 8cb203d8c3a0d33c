import { setTimeout as sleep } from 'node:timers/promises';
import pRetry from 'p-retry';
import pThrottle from 'p-throttle';
import { toGoogleApiError } from './google-api-error.js';

/** Google counts Sheets reads and writes against separate quotas; Drive has its own. */
export const REQUEST_CLASSES = ['read', 'write', 'drive'] as const;
export type RequestClass = (typeof REQUEST_CLASSES)[number];

export interface PacingOptions {
  /** Sheets requests per window for one user (a service account is one user): 60 a minute by default, 300 per project. */
  readonly reads: number;
  readonly writes: number;
  readonly driveRequests: number;
  /** The quota window: Google counts per minute (shorter only in tests). */
  readonly windowMs: number;
  /** Retries of a request that failed with 429, 5xx or a dropped connection. */
  readonly maxRetries: number;
  /** First back-off delay; doubles each retry, with jitter, up to maxDelayMs. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_PACING: PacingOptions = {
  reads: 60,
  writes: 60,
  driveRequests: 600,
  windowMs: 60_000,
  maxRetries: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 32_000,
};

/** Counts of what went over the wire, for progress lines, reports and benchmarks. */
export interface PacerStats {
  readonly requests: Record<RequestClass, number>;
  readonly retries: number;
  /** Milliseconds spent waiting for a token (pacing) or for a retry (back-off). */
  readonly waitedMs: number;
}

/**
 * Every Google request goes through here: a gate per quota that lets at most N requests start in
 * any window (p-throttle's strict mode: a sliding window, so a sweep stays inside the per-minute
 * quota instead of running into it), then retries with exponential back-off and jitter on 429 and
 * 5xx, waiting at least as long as Google's `Retry-After` says. Errors leave as GoogleApiError.
 */
export class RequestPacer {
  private readonly gates: Record<RequestClass, () => Promise<void>>;
  private readonly counts: Record<RequestClass, number> = { read: 0, write: 0, drive: 0 };
  private retries = 0;
  private waitedMs = 0;

  constructor(readonly options: PacingOptions = DEFAULT_PACING) {
    const gate = (perWindow: number) =>
      pThrottle({ limit: perWindow, interval: options.windowMs, strict: true })(async () => undefined);
    this.gates = { read: gate(options.reads), write: gate(options.writes), drive: gate(options.driveRequests) };
  }

  /** Run one API call (`call` names it for errors, e.g. 'values.batchGet'), paced and retried. */
  async run<T>(requestClass: RequestClass, call: string, send: () => Promise<T>): Promise<T> {
    return pRetry(
      async () => {
        const before = Date.now();
        await this.gates[requestClass]();
        this.waitedMs += Date.now() - before;
        this.counts[requestClass]++;
        try {
          return await send();
        } catch (error) {
          throw toGoogleApiError(error, call);
        }
      },
      {
        retries: this.options.maxRetries,
        // The wait is ours (onFailedAttempt): back-off with jitter, or Google's Retry-After when longer.
        minTimeout: 0,
        maxTimeout: 0,
        randomize: false,
        shouldRetry: ({ error }) => toGoogleApiError(error, call).transient,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          const failure = toGoogleApiError(error, call);
          if (!failure.transient || retriesLeft === 0) return;
          const wait = Math.max(this.backoff(attemptNumber), failure.retryAfterMs ?? 0);
          this.retries++;
          this.waitedMs += wait;
          await sleep(wait);
        },
      },
    );
  }

  /** Delay before retry n (1-based): base × 2^(n−1), times a random factor in [1, 2), at most maxDelayMs. */
  private backoff(attempt: number): number {
    return Math.min(this.options.baseDelayMs * 2 ** (attempt - 1) * (1 + Math.random()), this.options.maxDelayMs);
  }

  stats(): PacerStats {
    return { requests: { ...this.counts }, retries: this.retries, waitedMs: this.waitedMs };
  }
}
