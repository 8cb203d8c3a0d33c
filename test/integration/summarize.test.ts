import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { summarize, type SummarizeResult } from '../../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../support/firestore.js';
import { titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { loadRevisions } from '../support/revisions.js';
import { trainingRow, useTempDir } from '../support/builders.js';

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
  'Tình trạng (hệ thống ghi)',
];
const INJECTION = '=HYPERLINK("http://x.example","bấm vào đây")';
const NOW = new Date('2024-09-20T01:00:00Z');
const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};

const school = (id: string, cluster: string, email = `${id}@example.com`): Unit => ({
  id,
  name: `Liên đội ${id}`,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster,
  contacts: [{ name: 'Tổng phụ trách', email, phone: '0912345678' }],
  members: 500,
  source: `${id}.xlsx`,
});
const UNITS = [school('som', 'Cụm 1'), school('tre', 'Cụm 1'), school('loi', 'Cụm 2'), school('vang', 'Cụm 2')];

describe('statistics, summary workbook and unit feedback after a sweep', () => {
  const firestore = testFirestore('summarize');
  const dir = useTempDir('tonghop-summary');
  let forms: FormSpec[];
  let folder: UnitWorkbookFolder;
  let first: SummarizeResult;
  const summaryFile = () => path.join(dir(), 'tong-hop.xlsx');
  const runSummary = (now = NOW, specs = forms) =>
    summarize({
      settings: SETTINGS,
      units: UNITS,
      forms: specs,
      store: new FirestoreSummaryStore(firestore.db),
      output: new SummaryWorkbookFile(summaryFile()),
      feedback: folder,
      now,
    });
  const runSweep = (now = NOW, specs = forms) =>
    sweep({ units: UNITS, forms: specs, source: folder, store: new FirestoreSweepStore(firestore.db), now });

  beforeAll(async () => {
    folder = new UnitWorkbookFolder(dir());
    forms = (await loadBuiltinForms()).filter((f) => f.id === 'tap-huan-2024');
    const tab = (rows: TestCell[][]) => [
      { name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', HEADER, rows) },
    ];
    await writeTestWorkbook(
      path.join(dir(), 'som.xlsx'),
      tab([trainingRow(1, 'Nguyễn Thị Lan'), trainingRow(2, 'Trần Văn Minh', { note: INJECTION })]),
      new Date('2024-09-14T02:00:00Z'),
    );
    await writeTestWorkbook(
      path.join(dir(), 'tre.xlsx'),
      tab([trainingRow(1, 'Lê Thu Hà')]),
      new Date('2024-09-16T02:00:00Z'),
    );
    await writeTestWorkbook(
      path.join(dir(), 'loi.xlsx'),
      tab([trainingRow(1, 'Phạm An'), [2, 'Võ Bình', 'Giáo viên', 'Nam', null, '12345', null, null, null, null]]),
      new Date('2024-09-14T03:00:00Z'),
    );
    await runSweep();
    first = await runSummary();
  });
  afterAll(async () => {
    await firestore.db.terminate();
  });

  it('stores the statistics of each form and period with hand-checked counts and rates', async () => {
    const doc = (await firestore.db.collection('stats').doc('tap-huan-2024~mot-lan').get()).data();
    // 4 expected; som complete on time, tre complete late, loi partial, vang missing.
    expect(doc?.overall).toMatchObject({
      expected: 4,
      complete: 2,
      onTime: 1,
      late: 1,
      partial: 1,
      missing: 1,
      nil: 0,
    });
    expect(doc?.overall.rates).toEqual({ completeness: 0.5, timelinessOfExpected: 0.25, timelinessOfSubmitted: 0.5 });
    expect(doc?.byCluster['Cụm 1']).toMatchObject({ expected: 2, complete: 2, onTime: 1 });
    expect(doc?.byCluster['Cụm 2']).toMatchObject({ expected: 2, complete: 0, partial: 1, missing: 1 });
    const fee = doc?.metrics.find((m: { id: string }) => m.id === 'kinh-phi');
    // 2 + 1 + 1 valid participants × 1.900.000 đ.
    expect(fee).toMatchObject({ total: 7_600_000, byUnit: { som: 3_800_000, tre: 1_900_000, loi: 1_900_000 } });
    expect(first.statsWritten).toBe(1);
  });

  it('writes a summary workbook whose cells hold the known values, with user text kept as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(summaryFile());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Bảng điều khiển',
      'Tổng quan',
      'Tiến độ đơn vị',
      'Theo cụm',
      'Quá hạn',
      'Lỗi dữ liệu',
      'Chỉ số',
      'Đăng ký tập huấn',
      'Lưu trữ',
      'Lưu trữ chỉ số',
    ]);
    const overview = workbook.getWorksheet('Tổng quan');
    const row = findRow(overview, 'Đăng ký tập huấn · hạn 15/09/2024');
    const headers = headerCells(overview);
    expect(row?.getCell(headers.indexOf('Phải nộp') + 1).value).toBe(4);
    expect(row?.getCell(headers.indexOf('Tỉ lệ nộp đủ') + 1).value).toBe(0.5);
    expect(row?.getCell(headers.indexOf('Tỉ lệ nộp đủ') + 1).numFmt).toBe('[$-42A]0.0 %');
    // The deadline is shown in Vietnam time, as the plan writes it: 10g00 on 15/09/2024.
    expect(row?.getCell(headers.indexOf('Hạn nộp') + 1).value).toBe('10g00 15/09/2024');

    const data = workbook.getWorksheet('Đăng ký tập huấn');
    const injected = findRow(data, 'Trần Văn Minh');
    const noteCell = injected?.getCell(headerCells(data).indexOf('Ghi chú') + 1);
    expect(noteCell?.value).toBe(INJECTION);
    expect(noteCell?.formula).toBeUndefined();
    expect(injected?.getCell(headerCells(data).indexOf('Kinh phí tập huấn') + 1).value).toBe(1_900_000);

    const overdue = workbook.getWorksheet('Quá hạn');
    expect(findRow(overdue, 'Liên đội vang')?.getCell(headerCells(overdue).indexOf('Email') + 1).value).toBe(
      'vang@example.com',
    );
    const errors = workbook.getWorksheet('Lỗi dữ liệu');
    const phoneError = findRow(errors, '12345');
    expect(phoneError?.values).toContain('Liên đội loi');
    expect(phoneError?.values).toContain('Số điện thoại');
  });

  it("writes each row's status into the unit's workbook and leaves what the unit typed untouched", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir(), 'loi.xlsx'));
    const sheet = workbook.getWorksheet('Đăng ký tập huấn');
    const status = headerCells(sheet).indexOf('Tình trạng (hệ thống ghi)') + 1;
    expect(sheet?.getRow(5).getCell(status).value).toBe('✓ Hợp lệ');
    expect(String(sheet?.getRow(6).getCell(status).value)).toContain(
      "✗ Cột 'Số điện thoại': '12345' không phải số điện thoại Việt Nam",
    );
    expect(sheet?.getRow(6).getCell(6).value).toBe('12345');
    expect(sheet?.getRow(6).getCell(3).value).toBe('Giáo viên');
    const standing = workbook.getWorksheet('Tình hình nộp');
    expect(findRow(standing, 'Đăng ký tập huấn')?.values).toContainEqual(expect.stringContaining('Chưa đạt'));
    expect(first.feedback.unitsWritten).toBe(3);
  });

  it("keeps each unit file's own send time after writing its statuses (a lost local store cannot re-date it)", async () => {
    const som = await stat(path.join(dir(), 'som.xlsx'));
    expect(som.mtime.toISOString()).toBe('2024-09-14T02:00:00.000Z');
    expect((await stat(path.join(dir(), 'loi.xlsx'))).mtime.toISOString()).toBe('2024-09-14T03:00:00.000Z');
    // The recorded fingerprint is the written file's: same time, new size, so the next sweep reads nothing.
    const recorded = (await firestore.db.collection('sources').doc('som').get()).data();
    expect(recorded?.fingerprint?.size).toBe(som.size);
  });

  it('changes nothing when run again: no statistics, summary or workbook written, and the next sweep reads nothing', async () => {
    const before = await stat(path.join(dir(), 'som.xlsx'));
    const summaryBefore = await readFile(summaryFile());
    const again = await runSummary();
    expect(again.statsWritten).toBe(0);
    expect(again.summary?.written).toBe(false);
    expect(again.feedback).toEqual({ unitsWritten: 0, cellsWritten: 0, unitsMovedOn: 0, tabsAdded: [], refused: [] });
    expect(again.firestoreWrites).toBe(0);
    expect(first.firestoreWrites).toBe(first.statsWritten + first.feedback.unitsWritten);
    expect((await stat(path.join(dir(), 'som.xlsx'))).mtimeMs).toBe(before.mtimeMs);
    expect((await readFile(summaryFile())).equals(summaryBefore)).toBe(true);
    const swept = await runSweep(new Date(NOW.getTime() + 60_000));
    expect(swept.totals.writes).toBe(0);
  });

  it('records but does not apply a change made after the form is locked, and tells the unit so', async () => {
    const locked = forms.map((f) => ({ ...f, lockAfter: { date: '2024-09-17' } }));
    const tab = [
      {
        name: 'Đăng ký tập huấn',
        rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', HEADER, [
          trainingRow(1, 'Lê Thu Hà'),
          trainingRow(2, 'Người thêm sau khi khóa sổ'),
        ]),
      },
    ];
    await writeTestWorkbook(path.join(dir(), 'tre.xlsx'), tab, new Date('2024-09-19T02:00:00Z'));
    const swept = await runSweep(NOW, locked);
    expect(swept.totals.submissionsWritten).toBe(1);
    const doc = (await firestore.db.collection('submissions').doc('tap-huan-2024~mot-lan~tre').get()).data();
    expect(doc?.counts.valid).toBe(1);
    expect(doc?.lockedChange?.rowNumbers).toEqual([5, 6]);
    const revisions = await loadRevisions(firestore.db.collection('submissions').doc('tap-huan-2024~mot-lan~tre'));
    expect(revisions.map((r) => r.applied)).toEqual([true, false]);
    await runSummary(NOW, locked);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir(), 'tre.xlsx'));
    const sheet = workbook.getWorksheet('Đăng ký tập huấn');
    const status = headerCells(sheet).indexOf('Tình trạng (hệ thống ghi)') + 1;
    expect(String(sheet?.getRow(6).getCell(status).value)).toMatch(/^⚠ Đã khóa sổ sau ngày 17\/09\/2024/);
  });
});

function headerCells(sheet: ExcelJS.Worksheet | undefined): string[] {
  let header: string[] = [];
  sheet?.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''));
    // Three different texts: a title line merged across the columns repeats one text in each.
    if (header.length === 0 && new Set(values.filter(Boolean)).size >= 3) header = values;
  });
  return header;
}

function findRow(sheet: ExcelJS.Worksheet | undefined, text: string): ExcelJS.Row | undefined {
  let found: ExcelJS.Row | undefined;
  sheet?.eachRow((row) => {
    if (!found && (row.values as unknown[]).some((v) => v === text)) found = row;
  });
  return found;
}
