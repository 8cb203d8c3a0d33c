import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleUnitSheets } from '../../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreSummaryStore } from '../../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import type { SheetEventAction } from '../../../functions/src/domain/feedback/sheet-event-reply.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { ingestUnit } from '../../../functions/src/jobs/ingest/ingest-unit.js';
import { testFirestore } from '../../support/firestore.js';
import { builtinFormDue } from '../../support/forms.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../../support/google.js';
import type { GoogleStandin } from '../../support/google-standin/index.js';
import type { TestCell } from '../../support/workbooks.js';
import { TRAINING_HEADER, trainingRow } from '../../support/builders.js';

const TAB = 'Đăng ký tập huấn';
const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const SUBMISSION = 'submissions/tap-huan-2024~mot-lan~som';
/** Due 10:00 15/09/2024 (ICT), "Bấm nộp". */
const FORM: FormSpec = { ...builtinFormDue('tap-huan-2024', '2024-09-15', '10:00'), submitMode: 'button' };

/**
 * Google mode: the webhook's job (ingestUnit) on a "Bấm nộp" form against the Sheets/Drive stand-in.
 * The on-edit call and "Kiểm tra dữ liệu" leave a draft; only "Nộp báo cáo" submits, timed at the call.
 * A "Nộp báo cáo: Có" typed into a Google sheet is not a signal there (the menu is).
 */
describe('explicit submission in Google mode (stand-in, real googleapis client, emulator)', () => {
  const firestore = testFirestore('google-bam-nop');
  let standin: GoogleStandin;
  let setClock: (at: Date) => void;
  let unit: Unit;
  let id: string;
  const ingest = (action: SheetEventAction, now: Date) =>
    ingestUnit({
      action,
      unit,
      units: [unit],
      forms: [FORM],
      settings: SETTINGS,
      sheets: new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID),
      sweepStore: new FirestoreSweepStore(firestore.db),
      store: new FirestoreSummaryStore(firestore.db),
      now,
    });
  const stored = async () => (await firestore.db.doc(SUBMISSION).get()).data();
  const standingText = () =>
    standin
      .tabValues(id, STANDING_TAB)
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
  const status = async () => {
    const stats = (await firestore.db.collection('stats').where('formId', '==', 'tap-huan-2024').get()).docs[0];
    return (stats?.get('units') as { unitId: string; status: string }[]).find((u) => u.unitId === 'som')?.status;
  };

  beforeAll(async () => {
    ({ standin, setClock } = await standinWithClock(new Date('2024-09-13T02:00:00Z')));
    const rows: TestCell[][] = [
      ['ĐĂNG KÝ THAM GIA TẬP HUẤN'],
      ['Nộp báo cáo', 'Có'],
      [],
      TRAINING_HEADER,
      trainingRow(1, 'Nguyễn Thị Lan'),
    ];
    id = standin.createSpreadsheet({
      title: 'Báo cáo som',
      parents: [TEST_FOLDER_ID],
      tabs: [
        { name: TAB, rows },
        { name: STANDING_TAB, rows: [] },
      ],
    });
    unit = {
      id: 'som',
      name: 'Liên đội som',
      type: 'lien-doi',
      level: 'Tiểu học',
      cluster: 'Cụm 1',
      contacts: [],
      source: id,
    };
  });
  afterAll(async () => {
    await standin.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('"Kiểm tra dữ liệu" checks, stores nothing, and "Tình hình nộp" shows the draft; the typed "Có" is left alone', async () => {
    const result = await ingest('check', new Date('2024-09-13T03:00:00Z'));
    expect(result.reply.message).toContain("Bản nháp chưa nộp ở trang 'Đăng ký tập huấn'");
    expect(await stored()).toBeUndefined();
    expect(standingText()).toContain('Bản nháp chưa nộp: sửa lúc 09:00 13/09/2024; bấm Nộp báo cáo để gửi');
    expect(standin.tabValues(id, TAB)[1]?.slice(0, 2)).toEqual(['Nộp báo cáo', 'Có']);
  });

  it('"Nộp báo cáo" submits, timed at the call rather than at the last edit: on time', async () => {
    setClock(new Date('2024-09-14T01:00:00Z'));
    const result = await ingest('submit', new Date('2024-09-14T01:00:00Z'));
    expect(result.reply.message).toMatch(/^Đã nhận báo cáo: 1 dòng hợp lệ, 0 dòng lỗi\./);
    expect((await stored())?.firstCompleteAt.toDate()).toEqual(new Date('2024-09-14T01:00:00Z'));
    expect(await status()).toBe('complete-on-time');
    expect(standingText()).not.toContain('Bản nháp');
  });

  it('an edit after the deadline is a draft; submitting it is a revision after the deadline, first completion kept', async () => {
    setClock(new Date('2024-09-16T02:00:00Z'));
    standin.editCells(id, TAB, 'A6', [trainingRow(2, 'Đỗ Minh Khoa')]);
    standin.editCells(id, TAB, 'A7', [[3, 'Phạm An', 'TPT', 'Nam', '1/1/1990', '12345', null, 'Tập huấn', 'Có', null]]);
    await ingest('edit', new Date('2024-09-16T02:05:00Z'));
    // The draft's rows show their own statuses; the submitted snapshot had only row 5.
    const statuses = standin
      .tabValues(id, TAB)
      .slice(4, 7)
      .map((row) => row[10]);
    expect(statuses.slice(0, 2)).toEqual(['✓ Hợp lệ', '✓ Hợp lệ']);
    expect(statuses[2]).toMatch(/^✗ .*Số điện thoại/);
    expect((await stored())?.counts).toMatchObject({ valid: 1 });
    expect(await status()).toBe('complete-on-time');
    expect(standingText()).toContain('Bản nháp chưa nộp: sửa lúc 09:00 16/09/2024');

    // The unit fixes the phone number, then submits.
    setClock(new Date('2024-09-16T03:00:00Z'));
    standin.editCells(id, TAB, 'F7', [['0912 345 678']]);
    await ingest('submit', new Date('2024-09-16T03:00:00Z'));
    const doc = await stored();
    expect(doc?.counts).toMatchObject({ valid: 3, rejected: 0 });
    expect(doc?.firstCompleteAt.toDate()).toEqual(new Date('2024-09-14T01:00:00Z'));
    expect(doc?.lastChangedAt.toDate()).toEqual(new Date('2024-09-16T03:00:00Z'));
    expect(await status()).toBe('revised-after-deadline');
    expect(standingText()).not.toContain('Bản nháp');
  });
});
