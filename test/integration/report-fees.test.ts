import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_RENDERERS, reportFolder } from '../../functions/src/adapters/report/report-files.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { openDistrict } from '../../functions/src/app/open-district.js';
import { sweepDistrict } from '../../functions/src/app/sweep-district.js';
import { workbookDistrict } from '../../functions/src/app/workbook-district.js';
import { formatVietnameseMoney } from '../../functions/src/domain/cells/money.js';
import { reconcileFees, type FeeReconciliation } from '../../functions/src/domain/finance/reconcile-fees.js';
import { makeReport, type MadeReport } from '../../functions/src/jobs/report/make-report.js';
import { documentXml, paragraphsOf, tablesOf } from '../support/docx-text.js';
import { testFirestore } from '../support/firestore.js';
import { writeTestWorkbook } from '../support/workbooks.js';
import { FINANCE_UNITS, financePlans } from '../unit/finance/finance-plans.js';
import { useTempDir } from '../support/builders.js';

/**
 * `tonghop report` of a registration whose fee the finance desk reconciles ('Còn nợ'): the .docx gets a
 * Kinh phí section whose figures are the reconciliation's, re-read from word/document.xml.
 */

const ict = (day: string, time = '08:00') => new Date(`${day}T${time}:00+07:00`);

describe('tonghop report: the Kinh phí section (phải nộp, đã nộp, còn nợ)', () => {
  const firestore = testFirestore('report-fees');
  const dir = useTempDir('tonghop-report-fees');
  let made: MadeReport;
  let reconciliation: FeeReconciliation;

  beforeAll(async () => {
    const controlPath = path.join(dir(), 'bang-dieu-khien.xlsx');
    const { registration, receipts } = financePlans();
    await writeControlWorkbook(controlPath, {
      settings: { districtName: 'Quận Đoàn 1', officeEmail: '', contactName: '', contactPhone: '' },
      units: FINANCE_UNITS.slice(0, 3),
      plans: [registration, receipts],
    });
    const control = new ExcelJS.Workbook();
    await control.xlsx.readFile(controlPath);
    const sources = control.addWorksheet('Nguồn dữ liệu');
    sources.addRow(['Mã biểu mẫu', 'Loại nguồn', 'Tệp/Bảng tính', 'Trang tính', 'Cột đơn vị', 'Cột thời gian']);
    sources.addRow(['dang-ky', 'Bảng chung', 'dang-ky.xlsx', 'Đăng ký', '', '']);
    sources.addRow(['thu-kinh-phi', 'Bảng chung', 'thu-kinh-phi.xlsx', 'Thu kinh phí', '', '']);
    await control.xlsx.writeFile(controlPath);
    const person = (unit: string, name: string) => ['13/09/2024 09:00:00', unit, name];
    await writeTestWorkbook(
      path.join(dir(), 'units', 'dang-ky.xlsx'),
      [
        {
          name: 'Đăng ký',
          rows: [
            ['Dấu thời gian', 'Đơn vị', 'Họ và tên'],
            person('Liên đội TH An Bình', 'Nguyễn Lan'),
            person('Liên đội TH An Bình', 'Trần Minh'),
            person('Liên đội THCS Minh Đức', 'Lê Hà'),
            person('Liên đội THCS Minh Đức', 'Phạm An'),
            person('Liên đội THCS Minh Đức', 'Võ Bình'),
            person('Liên đội TH Lương Thế Vinh', 'Đỗ Quý'),
          ],
        },
      ],
      ict('2024-09-13', '07:00'),
    );
    await writeTestWorkbook(
      path.join(dir(), 'units', 'thu-kinh-phi.xlsx'),
      [
        {
          name: 'Thu kinh phí',
          rows: [
            ['Đơn vị', 'Số tiền', 'Ngày nộp', 'Người nộp', 'Số biên lai'],
            ['Liên đội TH An Bình', '3.800.000', '12/09/2024', 'Cô Lan', 'BL-001'],
            ['Liên đội THCS Minh Đức', '1.900.000', '12/09/2024', 'Thầy Hùng', 'BL-002'],
          ],
        },
      ],
      ict('2024-09-13', '07:00'),
    );
    const district = await openDistrict(workbookDistrict(controlPath), firestore.db);
    expect(district.problems).toEqual([]);
    await sweepDistrict({ district, request: { step: 'sweep' }, now: ict('2024-09-17'), log: () => undefined });
    const store = new FirestoreSummaryStore(firestore.db);
    const { settings, units } = district.control;
    made = await makeReport({
      store,
      settings,
      units,
      forms: district.forms,
      formId: 'dang-ky',
      now: ict('2024-09-17', '09:00'),
      render: REPORT_RENDERERS,
      folder: reportFolder(path.join(dir(), 'bao-cao')),
    });
    // The reconciliation computed on its own, from what is stored: the report must state exactly it.
    const found = reconcileFees(district.forms, units, await store.loadSubmissions()).reconciliations[0];
    if (!found) throw new Error('no reconciliation');
    reconciliation = found;
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  const xml = async () => {
    if (!made.ok) throw new Error(made.reason);
    return documentXml(await readFile(made.files.docx));
  };

  it('adds a numbered Kinh phí section after the results, the later sections renumbered', async () => {
    const paragraphs = paragraphsOf(await xml());
    const headings = paragraphs.filter((p) => /^[IVX]+\. /.test(p));
    expect(headings).toEqual([
      'I. TÌNH HÌNH NỘP BÁO CÁO',
      'II. KẾT QUẢ THỰC HIỆN',
      'III. KINH PHÍ',
      'IV. ĐƠN VỊ CHƯA NỘP HOẶC NỘP CHƯA ĐẠT',
      'V. ĐÁNH GIÁ CHUNG',
      'VI. ĐỀ XUẤT',
    ]);
    expect(paragraphs.find((p) => p.startsWith('Kinh phí 1.900.000'))).toBe(
      'Kinh phí 1.900.000 đ/người, hạn nộp ngày 16/09/2024; đối chiếu với thu kinh phí tập huấn: phải nộp 11.400.000 đ, đã nộp 5.700.000 đ, còn nợ 5.700.000 đ.',
    );
  });

  it("the table: phải nộp, đã nộp, còn nợ per unit and in total, the reconciliation's figures as 1.900.000 đ", async () => {
    const table = tablesOf(await xml()).find((t) => t[0]?.[0] === 'Đơn vị');
    const money = formatVietnameseMoney;
    const expected = [
      ['Đơn vị', 'Số người', 'Phải nộp', 'Đã nộp', 'Còn nợ'],
      ...reconciliation.units.map((u) => [
        u.unitName,
        String(u.participants),
        money(u.owed),
        money(u.paid),
        money(u.balance),
      ]),
      [
        'Tổng cộng',
        '6',
        money(reconciliation.totals.owed),
        money(reconciliation.totals.paid),
        money(reconciliation.totals.balance),
      ],
    ];
    expect(table).toEqual(expected);
    // The figures themselves, so a wrong reconciliation cannot hide behind a matching one.
    expect(table?.slice(1)).toEqual([
      ['Liên đội THCS Minh Đức', '3', '5.700.000 đ', '1.900.000 đ', '3.800.000 đ'],
      ['Liên đội TH Lương Thế Vinh', '1', '1.900.000 đ', '0 đ', '1.900.000 đ'],
      ['Liên đội TH An Bình', '2', '3.800.000 đ', '3.800.000 đ', '0 đ'],
      ['Tổng cộng', '6', '11.400.000 đ', '5.700.000 đ', '5.700.000 đ'],
    ]);
  });

  it('lists the units still owing with the amount, in NFC Vietnamese, no names of people', async () => {
    const text = await xml();
    const paragraphs = paragraphsOf(text);
    const start = paragraphs.indexOf('Đơn vị còn nợ (2):');
    expect(paragraphs.slice(start, start + 3)).toEqual([
      'Đơn vị còn nợ (2):',
      '1. Liên đội THCS Minh Đức: còn nợ 3.800.000 đ.',
      '2. Liên đội TH Lương Thế Vinh: còn nợ 1.900.000 đ.',
    ]);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).not.toMatch(/Thầy Hùng|Cô Lan|Nguyễn Lan/);
  });

  it('--json carries the same fee figures', () => {
    if (!made.ok) throw new Error(made.reason);
    expect(made.figures.fees?.[0]?.totals).toEqual({
      participants: 6,
      owed: 11_400_000,
      paid: 5_700_000,
      balance: 5_700_000,
      overpaid: 0,
    });
  });
});
