import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook, sheetOf } from '../support/workbooks.js';
import { BUILTIN_FORMS, builtinForm } from '../support/forms.js';
import { readControlWorkbook } from '../../functions/src/adapters/workbook/read-control-workbook.js';
import {
  addFormSheet,
  FIRST_DATA_ROW,
  HEADER_ROW,
  HELP_SHEET,
  LISTS_SHEET,
} from '../../functions/src/adapters/workbook/write-form-sheet.js';
import {
  writeControlWorkbook,
  writeFormTemplates,
  writeUnitWorkbook,
} from '../../functions/src/adapters/workbook/write-templates.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import { STATUS_HEADER } from '../../functions/src/domain/forms/header-match.js';
import { SETTINGS_LABELS, SETTINGS_TAB, UNITS_TAB_SPEC } from '../../functions/src/domain/units/control-layout.js';
import { unitSchema } from '../../functions/src/domain/units/unit.js';
import { localizePlan } from '../../functions/src/domain/plans/district-placeholders.js';
import { PLAN_FORMS_TAB_SPEC, PLAN_TAB_SPECS } from '../../functions/src/domain/plans/plan-layout.js';
import { builtinFormDue } from '../support/forms.js';
import { useTempDir } from '../support/builders.js';

const specs = [...BUILTIN_FORMS];
const tempDir = useTempDir('tonghop-templates');
let dir: string;
let files: string[];

const spec = builtinForm;

async function openTemplate(id: string): Promise<ExcelJS.Worksheet> {
  return sheetOf(await openWorkbook(path.join(dir, `${id}.xlsx`)), spec(id).tab);
}

function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number): unknown[] {
  return (sheet.getRow(rowNumber).values as unknown[]).slice(1);
}

/** Column number (1-based) of a column key in a form sheet we wrote. */
function columnOf(form: FormSpec, key: string): number {
  return form.columns.findIndex((c) => c.key === key) + 1;
}

/** The values a dropdown offers, read from the list range its formula names. */
function listValues(workbook: ExcelJS.Workbook, formula: string): unknown[] {
  const m = /^'Danh mục'!\$([A-Z]+)\$1:\$\1\$(\d+)$/.exec(formula);
  if (!m) throw new Error(`not a Danh mục range: ${formula}`);
  const lists = sheetOf(workbook, LISTS_SHEET);
  return Array.from({ length: Number(m[2]) }, (_, i) => lists.getCell(`${m[1]}${i + 1}`).value);
}

beforeAll(async () => {
  dir = tempDir();
  files = await writeFormTemplates(specs, dir);
});

