import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Timestamp } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleUnitSheets } from '../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { sharedSourceId, type SharedSource } from '../../functions/src/domain/shared/shared-source.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { FeedbackTarget } from '../../functions/src/jobs/summarize/ports.js';
import type { UnitSheetSource } from '../../functions/src/jobs/sweep/ports.js';
import type { SweepResult } from '../../functions/src/jobs/sweep/sweep.js';
import { sweepWithShared } from '../../functions/src/jobs/sweep/sweep-with-shared.js';
import { testFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../support/google.js';
import { openWorkbook, sheetOf, titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';

/**
 * One Google Form's responses for the training registration, shared by every school: on both
 * adapters each school is credited with its own rows only, at each row's own time, an unknown
 * school is rejected with the closest names, and every row's status is written into the shared sheet.
 */

const FORMS = [builtinForm('tap-huan-2024')];
const TAB = 'Câu trả lời biểu mẫu 1';
const HEADER = ['Dấu thời gian', 'Đơn vị', 'Họ và tên', 'Chức vụ', 'Số điện thoại'];
const STATUS_COLUMN = HEADER.length;
const ROWS: TestCell[][] = [
  ['14/09/2024 09:30:00', 'LTV', 'Nguyễn Thị Lan', 'TPT', '0983018027'],
  ['14/09/2024 09:45:10', 'Liên đội TH Lương Thế Vinh', 'Trần Văn Minh', 'TPT', '0983018028'],
  ['15/09/2024 10:00:30', '  thcs minh duc ', 'Lê Thu Hà', 'TPT', '0983018029'],
  ['14/09/2024 08:00:00', 'Trường Ngọc Lâm', 'Phạm An', 'TPT', '0983018030'],
  ['14/09/2024 08:10:00', 'LTV', 'Võ Bình', 'TPT', '12345'],
];
const LATE_ROW: TestCell[] = ['16/09/2024 07:00:00', 'Liên đội TH An Bình', 'Đỗ Hoa', 'TPT', '0983018031'];
const FILE_TIME = new Date('2024-09-15T05:00:00Z');
const NOW = new Date('2024-09-16T01:00:00Z');
const LATER = new Date('2024-09-16T03:00:00Z');
const TRAINING_TAB_ROWS = titled(
  'ĐĂNG KÝ TẬP HUẤN',
  ['STT', 'Họ và tên', 'Chức vụ', 'Số điện thoại'],
  [[1, 'Người của tệp riêng', 'TPT', '0983018032']],
);

const school = (id: string, name: string, aliases?: string[]): Unit => ({
  id,
  name,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [],
  source: `${id}.xlsx`,
  ...(aliases ? { aliases } : {}),
});
const UNITS = [
  school('th-luong-the-vinh', 'Liên đội TH Lương Thế Vinh', ['LTV']),
  school('thcs-minh-duc', 'Liên đội THCS Minh Đức'),
  school('th-an-binh', 'Liên đội TH An Bình'),
];

interface SharedAdapter {
  readonly file: string;
  sheets(): UnitSheetSource & FeedbackTarget;
  /** The unit sheets of the units' own files (An Bình's has the training tab too). */
  unitSheets(): UnitSheetSource & FeedbackTarget;
  /** The shared tab's values as people see them: typed cells and the status column. */
  values(): Promise<TestCell[][]>;
  /** A school answers the form later (a new response row). */
  appendRow(row: TestCell[], at: Date): Promise<void>;
  close(): Promise<void>;
}

async function workbookAdapter(): Promise<SharedAdapter> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tonghop-shared-'));
  const file = 'dang-ky-tap-huan.xlsx';
  await writeTestWorkbook(path.join(dir, file), [{ name: TAB, rows: [HEADER, ...ROWS] }], FILE_TIME);
  await writeTestWorkbook(
    path.join(dir, 'th-an-binh.xlsx'),
    [{ name: 'Đăng ký tập huấn', rows: TRAINING_TAB_ROWS }],
    FILE_TIME,
  );
  const values = async () => {
    const sheet = sheetOf(await openWorkbook(path.join(dir, file)), TAB);
    const rows: TestCell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = Array.from({ length: STATUS_COLUMN + 1 }, (_, i) => (row.getCell(i + 1).value as TestCell) ?? null);
    });
    return rows;
  };
  return {
    file,
    sheets: () => new UnitWorkbookFolder(dir),
    unitSheets: () => new UnitWorkbookFolder(dir),
    values,
    appendRow: async (row, at) => {
      // As a person saves the file again: what is in it stays, a row is added.
      const kept = (await values()).map((r) => r.slice(0, STATUS_COLUMN + 1));
      await writeTestWorkbook(path.join(dir, file), [{ name: TAB, rows: [...kept, [...row]] }], at);
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

async function googleAdapter(): Promise<SharedAdapter> {
  const { standin, setClock } = await standinWithClock(FILE_TIME);
  const file = standin.createSpreadsheet({
    title: 'Đăng ký tập huấn (câu trả lời)',
    parents: [TEST_FOLDER_ID],
    tabs: [{ name: TAB, rows: [HEADER, ...ROWS] }],
  });
  standin.createSpreadsheet({
    title: 'Báo cáo th-an-binh',
    parents: [TEST_FOLDER_ID],
    tabs: [{ name: 'Đăng ký tập huấn', rows: TRAINING_TAB_ROWS }],
  });
  const values = async () =>
    standin
      .tabValues(file, TAB)
      .map((r) => Array.from({ length: STATUS_COLUMN + 1 }, (_, i) => (r[i] as TestCell) ?? null));
  return {
    file,
    sheets: () => new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID),
    unitSheets: () => new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID),
    values,
    appendRow: async (row, at) => {
      setClock(at);
      standin.editCells(file, TAB, `A${ROWS.length + 2}`, [row]);
    },
    close: () => standin.close(),
  };
}

