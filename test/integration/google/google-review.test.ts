import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleSummarySpreadsheet } from '../../../functions/src/adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreOutputMarks } from '../../../functions/src/adapters/store/firestore-output-marks.js';
import { FirestoreReviewStore } from '../../../functions/src/adapters/store/firestore-review-store.js';
import { COLLECTIONS } from '../../../functions/src/adapters/store/schema/collections.js';
import { FirestoreSummaryStore } from '../../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';
import { DISTRICT_REVIEWER } from '../../../functions/src/domain/review/review-decision.js';
import { REVIEW_HEADERS, REVIEW_TAB } from '../../../functions/src/domain/review/review-tab.js';
import { columnLetter } from '../../../functions/src/domain/sheets/a1.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { summarize } from '../../../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../../../functions/src/jobs/sweep/sweep.js';
import { TRAINING_HEADER } from '../../support/builders.js';
import { testFirestore } from '../../support/firestore.js';
import { builtinForm } from '../../support/forms.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../../support/google.js';
import type { GoogleStandin } from '../../support/google-standin/index.js';
import { titled, type TestCell } from '../../support/workbooks.js';

const TAB = 'Đăng ký tập huấn';
const FORMS = [builtinForm('tap-huan-2024')];
const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const NOW = new Date('2024-09-20T01:00:00Z');
const SUBMISSION_ID = 'tap-huan-2024~mot-lan~duyet';
const REVIEWER = { emailAddress: 'hong@quandoan.example', displayName: 'Lê Ánh Hồng' };
const COMMENT = 'Thiếu số điện thoại người phụ trách';
const person = (stt: number, name: string): TestCell[] => [
  stt,
  name,
  'TPT',
  'Nữ',
  '12/3/1990',
  '0983018027',
  null,
  'Tập huấn',
  'Có',
  null,
];