describe('writeFormTemplates', () => {
  it('writes one <id>.xlsx per form with its headers in row 5 and the status column last', async () => {
    expect(files.map((f) => path.basename(f))).toEqual(specs.map((s) => `${s.id}.xlsx`));
    for (const form of specs) {
      const workbook = await openWorkbook(path.join(dir, `${form.id}.xlsx`));
      const sheet = sheetOf(workbook, form.tab);
      expect(rowValues(sheet, HEADER_ROW)).toEqual([...form.columns.map((c) => c.header), STATUS_HEADER]);
      expect(sheet.getRow(FIRST_DATA_ROW).cellCount).toBe(0);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
      expect(JSON.stringify(sheet.getCell(HEADER_ROW, form.columns.length + 1).note)).toContain(
        'Hệ thống tự ghi, không nhập vào cột này',
      );
      expect(sheetOf(workbook, HELP_SHEET).name).toBe('Hướng dẫn');
    }
  });

  it('puts the issuer, the title and the deadline above the header', async () => {
    const sheet = await openTemplate('tap-huan-2024');
    expect(sheet.getCell('A1').value).toBe(
      'Hội đồng Đội – {Tên đơn vị tổng hợp} – Phòng Giáo dục và Đào tạo – Nhà Thiếu nhi — Kế hoạch số 42-KHLT/GDĐT-HĐĐ-NTN',
    );
    expect(sheet.getCell('A2').value).toBe(spec('tap-huan-2024').title);
    expect(sheet.getCell('A2').font.bold).toBe(true);
    expect(String(sheet.getCell('A3').value)).toContain('Hạn nộp: 10g00 ngày 15/09/2024');
    expect(String((await openTemplate('30-phut-bao-cao')).getCell('A3').value)).toContain(
      'ngày 5 hằng tháng, cho tháng trước',
    );
    expect(String((await openTemplate('ren-luyen-2014-danh-gia')).getCell('A3').value)).toContain(
      'Đợt I: ngày 10/04/2014; Đợt II: ngày 10/06/2014',
    );
    expect(String((await openTemplate('lien-tich-2022-2023')).getCell('A3').value)).toContain(
      'ngày 31/05/2023 (năm học 2022 – 2023)',
    );
  });

  it('offers enum options from the hidden "Danh mục" tab without blocking aliases', async () => {
    const form = spec('tap-huan-2024');
    const workbook = await openWorkbook(path.join(dir, 'tap-huan-2024.xlsx'));
    const sheet = sheetOf(workbook, form.tab);
    const column = columnOf(form, 'chucVu');
    const validation = sheet.getCell(FIRST_DATA_ROW, column).dataValidation;
    expect(validation.type).toBe('list');
    expect(validation.showErrorMessage).toBeFalsy();
    expect(listValues(workbook, String(validation.formulae[0]))).toEqual(
      form.columns[column - 1]?.options?.map((o) => o.value),
    );
    expect(sheet.getCell(500, column).dataValidation?.type).toBe('list');
    expect(sheet.getCell(501, column).dataValidation).toBeUndefined();
    expect(sheetOf(workbook, LISTS_SHEET).state).toBe('hidden');
    expect(sheet.getCell(FIRST_DATA_ROW, columnOf(form, 'daDongKinhPhi')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Có,Không"'],
    });
  });

  it('lists the phase names in a phases form period column and checks whole numbers with a warning', async () => {
    const form = spec('ren-luyen-2014-danh-gia');
    const workbook = await openWorkbook(path.join(dir, `${form.id}.xlsx`));
    const validation = sheetOf(workbook, form.tab).getCell(FIRST_DATA_ROW, columnOf(form, 'dot')).dataValidation;
    expect(listValues(workbook, String(validation.formulae[0]))).toEqual(['Đợt I', 'Đợt II', 'Đợt III', 'Đợt IV']);
    const report = spec('30-phut-bao-cao');
    const week = (await openTemplate(report.id)).getCell(FIRST_DATA_ROW, columnOf(report, 'tuan')).dataValidation;
    expect(week).toMatchObject({ type: 'whole', operator: 'between', formulae: [1, 5], errorStyle: 'warning' });
  });

  it('formats dates, money, months and keeps phones as text', async () => {
    const training = spec('tap-huan-2024');
    const sheet = await openTemplate(training.id);
    expect(sheet.getCell(FIRST_DATA_ROW, columnOf(training, 'ngaySinh')).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell(FIRST_DATA_ROW, columnOf(training, 'soDienThoai')).numFmt).toBe('@');
    const plan = spec('ke-hoach-nho-65-nam');
    expect((await openTemplate(plan.id)).getCell(FIRST_DATA_ROW, columnOf(plan, 'soTien')).numFmt).toBe('#,##0 "đ"');
    const report = spec('30-phut-bao-cao');
    expect((await openTemplate(report.id)).getCell(FIRST_DATA_ROW, columnOf(report, 'thang')).numFmt).toBe('mm/yyyy');
  });

  it('explains every column in the help tab', async () => {
    const help = sheetOf(await openWorkbook(path.join(dir, 'tap-huan-2024.xlsx')), HELP_SHEET);
    const text: string[] = [];
    help.eachRow((row) => text.push((row.values as unknown[]).filter((v) => typeof v === 'string').join(' | ')));
    const all = text.join('\n');
    for (const column of spec('tap-huan-2024').columns) expect(all).toContain(column.header);
    expect(all).toContain('Ngày/tháng/năm, ví dụ 15/09/2024');
    expect(all).toContain('Số điện thoại 10 chữ số');
    expect(all).toContain('Chọn trong danh sách: Tổng phụ trách Đội; Phó Tổng phụ trách Đội');
    expect(all).toContain('Hạn nộp: 10g00 ngày 15/09/2024');
    expect(all).toContain(`${STATUS_HEADER} | Hệ thống tự ghi`);
    expect(all).toContain('ghi một dòng chỉ có chữ “Không phát sinh”');
    expect(all).toBe(all.normalize('NFC'));
  });
});

