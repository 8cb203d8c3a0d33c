import { describe, expect, it } from 'vitest';
import {
  checkSheetEventSignature,
  signSheetEvent,
  unitWebhookSecret,
} from '../../../functions/src/domain/webhook/sheet-event-signature.js';

const KEY = 'khoa-quan-doan-1-0123456789abcdef0123456789abcdef';
const NOW = new Date('2026-03-26T08:15:30Z');
const TS = String(NOW.getTime() / 1000);
const BODY = Buffer.from(
  '{"action":"check","spreadsheetId":"1AbC","unitId":"th-a","sheet":"Đăng ký tập huấn"}',
  'utf8',
);
const secret = unitWebhookSecret(KEY, 'th-a');
const check = (over: Partial<Parameters<typeof checkSheetEventSignature>[0]>) =>
  checkSheetEventSignature({
    secret,
    timestamp: TS,
    signature: signSheetEvent(secret, TS, BODY),
    rawBody: BODY,
    now: NOW,
    ...over,
  });

describe('sheet event signatures', () => {
  it('derive one secret per unit from the district key', () => {
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(unitWebhookSecret(KEY, 'th-b')).not.toBe(secret);
    expect(unitWebhookSecret(`${KEY}x`, 'th-a')).not.toBe(secret);
    expect(unitWebhookSecret(KEY, 'th-a')).toBe(secret);
  });

  it.each([
    ['a valid call', {}, { ok: true }],
    ['no timestamp', { timestamp: undefined }, { ok: false, reason: 'missing' }],
    ['no signature', { signature: undefined }, { ok: false, reason: 'missing' }],
    [
      'a signature without v1=',
      { signature: signSheetEvent(secret, TS, BODY).slice(3) },
      { ok: false, reason: 'malformed' },
    ],
    ['a timestamp in milliseconds', { timestamp: `${TS}000` }, { ok: false, reason: 'malformed' }],
    ['5 minutes late, exactly', { now: new Date(NOW.getTime() + 300_000) }, { ok: true }],
    ['5 minutes and 1 second late', { now: new Date(NOW.getTime() + 301_000) }, { ok: false, reason: 'expired' }],
    [
      'from 5 minutes and 1 second in the future',
      { now: new Date(NOW.getTime() - 301_000) },
      { ok: false, reason: 'expired' },
    ],
    ["another unit's secret", { secret: unitWebhookSecret(KEY, 'th-b') }, { ok: false, reason: 'mismatch' }],
    [
      'a body changed by one character',
      { rawBody: Buffer.from(BODY.toString('utf8').replace('check', 'submt'), 'utf8') },
      { ok: false, reason: 'mismatch' },
    ],
    [
      'the same text in NFD',
      { rawBody: Buffer.from(BODY.toString('utf8').normalize('NFD'), 'utf8') },
      { ok: false, reason: 'mismatch' },
    ],
  ] as const)('%s', (_name, over, expected) => {
    expect(check(over)).toEqual(expected);
  });
});
