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
import { openWorkbook, sheetOf, titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { rulePlans } from '../unit/rules/rule-plans.js';

/**
 * Seed 003's rules when the evaluations come from one shared responses sheet for every chi đoàn: each
 * routed unit's rows are checked against that unit's own registration (from its file), one evaluation
 * per member per phase within the unit, and a phase is complete when the unit's members are covered.
 * A name registered by another chi đoàn does not count, and the same person in two chi đoàn is no repeat.
 */

const { registration, evaluation } = rulePlans();
const FORMS = [registration, evaluation];
const TAB = 'Câu trả lời';
const HEADER = ['Dấu thời gian', 'Đơn vị', 'Đợt', 'Họ và tên', 'Ngày sinh', 'Kết quả'];
const STATUS_COLUMN = HEADER.length;
const ROWS: TestCell[][] = [
  ['28/03/2014 09:00:00', 'Chi đoàn Khu phố 1', 'Đợt I', 'Nguyễn Văn An', '02/01/2000', 'Hoàn thành tốt'],
  ['28/03/2014 09:05:00', 'Chi đoàn Khu phố 2', 'Đợt I', 'Nguyễn Văn An', '02/01/2000', 'Hoàn thành tốt'],
  ['28/03/2014 09:10:00', 'Chi đoàn Khu phố 1', 'Đợt I', 'Phạm Văn Dũng', '05/06/2002', 'Hoàn thành'],
  ['28/03/2014 09:15:00', 'Chi đoàn Khu phố 1', 'Đợt I', 'nguyen van an', '02/01/2000', 'Không hoàn thành'],
  ['28/03/2014 09:20:00', 'Chi đoàn Khu phố 2', 'Đợt I', 'Phạm Văn Dũng', '05/06/2002', 'Hoàn thành'],
  ['28/03/2014 09:25:00', 'Chi đoàn Khu phố 1', 'Đợt I', 'Trần Thị Bình', '03/04/2001', 'Hoàn thành'],
];
const REGISTERED: Readonly<Record<string, readonly string[]>> = {
  'cd-kp1': ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Cường'],
  'cd-kp2': ['Nguyễn Văn An', 'Phạm Văn Dũng'],
};
const FILE_TIME = new Date('2014-03-28T03:00:00Z');
const NOW = new Date('2014-03-30T02:00:00Z');
const chiDoan = (id: string, name: string): Unit => ({
  id,
  name,
  type: 'chi-doan',
  level: '',
  cluster: 'Cụm 1',
  contacts: [],
  source: `${id}.xlsx`,
});
const UNITS = [chiDoan('cd-kp1', 'Chi đoàn Khu phố 1'), chiDoan('cd-kp2', 'Chi đoàn Khu phố 2')];
const registrationTab = (unitId: string) => ({
  name: registration.tab,
  rows: titled(
    'ĐĂNG KÝ RÈN LUYỆN',
    ['STT', 'Họ và tên', 'Nội dung đăng ký'],
    (REGISTERED[unitId] ?? []).map((name, i) => [i + 1, name, '05 tiêu chí']),
  ),
});

interface RulesAdapter {
  readonly file: string;
  /** The chi đoàn, each with its own file (its registration). */
  readonly units: readonly Unit[];
  sheets(): UnitSheetSource & FeedbackTarget;
  /** The shared tab's status column, row by row (header first). */
  statuses(): Promise<string[]>;
  /** A chi đoàn registers one more member in its own file, later. */
  register(unitId: string, name: string, at: Date): Promise<void>;
  close(): Promise<void>;
}

async function workbookAdapter(): Promise<RulesAdapter> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tonghop-shared-rules-'));
  const file = 'danh-gia-chung.xlsx';
  await writeTestWorkbook(path.join(dir, file), [{ name: TAB, rows: [HEADER, ...ROWS] }], FILE_TIME);
  for (const unit of UNITS)
    await writeTestWorkbook(path.join(dir, `${unit.id}.xlsx`), [registrationTab(unit.id)], FILE_TIME);
  return {
    file,
    units: UNITS,
    sheets: () => new UnitWorkbookFolder(dir),
    statuses: async () => {
      const found: string[] = [];
      sheetOf(await openWorkbook(path.join(dir, file)), TAB).eachRow(
        { includeEmpty: true },
        (row, n) => void (found[n - 1] = String(row.getCell(STATUS_COLUMN + 1).value ?? '')),
      );
      return found;
    },
    register: async (unitId, name, at) => {
      const tab = registrationTab(unitId);
      await writeTestWorkbook(
        path.join(dir, `${unitId}.xlsx`),
        [{ ...tab, rows: [...tab.rows, [tab.rows.length - 1, name, '05 tiêu chí']] }],
        at,
      );
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

async function googleAdapter(): Promise<RulesAdapter> {
  const { standin, setClock } = await standinWithClock(FILE_TIME);
  const file = standin.createSpreadsheet({
    title: 'Đánh giá rèn luyện (câu trả lời)',
    parents: [TEST_FOLDER_ID],
    tabs: [{ name: TAB, rows: [HEADER, ...ROWS] }],
  });
  const units = UNITS.map((unit) => ({
    ...unit,
    source: standin.createSpreadsheet({
      title: `Báo cáo ${unit.id}`,
      parents: [TEST_FOLDER_ID],
      tabs: [registrationTab(unit.id)],
    }),
  }));
  return {
    file,
    units,
    sheets: () => new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID),
    statuses: async () => standin.tabValues(file, TAB).map((r) => String(r[STATUS_COLUMN] ?? '')),
    register: async (unitId, name, at) => {
      setClock(at);
      const tab = registrationTab(unitId);
      standin.editCells(units.find((u) => u.id === unitId)?.source ?? '', tab.name, `A${tab.rows.length + 1}`, [
        [tab.rows.length - 1, name, '05 tiêu chí'],
      ]);
    },
    close: () => standin.close(),
  };
}

describe.each([
  ['workbook file in the units folder', workbookAdapter],
  ['Google spreadsheet (stand-in)', googleAdapter],
])('cross-form rules on a shared responses sheet: %s', (_name, makeAdapter) => {
  const firestore = testFirestore('shared-sheet-rules');
  let adapter: RulesAdapter;
  let source: SharedSource;
  const run = (now: Date) =>
    sweepWithShared({
      units: adapter.units,
      forms: FORMS,
      source: adapter.sheets(),
      store: new FirestoreSweepStore(firestore.db),
      now,
      shared: { sources: [source], sheets: adapter.sheets(), registry: adapter.units },
    });
  const evaluationOf = async (unitId: string) =>
    (await firestore.db.collection('submissions').doc(`${evaluation.id}~dot-1~${unitId}`).get()).data();

  beforeAll(async () => {
    adapter = await makeAdapter();
    source = {
      id: sharedSourceId(evaluation.id),
      formId: evaluation.id,
      file: adapter.file,
      tab: TAB,
      unitColumn: 'Đơn vị',
      timeColumn: 'Dấu thời gian',
      rowNumber: 2,
    };
    await run(NOW);
  });
  afterAll(async () => {
    await adapter.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it("checks each chi đoàn's rows against its own registration: a name only the other chi đoàn registered is refused", async () => {
    const statuses = await adapter.statuses();
    expect(statuses[3]).toContain(
      '«Phạm Văn Dũng» chưa có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014» của đơn vị',
    );
    expect(statuses[5]).toBe('✓ Hợp lệ (Chi đoàn Khu phố 2)');
  });

  it('refuses a second evaluation of one member in one phase within the chi đoàn, never across chi đoàn', async () => {
    const statuses = await adapter.statuses();
    expect(statuses[4]).toContain(
      'Họ và tên «nguyen van an», Ngày sinh «02/01/2000» trùng với dòng 2 trong cùng kỳ Đợt I',
    );
    expect(statuses[1]).toBe('✓ Hợp lệ (Chi đoàn Khu phố 1)');
    expect(statuses[2]).toBe('✓ Hợp lệ (Chi đoàn Khu phố 2)');
  });

  it("counts a phase complete only when it covers the chi đoàn's registered members", async () => {
    expect(await evaluationOf('cd-kp1')).toMatchObject({
      complete: false,
      uncovered: 1,
      counts: { read: 4, valid: 2, rejected: 2 },
    });
    expect(await evaluationOf('cd-kp2')).toMatchObject({
      complete: true,
      uncovered: 0,
      counts: { read: 2, valid: 2, rejected: 0 },
    });
  });

  it('a member the chi đoàn registers later makes its evaluation row acceptable on the next sweep, though the shared sheet did not change', async () => {
    const later = new Date(NOW.getTime() + 3_600_000);
    await adapter.register('cd-kp1', 'Phạm Văn Dũng', later);
    const swept = await run(new Date(later.getTime() + 60_000));
    expect(swept.units.find((u) => u.unitId === sharedSourceId(evaluation.id))?.outcome).toBe('read');
    expect((await adapter.statuses())[3]).toBe('✓ Hợp lệ (Chi đoàn Khu phố 1)');
    expect(await evaluationOf('cd-kp1')).toMatchObject({ counts: { read: 4, valid: 3, rejected: 1 } });
  });
});