/** The review round trip on Google Sheets: "Duyệt báo cáo" with a dropdown → typed by a person → stored with who → written back. */
describe('review on the Google summary spreadsheet (stand-in, real googleapis client)', () => {
  const firestore = testFirestore('google-review');
  let standin: GoogleStandin;
  let summaryId: string;
  let unit: Unit;

  const run = async () => {
    const api = standinApis(standin);
    const sheets = new GoogleUnitSheets(api, TEST_FOLDER_ID);
    await sweep({
      units: [unit],
      forms: FORMS,
      source: sheets,
      store: new FirestoreSweepStore(firestore.db),
      now: NOW,
    });
    const output = new GoogleSummarySpreadsheet(api, summaryId, new FirestoreOutputMarks(firestore.db));
    return summarize({
      settings: SETTINGS,
      units: [unit],
      forms: FORMS,
      store: new FirestoreSummaryStore(firestore.db),
      output,
      feedback: sheets,
      review: { inbox: output, store: new FirestoreReviewStore(firestore.db), reviewer: DISTRICT_REVIEWER },
      now: NOW,
    });
  };
  /** Where the submission's row and the review columns are in the tab. */
  const layout = () => {
    const grid = standin.tabValues(summaryId, REVIEW_TAB);
    const header = grid.findIndex((row) => row.includes(REVIEW_HEADERS.submissionId));
    const headers = grid[header] ?? [];
    const row = grid.findIndex((cells) => cells.includes(SUBMISSION_ID));
    const cell = (name: string) => grid[row]?.[headers.indexOf(name)] ?? null;
    return { row, column: (name: string) => headers.indexOf(name), cell };
  };
  const type = (decision: string, comment: string, editor?: typeof REVIEWER) => {
    const { row, column } = layout();
    expect(column(REVIEW_HEADERS.comment)).toBe(column(REVIEW_HEADERS.decision) + 1);
    standin.editCells(
      summaryId,
      REVIEW_TAB,
      `${columnLetter(column(REVIEW_HEADERS.decision))}${row + 1}`,
      [[decision, comment]],
      editor,
    );
  };
  const stored = async () =>
    (await firestore.db.collection(COLLECTIONS.reviewDecisions).orderBy('sequence').get()).docs.map((d) => d.data());

  beforeAll(async () => {
    ({ standin } = await standinWithClock(new Date('2024-09-14T02:00:00Z')));
    const id = standin.createSpreadsheet({
      title: 'Báo cáo duyet',
      parents: [TEST_FOLDER_ID],
      tabs: [
        {
          name: TAB,
          rows: titled('ĐĂNG KÝ', TRAINING_HEADER, [person(1, 'Nguyễn Thị Lan'), person(2, 'Trần Văn Minh')]),
        },
        { name: STANDING_TAB, rows: [] },
      ],
    });
    unit = {
      id: 'duyet',
      name: 'Liên đội Duyệt Thử',
      type: 'lien-doi',
      level: 'Tiểu học',
      cluster: 'Cụm 1',
      contacts: [],
      source: id,
    };
    summaryId = standin.createSpreadsheet({ title: 'Tổng hợp', parents: [TEST_FOLDER_ID], tabs: [] });
  });
  afterAll(async () => {
    await standin.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('writes "Duyệt báo cáo" with the submission waiting and a Đã duyệt / Cần bổ sung dropdown on its Quyết định cell', async () => {
    expect((await run()).review).toEqual({ recorded: 0, refused: [] });
    const { row, column, cell } = layout();
    expect(cell(REVIEW_HEADERS.standing)).toBe('Chờ duyệt');
    const dropdowns = standin.sheetOf(summaryId, REVIEW_TAB).validations;
    expect(dropdowns).toHaveLength(1);
    expect(dropdowns[0]?.range).toMatchObject({
      startRowIndex: row,
      endRowIndex: row + 1,
      startColumnIndex: column(REVIEW_HEADERS.decision),
      endColumnIndex: column(REVIEW_HEADERS.decision) + 1,
    });
    expect(dropdowns[0]?.rule.condition).toEqual({
      type: 'ONE_OF_LIST',
      values: [{ userEnteredValue: 'Đã duyệt' }, { userEnteredValue: 'Cần bổ sung' }],
    });
  });

  it('reads a decision a person typed before rewriting, stores it once with their name, and writes it back with the unit seeing it', async () => {
    type('Cần bổ sung', COMMENT, REVIEWER);
    expect((await run()).review?.recorded).toBe(1);
    expect(await stored()).toEqual([
      expect.objectContaining({
        submissionId: SUBMISSION_ID,
        decision: 'needs-more',
        comment: COMMENT,
        by: REVIEWER.displayName,
      }),
    ]);
    const { cell } = layout();
    expect(cell(REVIEW_HEADERS.standing)).toBe(`Cần bổ sung: ${COMMENT}`);
    expect(cell(REVIEW_HEADERS.decision)).toBe('Cần bổ sung');
    expect(standin.tabValues(unit.source, STANDING_TAB).flat()).toContain(`Cần bổ sung: ${COMMENT}`);
    // Read again (written back by tonghop), the same decision is not stored twice; the dropdown is set once, not stacked.
    expect((await run()).review?.recorded).toBe(0);
    expect(standin.sheetOf(summaryId, REVIEW_TAB).validations).toHaveLength(1);
  });

  it('a decision whose last edit names no person is the district\'s ("Quận Đoàn")', async () => {
    type('Đã duyệt', '');
    expect((await run()).review?.recorded).toBe(1);
    expect((await stored()).map((d) => [d.decision, d.by])).toEqual([
      ['needs-more', REVIEWER.displayName],
      ['approved', DISTRICT_REVIEWER],
    ]);
    expect(layout().cell(REVIEW_HEADERS.standing)).toBe('Đã duyệt');
    // Rewritten: the old dropdown cleared, one set again over the rows there are now.
    expect(standin.sheetOf(summaryId, REVIEW_TAB).validations).toHaveLength(1);
  });
});