describe.each([
  ['workbook file in the units folder', workbookAdapter],
  ['Google spreadsheet (stand-in)', googleAdapter],
])('a shared responses sheet: %s', (_name, makeAdapter) => {
  const firestore = testFirestore('shared-sheet');
  let adapter: SharedAdapter;
  let source: SharedSource;
  let first: SweepResult;
  const run = (now: Date) =>
    sweepWithShared({
      units: UNITS,
      forms: FORMS,
      source: adapter.unitSheets(),
      store: new FirestoreSweepStore(firestore.db),
      now,
      shared: { sources: [source], sheets: adapter.sheets(), registry: UNITS },
    });
  const submission = async (unitId: string) =>
    (await firestore.db.collection('submissions').doc(`tap-huan-2024~mot-lan~${unitId}`).get()).data();
  const iso = (value: unknown) => (value instanceof Timestamp ? value.toDate().toISOString() : value);

  beforeAll(async () => {
    adapter = await makeAdapter();
    source = {
      id: sharedSourceId('tap-huan-2024'),
      formId: 'tap-huan-2024',
      file: adapter.file,
      tab: TAB,
      unitColumn: 'Đơn vị',
      timeColumn: 'Dấu thời gian',
      rowNumber: 2,
    };
    first = await run(NOW);
  });
  afterAll(async () => {
    await adapter.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('credits each school with its own rows only, counting every row once', async () => {
    const shared = first.units.find((u) => u.unitId === source.id);
    expect(shared).toMatchObject({ outcome: 'read', rowsRead: 5, rowsValid: 3, rowsRejected: 2 });
    expect((await submission('th-luong-the-vinh'))?.counts).toEqual({ read: 3, valid: 2, rejected: 1, nil: 0 });
    expect((await submission('thcs-minh-duc'))?.counts).toEqual({ read: 1, valid: 1, rejected: 0, nil: 0 });
    // An Bình's own file has the training tab, but the form comes from the shared sheet only.
    expect(await submission('th-an-binh')).toBeUndefined();
    expect(first.totals).toMatchObject({ rowsRead: 5, rowsValid: 3, rowsRejected: 2 });
    const all = await firestore.db.collection('submissions').get();
    expect(all.docs.reduce((sum, d) => sum + Number(d.data().counts.read), 0) + 1).toBe(5);
  });

  it("records where each source's data comes from: the shared sheet as 'shared' with its file (shown by tonghop inspect)", async () => {
    const origin = async (id: string) => (await firestore.db.collection('sources').doc(id).get()).data()?.origin;
    expect(await origin(source.id)).toEqual({ kind: 'shared', file: adapter.file });
  });

  it("times each school's submission by its rows' own 'Dấu thời gian', not the file's time", async () => {
    const ltv = await submission('th-luong-the-vinh');
    expect(iso(ltv?.lastChangedAt)).toBe('2024-09-14T02:45:10.000Z');
    const minhDuc = await submission('thcs-minh-duc');
    expect(iso(minhDuc?.firstCompleteAt)).toBe('2024-09-15T03:00:30.000Z');
  });

  it('writes every row’s status into the shared sheet, naming the school or the closest names, and keeps what people typed', async () => {
    const values = await adapter.values();
    expect(values[0]?.slice(0, STATUS_COLUMN)).toEqual(HEADER);
    expect(values[0]?.[STATUS_COLUMN]).toBe('Tình trạng (hệ thống ghi)');
    expect(values.slice(1).map((r) => r.slice(0, STATUS_COLUMN))).toEqual(ROWS);
    const statuses = values.slice(1).map((r) => String(r[STATUS_COLUMN]));
    expect(statuses[0]).toBe('✓ Hợp lệ (Liên đội TH Lương Thế Vinh)');
    expect(statuses[2]).toBe('✓ Hợp lệ (Liên đội THCS Minh Đức)');
    expect(statuses[3]).toContain("không có đơn vị nào tên 'Trường Ngọc Lâm'; tên gần nhất: ");
    expect(statuses[4]).toMatch(/^Liên đội TH Lương Thế Vinh: .*Số điện thoại/);
  });

  it('changes nothing when swept again', async () => {
    const again = await run(NOW);
    expect(again.units.find((u) => u.unitId === source.id)?.outcome).toBe('unchanged');
    expect(again.totals.writes).toBe(0);
  });

  it('adds a late answer to its school alone, at its own time', async () => {
    await adapter.appendRow(LATE_ROW, LATER);
    const before = await submission('th-luong-the-vinh');
    const third = await run(new Date(LATER.getTime() + 60_000));
    expect(third.units.find((u) => u.unitId === source.id)).toMatchObject({
      outcome: 'read',
      rowsRead: 6,
      submissionsWritten: 1,
    });
    const anBinh = await submission('th-an-binh');
    expect(anBinh?.counts).toEqual({ read: 1, valid: 1, rejected: 0, nil: 0 });
    expect(iso(anBinh?.lastChangedAt)).toBe('2024-09-16T00:00:00.000Z');
    expect((await submission('th-luong-the-vinh'))?.revision).toBe(before?.revision);
    expect(String((await adapter.values())[ROWS.length + 1]?.[STATUS_COLUMN])).toBe('✓ Hợp lệ (Liên đội TH An Bình)');
  });
});
