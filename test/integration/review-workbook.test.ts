import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { FirestoreReviewStore } from '../../functions/src/adapters/store/firestore-review-store.js';
import { COLLECTIONS } from '../../functions/src/adapters/store/schema/collections.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { readReviewSheet } from '../../functions/src/adapters/workbook/read-review-sheet.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { DISTRICT_REVIEWER } from '../../functions/src/domain/review/review-decision.js';
import { REVIEW_HEADERS, REVIEW_TAB } from '../../functions/src/domain/review/review-tab.js';
import { STANDING_TAB } from '../../functions/src/domain/feedback/unit-feedback.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { summarize } from '../../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../support/firestore.js';
import { openWorkbook, sheetOf, titled, writeTestWorkbook } from '../support/workbooks.js';

const HEADER = [
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
const ROWS = [
  [1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', '12/03/1990', '0983018027', null, 'Tập huấn', 'Có', null],
  [2, 'Trần Văn Minh', 'TPT', 'Nam', '01/02/1988', '0912345678', null, 'Tập huấn', 'Có', null],
];
const NOW = new Date('2024-09-20T01:00:00Z');
const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const UNIT: Unit = {
  id: 'duyet',
  name: 'Liên đội Duyệt Thử',
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [],
  source: 'duyet.xlsx',
};
const SUBMISSION_ID = 'tap-huan-2024~mot-lan~duyet';

describe('review round trip in workbook mode: summary tab → typed decision → stored, shown to the unit → stale after a change', () => {
  const firestore = testFirestore('review-workbook');
  let dir: string;
  let forms: FormSpec[];
  let folder: UnitWorkbookFolder;
  let summaryFile: string;

  const writeUnitFile = (rows: readonly (readonly (string | number | null)[])[], mtime: Date) =>
    writeTestWorkbook(
      path.join(dir, 'duyet.xlsx'),
      [{ name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', HEADER, rows) }],
      mtime,
    );
  const run = async (now = NOW) => {
    await sweep({ units: [UNIT], forms, source: folder, store: new FirestoreSweepStore(firestore.db), now });
    const output = new SummaryWorkbookFile(summaryFile);
    return summarize({
      settings: SETTINGS,
      units: [UNIT],
      forms,
      store: new FirestoreSummaryStore(firestore.db),
      output,
      feedback: folder,
      review: { inbox: output, store: new FirestoreReviewStore(firestore.db), reviewer: DISTRICT_REVIEWER },
      now,
    });
  };
  /** The district types into the summary file, as Excel would save it. */
  const typeDecision = async (decision: string, comment: string) => {
    const workbook = await openWorkbook(summaryFile);
    const sheet = sheetOf(workbook, REVIEW_TAB);
    const header = findRow(sheet, REVIEW_HEADERS.submissionId);
    const columnOf = (name: string) => (sheet.getRow(header).values as unknown[]).indexOf(name);
    const row = sheet.getRow(header + 1);
    expect(row.getCell(columnOf(REVIEW_HEADERS.submissionId)).text).toBe(SUBMISSION_ID);
    row.getCell(columnOf(REVIEW_HEADERS.decision)).value = decision;
    row.getCell(columnOf(REVIEW_HEADERS.comment)).value = comment;
    await workbook.xlsx.writeFile(summaryFile);
  };
  const reviewRow = async () =>
    (await readReviewSheet(summaryFile)).rows.find((r) => r[REVIEW_HEADERS.submissionId] === SUBMISSION_ID);
  const unitNote = async () => {
    const sheet = sheetOf(await openWorkbook(path.join(dir, 'duyet.xlsx')), STANDING_TAB);
    const header = findRow(sheet, 'Ghi chú');
    const noteColumn = (sheet.getRow(header).values as unknown[]).indexOf('Ghi chú');
    return sheet.getRow(header + 1).getCell(noteColumn).text;
  };
  const storedDecisions = async () =>
    (await firestore.db.collection(COLLECTIONS.reviewDecisions).orderBy('sequence').get()).docs.map((d) => d.data());

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tonghop-review-'));
    folder = new UnitWorkbookFolder(dir);
    summaryFile = path.join(dir, 'tong-hop.xlsx');
    forms = (await loadBuiltinForms()).filter((f) => f.id === 'tap-huan-2024');
    await writeUnitFile(ROWS, new Date('2024-09-14T02:00:00Z'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
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
    await writeUnitFile(
      [...ROWS, [3, 'Lê Thu Hà', 'TPT', 'Nữ', '12/03/1990', '0983018028', null, 'Tập huấn', 'Có', null]],
      new Date('2024-09-19T02:00:00Z'),
    );
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

function findRow(sheet: { rowCount: number; getRow(n: number): { values: unknown } }, header: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if ((sheet.getRow(r).values as unknown[]).includes(header)) return r;
  throw new Error(`no header row with ${header}`);
}
