import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleUnitSheets } from '../../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';
import { renamedTabMessage } from '../../../functions/src/domain/forms/renamed-tabs.js';
import { sweep } from '../../../functions/src/jobs/sweep/sweep.js';
import { testUnit } from '../../support/builders.js';
import { testFirestore } from '../../support/firestore.js';
import { builtinForm } from '../../support/forms.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../../support/google.js';
import type { GoogleStandin } from '../../support/google-standin/index.js';
import { titled, type TestCell } from '../../support/workbooks.js';

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
const FORM = builtinForm('tap-huan-2024');
const NOW = new Date('2024-09-16T01:00:00Z');
const person = (stt: number, name: string): TestCell[] => [
  stt,
  name,
  'TPT',
  'Nữ',
  new Date(Date.UTC(1990, 2, 12)),
  '0983018027',
  null,
  'Tập huấn',
  'Có',
  null,
];

/**
 * A unit renamed its form tab "Trang tính1" on Google Sheets: recognised by its header row through
 * Drive export (the usual read) and through the bounded values.batchGet (the fallback when Drive
 * refuses the export as over 10 MB, or it is over our byte cap).
 */
describe('Google: a tab renamed by the unit, recognised by its header row', () => {
  const firestore = testFirestore('google-renamed-tab');
  let standin: GoogleStandin;
  let id: string;
  const unit = () => testUnit('doi', { name: 'Liên đội thử', level: 'Tiểu học', source: id });
  const run = () =>
    sweep({
      units: [unit()],
      forms: [FORM],
      source: new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID),
      store: new FirestoreSweepStore(firestore.db),
      now: NOW,
    });

  beforeAll(async () => {
    ({ standin } = await standinWithClock(new Date('2024-09-14T02:00:00Z')));
    id = standin.createSpreadsheet({
      title: 'Báo cáo Liên đội thử',
      parents: [TEST_FOLDER_ID],
      tabs: [
        {
          name: 'Trang tính1',
          rows: titled('ĐĂNG KÝ', TAP_HUAN, [person(1, 'Nguyễn Thị Lan'), person(2, 'Trần Văn Minh')]),
        },
        { name: 'Ghi chép', rows: [['Ghi chép riêng của đơn vị']] },
        { name: STANDING_TAB, rows: [] },
      ],
    });
  });
  afterAll(async () => {
    await standin.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it.each([
    ['Drive export', 10 * 1024 * 1024, ['files.export']],
    ['the values.batchGet fallback', 1000, ['files.export', 'values.batchGet', 'spreadsheets.get', 'values.batchGet']],
  ])(
    'through %s: the rows are read as the form’s and the unit is told the expected name',
    async (_path, exportLimitBytes, requests) => {
      await firestore.clear();
      standin.exportLimitBytes = exportLimitBytes;
      try {
        standin.clearLog();
        const result = await run();
        expect(standin.requests.filter((r) => r.fileId === id).map((r) => r.kind)).toEqual(requests);
        expect(result.units[0]).toMatchObject({ outcome: 'read', rowsValid: 2 });
        expect(result.units[0]?.problems).toContainEqual({
          formId: FORM.id,
          severity: 'warning',
          message: renamedTabMessage('Trang tính1', FORM),
        });
        const doc = (await firestore.db.collection('submissions').doc(`${FORM.id}~mot-lan~doi`).get()).data();
        expect(doc?.counts).toEqual({ read: 2, valid: 2, rejected: 0, nil: 0 });
      } finally {
        standin.exportLimitBytes = 10 * 1024 * 1024;
      }
    },
  );
});
