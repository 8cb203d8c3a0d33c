import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../functions/src/adapters/store/schema/collections.js';
import { readReviewSheet } from '../../functions/src/adapters/workbook/read-review-sheet.js';
import { DISTRICT_REVIEWER } from '../../functions/src/domain/review/review-decision.js';
import { REVIEW_HEADERS, REVIEW_TAB } from '../../functions/src/domain/review/review-tab.js';
import { STANDING_TAB } from '../../functions/src/domain/feedback/unit-feedback.js';
import { testFirestore } from '../support/firestore.js';
import {
  ADDED_ROW,
  findRow,
  REVIEWED_ROWS as ROWS,
  REVIEWED_SUBMISSION_ID as SUBMISSION_ID,
  REVIEWED_UNIT as UNIT,
  useReviewDistrict,
} from '../support/review-district.js';
import { openWorkbook, sheetOf } from '../support/workbooks.js';

const NOW = new Date('2024-09-20T01:00:00Z');

describe('review round trip in workbook mode: summary tab → typed decision → stored, shown to the unit → stale after a change', () => {
  const firestore = testFirestore('review-workbook');
  const { summaryFile, unitFile, writeUnitFile, summarizeAt, typeDecision } = useReviewDistrict(
    firestore,
    UNIT,
    'tonghop-review',
  );
  const run = (now = NOW) => summarizeAt(now);

  const reviewRow = async () =>
    (await readReviewSheet(summaryFile())).rows.find((r) => r[REVIEW_HEADERS.submissionId] === SUBMISSION_ID);
  const unitNote = async () => {
    const sheet = sheetOf(await openWorkbook(unitFile()), STANDING_TAB);
    const header = findRow(sheet, 'Ghi chú');
    const noteColumn = (sheet.getRow(header).values as unknown[]).indexOf('Ghi chú');
    return sheet.getRow(header + 1).getCell(noteColumn).text;
  };
  const storedDecisions = async () =>
    (await firestore.db.collection(COLLECTIONS.reviewDecisions).orderBy('sequence').get()).docs.map((d) => d.data());

  beforeAll(async () => {
    await writeUnitFile(ROWS, new Date('2024-09-14T02:00:00Z'));
  });
  afterAll(async () => {
    await firestore.db.terminate();
  });

  it('lists the submission in "Duyệt báo cáo", waiting for review', async () => {
    const result = await run();
    expect(result.review).toEqual({ recorded: 0, refused: [] });
    expect(await reviewRow()).toMatchObject({
      [REVIEW_HEADERS.unit]: UNIT.name,
      [REVIEW_HEADERS.standing]: 'Chờ duyệt',
      [REVIEW_HEADERS.decision]: '',
    });
  });

  it('records "Cần bổ sung" with its comment once, with who, when and which version; the unit sees it', async () => {
    await typeDecision('Cần bổ sung', 'Thiếu danh sách người phụ trách');
    expect((await run()).review?.recorded).toBe(1);
    expect((await run()).review?.recorded).toBe(0);
    const submission = (await firestore.db.collection('submissions').doc(SUBMISSION_ID).get()).data();
    expect(await storedDecisions()).toEqual([
      expect.objectContaining({
        submissionId: SUBMISSION_ID,
        decision: 'needs-more',
        comment: 'Thiếu danh sách người phụ trách',
        by: DISTRICT_REVIEWER,
        submissionVersion: submission?.contentHash,
        sequence: 0,
      }),
    ]);
    expect(await reviewRow()).toMatchObject({
      [REVIEW_HEADERS.standing]: 'Cần bổ sung: Thiếu danh sách người phụ trách',
      [REVIEW_HEADERS.decision]: 'Cần bổ sung',
    });
    expect(await unitNote()).toContain('Cần bổ sung: Thiếu danh sách người phụ trách');
  });

  it('records the approval as a second decision; the unit sees "Đã duyệt"', async () => {
    await typeDecision('Đã duyệt', '');
    expect((await run()).review?.recorded).toBe(1);
    expect((await storedDecisions()).map((d) => d.decision)).toEqual(['needs-more', 'approved']);
    expect(await unitNote()).toContain('Đã duyệt');
  });

  it('a change by the unit after approval makes it stale, in the summary and in the unit sheet, and the typed cells empty', async () => {
    await writeUnitFile([...ROWS, ADDED_ROW], new Date('2024-09-19T02:00:00Z'));
    const result = await run();
    expect(result.review).toEqual({ recorded: 0, refused: [] });
    expect(await reviewRow()).toMatchObject({
      [REVIEW_HEADERS.standing]: 'Đã sửa sau khi duyệt — chờ duyệt lại',
      [REVIEW_HEADERS.decision]: '',
    });
    expect(await unitNote()).toContain('Đã sửa sau khi duyệt — chờ duyệt lại');
    expect(await storedDecisions()).toHaveLength(2);
  });

  it('refuses a decision typed on a version the unit changed since, and says so under the tab', async () => {
    await typeDecision('Đã duyệt', '');
    await writeUnitFile([...ROWS], new Date('2024-09-19T05:00:00Z'));
    const result = await run();
    expect(result.review?.refused).toEqual([
      expect.stringContaining('đơn vị đã sửa báo cáo sau khi bảng tổng hợp được lập'),
    ]);
    expect(await storedDecisions()).toHaveLength(2);
    const tab = result.model.tabs.find((t) => t.name === REVIEW_TAB);
    expect(tab?.notes).toEqual(result.review?.refused);
  });
});
