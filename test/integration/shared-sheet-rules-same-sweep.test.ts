import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleUnitSheets } from '../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { sharedSourceId, type SharedSource } from '../../functions/src/domain/shared/shared-source.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { FeedbackTarget } from '../../functions/src/jobs/summarize/ports.js';
import type { UnitSheetSource } from '../../functions/src/jobs/sweep/ports.js';
import { sweepWithShared } from '../../functions/src/jobs/sweep/sweep-with-shared.js';
import { testFirestore } from '../support/firestore.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../support/google.js';
import { openWorkbook, sheetOf, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { rulePlans } from '../unit/rules/rule-plans.js';

/**
 * Seed 003 with both forms collected through shared sheets (issue 15): the registration sheet and the
 * evaluation sheet. An evaluation of a member whose registration row is refused points to that row; a
 * registration changed in a sweep is seen by the evaluation in that same sweep; a re-run changes nothing.
 */

const { registration, evaluation } = rulePlans();
const FORMS = [registration, evaluation];
const REG_TAB = 'Đăng ký chung';
const EVAL_TAB = 'Đánh giá chung';
const REG_HEADER = ['Dấu thời gian', 'Đơn vị', 'STT', 'Họ và tên', 'Nội dung đăng ký'];
const EVAL_HEADER = ['Dấu thời gian', 'Đơn vị', 'Đợt', 'Họ và tên', 'Ngày sinh', 'Kết quả'];
const KP1 = 'Chi đoàn Khu phố 1';
const REG_ROWS: TestCell[][] = [
  ['20/03/2014 09:00:00', KP1, 1, 'Nguyễn Văn An', '05 tiêu chí'],
  // STT is not a whole number: the row is refused, though it names the member.
  ['20/03/2014 09:05:00', KP1, 'hai', 'Trần Thị Bình', '05 tiêu chí'],
];
/** Row 3 corrected and a member added at row 4, in one edit. */
const REG_ROWS_LATER: TestCell[][] = [
  REG_ROWS[0] as TestCell[],
  ['20/03/2014 09:05:00', KP1, 2, 'Trần Thị Bình', '05 tiêu chí'],
  ['29/03/2014 10:00:00', KP1, 3, 'Lê Minh Cường', '05 tiêu chí'],
];
const EVAL_ROWS: TestCell[][] = [
  ['28/03/2014 09:00:00', KP1, 'Đợt I', 'Nguyễn Văn An', '02/01/2000', 'Hoàn thành tốt'],
  ['28/03/2014 09:05:00', KP1, 'Đợt I', 'Trần Thị Bình', '03/04/2001', 'Hoàn thành'],
  ['28/03/2014 09:10:00', KP1, 'Đợt I', 'Lê Minh Cường', '05/06/2002', 'Hoàn thành'],
];
const FILE_TIME = new Date('2014-03-28T03:00:00Z');
const NOW = new Date('2014-03-30T02:00:00Z');
const LATER = new Date('2014-03-30T05:00:00Z');
const UNITS: Unit[] = [
  { id: 'cd-kp1', name: KP1, type: 'chi-doan', level: '', cluster: 'Cụm 1', contacts: [], source: 'cd-kp1.xlsx' },
];
/** What the evaluation row says of 'Trần Thị Bình' (the status column shows it after "✗ Cột Họ và tên: "). */
const REFUSED_SAID =
  `«Trần Thị Bình» có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014» ở dòng 3 của trang '${REG_TAB}', ` +
  `nhưng dòng đó đang bị từ chối nên chưa được tính. Hãy sửa dòng 3 của trang '${REG_TAB}' trước; dòng này sẽ được nhận khi dòng đó hợp lệ.`;

interface TwoSheets {
  readonly registrationFile: string;
  readonly evaluationFile: string;
  sheets(): UnitSheetSource & FeedbackTarget;
  /** The evaluation tab's status column, row by row (header first). */
  evaluationStatuses(): Promise<string[]>;
  /** The registration sheet is edited (REG_ROWS_LATER) at `at`. */
  editRegistration(at: Date): Promise<void>;
  close(): Promise<void>;
}

async function workbookSheets(): Promise<TwoSheets> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tonghop-same-sweep-'));
  const registrationFile = 'dang-ky-chung.xlsx';
  const evaluationFile = 'danh-gia-chung.xlsx';
  const writeRegistration = (rows: TestCell[][], at: Date) =>
    writeTestWorkbook(path.join(dir, registrationFile), [{ name: REG_TAB, rows: [REG_HEADER, ...rows] }], at);
  await writeRegistration(REG_ROWS, FILE_TIME);
  await writeTestWorkbook(
    path.join(dir, evaluationFile),
    [{ name: EVAL_TAB, rows: [EVAL_HEADER, ...EVAL_ROWS] }],
    FILE_TIME,
  );
  return {
    registrationFile,
    evaluationFile,
    sheets: () => new UnitWorkbookFolder(dir),
    evaluationStatuses: async () => {
      const found: string[] = [];
      sheetOf(await openWorkbook(path.join(dir, evaluationFile)), EVAL_TAB).eachRow(
        { includeEmpty: true },
        (row, n) => void (found[n - 1] = String(row.getCell(EVAL_HEADER.length + 1).value ?? '')),
      );
      return found;
    },
    editRegistration: (at) => writeRegistration(REG_ROWS_LATER, at),
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

async function googleSheets(): Promise<TwoSheets> {
  const { standin, setClock } = await standinWithClock(FILE_TIME);
  const registrationFile = standin.createSpreadsheet({
    title: 'Đăng ký rèn luyện (câu trả lời)',
    parents: [TEST_FOLDER_ID],
    tabs: [{ name: REG_TAB, rows: [REG_HEADER, ...REG_ROWS] }],
  });
  const evaluationFile = standin.createSpreadsheet({
    title: 'Đánh giá rèn luyện (câu trả lời)',
    parents: [TEST_FOLDER_ID],
    tabs: [{ name: EVAL_TAB, rows: [EVAL_HEADER, ...EVAL_ROWS] }],
  });
  return {
    registrationFile,
    evaluationFile,
    sheets: () => new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID),
    evaluationStatuses: async () =>
      standin.tabValues(evaluationFile, EVAL_TAB).map((r) => String(r[EVAL_HEADER.length] ?? '')),
    editRegistration: async (at) => {
      setClock(at);
      standin.editCells(registrationFile, REG_TAB, 'A3', REG_ROWS_LATER.slice(1));
    },
    close: () => standin.close(),
  };
}

describe.each([
  ['workbook files in the units folder', workbookSheets],
  ['Google spreadsheets (stand-in)', googleSheets],
])('shared registration and shared evaluation: %s', (_name, makeSheets) => {
  const firestore = testFirestore('shared-rules-same-sweep');
  let sheets: TwoSheets;
  let sources: SharedSource[];
  const run = (now: Date) =>
    sweepWithShared({
      units: UNITS,
      forms: FORMS,
      source: sheets.sheets(),
      store: new FirestoreSweepStore(firestore.db),
      now,
      // The evaluation is listed first: the sweep still reads the registration before it.
      shared: { sources, sheets: sheets.sheets(), registry: UNITS },
    });
  const evaluationOf = async () =>
    (await firestore.db.collection('submissions').doc(`${evaluation.id}~dot-1~cd-kp1`).get()).data();

  beforeAll(async () => {
    sheets = await makeSheets();
    const shared = (formId: string, file: string, tab: string, rowNumber: number): SharedSource => ({
      id: sharedSourceId(formId),
      formId,
      file,
      tab,
      unitColumn: 'Đơn vị',
      timeColumn: 'Dấu thời gian',
      rowNumber,
    });
    sources = [
      shared(evaluation.id, sheets.evaluationFile, EVAL_TAB, 2),
      shared(registration.id, sheets.registrationFile, REG_TAB, 3),
    ];
    await run(NOW);
  });
  afterAll(async () => {
    await sheets.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('an evaluation of a member whose registration row is refused points to that row, not "chưa có"', async () => {
    const statuses = await sheets.evaluationStatuses();
    expect(statuses[2]).toBe(`${KP1}: ✗ Cột Họ và tên: ${REFUSED_SAID}`);
    expect(statuses[2]).not.toContain('chưa có');
    expect(statuses[3]).toContain('«Lê Minh Cường» chưa có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014»');
    expect(statuses[1]).toBe(`✓ Hợp lệ (${KP1})`);
    const stored = await evaluationOf();
    expect(stored?.rejected.map((r: { errors: { message: string }[] }) => r.errors[0]?.message)).toContain(
      `Dòng 3, cột Họ và tên: ${REFUSED_SAID}`,
    );
  });

  const expectQuietRerun = async (now: Date) => {
    const again = await run(now);
    expect(again.units.map((u) => u.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(again.totals.writes).toBe(0);
  };

  it('a re-run after the first sweep changes nothing: both sheets unchanged, no write', async () => {
    await expectQuietRerun(new Date(NOW.getTime() + 60_000));
  });

  it('a registration corrected and added to is seen by the evaluation in the same sweep', async () => {
    await sheets.editRegistration(LATER);
    const swept = await run(new Date(LATER.getTime() + 60_000));
    const outcome = (formId: string) => swept.units.find((u) => u.unitId === sharedSourceId(formId))?.outcome;
    expect(outcome(registration.id)).toBe('read');
    expect(outcome(evaluation.id)).toBe('read');
    const statuses = await sheets.evaluationStatuses();
    expect(statuses.slice(1, 4)).toEqual([`✓ Hợp lệ (${KP1})`, `✓ Hợp lệ (${KP1})`, `✓ Hợp lệ (${KP1})`]);
    expect(await evaluationOf()).toMatchObject({ counts: { read: 3, valid: 3, rejected: 0 } });
  });

  it('a re-run after the change changes nothing', async () => {
    await expectQuietRerun(new Date(LATER.getTime() + 120_000));
  });
});
