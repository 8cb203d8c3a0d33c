import path from 'node:path';
import { beforeAll, expect } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { FirestoreReviewStore } from '../../functions/src/adapters/store/firestore-review-store.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import { DISTRICT_REVIEWER } from '../../functions/src/domain/review/review-decision.js';
import { REVIEW_HEADERS, REVIEW_TAB } from '../../functions/src/domain/review/review-tab.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { summarize } from '../../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { TRAINING_HEADER, testUnit, useTempDir } from './builders.js';
import type { TestFirestore } from './firestore.js';
import { openWorkbook, sheetOf, titled, writeTestWorkbook, type TestCell } from './workbooks.js';

/**
 * The district the review tests run: one school reporting the training form in its own workbook, a
 * workbook summary whose "Duyệt báo cáo" tab the district types decisions into.
 */

export const REVIEW_SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};

/** The school under review, without contacts (give it some to be mailed). */
export const REVIEWED_UNIT: Unit = testUnit('duyet', { name: 'Liên đội Duyệt Thử', level: 'Tiểu học' });

export const REVIEWED_SUBMISSION_ID = 'tap-huan-2024~mot-lan~duyet';

/** The two participants the school first sends. */
export const REVIEWED_ROWS: TestCell[][] = [
  [1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', '12/03/1990', '0983018027', null, 'Tập huấn', 'Có', null],
  [2, 'Trần Văn Minh', 'TPT', 'Nam', '01/02/1988', '0912345678', null, 'Tập huấn', 'Có', null],
];

/** The participant the school adds when it changes its report. */
export const ADDED_ROW: TestCell[] = [
  3,
  'Lê Thu Hà',
  'TPT',
  'Nữ',
  '12/03/1990',
  '0983018028',
  null,
  'Tập huấn',
  'Có',
  null,
];

/** The number of the first row of `sheet` holding `header`. */
export function findRow(sheet: { rowCount: number; getRow(n: number): { values: unknown } }, header: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if ((sheet.getRow(r).values as unknown[]).includes(header)) return r;
  throw new Error(`no header row with ${header}`);
}

/**
 * The review district of the enclosing describe, in a temporary folder: `unit` files the training
 * form, `summarizeAt` sweeps and summarizes (reading decisions from the summary), `typeDecision`
 * types into the summary's review tab as Excel would save it. The folder and forms exist from beforeAll on.
 */
export function useReviewDistrict(firestore: TestFirestore, unit: Unit, prefix: string) {
  const dir = useTempDir(prefix);
  let forms: FormSpec[] = [];
  let folder: UnitWorkbookFolder | undefined;
  beforeAll(async () => {
    folder = new UnitWorkbookFolder(dir());
    forms = (await loadBuiltinForms()).filter((f) => f.id === 'tap-huan-2024');
  });
  const unitFolder = () => {
    if (!folder) throw new Error('useReviewDistrict: the folder is made in beforeAll; use it inside a test or hook');
    return folder;
  };
  const summaryFile = () => path.join(dir(), 'tong-hop.xlsx');
  const unitFile = () => path.join(dir(), unit.source);

  const writeUnitFile = (rows: readonly (readonly TestCell[])[], mtime: Date) =>
    writeTestWorkbook(
      unitFile(),
      [{ name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', TRAINING_HEADER, rows) }],
      mtime,
    );
  const summarizeAt = async (now: Date) => {
    const source = unitFolder();
    await sweep({ units: [unit], forms, source, store: new FirestoreSweepStore(firestore.db), now });
    const output = new SummaryWorkbookFile(summaryFile());
    return summarize({
      settings: REVIEW_SETTINGS,
      units: [unit],
      forms,
      store: new FirestoreSummaryStore(firestore.db),
      output,
      feedback: source,
      review: { inbox: output, store: new FirestoreReviewStore(firestore.db), reviewer: DISTRICT_REVIEWER },
      now,
    });
  };
  /** The district types into the summary file, as Excel would save it. */
  const typeDecision = async (decision: string, comment: string) => {
    const workbook = await openWorkbook(summaryFile());
    const sheet = sheetOf(workbook, REVIEW_TAB);
    const header = findRow(sheet, REVIEW_HEADERS.submissionId);
    const columnOf = (name: string) => (sheet.getRow(header).values as unknown[]).indexOf(name);
    const row = sheet.getRow(header + 1);
    expect(row.getCell(columnOf(REVIEW_HEADERS.submissionId)).text).toBe(REVIEWED_SUBMISSION_ID);
    row.getCell(columnOf(REVIEW_HEADERS.decision)).value = decision;
    row.getCell(columnOf(REVIEW_HEADERS.comment)).value = comment;
    await workbook.xlsx.writeFile(summaryFile());
  };
  return { forms: () => forms, summaryFile, unitFile, writeUnitFile, summarizeAt, typeDecision };
}
