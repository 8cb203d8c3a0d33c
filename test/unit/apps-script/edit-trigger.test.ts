import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const SCRIPT_DIR = path.resolve(import.meta.dirname, '../../../sheets-templates/apps-script');
const SCRIPT_FILES = readdirSync(SCRIPT_DIR)
  .filter((name) => name.endsWith('.js'))
  .sort();

const SETTINGS = {
  TONGHOP_ENDPOINT: 'https://asia-southeast1-demo-tonghop.cloudfunctions.net/sheetEvent',
  TONGHOP_UNIT_ID: 'thcs-nguyen-du',
  TONGHOP_SECRET: 'b7f3c1e0a9d84f2c9e6b5a4d3c2b1a0f9e8d7c6b5a4f3e2d',
};

type Grid = readonly (readonly string[])[];
interface Fetched {
  url: string;
  options: { payload: string; headers: Record<string, string> };
}
interface Reply {
  status: number;
  text: string;
}

/**
 * The Apps Script project in node:vm with in-memory stand-ins for the services it uses.
 * `reply` is the server's answer, or 'network' for a fetch that throws.
 */
function harness(options: { properties?: Record<string, string>; reply?: Reply | 'network' } = {}) {
  const cache = new Map<string, string>();
  const fetched: Fetched[] = [];
  const toasts: string[] = [];
  const logs: string[] = [];
  const reply = options.reply ?? {
    status: 200,
    text: JSON.stringify({ ok: true, message: 'Đã kiểm tra: 12 dòng hợp lệ.' }),
  };
  const context = vm.createContext({
    console: { log: (...parts: unknown[]) => logs.push(parts.join(' ')) },
    Utilities: {
      Charset: { UTF_8: 'UTF_8' },
      computeHmacSha256Signature: (message: string, key: string) =>
        Array.from(createHmac('sha256', key).update(message).digest(), (b) => (b > 127 ? b - 256 : b)),
    },
    PropertiesService: {
      getScriptProperties: () => ({ getProperties: () => ({ ...(options.properties ?? SETTINGS) }) }),
    },
    CacheService: {
      getScriptCache: () => ({
        get: (key: string) => cache.get(key) ?? null,
        put: (key: string, value: string) => cache.set(key, value),
      }),
    },
    LockService: { getScriptLock: () => ({ tryLock: () => true, releaseLock: () => undefined }) },
    SpreadsheetApp: {
      getActive: () => ({ getId: () => 'spreadsheet-1', toast: (message: string) => toasts.push(message) }),
    },
    UrlFetchApp: {
      fetch: (url: string, fetchOptions: Fetched['options']) => {
        fetched.push({ url, options: fetchOptions });
        if (reply === 'network') throw new Error(`Address unavailable: ${url}`);
        return { getResponseCode: () => reply.status, getContentText: () => reply.text };
      },
    },
  });
  for (const name of SCRIPT_FILES)
    vm.runInContext(readFileSync(path.join(SCRIPT_DIR, name), 'utf8'), context, { filename: name });
  const onEditInstalled = (context as unknown as { onEditInstalled(e: unknown): void }).onEditInstalled;

  /** Edit `numColumns` columns from 1-based `column` of a tab holding `grid`. */
  function edit(tab: string, grid: Grid, column: number, numColumns = 1): void {
    const sheet = {
      getName: () => tab,
      getLastRow: () => grid.length,
      getRange: (row: number, col: number, rows: number, cols: number) => ({
        getDisplayValues: () =>
          grid.slice(row - 1, row - 1 + rows).map((r) => Array.from({ length: cols }, (_v, i) => r[col - 1 + i] ?? '')),
      }),
    };
    onEditInstalled({ range: { getSheet: () => sheet, getColumn: () => column, getNumColumns: () => numColumns } });
  }

  return { edit, fetched, toasts, logs, expireWindow: () => cache.clear() };
}

const FORM: Grid = [
  ['DANH SÁCH ĐĂNG KÝ RÈN LUYỆN ĐỘI VIÊN', '', ''],
  ['', '', ''],
  ['Họ và tên', 'Lớp', 'Tình trạng (hệ thống ghi)'],
  ['Nguyễn Văn An', '6A1', 'Hợp lệ'],
];

describe('onEditInstalled', () => {
  it('sends a signed edit call for the edited tab and shows the answer as a toast', () => {
    const h = harness();
    h.edit('Đăng ký', FORM, 2);
    expect(h.fetched).toHaveLength(1);
    const [call] = h.fetched;
    expect(call?.url).toBe(SETTINGS.TONGHOP_ENDPOINT);
    expect(JSON.parse(call?.options.payload ?? '')).toMatchObject({
      action: 'edit',
      spreadsheetId: 'spreadsheet-1',
      unitId: 'thcs-nguyen-du',
      sheet: 'Đăng ký',
    });
    expect(call?.options.headers['X-Tonghop-Signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(h.toasts).toEqual(['Đã kiểm tra: 12 dòng hợp lệ.']);
  });

  it('calls at most once per window; the next edit after the window calls again', () => {
    const h = harness();
    h.edit('Đăng ký', FORM, 1);
    h.edit('Đăng ký', FORM, 2);
    h.edit('Đăng ký', FORM, 1);
    expect(h.fetched).toHaveLength(1);
    h.expireWindow();
    h.edit('Đăng ký', FORM, 1);
    expect(h.fetched).toHaveLength(2);
  });

  it.each([
    ['the system tab', 'Tình hình nộp', 1, 1],
    ['the status column', 'Đăng ký', 3, 1],
  ])('ignores edits in %s without using up the window', (_label, tab, column, width) => {
    const h = harness();
    h.edit(tab, FORM, column, width);
    expect(h.fetched).toHaveLength(0);
    expect(h.toasts).toHaveLength(0);
    h.edit('Đăng ký', FORM, 1);
    expect(h.fetched).toHaveLength(1);
  });

  it('recognises the status header typed without accents or in another case, and a paste that also covers data is sent', () => {
    const grid: Grid = [['Họ và tên', 'TINH TRANG (he thong ghi)']];
    const h = harness();
    h.edit('Đăng ký', grid, 2);
    expect(h.fetched).toHaveLength(0);
    h.edit('Đăng ký', grid, 1, 2);
    expect(h.fetched).toHaveLength(1);
  });

  it('asks for setup when a setting is missing, without calling', () => {
    const h = harness({ properties: { TONGHOP_ENDPOINT: SETTINGS.TONGHOP_ENDPOINT } });
    h.edit('Đăng ký', FORM, 1);
    expect(h.fetched).toHaveLength(0);
    expect(h.toasts[0]).toContain('Cài đặt kết nối…');
  });

  it.each([
    ['network failure', 'network' as const, 'Không kết nối được máy chủ Tổng hợp', 'tonghop edit: network error'],
    ['HTTP 401', { status: 401, text: '' }, 'Chữ ký không hợp lệ hoặc đã hết hạn', 'tonghop edit: HTTP 401'],
  ])('on %s shows a Vietnamese message and logs only the action and status', (_label, reply, message, log) => {
    const h = harness({ reply });
    h.edit('Đăng ký', FORM, 1);
    expect(h.toasts[0]).toContain(message);
    expect(h.logs).toEqual([log]);
  });
});
