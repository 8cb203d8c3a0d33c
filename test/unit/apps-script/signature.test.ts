import { createHmac } from 'node:crypto';
import {
  checkSheetEventSignature,
  signSheetEvent,
} from '../../../functions/src/domain/webhook/sheet-event-signature.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { STATUS_HEADER } from '../../../functions/src/domain/forms/header-match.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';

const SCRIPT_DIR = path.resolve(import.meta.dirname, '../../../sheets-templates/apps-script');
const SCRIPT_FILES = readdirSync(SCRIPT_DIR)
  .filter((name) => name.endsWith('.js'))
  .sort();

interface Settings {
  endpoint: string;
  unitId: string;
  secret: string;
}
interface Request {
  url: string;
  options: {
    method: string;
    contentType: string;
    payload: string;
    headers: Record<string, string>;
    muteHttpExceptions: boolean;
  };
}
interface AppsScript {
  tonghopSignature_(secret: string, timestamp: string, body: string): string;
  tonghopRequest_(
    action: string,
    settings: Settings,
    target: { spreadsheetId: string; sheet: string | null },
    now: Date,
  ): Request;
  tonghopReadResponse_(status: number, text: string): { ok: boolean; status: number; message: string };
}

/** What Apps Script's Utilities.computeHmacSha256Signature returns: Java bytes, -128..127. */
function signedHmac(message: string, key: string, charset: string): number[] {
  if (charset !== 'UTF_8') throw new Error(`expected Utilities.Charset.UTF_8, got ${charset}`);
  const digest = createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(message, 'utf8')).digest();
  return Array.from(digest, (b) => (b > 127 ? b - 256 : b));
}

/** Every .js file of the project in one global scope, as Apps Script runs them. */
function loadAppsScript(): vm.Context {
  const context = vm.createContext({
    Utilities: { Charset: { UTF_8: 'UTF_8' }, computeHmacSha256Signature: signedHmac },
  });
  for (const name of SCRIPT_FILES) {
    vm.runInContext(readFileSync(path.join(SCRIPT_DIR, name), 'utf8'), context, { filename: name });
  }
  return context;
}

function expectedSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

const context = loadAppsScript();
const script = context as unknown as AppsScript;
const secret = 'b7f3c1e0a9d84f2c9e6b5a4d3c2b1a0f9e8d7c6b5a4f3e2d';

describe('tonghopSignature_', () => {
  it.each([
    ['ASCII', '1767225600', '{"action":"check","unitId":"thcs-nguyen-du"}'],
    [
      'Vietnamese (NFC)',
      '1767225600',
      '{"action":"edit","sheet":"Đăng ký thi đua — Liên đội Trường Sa"}'.normalize('NFC'),
    ],
    ['empty body', '0', ''],
  ])('matches node:crypto HMAC-SHA256 for %s', (_label, timestamp, body) => {
    const signature = script.tonghopSignature_(secret, timestamp, body);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(signature).toBe(expectedSignature(secret, timestamp, body));
  });

  it('keeps the leading zero of small bytes and converts negative ones', () => {
    // Search a body whose HMAC has both a byte < 0x10 and a byte > 0x7f, so both conversions are exercised.
    const body = Array.from({ length: 50 }, (_v, i) => `{"n":${i}}`).find((b) => {
      const bytes = signedHmac(`1.${b}`, secret, 'UTF_8');
      return bytes.some((x) => x >= 0 && x < 16) && bytes.some((x) => x < 0);
    });
    expect(body).toBeDefined();
    expect(script.tonghopSignature_(secret, '1', body ?? '')).toBe(expectedSignature(secret, '1', body ?? ''));
  });
});

