/**
 * Failures a test asks for: the next n requests (optionally only those a predicate picks), or a
 * seeded share of all requests, answered with an error status instead of being carried out.
 */
import { genericError, type ApiName, type StandinApiError } from './errors.js';

/** What a fault predicate (and the request log) knows about a request. */
export interface StandinRequest {
  readonly method: string;
  readonly path: string;
  readonly api: ApiName;
  /** e.g. 'values.batchGet', 'files.list'; 'unknown' for a route the stand-in does not serve. */
  readonly kind: string;
  readonly fileId?: string;
  /** The caller's email. */
  readonly account?: string;
}

export interface FailNextOptions {
  /** Sent as `Retry-After`. */
  readonly retryAfterSeconds?: number;
  /** Only requests this accepts fail (and count); others pass untouched. */
  readonly match?: (request: StandinRequest) => boolean;
}

export interface RandomFailures {
  /** Share of requests that fail, 0..1. */
  readonly rate: number;
  /** The statuses failures are drawn from; [503] when absent. */
  readonly statuses?: readonly number[];
  /** Seed of the PRNG, so a failing run can be replayed. */
  readonly seed?: number;
}

interface PlannedFailure {
  remaining: number;
  readonly status: number;
  readonly options: FailNextOptions;
}

/** mulberry32: small, fast and good enough to pick which requests fail. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function assertErrorStatus(status: number): void {
  if (!Number.isInteger(status) || status < 400 || status > 599)
    throw new RangeError(`A fault needs an HTTP error status (400–599), got ${status}.`);
}

export class Faults {
  private planned: PlannedFailure[] = [];
  private random:
    { readonly rate: number; readonly statuses: readonly number[]; readonly next: () => number } | undefined;

  failNext(count: number, status: number, options: FailNextOptions = {}): void {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`failNext needs a count of at least 1, got ${count}.`);
    assertErrorStatus(status);
    this.planned.push({ remaining: count, status, options });
  }

  /** Fail a seeded share of requests from now on; null stops it. */
  failRandomly(options: RandomFailures | null): void {
    if (options === null) {
      this.random = undefined;
      return;
    }
    if (!(options.rate >= 0 && options.rate <= 1))
      throw new RangeError(`failRandomly needs a rate between 0 and 1, got ${options.rate}.`);
    const statuses = options.statuses ?? [503];
    if (statuses.length === 0) throw new RangeError('failRandomly needs at least one status.');
    statuses.forEach(assertErrorStatus);
    this.random = { rate: options.rate, statuses, next: seededRandom(options.seed ?? 1) };
  }

  clear(): void {
    this.planned = [];
    this.random = undefined;
  }

  /** The error to answer instead of carrying out `request`, if a fault claims it. */
  take(request: StandinRequest, write: boolean): StandinApiError | undefined {
    const planned = this.planned.find((p) => p.remaining > 0 && (p.options.match?.(request) ?? true));
    if (planned) {
      planned.remaining--;
      this.planned = this.planned.filter((p) => p.remaining > 0);
      return genericError(planned.status, request.api, { write, retryAfterSeconds: planned.options.retryAfterSeconds });
    }
    if (this.random && this.random.next() < this.random.rate) {
      const status = this.random.statuses[Math.floor(this.random.next() * this.random.statuses.length)] ?? 503;
      return genericError(status, request.api, { write });
    }
    return undefined;
  }
}
