import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { notifyDistrict } from '../../functions/src/app/notify-district.js';
import { openDistrict } from '../../functions/src/app/open-district.js';
import { sweepDistrict } from '../../functions/src/app/sweep-district.js';
import { defaultSummaryPath, workbookDistrict } from '../../functions/src/app/workbook-district.js';
import { loadConfig } from '../../functions/src/config.js';
import { testFirestore } from '../support/firestore.js';
import { openWorkbook, sheetOf, writeTestWorkbook } from '../support/workbooks.js';
import { FINANCE_UNITS, financePlans } from '../unit/finance/finance-plans.js';
import { useTempDir } from '../support/builders.js';

/**
 * The finance desk on the workbook adapter: registrations and receipts each come from one shared
 * workbook; the sweep writes the summary's "Kinh phí" tab, and the notice run reminds only the
 * schools that still owe, once per stage, and never the one that paid after its reminder.
 */

const ict = (day: string, time = '08:00') => new Date(`${day}T${time}:00+07:00`);
const RECEIPT_HEADER = ['Đơn vị', 'Số tiền', 'Ngày nộp', 'Người nộp', 'Số biên lai'];

describe('fee reconciliation and payment reminders (workbook adapter)', () => {
  const firestore = testFirestore('fee-reconciliation');
  const dir = useTempDir('tonghop-fees');
  let controlPath: string;
  const config = () =>
    loadConfig({ TONGHOP_PROJECT_ID: 'demo-tonghop', TONGHOP_HOME: dir(), TONGHOP_SEND_HOURS: '0-24' });
  const log = () => undefined;
  const receiptsBook = (rows: (string | number)[][], at: Date) =>
    writeTestWorkbook(
      path.join(dir(), 'units', 'thu-kinh-phi.xlsx'),
      [{ name: 'Thu kinh phí', rows: [RECEIPT_HEADER, ...rows] }],
      at,
    );
  const sweepAt = async (now: Date) => {
    const district = await openDistrict(workbookDistrict(controlPath), firestore.db);
    expect(district.problems).toEqual([]);
    const { result } = await sweepDistrict({ district, request: { step: 'sweep' }, now, log });
    expect(result.kind).toBe('swept');
  };
  const notifyAt = async (now: Date) => {
    const district = await openDistrict(workbookDistrict(controlPath), firestore.db);
    return (await notifyDistrict(district, { config: config(), now, dryRun: false, log })).value.result.outcomes.filter(
      (o) => o.notice.payment,
    );
  };

  beforeAll(async () => {
    controlPath = path.join(dir(), 'bang-dieu-khien.xlsx');
    const { registration, receipts } = financePlans();
    await writeControlWorkbook(controlPath, {
      settings: { districtName: 'Quận Đoàn thử', officeEmail: '', contactName: '', contactPhone: '' },
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
    await receiptsBook(
      [
        ['Liên đội TH An Bình', '3.800.000', '12/09/2024', 'Cô Lan', 'BL-001'],
        ['Liên đội THCS Minh Đức', '1.900.000', '12/09/2024', 'Thầy Hùng', 'BL-002'],
        ['Liên đội THCS Minh Đức', '1.900.000', '12/09/2024', 'Thầy Hùng', 'BL-002'],
      ],
      ict('2024-09-13', '07:00'),
    );
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it("writes the summary's Kinh phí tab: còn nợ per school, owing first, the repeated receipt not counted", async () => {
    await sweepAt(ict('2024-09-13'));
    const tab = sheetOf(await openWorkbook(defaultSummaryPath(controlPath)), 'Kinh phí');
    const rows: unknown[][] = [];
    tab.eachRow((row) => void rows.push((row.values as unknown[]).slice(1, 7)));
    const body = rows.slice(rows.findIndex((r) => r[0] === 'Đơn vị') + 1);
    expect(body.slice(0, 4)).toEqual([
      ['Liên đội THCS Minh Đức', 3, 5_700_000, 1_900_000, 3_800_000, 1],
      ['Liên đội TH Lương Thế Vinh', 1, 1_900_000, 0, 1_900_000, 0],
      ['Liên đội TH An Bình', 2, 3_800_000, 3_800_000, 0, 1],
      ['Tổng cộng', 6, 11_400_000, 5_700_000, 5_700_000, 2],
    ]);
    // No unit owes the receipts plan: it is not among the plans whose completeness the overview shows.
    const overview: string[] = [];
    sheetOf(await openWorkbook(defaultSummaryPath(controlPath)), 'Tổng quan').eachRow(
      (row) => void overview.push(String((row.values as unknown[])[1])),
    );
    expect(overview.some((cell) => cell.includes('Đăng ký tập huấn'))).toBe(true);
    expect(overview.some((cell) => cell.includes('Thu kinh phí'))).toBe(false);
    const status = sheetOf(await openWorkbook(path.join(dir(), 'units', 'thu-kinh-phi.xlsx')), 'Thu kinh phí').getRow(4)
      .values as unknown[];
    expect(String(status.at(-1))).toContain("Dòng 4, cột 'Số biên lai': 'BL-002' trùng với dòng 3");
  });

  it('reminds only the schools that owe, with the amount, the deadline and where to pay; once per stage', async () => {
    const first = await notifyAt(ict('2024-09-13', '09:00'));
    expect(first.map((o) => [o.notice.unitId, o.notice.stage, o.result])).toEqual([
      ['th-luong-the-vinh', 'reminder', 'sent'],
      ['thcs-minh-duc', 'reminder', 'sent'],
    ]);
    expect(await notifyAt(ict('2024-09-14', '09:00'))).toEqual([]);
    const outbox = path.join(dir(), 'outbox');
    const mails = await Promise.all((await readdir(outbox)).map((f) => readFile(path.join(outbox, f), 'utf8')));
    const minhDuc = mails.find((m) => m.includes('thcs-minh-duc@truong.edu.vn'));
    expect(minhDuc).toBeDefined();
    expect(minhDuc).toContain('3.800.000');
    expect(mails.filter((m) => m.includes('th-an-binh@truong.edu.vn'))).toEqual([]);
  });

  it('a school that pays after its reminder gets no overdue notice; the one still owing does', async () => {
    await receiptsBook(
      [
        ['Liên đội TH An Bình', '3.800.000', '12/09/2024', 'Cô Lan', 'BL-001'],
        ['Liên đội THCS Minh Đức', '1.900.000', '12/09/2024', 'Thầy Hùng', 'BL-002'],
        ['Liên đội THCS Minh Đức', '3.800.000', '16/09/2024', 'Thầy Hùng', 'BL-004'],
      ],
      ict('2024-09-16', '15:00'),
    );
    await sweepAt(ict('2024-09-17'));
    const overdue = await notifyAt(ict('2024-09-17', '09:00'));
    expect(overdue.map((o) => [o.notice.unitId, o.notice.stage, o.result])).toEqual([
      ['th-luong-the-vinh', 'overdue', 'sent'],
    ]);
  });
});