describe('tonghopRequest_', () => {
  const settings: Settings = {
    endpoint: 'https://asia-southeast1-demo-tonghop.cloudfunctions.net/sheetEvent',
    unitId: 'thcs-nguyen-du',
    secret,
  };
  const now = new Date('2026-03-26T08:15:30.250Z');

  it('posts exactly the signed body with the timestamp and v1 signature headers', () => {
    const request = script.tonghopRequest_(
      'submit',
      settings,
      { spreadsheetId: '1AbC-xyz_09', sheet: 'Đăng ký rèn luyện' },
      now,
    );
    const { options } = request;
    const timestamp = String(Math.floor(now.getTime() / 1000));

    expect(request.url).toBe(settings.endpoint);
    expect(options.method).toBe('post');
    expect(options.contentType).toBe('application/json; charset=utf-8');
    expect(options.muteHttpExceptions).toBe(true);
    expect(options.headers['X-Tonghop-Timestamp']).toBe(timestamp);
    expect(options.headers['X-Tonghop-Signature']).toBe(`v1=${expectedSignature(secret, timestamp, options.payload)}`);
    expect(JSON.parse(options.payload)).toEqual({
      action: 'submit',
      spreadsheetId: '1AbC-xyz_09',
      unitId: 'thcs-nguyen-du',
      sheet: 'Đăng ký rèn luyện',
      sentAt: '2026-03-26T08:15:30.250Z',
    });
    expect(Object.keys(JSON.parse(options.payload))).toEqual(['action', 'spreadsheetId', 'unitId', 'sheet', 'sentAt']);
  });

  it('is accepted by the server: the webhook checks it with the same secret and finds it valid', () => {
    const request = script.tonghopRequest_(
      'check',
      settings,
      { spreadsheetId: '1AbC-xyz_09', sheet: 'Đăng ký rèn luyện' },
      now,
    );
    const headers = request.options.headers;
    const check = (body: string, at: Date) =>
      checkSheetEventSignature({
        secret,
        timestamp: headers['X-Tonghop-Timestamp'],
        signature: headers['X-Tonghop-Signature'],
        rawBody: Buffer.from(body, 'utf8'),
        now: at,
      });
    expect(check(request.options.payload, now)).toEqual({ ok: true });
    expect(check(request.options.payload.replace('check', 'submit'), now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(check(request.options.payload, new Date(now.getTime() + 301_000))).toEqual({ ok: false, reason: 'expired' });
    expect(headers['X-Tonghop-Signature']).toBe(
      signSheetEvent(secret, headers['X-Tonghop-Timestamp'] ?? '', request.options.payload),
    );
  });

  it('sends sheet null when no tab is active and never puts the secret in the request', () => {
    const { options } = script.tonghopRequest_('check', settings, { spreadsheetId: 'id', sheet: null }, now);
    expect(JSON.parse(options.payload).sheet).toBeNull();
    expect(JSON.stringify(options)).not.toContain(secret);
  });

  it('refuses an action the server does not know', () => {
    expect(() => script.tonghopRequest_('delete', settings, { spreadsheetId: 'id', sheet: null }, now)).toThrow(
      /Unknown tonghop action: delete/,
    );
  });
});

describe('tonghopReadResponse_', () => {
  it.each([
    [200, '{"ok":true,"message":"Đã ghi nhận 12 dòng hợp lệ."}', true, 'Đã ghi nhận 12 dòng hợp lệ.'],
    [200, '{"ok":false,"message":"Dòng 7: thiếu Họ và tên."}', false, 'Dòng 7: thiếu Họ và tên.'],
    [200, '<html>', false, 'Máy chủ Tổng hợp trả lời không đúng định dạng'],
    [200, '{"ok":true}', false, 'không đúng định dạng'],
    [401, '', false, 'Chữ ký không hợp lệ hoặc đã hết hạn: hãy chạy lại Tổng hợp ▸ Cài đặt kết nối…'],
    [403, '', false, 'Bảng tính này chưa được đăng ký với Quận Đoàn'],
    [413, '', false, 'Dữ liệu gửi đi quá lớn'],
    [429, '', false, 'Máy chủ đang bận, hệ thống sẽ tự tổng hợp trong lượt quét tối nay'],
    [503, '{"ok":false,"message":"internal"}', false, 'Máy chủ đang bận'],
    [404, '', false, 'mã lỗi 404'],
  ])('HTTP %i %s → ok %s, %s', (status, text, ok, message) => {
    const result = script.tonghopReadResponse_(status, text);
    expect(result.ok).toBe(ok);
    expect(result.status).toBe(status);
    expect(result.message).toContain(message);
  });
});

describe('Apps Script project files', () => {
  it.each(SCRIPT_FILES)('%s is NFC (Vietnamese text with precomposed diacritics)', (name) => {
    const text = readFileSync(path.join(SCRIPT_DIR, name), 'utf8');
    expect(text.normalize('NFC') === text).toBe(true);
  });

  it('names the same system tab and status header as the server', () => {
    expect(vm.runInContext('TONGHOP_STANDING_TAB', context)).toBe(STANDING_TAB);
    expect(vm.runInContext('TONGHOP_STATUS_HEADER', context)).toBe(STATUS_HEADER);
  });

  it('appsscript.json asks for V8, Ho Chi Minh time and only the four scopes', () => {
    const manifest = JSON.parse(readFileSync(path.join(SCRIPT_DIR, 'appsscript.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...(manifest.oauthScopes as string[])].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });
});
