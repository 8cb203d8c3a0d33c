import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleUnitSheets } from '../../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreSummaryStore } from '../../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { summarize } from '../../../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../../support/firestore.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../../support/google.js';
import type { GoogleStandin } from '../../support/google-standin/index.js';
import { titled, type TestCell } from '../../support/workbooks.js';
import { rulePlans } from '../../unit/rules/rule-plans.js';

/** The three issue-15 cases of the workbook test, on unit spreadsheets in the Google stand-in (real googleapis client). */

const SETTINGS = {
  districtName: 'Quận Đoàn 8',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const EVAL_HEADER = ['Đợt', 'Họ và tên', 'Ngày sinh', 'Kết quả'];
const EVAL_TAB = 'Đánh giá rèn luyện';
const SENT_AT = new Date('2014-03-20T02:00:00Z');
const NOW = new Date('2014-03-25T02:00:00Z');
const FIFTEEN = Array.from({ length: 15 }, (_, i) => `Đoàn viên Số ${i + 1}`);
const { registration, evaluation } = rulePlans();

describe('cross-form rules on Google Sheets (stand-in, real emulator)', () => {
  const firestore = testFirestore('google-cross-form-rules');
  let standin: GoogleStandin;
  const ids: Record<string, string> = {};
  let units: Unit[];
  const stored = async (unitId: string) =>
    (await firestore.db.doc(`submissions/danh-gia-ren-luyen~dot-1~${unitId}`).get()).data();
  const cellsOf = (unitId: string, tab: string) =>
    standin.tabValues(ids[unitId] ?? '', tab).map((row) => row.map((cell) => (typeof cell === 'string' ? cell : '')));

  beforeAll(async () => {
    ({ standin } = await standinWithClock(SENT_AT));
    /** `registered` null: the spreadsheet has no registration tab (never sent). */
    const book = (registered: readonly string[] | null, evaluations: TestCell[][]) => [
      ...(registered === null
        ? []
        : [
            {
              name: 'Đăng ký rèn luyện',
              rows: titled(
                'ĐĂNG KÝ RÈN LUYỆN',
                ['STT', 'Họ và tên', 'Nội dung đăng ký'],
                registered.map((name, i) => [i + 1, name, '05 tiêu chí']),
              ),
            },
          ]),
      { name: EVAL_TAB, rows: titled('ĐÁNH GIÁ RÈN LUYỆN', EVAL_HEADER, evaluations) },
      { name: STANDING_TAB, rows: [] },
    ];
    ids['cd-a'] = standin.createSpreadsheet({
      title: 'Báo cáo cd-a',
      parents: [TEST_FOLDER_ID],
      tabs: book(
        FIFTEEN,
        FIFTEEN.slice(0, 3).map((n) => ['Đợt I', n, '02/01/2000', 'Hoàn thành tốt']),
      ),
    });
    ids['cd-b'] = standin.createSpreadsheet({
      title: 'Báo cáo cd-b',
      parents: [TEST_FOLDER_ID],
      tabs: book(
        ['Nguyễn Văn An', 'Trần Thị Bình'],
        [
          ['Đợt I', 'Nguyễn Văn An', '02/01/2000', 'Hoàn thành tốt'],
          ['Đợt I', 'Trần Thị Bình', '03/04/2001', 'Hoàn thành'],
          ['Đợt I', 'Phạm Văn Dũng', '05/06/2002', 'Hoàn thành'],
          ['Đợt I', 'nguyen van an', '02/01/2000', 'Không hoàn thành'],
        ],
      ),
    });
    ids['cd-c'] = standin.createSpreadsheet({
      title: 'Báo cáo cd-c',
      parents: [TEST_FOLDER_ID],
      tabs: book(null, [['Đợt I', 'Võ Thị Em', '02/01/2000', 'Hoàn thành tốt']]),
    });
    const chiDoan = (id: string, name: string): Unit => ({
      id,
      name,
      type: 'chi-doan',
      level: '',
      cluster: 'Cụm 1',
      contacts: [],
      source: ids[id] ?? '',
    });
    units = [
      chiDoan('cd-a', 'Chi đoàn Khu phố 1'),
      chiDoan('cd-b', 'Chi đoàn Khu phố 2'),
      chiDoan('cd-c', 'Chi đoàn Khu phố 3'),
    ];
    const sheets = new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID);
    const forms = [registration, evaluation];
    await sweep({ units, forms, source: sheets, store: new FirestoreSweepStore(firestore.db), now: NOW });
    await summarize({
      settings: SETTINGS,
      units,
      forms,
      store: new FirestoreSummaryStore(firestore.db),
      feedback: sheets,
      now: NOW,
    });
  });
  afterAll(async () => {
    await standin.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('rejects the unregistered member and the second evaluation of one member in one phase, and says so in the sheet', async () => {
    const b = await stored('cd-b');
    expect(b?.counts).toMatchObject({ valid: 2, rejected: 2 });
    const statuses = cellsOf('cd-b', EVAL_TAB).map((row) => row[EVAL_HEADER.length] ?? '');
    expect(statuses[6]).toContain(
      '«Phạm Văn Dũng» chưa có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014» của đơn vị',
    );
    expect(statuses[7]).toContain('trùng với dòng 5 trong cùng kỳ Đợt I');
  });

  it('3 evaluations for 15 registered members: partial, and "Tình hình nộp" says 12 are missing', async () => {
    expect(await stored('cd-a')).toMatchObject({ complete: false, uncovered: 12 });
    expect(cellsOf('cd-a', STANDING_TAB).flat()).toContain('Còn 12 đoàn viên chưa đánh giá');
  });

  it('an evaluation whose registration was never sent is partial, and "Tình hình nộp" names the missing form', async () => {
    expect(await stored('cd-c')).toMatchObject({ complete: false, coverageGap: 'not-sent', counts: { valid: 1 } });
    const stats = (await firestore.db.doc('stats/danh-gia-ren-luyen~dot-1').get()).get('units') as {
      unitId: string;
      status: string;
    }[];
    expect(stats.find((u) => u.unitId === 'cd-c')?.status).toBe('partial');
    expect(cellsOf('cd-c', STANDING_TAB).flat()).toContain('Chưa có «Đăng ký rèn luyện đoàn viên 2014» để đối chiếu');
  });
});
