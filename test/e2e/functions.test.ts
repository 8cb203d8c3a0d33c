import { randomBytes } from 'node:crypto';
import { ONCE_PERIOD } from '../../functions/src/domain/periods/period-id.js';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFormDue } from '../support/forms.js';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { STATUS_HEADER } from '../../functions/src/domain/forms/header-match.js';
import { ictDateOf } from '../../functions/src/domain/time/ict.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { logging } from '../../functions/src/handlers/log.js';
import { signSheetEvent, unitWebhookSecret } from '../../functions/src/domain/webhook/sheet-event-signature.js';
import { testFirestore } from '../support/firestore.js';
import { openWorkbook, sheetOf, titled, writeTestWorkbook } from '../support/workbooks.js';
import { useTempDir } from '../support/builders.js';

const KEY = randomBytes(32).toString('hex');
const TAP_HUAN = [
  'STT',
  'Họ và tên',
  'Chức vụ',
  'Giới tính',
  'Ngày sinh',
  'Số điện thoại',
  'Email',
  'Nội dung tham gia',
  'Đã đóng kinh phí',
  'Ghi chú',
];
const school = (id: string): Unit => ({
  id,
  name: `Liên đội ${id}`,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [{ name: 'TPT', email: `tpt@${id}.example` }],
  members: 300,
  source: `${id}.xlsx`,
});

