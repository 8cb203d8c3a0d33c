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
import { titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { rulePlans } from '../unit/rules/rule-plans.js';

/**
 * Seed 003 with the registration collected through a shared responses sheet and the evaluations in each
 * chi đoàn's own file (issue 15). The evaluation is checked against the registration as this sweep stores
 * it, not as the last one did: a member registered in the shared sheet is seen in the same sweep, and a
 * re-run changes nothing. A chi đoàn that never registered anyone is not "Đủ".
 */

const { registration, evaluation } = rulePlans();
const FORMS = [registration, evaluation];
const REG_TAB = 'Đăng ký chung';
const REG_HEADER = ['Dấu thời gian', 'Đơn vị', 'STT', 'Họ và tên', 'Nội dung đăng ký'];
const EVAL_HEADER = ['Đợt', 'Họ và tên', 'Ngày sinh', 'Kết quả'];
const KP1 = 'Chi đoàn Khu phố 1';
const REG_ROWS: TestCell[][] = [['20/03/2014 09:00:00', KP1, 1, 'Nguyễn Văn An', '05 tiêu chí']];
/** Trần Thị Bình registered later, in the shared sheet only. */
const REG_ROWS_LATER: TestCell[][] = [...REG_ROWS, ['29/03/2014 10:00:00', KP1, 2, 'Trần Thị Bình', '05 tiêu chí']];
const EVALUATIONS: Readonly<Record<string, TestCell[][]>> = {
  'cd-kp1': [
    ['Đợt I', 'Nguyễn Văn An', '02/01/2000', 'Hoàn thành tốt'],
    ['Đợt I', 'Trần Thị Bình', '03/04/2001', 'Hoàn thành'],
  ],
  // Never registered anyone, in the shared sheet or anywhere else.
  'cd-kp2': [['Đợt I', 'Võ Thị Em', '02/01/2000', 'Hoàn thành tốt']],
};
const FILE_TIME = new Date('2014-03-28T03:00:00Z');
const NOW = new Date('2014-03-30T02:00:00Z');
const LATER = new Date('2014-03-30T05:00:00Z');
const chiDoan = (id: string, name: string): Unit => ({
  id,
  name,
  type: 'chi-doan',
  level: '',
  cluster: 'Cụm 1',
  contacts: [],
  source: `${id}.xlsx`,
});
const UNITS = [chiDoan('cd-kp1', KP1), chiDoan('cd-kp2', 'Chi đoàn Khu phố 2')];
const evaluationTab = (unitId: string) => ({
  name: evaluation.tab,
  rows: titled('ĐÁNH GIÁ RÈN LUYỆN', EVAL_HEADER, EVALUATIONS[unitId] ?? []),
});

interface Sheets {
  readonly registrationFile: string;
  readonly units: readonly Unit[];
  sheets(): UnitSheetSource & FeedbackTarget;
  /** The shared registration sheet is edited (REG_ROWS_LATER) at `at`. */
  editRegistration(at: Date): Promise<void>;
  close(): Promise<void>;
}

async function workbookSheets(): Promise<Sheets> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tonghop-own-file-rules-'));
  const registrationFile = 'dang-ky-chung.xlsx';
  const writeRegistration = (rows: TestCell[][], at: Date) =>
    writeTestWorkbook(path.join(dir, registrationFile), [{ name: REG_TAB, rows: [REG_HEADER, ...rows] }], at);
  await writeRegistration(REG_ROWS, FILE_TIME);
  for (const unit of UNITS) await writeTestWorkbook(path.join(dir, unit.source), [evaluationTab(unit.id)], FILE_TIME);
  return {
    registrationFile,
    units: UNITS,
    sheets: () => new UnitWorkbookFolder(dir),
    editRegistration: (at) => writeRegistration(REG_ROWS_LATER, at),
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

async function googleSheets(): Promise<Sheets> {
  const { standin, setClock } = await standinWithClock(FILE_TIME);
  const registrationFile = standin.createSpreadsheet({
    title: 'Đăng ký rèn luyện (câu trả lời)',
    parents: [TEST_FOLDER_ID],
    tabs: [{ name: REG_TAB, rows: [REG_HEADER, ...REG_ROWS] }],
  });
  const units = UNITS.map((unit) => ({
    ...unit,
    source: standin.createSpreadsheet({
      title: `Báo cáo ${unit.id}`,
      parents: [TEST_FOLDER_ID],
      tabs: [evaluationTab(unit.id)],
    }),
  }));
  return {
    registrationFile,
    units,
    sheets: () => new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID),
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
])('shared registration, evaluations in the units’ own files: %s', (_name, makeSheets) => {
  const firestore = testFirestore('shared-rules-own-file');
  let sheets: Sheets;
  let source: SharedSource;
  const run = (now: Date) =>
    sweepWithShared({
      units: sheets.units,
      forms: FORMS,
      source: sheets.sheets(),
      store: new FirestoreSweepStore(firestore.db),
      now,
      shared: { sources: [source], sheets: sheets.sheets(), registry: sheets.units },
    });
  const evaluationOf = async (unitId: string) =>
    (await firestore.db.collection('submissions').doc(`${evaluation.id}~dot-1~${unitId}`).get()).data();
  const refusedMessages = async (unitId: string) =>
    ((await evaluationOf(unitId))?.rejected ?? []).map(
      (r: { errors: { message: string }[] }) => r.errors[0]?.message ?? '',
    );

  beforeAll(async () => {
    sheets = await makeSheets();
    source = {
      id: sharedSourceId(registration.id),
      formId: registration.id,
      file: sheets.registrationFile,
      tab: REG_TAB,
      unitColumn: 'Đơn vị',
      timeColumn: 'Dấu thời gian',
      rowNumber: 2,
    };
    await run(NOW);
  });
  afterAll(async () => {
    await sheets.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('the first sweep checks the own file against the registration the shared sheet gave in that sweep', async () => {
    expect(await evaluationOf('cd-kp1')).toMatchObject({
      complete: false,
      counts: { read: 2, valid: 1, rejected: 1 },
    });
    expect(await refusedMessages('cd-kp1')).toEqual([
      expect.stringContaining('«Trần Thị Bình» chưa có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014» của đơn vị'),
    ]);
  });

  it('a chi đoàn with no registration anywhere is not "Đủ"', async () => {
    expect(await evaluationOf('cd-kp2')).toMatchObject({
      complete: false,
      coverageGap: 'not-sent',
      counts: { read: 1, valid: 1, rejected: 0 },
    });
  });

  const expectQuietRerun = async (now: Date) => {
    const again = await run(now);
    expect(again.units.map((u) => [u.unitId, u.outcome])).toEqual([
      ['cd-kp1', 'unchanged'],
      ['cd-kp2', 'unchanged'],
      [sharedSourceId(registration.id), 'unchanged'],
    ]);
    expect(again.totals.writes).toBe(0);
  };

  it('a re-run changes nothing: no sheet read, no write', async () => {
    await expectQuietRerun(new Date(NOW.getTime() + 60_000));
  });

  it('a member registered in the shared sheet is seen by the own file’s evaluation in the same sweep', async () => {
    await sheets.editRegistration(LATER);
    const swept = await run(new Date(LATER.getTime() + 60_000));
    const outcome = (id: string) => swept.units.find((u) => u.unitId === id)?.outcome;
    expect(outcome(sharedSourceId(registration.id))).toBe('read');
    expect(outcome('cd-kp1')).toBe('read');
    // Its registration did not change: its file is not read again.
    expect(outcome('cd-kp2')).toBe('unchanged');
    expect(await evaluationOf('cd-kp1')).toMatchObject({
      complete: true,
      uncovered: 0,
      counts: { read: 2, valid: 2, rejected: 0 },
    });
  });

  it('a re-run after the change changes nothing', async () => {
    await expectQuietRerun(new Date(LATER.getTime() + 120_000));
  });
});
