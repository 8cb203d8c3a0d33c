import path from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { readControlPlans, readControlWorkbook } from '../../functions/src/adapters/workbook/read-control-workbook.js';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { PLAN_TAB_SPECS } from '../../functions/src/domain/plans/plan-layout.js';
import { useTempDir } from '../support/builders.js';
import { openWorkbook, sheetOf } from '../support/workbooks.js';

const builtins = await loadBuiltinForms();
const settings = {
  districtName: 'Quận Đoàn 1',
  officeEmail: 'vanphong@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const dir = useTempDir('tonghop-control-plans');

describe('control workbook with plan tabs (exceljs)', () => {
  it('writes the 7 built-in plans and reads the same 7 specs back', async () => {
    const file = path.join(dir(), 'control.xlsx');
    await writeControlWorkbook(file, { settings, units: [], plans: builtins });
    const reading = await readControlPlans(file);
    expect(reading.problems).toEqual([]);
    expect([...reading.plans].sort((a, b) => a.id.localeCompare(b.id))).toEqual(builtins);
  });

  it('lays the plan tabs out for people: bold frozen headers, dropdowns from the vocabulary', async () => {
    const file = path.join(dir(), 'layout.xlsx');
    await writeControlWorkbook(file, { settings, units: [], plans: builtins });
    const workbook = await openWorkbook(file);
    for (const spec of PLAN_TAB_SPECS) {
      const sheet = sheetOf(workbook, spec.tab);
      const headers = spec.columns.map((_, i) => sheet.getCell(3, i + 1));
      expect(headers.map((c) => c.value)).toEqual(spec.columns.map((c) => c.header));
      expect(headers.every((c) => c.font?.bold === true)).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    }
    const columnsTab = sheetOf(workbook, 'Cột biểu mẫu');
    const typeColumn = PLAN_TAB_SPECS[1].columns.findIndex((c) => c.key === 'type') + 1;
    const validation = (columnsTab as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const typeRule = Object.entries(validation).find(([address]) =>
      address.startsWith(`${String.fromCharCode(64 + typeColumn)}4`),
    )?.[1];
    expect(typeRule?.type).toBe('list');
    const listSheet = sheetOf(workbook, 'Danh mục');
    const listColumn = /\$([A-Z]+)\$1/.exec(String(typeRule?.formulae[0]))?.[1] ?? '';
    const values = listSheet.getColumn(listColumn).values.slice(1);
    expect(values).toEqual([
      'Chữ',
      'Số nguyên',
      'Số thập phân',
      'Số tiền',
      'Ngày',
      'Giờ',
      'Ngày giờ',
      'Tháng',
      'Lựa chọn',
      'Nhiều lựa chọn',
      'Số điện thoại',
      'Email',
      'Có/Không',
    ]);
  });

  it('reads a Biểu mẫu tab holding full plans and an override row: alone it is a problem, over the catalog it applies', async () => {
    const file = path.join(dir(), 'both.xlsx');
    const plans = builtins.filter((s) => s.id !== 'tap-huan-2024');
    await writeControlWorkbook(file, {
      settings,
      units: [],
      plans,
      forms: [{ formId: 'tap-huan-2024', title: 'Tập huấn', enabled: true, dueDate: '2024-09-17' }],
    });
    // At run time there is no built-in plan: an override row alone names its fix, and the other plans go on.
    const control = await readControlWorkbook(file);
    expect(control.problems[0]).toMatch(
      /^Trang 'Biểu mẫu', dòng \d+, cột 'Mã biểu mẫu': biểu mẫu 'tap-huan-2024' không có cột nào ở trang 'Cột biểu mẫu'; .* npx tonghop plans add tap-huan-2024$/,
    );
    expect(control.plans.plans.map((p) => p.id)).toEqual(plans.map((p) => p.id));
    const reading = await readControlPlans(file, builtins);
    expect(reading.problems).toEqual([]);
    expect(reading.plans.find((p) => p.id === 'tap-huan-2024')?.period).toEqual({
      type: 'once',
      due: { date: '2024-09-17' },
    });
    expect(reading.plans).toHaveLength(9);
  });
});