/** The Cloud Functions in-process (functions-framework's test server, real handlers, the suite's emulator, local workbooks). */
describe('Cloud Functions', () => {
  const firestore = testFirestore('functions');
  const home = useTempDir('tonghop-functions');
  let server: ReturnType<typeof getTestServer>;
  const logged: string[] = [];
  let dueDate: string;

  /** A call as the unit's Apps Script makes it. */
  const sheetEventCall = (body: object, options: { unitId?: string; secretOf?: string; at?: Date } = {}) => {
    const raw = JSON.stringify(body);
    const timestamp = String(Math.floor((options.at ?? new Date()).getTime() / 1000));
    const secret = unitWebhookSecret(KEY, options.secretOf ?? options.unitId ?? 'th-a');
    return { raw, timestamp, signature: signSheetEvent(secret, timestamp, raw) };
  };
  const post = (call: { raw: string; timestamp: string; signature: string }) =>
    request(server)
      .post('/')
      .set('content-type', 'application/json; charset=utf-8')
      .set('x-tonghop-timestamp', call.timestamp)
      .set('x-tonghop-signature', call.signature)
      .send(call.raw);
  const body = (unitId = 'th-a', spreadsheetId = `${unitId}.xlsx`) => ({
    action: 'check',
    spreadsheetId,
    unitId,
    sheet: 'Đăng ký tập huấn',
    sentAt: new Date().toISOString(),
  });
  const pubsub = (name: string, message: object) =>
    request(getTestServer(name))
      .post('/')
      .set('ce-id', randomBytes(4).toString('hex'))
      .set('ce-specversion', '1.0')
      .set('ce-type', 'google.cloud.pubsub.topic.v1.messagePublished')
      .set('ce-source', '//pubsub.googleapis.com/projects/demo/topics/tonghop')
      .set('content-type', 'application/json')
      .send({ message: { data: Buffer.from(JSON.stringify(message)).toString('base64') } });

  beforeAll(async () => {
    const units = [school('th-a'), school('th-b')];
    // The training registration is due in two days (ICT), so this morning's notices remind th-b.
    dueDate = ictDateOf(new Date(Date.now() + 2 * 86_400_000));
    await writeControlWorkbook(path.join(home(), 'control.xlsx'), {
      settings: {
        districtName: 'Quận Đoàn thử',
        officeEmail: 'vp@example.com',
        contactName: 'Lê Ánh Hồng',
        contactPhone: '0983 018 027',
      },
      units,
      plans: [builtinFormDue('tap-huan-2024', dueDate)],
    });
    await writeTestWorkbook(path.join(home(), 'units', 'th-a.xlsx'), [
      {
        name: 'Đăng ký tập huấn',
        rows: titled('ĐĂNG KÝ', TAP_HUAN, [
          [1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', '12/3/1990', '0983018027', null, 'Tập huấn', 'Có', null],
          [2, 'Trần Minh', 'TPT', 'Nam', null, '12345', null, null, null, null],
        ]),
      },
    ]);
    Object.assign(process.env, {
      TONGHOP_PROJECT_ID: firestore.projectId,
      TONGHOP_HOME: home(),
      TONGHOP_SOURCE: 'workbook',
      TONGHOP_CONTROL_WORKBOOK: path.join(home(), 'control.xlsx'),
      TONGHOP_WEBHOOK_KEY: KEY,
      TONGHOP_SEND_HOURS: '0-24',
      // Calls here follow each other within seconds; the limit itself is tested in functions-process.test.ts.
      TONGHOP_WEBHOOK_MIN_INTERVAL_SECONDS: '0',
    });
    logging.sink = (line) => void logged.push(line);
    await import('../../functions/src/index.js');
    // As deployed (tonghop deploy sets it): Express then answers a body it cannot parse without a stack trace.
    process.env.NODE_ENV = 'production';
    server = getTestServer('sheetEvent');
  }, 60_000);
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('a signed call ingests the unit now, writes its row statuses and answers in Vietnamese', async () => {
    const response = await post(sheetEventCall(body()));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Đã kiểm tra: 1 dòng hợp lệ, 1 dòng lỗi\. Xem lỗi ở cột 'Tình trạng \(hệ thống ghi\)'\./,
      ),
    });
    // A once-only form has one period, whatever its due date (moved here by the control workbook's "Biểu mẫu" tab).
    const stored = await firestore.db.doc(`submissions/tap-huan-2024~${ONCE_PERIOD}~th-a`).get();
    expect(stored.get('counts')).toMatchObject({ valid: 1, rejected: 1 });
    const sheet = sheetOf(await openWorkbook(path.join(home(), 'units', 'th-a.xlsx')), 'Đăng ký tập huấn');
    expect(sheet.getCell(4, 11).value).toBe(STATUS_HEADER);
    expect(sheet.getCell(5, 11).value).toBe('✓ Hợp lệ');
  });

  it('refuses a wrong, expired or replayed signature with 401', async () => {
    const wrong = sheetEventCall(body(), { secretOf: 'th-b' });
    expect((await post(wrong)).status).toBe(401);
    const expired = sheetEventCall(body(), { at: new Date(Date.now() - 6 * 60_000) });
    const answer = await post(expired);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ ok: false, message: 'Chữ ký không hợp lệ hoặc đã hết hạn.' });
    const once = sheetEventCall(body());
    expect((await post(once)).status).toBe(200);
    const replay = await post(once);
    expect(replay.status).toBe(401);
    expect(replay.body.message).toBe('Yêu cầu này đã được gửi trước đó.');
    const missing = await request(server)
      .post('/')
      .set('content-type', 'application/json')
      .send(JSON.stringify(body()));
    expect(missing.status).toBe(401);
  });

  it("refuses an unregistered unit and another unit's spreadsheet with 403", async () => {
    const stranger = await post(sheetEventCall(body('th-z'), { unitId: 'th-z' }));
    expect(stranger.status).toBe(403);
    expect(stranger.body.message).toBe('Đơn vị chưa được đăng ký với Quận Đoàn.');
    const other = await post(sheetEventCall(body('th-a', 'th-b.xlsx')));
    expect(other.status).toBe(403);
    expect(other.body.message).toBe('Bảng tính này không phải bảng tính đã đăng ký của đơn vị.');
  });

  it('answers 413 to an oversized body, 400 to malformed JSON or fields, 405 to GET — without internal details', async () => {
    const big = sheetEventCall({ ...body(), sheet: 'x'.repeat(20_000) });
    const tooLarge = await post(big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toEqual({ ok: false, message: 'Dữ liệu gửi đi quá lớn.' });
    const malformed = await request(server).post('/').set('content-type', 'text/plain').send('{"action": "check",');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ ok: false, message: 'Yêu cầu không đúng định dạng.' });
    // Declared as JSON but broken: functions-framework's own parser refuses it, with the same 400.
    const brokenJson = await request(server).post('/').set('content-type', 'application/json').send('{"action": ');
    expect(brokenJson.status).toBe(400);
    expect(brokenJson.text).not.toMatch(/SyntaxError|at \w+ \(|node_modules/);
    const badAction = await post(sheetEventCall({ ...body(), action: 'delete-everything' }));
    expect(badAction.status).toBe(400);
    expect((await request(server).get('/')).status).toBe(405);
  });

  it('scheduledSweep (a Pub/Sub CloudEvent) sweeps the district and writes the summary: 204', async () => {
    const response = await pubsub('scheduledSweep', { step: 'sweep' });
    expect(response.status).toBe(204);
    expect((await firestore.db.doc('sources/th-b').get()).get('status')).toBe('missing');
    expect((await stat(path.join(home(), 'tong-hop-bao-cao.xlsx'))).size).toBeGreaterThan(0);
    const shard = await pubsub('sweepShard', { step: 'sweep', shard: 'Cụm 1' });
    expect(shard.status).toBe(204);
  });

  it("scheduledNotices (a Pub/Sub CloudEvent) sends this morning's notices to the outbox: 204", async () => {
    const response = await pubsub('scheduledNotices', {});
    expect(response.status).toBe(204);
    const outbox = await readdir(path.join(home(), 'outbox'));
    // th-b sent nothing, th-a has a row in error: both are reminded; the district gets its digest.
    expect(
      outbox
        .filter((name) => name.includes('reminder'))
        .map((name) => (name.includes('th-a') ? 'th-a' : name.includes('th-b') ? 'th-b' : name))
        .sort(),
    ).toEqual(['th-a', 'th-b']);
    expect(outbox.some((name) => name.includes('digest'))).toBe(true);
    const again = await pubsub('scheduledNotices', {});
    expect(again.status).toBe(204);
    expect((await readdir(path.join(home(), 'outbox'))).length).toBe(outbox.length);
  });

  it('logs JSON lines with a severity, ids and counts, and no names, phone numbers or emails', () => {
    const entries = logged.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.length).toBeGreaterThan(10);
    expect(
      entries.every((e) => ['INFO', 'WARNING', 'ERROR'].includes(String(e.severity)) && typeof e.runId === 'string'),
    ).toBe(true);
    const text = logged.join('');
    for (const personal of [
      'Nguyễn Thị Lan',
      'Trần Minh',
      '0983018027',
      '12345',
      'tpt@th-a.example',
      'vp@example.com',
      'Lê Ánh Hồng',
    ])
      expect(text).not.toContain(personal);
  });

  it('reuses the instance’s control reading until the control workbook changes', async () => {
    const controlCachedOf = async (unitId: string) => {
      const response = await post(sheetEventCall(body(unitId), { unitId }));
      const line = logged
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .findLast((e) => e.message === 'sheetEvent ingested' && e.unitId === unitId);
      return { status: response.status, cached: line?.controlCached };
    };
    expect(await controlCachedOf('th-a')).toEqual({ status: 200, cached: true });
    // The district registers a new unit: the next call reads the control again and knows it.
    await writeControlWorkbook(path.join(home(), 'control.xlsx'), {
      settings: {
        districtName: 'Quận Đoàn thử',
        officeEmail: 'vp@example.com',
        contactName: 'Lê Ánh Hồng',
        contactPhone: '0983 018 027',
      },
      units: [school('th-a'), school('th-b'), school('th-c')],
      plans: [builtinFormDue('tap-huan-2024', dueDate)],
    });
    expect(await controlCachedOf('th-c')).toEqual({ status: 200, cached: false });
    expect(await controlCachedOf('th-c')).toEqual({ status: 200, cached: true });
  });
});
