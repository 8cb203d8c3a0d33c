import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GoogleApiError } from '../../../functions/src/adapters/google/google-api-error.js';
import { readSpreadsheetTabs } from '../../../functions/src/adapters/google/spreadsheet-tabs.js';
import { standinApis, TEST_FOLDER_ID } from '../../support/google.js';
import { startGoogleStandin, type GoogleStandin } from '../../support/google-standin/index.js';

describe('pacing and retries of Google requests (stand-in, real googleapis client)', () => {
  let standin: GoogleStandin;
  let id: string;
  const batchGets = () => standin.requests.filter((r) => r.kind === 'values.batchGet');

  beforeAll(async () => {
    standin = await startGoogleStandin();
    id = standin.createSpreadsheet({
      title: 'Báo cáo',
      parents: [TEST_FOLDER_ID],
      tabs: [{ name: 'Trang 1', rows: [['Họ và tên'], ['Lan']] }],
    });
  });
  beforeEach(() => {
    standin.clearFaults();
    standin.clearLog();
  });
  afterAll(() => standin.close());

  it("retries a 429 after waiting at least as long as Google's Retry-After, then succeeds", async () => {
    const api = standinApis(standin);
    standin.failNext(1, 429, { retryAfterSeconds: 1, match: (r) => r.kind === 'values.batchGet' });
    const tabs = await readSpreadsheetTabs(api, id, ['Trang 1']);
    expect(tabs[0]?.rows.map((r) => r.cells[0])).toEqual(['Họ và tên', 'Lan']);
    const [first, second] = batchGets();
    expect([first?.status, second?.status]).toEqual([429, 200]);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(990);
    expect(api.pacer.stats().retries).toBe(1);
  });

  it('backs off exponentially on 5xx and gives up after the configured retries with an error naming the call', async () => {
    const api = standinApis(standin, { maxRetries: 3, baseDelayMs: 40, maxDelayMs: 1000 });
    standin.failNext(10, 503, { match: (r) => r.kind === 'values.batchGet' });
    const failure = readSpreadsheetTabs(api, id, ['Trang 1']);
    await expect(failure).rejects.toThrow(GoogleApiError);
    await expect(failure).rejects.toMatchObject({
      failure: 'unavailable',
      status: 503,
      message: expect.stringMatching(/^values\.batchGet failed \(HTTP 503\)/),
    });
    const at = batchGets().map((r) => r.at);
    expect(at).toHaveLength(4);
    const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
    // Delays of at least 40, 80 and 160 ms (jitter only lengthens them).
    gaps.forEach((gap, i) => expect(gap, `gap ${i + 1}`).toBeGreaterThanOrEqual(40 * 2 ** i - 5));
  });

  it('does not retry a request Google refuses for good (403)', async () => {
    const api = standinApis(standin);
    standin.failNext(1, 403, { match: (r) => r.kind === 'values.batchGet' });
    await expect(readSpreadsheetTabs(api, id, ['Trang 1'])).rejects.toMatchObject({
      failure: 'no-access',
      status: 403,
    });
    expect(batchGets()).toHaveLength(1);
  });

  it('keeps within the quota: never more requests in any window than the pacing allows', async () => {
    const api = standinApis(standin, { reads: 3, windowMs: 400 });
    // Lower bounds from one instant taken before the first request: load can only make requests later,
    // so the n-th group of three cannot arrive before n windows have passed (pairwise gaps would flake).
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 8 }, () => readSpreadsheetTabs(api, id, ['Trang 1'])));
    const at = batchGets()
      .map((r) => r.at)
      .sort((a, b) => a - b);
    expect(at).toHaveLength(8);
    at.forEach((arrived, i) =>
      expect(arrived - t0, `request ${i + 1}`).toBeGreaterThanOrEqual(Math.floor(i / 3) * 400 - 2),
    );
    expect(api.pacer.stats().waitedMs).toBeGreaterThan(0);
  });

  it('survives a storm of 429 and 500 on one request in ten, losing nothing', async () => {
    const api = standinApis(standin, { maxRetries: 8 });
    standin.failRandomly({ rate: 0.1, statuses: [429, 500], seed: 7 });
    const results = await Promise.all(Array.from({ length: 40 }, () => readSpreadsheetTabs(api, id, ['Trang 1'])));
    expect(results.every((tabs) => tabs[0]?.rows.length === 2)).toBe(true);
    expect(batchGets().filter((r) => r.status !== 200).length).toBe(api.pacer.stats().retries);
    expect(api.pacer.stats().retries).toBeGreaterThan(0);
  });
});
