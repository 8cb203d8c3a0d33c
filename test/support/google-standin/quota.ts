/**
 * Google's per-user-per-minute quotas: each account has its own budget of reads and of writes
 * per API over a sliding minute of the stand-in's clock.
 */
import { quotaExceeded, type ApiName } from './errors.js';

const MINUTE_MS = 60_000;

export class Quota {
  /** Requests allowed per account, API and direction (read/write) per minute; undefined = unlimited. */
  perMinute: number | undefined;
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly now: () => Date,
    perMinute?: number,
  ) {
    this.perMinute = perMinute;
  }

  /** Count one request, or throw Google's 429 when the account's budget for the minute is spent. */
  consume(account: string, api: ApiName, write: boolean): void {
    if (this.perMinute === undefined) return;
    const at = this.now().getTime();
    const key = `${account}\n${api}\n${write ? 'write' : 'read'}`;
    const times = (this.recent.get(key) ?? []).filter((t) => at - t < MINUTE_MS);
    if (times.length >= this.perMinute) {
      this.recent.set(key, times);
      throw quotaExceeded(api, write);
    }
    times.push(at);
    this.recent.set(key, times);
  }

  reset(): void {
    this.recent.clear();
  }
}
