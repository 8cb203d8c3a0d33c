import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFunctions,
  postLargeBody,
  postSmall,
  startFrameworkProcess,
  type FrameworkProcess,
} from '../support/functions-process.js';
import { emulatorHost } from '../support/firestore.js';
import { MAX_BODY_BYTES } from '../../functions/src/handlers/body-limit.js';
import {
  SIGNATURE_HEADER,
  signSheetEvent,
  TIMESTAMP_HEADER,
  unitWebhookSecret,
} from '../../functions/src/domain/webhook/sheet-event-signature.js';

const MB = 1024 * 1024;

/** sheetEvent served by functions-framework's own CLI in a child process with the 512 MiB function's heap. */
describe('the sheetEvent process', () => {
  let entry: string;
  let fn: FrameworkProcess;
  const key = randomBytes(32).toString('hex');

  beforeAll(async () => {
    entry = await buildFunctions();
    fn = await startFrameworkProcess({
      entry,
      target: 'sheetEvent',
      nodeArgs: ['--max-old-space-size=400'],
      env: {
        ...process.env,
        FIRESTORE_EMULATOR_HOST: emulatorHost(),
        TONGHOP_PROJECT_ID: `demo-test-process-${randomBytes(3).toString('hex')}`,
        TONGHOP_WEBHOOK_KEY: key,
        TONGHOP_SOURCE: 'workbook',
      },
    });
  }, 120_000);
  afterAll(async () => {
    await fn?.stop();
  });

  /** A well-formed but unsigned call: the handler reads it and answers 401. */
  const unsignedCall = () =>
    postSmall(fn.port, JSON.stringify({ action: 'check', spreadsheetId: 'th-a.xlsx', unitId: 'th-a', sheet: null }));

  /** How many times the process logged a refusal for `reason` (body-limit.ts logs before it answers). */
  const refusalsLogged = (stdout: string, reason: string) =>
    stdout
      .split('\n')
      .filter(
        (line) => line.includes(`request refused before reading its body: ${reason}`) && line.includes('"status":413'),
      ).length;

  it('refuses a 32 MB body with 413 before reading it (Content-Length and chunked), and keeps serving within 64 MB of memory', async () => {
    expect((await unsignedCall()).status).toBe(401);
    const before = await fn.rss();

    // Just over the limit, sent whole before the answer comes: the 413 and its Vietnamese message, every time.
    const over = await postSmall(fn.port, JSON.stringify([{ pad: 'x'.repeat(MAX_BODY_BYTES) }]));
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toEqual({ ok: false, message: 'Dữ liệu gửi đi quá lớn.' });

    for (const [contentLength, reason] of [
      [true, 'content-length over the limit'],
      [false, 'chunked body over the limit'],
    ] as const) {
      const logged = refusalsLogged(fn.stdout(), reason);
      const outcome = await postLargeBody(fn.port, 32 * MB, { contentLength });
      // The answer came while the client was still sending: the server never waited for the body.
      expect(outcome.bytesSent, reason).toBeLessThan(32 * MB);
      // Read before the connection was cut, it is the 413; cut first (EPIPE under a write), the
      // process's own log line says it answered 413 for this request.
      if (outcome.kind === 'answered') {
        expect(outcome.status, reason).toBe(413);
        expect(JSON.parse(outcome.body)).toEqual({ ok: false, message: 'Dữ liệu gửi đi quá lớn.' });
      }
      await fn.untilStdout((stdout) => refusalsLogged(stdout, reason) === logged + 1);
    }

    expect(fn.child.exitCode).toBeNull();
    expect((await unsignedCall()).status).toBe(401);
    expect((await fn.rss()) - before).toBeLessThan(64 * MB);
  });

  it('refuses a compressed body (which the framework would inflate) with 415', async () => {
    const gzip = await postSmall(fn.port, 'x', { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(gzip.status).toBe(415);
    expect(JSON.parse(gzip.body)).toEqual({ ok: false, message: 'Yêu cầu không đúng định dạng.' });
  });

  it("answers a body the framework's parser rejects with our JSON 400, and never writes the body to stderr", async () => {
    const marker = `body-marker-${randomBytes(4).toString('hex')}`;
    const broken = await postSmall(fn.port, `{"${marker}": `);
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toEqual({ ok: false, message: 'Yêu cầu không đúng định dạng.' });
    // Our one structured log line was written (stdout is only read after the answer came back).
    await new Promise<void>((resolve) =>
      fn.stdout().includes('request refused by the framework: entity.parse.failed')
        ? resolve()
        : fn.child.stdout?.once('data', () => resolve()),
    );
    expect(fn.stdout()).toContain('request refused by the framework: entity.parse.failed');
    expect(fn.stderr()).not.toContain(marker);
    expect(fn.stdout()).not.toContain(marker);
    expect(fn.stderr()).not.toMatch(/SyntaxError|at \w+ \(/);
  });

  it('answers a second signed call of the same unit within 30 seconds with 429 and the seconds to wait', async () => {
    const signed = () => {
      const raw = JSON.stringify({
        action: 'edit',
        spreadsheetId: 'th-limit.xlsx',
        unitId: 'th-limit',
        sheet: null,
        sentAt: new Date().toISOString(),
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      return postSmall(fn.port, raw, {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signSheetEvent(unitWebhookSecret(key, 'th-limit'), timestamp, `${raw}`),
      });
    };
    // The first call is admitted (this process has no district to ingest it into: whatever it answers, it is not 429).
    expect((await signed()).status).not.toBe(429);
    const second = await signed();
    expect(second.status).toBe(429);
    expect(JSON.parse(second.body)).toEqual({
      ok: false,
      message: expect.stringMatching(/^Đơn vị vừa gửi yêu cầu; hệ thống sẽ kiểm tra lại sau ([1-9]|[12]\d|30) giây\.$/),
    });
  });

  it('may reach loopback only, as the test workers: a call to Google outside this machine is blocked, not sent', async () => {
    // A district on Google Sheets whose API root is outside this machine (TEST-NET-1, never routed).
    const google = await startFrameworkProcess({
      entry,
      target: 'sheetEvent',
      nodeArgs: [],
      env: {
        ...process.env,
        FIRESTORE_EMULATOR_HOST: emulatorHost(),
        TONGHOP_PROJECT_ID: `demo-test-process-${randomBytes(3).toString('hex')}`,
        TONGHOP_WEBHOOK_KEY: key,
        TONGHOP_SOURCE: 'google',
        TONGHOP_DRIVE_FOLDER_ID: '1AbCdEfGhIjK',
        TONGHOP_CONTROL_SPREADSHEET_ID: '1AbCdEfGhIjKlMnOpQrStUv',
        TONGHOP_SUMMARY_SPREADSHEET_ID: '1ZyXwVuTsRqPoNmLkJiHgFe',
        TONGHOP_GOOGLE_API_ROOT: 'http://192.0.2.1:9/',
        TONGHOP_GOOGLE_ACCESS_TOKEN: 'test-token',
      },
    });
    try {
      const raw = JSON.stringify({ action: 'check', spreadsheetId: 'sheet-a', unitId: 'th-net', sheet: null });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const answer = await postSmall(google.port, raw, {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signSheetEvent(unitWebhookSecret(key, 'th-net'), timestamp, raw),
      });
      // Reading the control spreadsheet failed at once with the block's own error (unblocked, it would hang).
      expect(answer.status).toBeGreaterThanOrEqual(500);
      expect(google.stdout() + google.stderr()).toContain(
        'Tests may not reach the network: connecting to 192.0.2.1:9 was blocked',
      );
    } finally {
      await google.stop();
    }
  });

  it('runs in production mode when NODE_ENV is not set', async () => {
    const probe = `delete process.env.NODE_ENV; await import(${JSON.stringify(entry)}); process.stdout.write(String(process.env.NODE_ENV));`;
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.NODE_ENV;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', probe], { env });
    expect(stdout).toBe('production');
  });
});
