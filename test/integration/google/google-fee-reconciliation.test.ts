import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxMailer, listOutbox } from '../../../functions/src/adapters/mail/outbox-mailer.js';
import { FirestoreNoticeLedger } from '../../../functions/src/adapters/store/firestore-notice-ledger.js';
import { DEFAULT_NOTICE_POLICY } from '../../../functions/src/domain/notices/notice-kinds.js';
import { notify } from '../../../functions/src/jobs/notify/notify.js';
import { GoogleSummarySpreadsheet } from '../../../functions/src/adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreOutputMarks } from '../../../functions/src/adapters/store/firestore-output-marks.js';
import { FirestoreSummaryStore } from '../../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import { sharedSourceId, type SharedSource } from '../../../functions/src/domain/shared/shared-source.js';
import { summarize } from '../../../functions/src/jobs/summarize/summarize.js';
import { sweepWithShared } from '../../../functions/src/jobs/sweep/sweep-with-shared.js';
import { testFirestore } from '../../support/firestore.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../../support/google.js';
import type { GoogleStandin } from '../../support/google-standin/index.js';
import { FINANCE_UNITS, financePlans } from '../../unit/finance/finance-plans.js';

/** The same finance desk on Google Sheets: shared registration and receipts spreadsheets → the summary spreadsheet's "Kinh phí" tab. */

const NOW = new Date('2024-09-13T01:00:00Z');
const SETTINGS = { districtName: 'Quận Đoàn thử', officeEmail: '', contactName: '', contactPhone: '' };
const { registration, receipts } = financePlans();
const FORMS = [registration, receipts];
const UNITS = FINANCE_UNITS.slice(0, 3);

describe('fee reconciliation on Google Sheets (stand-in, real googleapis client)', () => {
  const firestore = testFirestore('google-fees');
  let standin: GoogleStandin;
  let summaryId: string;
  let sources: SharedSource[];
  let outbox: string | undefined;

  beforeAll(async () => {
    ({ standin } = await standinWithClock(new Date('2024-09-12T10:00:00Z')));
    const person = (unit: string, name: string) => ['12/09/2024 09:00:00', unit, name];
    const registrations = standin.createSpreadsheet({
      title: 'Đăng ký tập huấn',
      parents: [TEST_FOLDER_ID],
      tabs: [
        {
          name: 'Đăng ký',
          rows: [
            ['Dấu thời gian', 'Đơn vị', 'Họ và tên'],
            person('Liên đội TH An Bình', 'Nguyễn Lan'),
            person('Liên đội THCS Minh Đức', 'Lê Hà'),
            person('Liên đội THCS Minh Đức', 'Phạm An'),
          ],
        },
      ],
    });
    const book = standin.createSpreadsheet({
      title: 'Thu kinh phí',
      parents: [TEST_FOLDER_ID],
      tabs: [
        {
          name: 'Thu kinh phí',
          rows: [
            ['Đơn vị', 'Số tiền', 'Ngày nộp', 'Người nộp', 'Số biên lai'],
            ['Liên đội TH An Bình', '2.000.000', '12/09/2024', 'Cô Lan', 'BL-001'],
            ['Liên đội THCS Minh Đức', '1.900.000', '12/09/2024', 'Thầy Hùng', 'BL-002'],
          ],
        },
      ],
    });
    summaryId = standin.createSpreadsheet({ title: 'Tổng hợp', parents: [TEST_FOLDER_ID], tabs: [] });
    const source = (formId: string, file: string, tab: string, rowNumber: number): SharedSource => ({
      id: sharedSourceId(formId),
      formId,
      file,
      tab,
      unitColumn: 'Đơn vị',
      timeColumn: 'Dấu thời gian',
      rowNumber,
    });
    sources = [source('dang-ky', registrations, 'Đăng ký', 2), source('thu-kinh-phi', book, 'Thu kinh phí', 3)];
  });
  afterAll(async () => {
    if (outbox) await rm(outbox, { recursive: true, force: true });
    await standin.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('writes the Kinh phí tab with the same figures as the workbook adapter', async () => {
    const api = standinApis(standin);
    const swept = await sweepWithShared({
      units: UNITS,
      forms: FORMS,
      source: new GoogleUnitSheets(api, TEST_FOLDER_ID),
      store: new FirestoreSweepStore(firestore.db),
      now: NOW,
      shared: { sources, sheets: new GoogleUnitSheets(api, TEST_FOLDER_ID), registry: UNITS },
    });
    // The receipts tab is read although no unit owes the plan; only the missing time column is noted.
    expect(swept.units.flatMap((u) => u.problems.map((p) => p.severity))).toEqual(['warning']);
    expect(swept.totals).toMatchObject({ rowsValid: 5, rowsRejected: 0 });
    await summarize({
      settings: SETTINGS,
      units: UNITS,
      forms: FORMS,
      store: new FirestoreSummaryStore(firestore.db),
      output: new GoogleSummarySpreadsheet(api, summaryId, new FirestoreOutputMarks(firestore.db)),
      now: NOW,
    });
    const values = standin.tabValues(summaryId, 'Kinh phí');
    const header = values.findIndex((row) => row[0] === 'Đơn vị');
    expect(values.slice(header + 1, header + 4).map((row) => [...row.slice(0, 6), row[7]])).toEqual([
      ['Liên đội THCS Minh Đức', 2, 3_800_000, 1_900_000, 1_900_000, 1, 'Đã nộp một phần'],
      ['Liên đội TH An Bình', 1, 1_900_000, 2_000_000, -100_000, 1, 'Nộp thừa'],
      // Còn nợ totals the debt still to collect; An Bình's 100.000 đ is refunded, not set against Minh Đức's.
      ['Tổng cộng', 3, 5_700_000, 3_900_000, 1_900_000, 2, 'Nộp thừa 100.000 đ'],
    ]);
  });

  it('reminds only the school that still owes, from the figures the Google sweep stored; once', async () => {
    outbox = await mkdtemp(path.join(tmpdir(), 'tonghop-google-fees-outbox-'));
    const run = (now: Date) =>
      notify({
        settings: SETTINGS,
        units: UNITS,
        forms: FORMS,
        store: new FirestoreSummaryStore(firestore.db),
        ledger: new FirestoreNoticeLedger(firestore.db),
        mailer: createOutboxMailer({ dir: outbox ?? '', from: '"Quận Đoàn thử" <vp@example.com>' }),
        policy: DEFAULT_NOTICE_POLICY,
        now,
        sheetLinkOf: (unit) => unit.source,
      });
    const first = await run(new Date('2024-09-13T02:00:00Z'));
    // Minh Đức registered 2 and paid for 1; An Bình overpaid; Lương Thế Vinh registered nobody.
    expect(
      first.outcomes.filter((o) => o.notice.payment).map((o) => [o.notice.unitId, o.notice.stage, o.result]),
    ).toEqual([['thcs-minh-duc', 'reminder', 'sent']]);
    const second = await run(new Date('2024-09-14T02:00:00Z'));
    expect(second.outcomes.filter((o) => o.notice.payment)).toEqual([]);
    const mails = await listOutbox(outbox);
    expect(mails.filter((m) => m.to.includes('thcs-minh-duc@truong.edu.vn'))).toHaveLength(1);
    expect(mails.filter((m) => m.to.includes('th-an-binh@truong.edu.vn'))).toEqual([]);
  });
});
