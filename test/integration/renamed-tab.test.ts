import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { readWorkbookTabs } from '../../functions/src/adapters/xlsx/read-workbook.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { STANDING_TAB } from '../../functions/src/domain/feedback/unit-feedback.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import { STATUS_HEADER } from '../../functions/src/domain/forms/header-match.js';
import { findTab } from '../../functions/src/domain/forms/read-form-tab.js';
import { summarize } from '../../functions/src/jobs/summarize/summarize.js';
import { sweep, type SweepResult } from '../../functions/src/jobs/sweep/sweep.js';
import { testUnit, useTempDir } from '../support/builders.js';
import { testFirestore } from '../support/firestore.js';
import { titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';

const TAP_HUAN = [
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
const KHN = [
  'STT',
  'Hoạt động',
  'Tên hoạt động, nội dung',
  'Ngày tổ chức',
  'Số đội viên tham gia',
  'Số tiền thu được',
  'Khối lượng thu gom (kg)',
  'Ghi chú',
];
const KHN_ROW: TestCell[] = [
  1,
  'Thu gom',
  'Thu gom giấy vụn đợt 1',
  new Date(Date.UTC(2023, 10, 25)),
  450,
  '3,5 triệu',
  '1.250,5',
  null,
];
const person = (stt: number, name: string): TestCell[] => [
  stt,
  name,
  'TPT',
  'Nữ',
  '12/3/1990',
  '0983.018.027',
  null,
  'Tập huấn',
  'Có',
  null,
];
const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const UNIT = testUnit('doi', { name: 'Liên đội thử', type: 'lien-doi', level: 'Tiểu học' });
const MESSAGE =
  "Trang 'Sheet1' được đọc là biểu mẫu 'Đăng ký tập huấn' (khớp tiêu đề cột); đề nghị đổi tên trang thành 'Đăng ký tập huấn'.";

/**
 * A unit that renamed its form tab to "Sheet1" and sent only that tab: the rows are stored under
 * the form, the unit is told the tab's expected name, the row statuses go into "Sheet1", and the
 * form whose tab the file lacks keeps its report.
 */
describe('a tab renamed by the unit, recognised by its header row (workbook sweep)', () => {
  const firestore = testFirestore('renamed-tab');
  const dir = useTempDir('tonghop-renamed-tab');
  let forms: FormSpec[];
  let folder: UnitWorkbookFolder;
  let second: SweepResult;
  const file = () => path.join(dir(), UNIT.source);
  const runSweep = (now: Date) =>
    sweep({ units: [UNIT], forms, source: folder, store: new FirestoreSweepStore(firestore.db), now });
  const submission = async (id: string) => (await firestore.db.collection('submissions').doc(id).get()).data();

  beforeAll(async () => {
    folder = new UnitWorkbookFolder(dir());
    forms = (await loadBuiltinForms()).filter((f) => f.id === 'tap-huan-2024' || f.id === 'ke-hoach-nho-65-nam');
    await writeTestWorkbook(
      file(),
      [
        { name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ', TAP_HUAN, [person(1, 'Nguyễn Thị Lan')]) },
        { name: 'Kế hoạch nhỏ 65 năm', rows: titled('BÁO CÁO', KHN, [KHN_ROW]) },
      ],
      new Date('2024-09-14T02:00:00Z'),
    );
    await runSweep(new Date('2024-09-15T01:00:00Z'));
    // The next file: the form tab renamed "Sheet1" (with a row more), the other form's tab left out, and a scratch tab.
    await writeTestWorkbook(
      file(),
      [
        {
          name: 'Sheet1',
          rows: titled('ĐĂNG KÝ', TAP_HUAN, [person(1, 'Nguyễn Thị Lan'), person(2, 'Trần Văn Minh')]),
        },
        { name: 'Sheet2', rows: [['Ghi chép riêng của đơn vị']] },
      ],
      new Date('2024-09-15T03:00:00Z'),
    );
    second = await runSweep(new Date('2024-09-16T01:00:00Z'));
  });

  it('stores the renamed tab’s rows as the form’s report and tells the unit the expected name', async () => {
    const unit = second.units.find((u) => u.unitId === UNIT.id);
    expect(unit?.outcome).toBe('read');
    expect(unit?.rowsValid).toBe(2);
    const doc = await submission(`tap-huan-2024~mot-lan~${UNIT.id}`);
    expect(doc?.revision).toBe(2);
    expect(doc?.counts).toEqual({ read: 2, valid: 2, rejected: 0, nil: 0 });
    expect(unit?.problems).toContainEqual({ formId: 'tap-huan-2024', severity: 'warning', message: MESSAGE });
  });

  it('keeps the report of the form whose tab the file lacks (a partial file deletes nothing)', async () => {
    const doc = await submission(`ke-hoach-nho-65-nam~mot-lan~${UNIT.id}`);
    expect(doc?.revision).toBe(1);
    expect(doc?.counts.valid).toBe(1);
    const unit = second.units.find((u) => u.unitId === UNIT.id);
    expect(unit?.problems.find((p) => p.formId === 'ke-hoach-nho-65-nam')?.message).toContain(
      "lần này không có trang 'Kế hoạch nhỏ 65 năm'",
    );
    expect(second.totals.submissionsWritten).toBe(1);
  });

  it('writes the row statuses into the renamed tab and the note into "Tình hình nộp"', async () => {
    await summarize({
      settings: SETTINGS,
      units: [UNIT],
      forms,
      store: new FirestoreSummaryStore(firestore.db),
      output: new SummaryWorkbookFile(path.join(dir(), 'tong-hop.xlsx')),
      feedback: folder,
      now: new Date('2024-09-16T02:00:00Z'),
    });
    const tabs = await readWorkbookTabs(await readFile(file()), UNIT.source);
    const sheet1 = findTab(tabs, 'Sheet1');
    const header = sheet1?.rows.find((r) => r.cells.includes('Họ và tên'));
    const statusColumn = header?.cells.indexOf(STATUS_HEADER) ?? -1;
    expect(statusColumn).toBeGreaterThanOrEqual(0);
    const statuses = sheet1?.rows
      .filter((r) => r.rowNumber > (header?.rowNumber ?? 0))
      .map((r) => r.cells[statusColumn]);
    expect(statuses).toEqual(['✓ Hợp lệ', '✓ Hợp lệ']);
    // No blank "Đăng ký tập huấn" tab is added beside it: the form has its tab.
    expect(findTab(tabs, 'Đăng ký tập huấn')).toBeUndefined();
    expect(findTab(tabs, 'Sheet2')?.rows).toEqual([{ rowNumber: 1, cells: ['Ghi chép riêng của đơn vị'] }]);
    const standing = findTab(tabs, STANDING_TAB);
    const tapHuanRow = standing?.rows.find((r) => r.cells[0] === 'Đăng ký tập huấn');
    expect(tapHuanRow?.cells.some((c) => typeof c === 'string' && c.includes(MESSAGE.replace(/\.$/, '')))).toBe(true);
    const khnRow = standing?.rows.find((r) => r.cells[0] === 'Kế hoạch nhỏ 65 năm');
    expect(khnRow?.cells.some((c) => typeof c === 'string' && c.includes('Sheet1'))).toBe(false);
  });
});
