import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReviewSheet } from '../../functions/src/adapters/workbook/read-review-sheet.js';
import { FirestoreReviewStore } from '../../functions/src/adapters/store/firestore-review-store.js';
import { COLLECTIONS } from '../../functions/src/adapters/store/schema/collections.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { DISTRICT_REVIEWER, REVIEW_LABELS } from '../../functions/src/domain/review/review-decision.js';
import { REVIEW_HEADERS, REVIEW_TAB } from '../../functions/src/domain/review/review-tab.js';
import { takeReviewDecisions } from '../../functions/src/jobs/summarize/take-review-decisions.js';
import { testFirestore } from '../support/firestore.js';
import { storedSubmission } from '../support/forms.js';
import { hostileXlsx, repeated, sheetXml } from '../support/hostile-xlsx.js';
import { useTempDir } from '../support/builders.js';
import { writeTestWorkbook, type TestCell } from '../support/workbooks.js';

const MB = 1024 * 1024;

/** 1,048,576 empty rows in a few hundred KB: a review tab nobody could have typed. */
function millionRows(): string[] {
  return Array.from({ length: 1024 }, (_, block) =>
    Array.from({ length: 1024 }, (_, i) => `<row r="${block * 1024 + i + 1}" s="1"/>`).join(''),
  );
}

/**
 * The summary workbook is read back for its "Duyệt báo cáo" tab before it is rewritten. Whatever is put in its
 * place (a zip bomb, a million-row review tab, bytes that are no workbook) gives no decisions and a Vietnamese
 * problem the next summary shows under that tab; it never throws, so the district's run goes on.
 */
describe('a hostile summary workbook read back for its review tab', () => {
  const dir = useTempDir('tonghop-hostile-review');

  it.each([
    ['a zip bomb', () => hostileXlsx([{ name: REVIEW_TAB, sheet: sheetXml(repeated(' '.repeat(MB), 600)) }])],
    ['a million-row review tab', () => hostileXlsx([{ name: REVIEW_TAB, sheet: sheetXml(millionRows()) }])],
    ['bytes that are not a workbook', () => Buffer.from('<html><body>Phiên đăng nhập đã hết hạn</body></html>')],
  ])('%s gives no rows and a message naming the tab, without throwing', async (_, bytes) => {
    const file = path.join(dir(), 'tong-hop-bao-cao.xlsx');
    await writeFile(file, bytes());
    const read = await readReviewSheet(file);
    expect(read.rows).toEqual([]);
    expect(read.problem).toContain(`Không đọc được trang "${REVIEW_TAB}" của bảng tổng hợp`);
    expect(read.problem).toBe(read.problem?.normalize('NFC'));
  });
});

/**
 * What a reviewer with the summary file can type within the size limits: 10,000 rows whose every text cell is
 * 32,767 characters (one shared string), half naming reports that do not exist, half one real report with
 * alternating decisions. The run records nothing from the conflicting rows, and its messages stay short.
 */
describe('10,000 hostile rows typed in "Duyệt báo cáo"', () => {
  const dir = useTempDir('tonghop-hostile-rows');
  const firestore = testFirestore('hostile-review-rows');
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('records no decision, refuses each kind once per report, and keeps every message short', async () => {
    const submission = {
      ...storedSubmission('tap-huan-2024', 'mot-lan', 'th-a', {
        rows: [5],
        firstCompleteAt: '2024-09-14T02:00:00Z',
        lastChangedAt: '2024-09-14T02:00:00Z',
      }),
      contentHash: 'v1',
    };
    const long = `=HYPERLINK("http://x")${'Đ'.repeat(32_767 - 22)}`;
    const header = [
      REVIEW_HEADERS.unit,
      REVIEW_HEADERS.form,
      REVIEW_HEADERS.period,
      REVIEW_HEADERS.decision,
      REVIEW_HEADERS.comment,
      REVIEW_HEADERS.submissionId,
      REVIEW_HEADERS.version,
    ];
    const rows: TestCell[][] = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 === 0
        ? [long, long, long, REVIEW_LABELS.approved, long, `khong-co~${i}~x`, 'v1']
        : [
            long,
            long,
            long,
            i % 4 === 1 ? REVIEW_LABELS.approved : REVIEW_LABELS['needs-more'],
            'Thiếu',
            submission.id,
            'v1',
          ],
    );
    const file = path.join(dir(), 'tong-hop-bao-cao.xlsx');
    await writeTestWorkbook(file, [{ name: REVIEW_TAB, rows: [['Duyệt báo cáo'], header, ...rows] }]);
    const store = new FirestoreReviewStore(firestore.db);
    const taken = await takeReviewDecisions(
      { inbox: new SummaryWorkbookFile(file), store, reviewer: DISTRICT_REVIEWER },
      [submission],
      new Date('2024-09-20T01:00:00Z'),
    );
    expect(taken.recorded).toEqual([]);
    expect((await firestore.db.collection(COLLECTIONS.reviewDecisions).get()).size).toBe(0);
    // 5,000 ids that exist nowhere (each a long 'Nhận xét' too), and the real report's conflicting rows once.
    expect(taken.refusals).toHaveLength(5_001);
    expect(Math.max(...taken.refusals.map((r) => r.length))).toBeLessThan(700);
    expect(
      taken.refusals.filter((r) => r.includes('có 5.000 dòng với quyết định hoặc nhận xét khác nhau')),
    ).toHaveLength(1);
  }, 120_000);
});