describe('addFormSheet', () => {
  it('writes strings that look like formulas as plain text', async () => {
    const form = spec('30-phut-dang-ky');
    const workbook = new ExcelJS.Workbook();
    const typed = ['=1+1', '+84 912 345 678', '-5 người', '@quandoan'];
    addFormSheet(workbook, form, { unitName: 'Đoàn cơ sở mẫu', rows: typed.map((t) => [t]) });
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(await workbook.xlsx.writeBuffer());
    const sheet = sheetOf(reread, form.tab);
    typed.forEach((t, i) => {
      const cell = sheet.getCell(FIRST_DATA_ROW + i, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(t);
      expect(cell.formula).toBeUndefined();
    });
    expect(String(sheet.getCell('A3').value)).toMatch(/^Đơn vị: Đoàn cơ sở mẫu — Hạn nộp: ngày 15\/04\/2020$/);
  });

  it('refuses rows wider than the form and tab names Excel cannot hold', () => {
    const form = spec('30-phut-dang-ky');
    expect(() =>
      addFormSheet(new ExcelJS.Workbook(), form, {
        rows: [Array.from({ length: form.columns.length + 1 }, () => 'x')],
      }),
    ).toThrow(RangeError);
    expect(() =>
      addFormSheet(new ExcelJS.Workbook(), { ...form, tab: 'Một tên trang dài hơn ba mươi mốt ký tự' }),
    ).toThrow(/31 characters/);
  });

  it('writes a unit workbook with one tab per form sharing one list tab', async () => {
    const forms = [spec('ren-luyen-2014-dang-ky'), spec('ren-luyen-2014-danh-gia')];
    const file = path.join(dir, 'unit', 'cd-mau.xlsx');
    const rows = new Map([['ren-luyen-2014-danh-gia', [['Đợt I', 'Nguyễn Văn An', 'HTXS', 'HTT', null]]]]);
    await writeUnitWorkbook(file, 'Chi đoàn mẫu', forms, rows);
    const workbook = await openWorkbook(file);
    expect(workbook.worksheets.map((w) => w.name).sort()).toEqual(
      [LISTS_SHEET, HELP_SHEET, ...forms.map((f) => f.tab)].sort(),
    );
    expect(rowValues(sheetOf(workbook, 'Đánh giá theo đợt'), FIRST_DATA_ROW)).toEqual([
      'Đợt I',
      'Nguyễn Văn An',
      'HTXS',
      'HTT',
    ]);
    expect(String(sheetOf(workbook, 'Đăng ký rèn luyện').getCell('A3').value)).toContain('Đơn vị: Chi đoàn mẫu');
  });
});

describe('writeControlWorkbook', () => {
  const units = [
    unitSchema.parse({
      id: 'th-luong-the-vinh',
      name: 'Liên đội Tiểu học Lương Thế Vinh',
      type: 'lien-doi',
      level: 'Tiểu học',
      cluster: 'Cụm 1',
      contacts: [{ name: 'Nguyễn Thị Hoa', email: 'hoa@example.com', phone: '0983018027' }],
      members: 1200,
      source: 'th-luong-the-vinh.xlsx',
    }),
    unitSchema.parse({
      id: 'cd-kp1',
      name: 'Chi đoàn Khu phố 1',
      type: 'chi-doan',
      source: 'cd-kp1.xlsx',
      activeFrom: '2014-03-01',
      activeTo: '2014-12-31',
    }),
  ];
  const settings = {
    districtName: 'Quận Đoàn 1',
    officeEmail: 'vanphong@example.com',
    contactName: 'Lê Ánh Hồng',
    contactPhone: '0983 018 027',
  };

  it('writes the tabs and headers of control-layout.ts and the plan tabs, with type labels and date cells', async () => {
    const file = path.join(dir, 'control.xlsx');
    const plan = builtinFormDue('tap-huan-2024', '2024-09-16', '10:00');
    await writeControlWorkbook(file, { settings, units, plans: [plan] });
    const workbook = await openWorkbook(file);
    const unitsTab = sheetOf(workbook, UNITS_TAB_SPEC.tab);
    expect(rowValues(unitsTab, 3)).toEqual(UNITS_TAB_SPEC.columns.map((c) => c.header));
    expect(rowValues(unitsTab, 4).slice(0, 9)).toEqual([
      'th-luong-the-vinh',
      'Liên đội Tiểu học Lương Thế Vinh',
      'Liên đội',
      'Tiểu học',
      'Cụm 1',
      'Nguyễn Thị Hoa',
      'hoa@example.com',
      '0983018027',
      1200,
    ]);
    expect(unitsTab.getCell(5, 3).value).toBe('Chi đoàn');
    expect(unitsTab.getCell(5, 11).value).toEqual(new Date('2014-03-01T00:00:00Z'));
    for (const spec of PLAN_TAB_SPECS)
      expect(rowValues(sheetOf(workbook, spec.tab), 3)).toEqual(spec.columns.map((c) => c.header));
    expect(rowValues(sheetOf(workbook, PLAN_FORMS_TAB_SPEC.tab), 4)[0]).toBe('tap-huan-2024');
    const settingsTab = sheetOf(workbook, SETTINGS_TAB);
    expect([1, 2, 3, 4].map((r) => rowValues(settingsTab, r))).toEqual(
      Object.entries(SETTINGS_LABELS).map(([key, label]) => [label, settings[key as keyof typeof settings]]),
    );

    const reading = await readControlWorkbook(file);
    expect(reading.problems).toEqual([]);
    expect(reading.units).toEqual(units);
    expect(reading.settings).toEqual(settings);
    expect(reading.plans.plans).toEqual([localizePlan(plan, settings)]);
  });
});
