import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { openDistrict } from '../../functions/src/app/open-district.js';
import { sweepDistrict } from '../../functions/src/app/sweep-district.js';
import { defaultSummaryPath, workbookDistrict } from '../../functions/src/app/workbook-district.js';
import { REVIEW_HEADERS, REVIEW_TAB } from '../../functions/src/domain/review/review-tab.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { testFirestore } from '../support/firestore.js';
import { openWorkbook, sheetOf, titled, writeTestWorkbook } from '../support/workbooks.js';
import { useTempDir } from '../support/builders.js';

/*
 * Review per plan, through the nightly sweep of a workbook district: the district-wide 'Duyệt báo cáo' is off,
 * one plan says 'Cần duyệt: Có' and 'Tính nộp đủ theo: Đã duyệt', its twin says 'Cần duyệt: Không'. Only the
 * first is listed in 'Duyệt báo cáo', with its basis named, and a decision typed there is recorded.
 */

const NOW = new Date('2024-09-20T01:00:00Z');
const UNIT: Unit = {
  id: 'duyet',
  name: 'Liên đội Duyệt Thử',
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [],
  source: 'duyet.xlsx',
};
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
const ROWS = [[1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', '12/03/1990', '0983018027', null, 'Tập huấn', 'Có', null]];

describe("per-plan 'Cần duyệt' through a sweep (workbook adapter)", () => {
  const firestore = testFirestore('plan-review-sweep');
  const dir = useTempDir('tonghop-plan-review');
  let controlPath: string;
  let reviewed: FormSpec;
  let unreviewed: FormSpec;
  const sweepOnce = async () => {
    const district = await openDistrict(workbookDistrict(controlPath), firestore.db);
    expect(district.problems).toEqual([]);
    const { result } = await sweepDistrict({ district, request: { step: 'sweep' }, now: NOW, log: () => undefined });
    if (result.kind !== 'swept') throw new Error(`expected a sweep, got ${result.kind}`);
    return result.summary;
  };
  const reviewGrid = async () => {
    const sheet = sheetOf(await openWorkbook(defaultSummaryPath(controlPath)), REVIEW_TAB);
    const grid: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++)
      grid.push(Array.from({ length: sheet.getRow(r).cellCount }, (_, c) => sheet.getRow(r).getCell(c + 1).text));
    return grid;
  };

  beforeAll(async () => {
    controlPath = path.join(dir(), 'control.xlsx');
    const base = (await loadBuiltinForms()).find((f) => f.id === 'tap-huan-2024');
    if (!base) throw new Error('no built-in tap-huan-2024');
    reviewed = base;
    unreviewed = { ...base, id: 'tap-huan-dot-2', title: 'Đăng ký tập huấn đợt 2', tab: 'Tập huấn đợt 2' };
    await writeControlWorkbook(controlPath, {
      settings: { districtName: 'Quận Đoàn thử', officeEmail: '', contactName: '', contactPhone: '' },
      units: [UNIT],
      plans: [reviewed, unreviewed],
    });
    await setPlanCells(controlPath, {
      [reviewed.id]: { 'Cần duyệt': 'Có', 'Tính nộp đủ theo': 'Đã duyệt' },
      [unreviewed.id]: { 'Cần duyệt': 'Không' },
    });
    const tab = (spec: FormSpec) => ({ name: spec.tab, rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', HEADER, ROWS) });
    await writeTestWorkbook(
      path.join(dir(), 'units', 'duyet.xlsx'),
      [tab(reviewed), tab(unreviewed)],
      new Date('2024-09-14T02:00:00Z'),
    );
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('lists only the plan that needs review, and names its completeness basis beside the rates', async () => {
    const summary = await sweepOnce();
    expect(summary?.review).toEqual({ recorded: 0, refused: [] });
    const grid = await reviewGrid();
    const ids = grid.flat().filter((c) => c.includes('~duyet'));
    expect(ids).toEqual([`${reviewed.id}~mot-lan~duyet`]);
    const rateRow = grid.find((r) => r[0] === reviewed.title && r.includes('Tỉ lệ nộp đủ (tính theo đã duyệt)'));
    expect(rateRow, 'the rates row of the reviewed plan names the approved basis').toBeDefined();
    expect(grid.flat().join('\n')).not.toContain(unreviewed.title);
  });

  it('records a decision typed in its row at the next sweep', async () => {
    const file = defaultSummaryPath(controlPath);
    const workbook = await openWorkbook(file);
    const sheet = sheetOf(workbook, REVIEW_TAB);
    const grid = await reviewGrid();
    const header = grid.findIndex((r) => r.includes(REVIEW_HEADERS.submissionId));
    sheet.getRow(header + 2).getCell((grid[header] ?? []).indexOf(REVIEW_HEADERS.decision) + 1).value = 'Đã duyệt';
    await workbook.xlsx.writeFile(file);
    expect((await sweepOnce())?.review?.recorded).toBe(1);
    const row = (await reviewGrid()).find((r) => r.includes(`${reviewed.id}~mot-lan~duyet`));
    expect(row?.[(grid[header] ?? []).indexOf(REVIEW_HEADERS.standing)]).toBe('Đã duyệt');
  });
});

/** Type cells into plans' rows of the control's "Biểu mẫu" tab, adding a header where the tab has none. */
async function setPlanCells(file: string, cells: Record<string, Record<string, string>>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Biểu mẫu');
  if (!sheet) throw new Error('no Biểu mẫu tab');
  let headerRow = 0;
  for (let r = 1; r <= sheet.rowCount && headerRow === 0; r++)
    if ((sheet.getRow(r).values as unknown[]).includes('Mã biểu mẫu')) headerRow = r;
  const headers = () => (sheet.getRow(headerRow).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const columnOf = (name: string) => {
    if (!headers().includes(name)) sheet.getRow(headerRow).getCell(headers().length).value = name;
    return headers().indexOf(name);
  };
  const idColumn = columnOf('Mã biểu mẫu');
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const wanted = cells[sheet.getRow(r).getCell(idColumn).text];
    for (const [name, value] of Object.entries(wanted ?? {})) sheet.getRow(r).getCell(columnOf(name)).value = value;
  }
  await workbook.xlsx.writeFile(file);
}
