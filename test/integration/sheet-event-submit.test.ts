import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { ictDateOf } from '../../functions/src/domain/time/ict.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { signSheetEvent, unitWebhookSecret } from '../../functions/src/domain/webhook/sheet-event-signature.js';
import { logging } from '../../functions/src/handlers/log.js';
import { builtinFormDue } from '../support/forms.js';
import { testFirestore } from '../support/firestore.js';
import { titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { TRAINING_HEADER, trainingRow, useTempDir } from '../support/builders.js';

const KEY = randomBytes(32).toString('hex');
const TAB = 'Đăng ký tập huấn';
const UNIT: Unit = {
  id: 'th-a',
  name: 'Liên đội th-a',
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [{ name: 'TPT', email: 'tpt@th-a.example' }],
  members: 300,
  source: 'th-a.xlsx',
};
const participant = (stt: number, name: string) => trainingRow(stt, name, { phone: '0983018027' });

/**
 * The Apps Script's three calls on a "Bấm nộp" form, through the real `sheetEvent` handler (signed,
 * in-process functions-framework server, the suite's emulator): the on-edit trigger and "Kiểm tra dữ
 * liệu" only check, "Nộp báo cáo" submits. The spreadsheet is a local workbook with no signal cell,
 * as a Google sheet has none: only the webhook's action can submit.
 */
describe('sheetEvent on a "Bấm nộp" form: edit and check never submit, submit does', () => {
  const firestore = testFirestore('bam-nop');
  const home = useTempDir('tonghop-sheet-event-submit');
  let server: ReturnType<typeof getTestServer>;
  const unitFile = () => path.join(home(), 'units', 'th-a.xlsx');
  const saveSheet = (rows: TestCell[][], at: Date) =>
    writeTestWorkbook(unitFile(), [{ name: TAB, rows: titled('ĐĂNG KÝ', TRAINING_HEADER, rows) }], at);
  const call = async (action: 'edit' | 'check' | 'submit') => {
    const raw = JSON.stringify({
      action,
      spreadsheetId: 'th-a.xlsx',
      unitId: 'th-a',
      sheet: TAB,
      sentAt: new Date().toISOString(),
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = signSheetEvent(unitWebhookSecret(KEY, 'th-a'), timestamp, raw);
    const response = await request(server)
      .post('/')
      .set('content-type', 'application/json; charset=utf-8')
      .set('x-tonghop-timestamp', timestamp)
      .set('x-tonghop-signature', signature)
      .send(raw);
    expect(response.status).toBe(200);
    return response.body as { ok: boolean; message: string };
  };
  const stored = async () => (await firestore.db.doc('submissions/tap-huan-2024~mot-lan~th-a').get()).data();

  beforeAll(async () => {
    const dueDate = ictDateOf(new Date(Date.now() + 2 * 86_400_000));
    await writeControlWorkbook(path.join(home(), 'control.xlsx'), {
      settings: {
        districtName: 'Quận Đoàn thử',
        officeEmail: 'vp@example.com',
        contactName: 'Lê Ánh Hồng',
        contactPhone: '0983 018 027',
      },
      units: [UNIT],
      // Written into the control workbook's "Biểu mẫu" tab as 'Cách nộp' = 'Bấm nộp', and read back from there.
      plans: [{ ...builtinFormDue('tap-huan-2024', dueDate), submitMode: 'button' }],
    });
    await saveSheet([participant(1, 'Nguyễn Thị Lan')], new Date(Date.now() - 86_400_000));
    Object.assign(process.env, {
      TONGHOP_PROJECT_ID: firestore.projectId,
      TONGHOP_HOME: home(),
      TONGHOP_SOURCE: 'workbook',
      TONGHOP_CONTROL_WORKBOOK: path.join(home(), 'control.xlsx'),
      TONGHOP_WEBHOOK_KEY: KEY,
      TONGHOP_WEBHOOK_MIN_INTERVAL_SECONDS: '0',
    });
    logging.sink = () => undefined;
    await import('../../functions/src/index.js');
    server = getTestServer('sheetEvent');
  }, 60_000);
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('the on-edit call and "Kiểm tra dữ liệu" check the rows and say the draft is not submitted; nothing is stored', async () => {
    for (const action of ['edit', 'check'] as const) {
      const reply = await call(action);
      expect(reply.message).toMatch(/^Đã kiểm tra: 1 dòng hợp lệ, 0 dòng lỗi\./);
      expect(reply.message).toContain(
        "Bản nháp chưa nộp ở trang 'Đăng ký tập huấn': chọn Tổng hợp ▸ Nộp báo cáo để gửi.",
      );
      expect(await stored()).toBeUndefined();
    }
  });

  it('"Nộp báo cáo" stores the sheet as it is now, timed at the submission (not at the last edit)', async () => {
    const before = Date.now();
    const reply = await call('submit');
    expect(reply.message).toMatch(/^Đã nhận báo cáo: 1 dòng hợp lệ, 0 dòng lỗi\./);
    expect(reply.message).not.toContain('Bản nháp');
    const doc = await stored();
    expect(doc?.counts).toMatchObject({ valid: 1 });
    // The sheet was last edited a day ago; the submission counts from the moment it was made.
    expect((doc?.firstCompleteAt.toDate() as Date).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('an edit after submitting is a draft (the stored snapshot stays) until "Nộp báo cáo" again makes a revision', async () => {
    const first = await stored();
    await saveSheet([participant(1, 'Nguyễn Thị Lan'), participant(2, 'Đỗ Minh Khoa')], new Date());
    const checked = await call('check');
    expect(checked.message).toMatch(/^Đã kiểm tra: 2 dòng hợp lệ/);
    expect(checked.message).toContain('Bản nháp chưa nộp');
    expect((await stored())?.revision).toBe(first?.revision);
    expect((await stored())?.counts).toMatchObject({ valid: 1 });

    await call('submit');
    const again = await stored();
    expect(again?.counts).toMatchObject({ valid: 2 });
    expect(again?.revision).toBe((first?.revision as number) + 1);
    expect(again?.firstCompleteAt.toDate()).toEqual(first?.firstCompleteAt.toDate());
  });
});
