import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import { plansRows, planSheetTabs } from '../../../functions/src/domain/plans/plan-rows.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import { cityPlanForReports } from '../../../functions/src/domain/report/city-plan.js';
import { planTab } from '../plans/plan-sheet-fixture.js';

/** A district's fee sheet as typed in a control: Đã thu and Miễn giảm are parts of Phải thu. */
const PLAN = {
  'Mã biểu mẫu': 'kinh-phi',
  'Tên biểu mẫu': 'Báo cáo kinh phí',
  'Cơ quan ban hành': 'Quận Đoàn 1',
  Loại: 'Báo cáo',
  'Trang tính': 'Kinh phí',
  'Kỳ báo cáo': 'Một lần',
  'Hạn nộp': '15/09/2024',
  'Đối tượng': 'Liên đội',
};
const column = (order: number, header: string, type: string, partOf?: string): Record<string, RawCell> => ({
  'Mã biểu mẫu': 'kinh-phi',
  'Thứ tự': order,
  'Tiêu đề cột': header,
  Kiểu: type,
  ...(partOf === undefined ? {} : { 'Là phần của': partOf }),
});
const COLUMNS = [
  column(1, 'Phải thu', 'Số tiền'),
  column(2, 'Đã thu', 'Số tiền', 'phải thu'),
  column(3, 'Miễn giảm', 'Số tiền', 'Phải thu'),
  column(4, 'Tỉ lệ', 'Số thập phân'),
  column(5, 'Phần một', 'Số thập phân', 'Tỉ lệ'),
  column(6, 'Phần hai', 'Số thập phân', 'Tỉ lệ'),
  column(7, 'Ghi chú', 'Chữ'),
];
const read = (columns: readonly Record<string, RawCell>[]) =>
  readPlanTabs([planTab('Biểu mẫu', [PLAN]), planTab('Cột biểu mẫu', columns)]);

describe("'Là phần của': a row's parts add up to at most their total", () => {
  const reading = read(COLUMNS);
  const form = compileForm(reading.plans[0]!);

  it('is read from the plan tabs by header, without case or accents, and written back the same', () => {
    expect(reading.problems).toEqual([]);
    expect(reading.plans[0]?.columns.map((c) => [c.key, c.partOf])).toEqual([
      ['phaiThu', undefined],
      ['daThu', 'phaiThu'],
      ['mienGiam', 'phaiThu'],
      ['tiLe', undefined],
      ['phanMot', 'tiLe'],
      ['phanHai', 'tiLe'],
      ['ghiChu', undefined],
    ]);
    expect(readPlanTabs(planSheetTabs(plansRows(reading.plans))).plans).toEqual(reading.plans);
  });

  it('refuses parts over their total in money, showing the sum in đồng', () => {
    const outcome = form.validateRow(8, { phaiThu: '1.900.000', daThu: '1.500.000', mienGiam: '500.000' });
    expect(outcome).toMatchObject({
      ok: false,
      errors: [
        {
          column: 'Miễn giảm',
          message:
            "Dòng 8, cột 'Miễn giảm': 'Đã thu' + 'Miễn giảm' = 1.500.000 đ + 500.000 đ = 2.000.000 đ, lớn hơn 'Phải thu' (1.900.000 đ); các cột này là phần của 'Phải thu', cộng lại không được lớn hơn, hãy kiểm tra lại số liệu.",
        },
      ],
    });
  });

  it.each<[string, Record<string, RawCell>]>([
    ['parts equal to the total', { phaiThu: '1.900.000', daThu: '1.400.000', mienGiam: '500.000' }],
    ['a blank part is not counted', { phaiThu: '1.900.000', daThu: '1.900.000' }],
    ['no total typed: nothing to compare', { daThu: '1.900.000', mienGiam: '500.000' }],
    ['decimals that add up only nearly exactly', { tiLe: '0,3', phanMot: '0,1', phanHai: '0,2' }],
  ])('accepts %s', (_case, cells) => {
    expect(form.validateRow(8, cells)).toMatchObject({ ok: true });
  });

  it.each([
    ['a header no column has', 'Tổng thu', "'Tổng thu' không phải tiêu đề một cột khác của biểu mẫu này"],
    ['its own header', 'Đã thu', "'Đã thu' không phải tiêu đề một cột khác của biểu mẫu này"],
    [
      'a column of text',
      'Ghi chú',
      "cột 'Đã thu' và cột ghi ở 'Là phần của' phải cùng là cột số (Số nguyên, Số thập phân hoặc Số tiền)",
    ],
  ])('refuses %s in Vietnamese, naming the tab and column, and leaves the plan out', (_case, partOf, said) => {
    const broken = read(COLUMNS.map((c) => (c['Tiêu đề cột'] === 'Đã thu' ? { ...c, 'Là phần của': partOf } : c)));
    expect(broken.problems.map((p) => p.message).join('\n')).toContain(said);
    expect(broken.problems.map((p) => p.message).join('\n')).toContain("Trang 'Cột biểu mẫu'");
    expect(broken.plans).toEqual([]);
  });

  it("is how a city's control declares the districts' export plan: written and read back, it keeps its checks", () => {
    const plan = cityPlanForReports({
      id: 'bao-cao-tap-huan-2024',
      title: 'Báo cáo kết quả đăng ký tập huấn của các quận',
      districtFormId: 'tap-huan-2024',
      due: { date: '2024-09-25' },
    });
    const again = readPlanTabs(planSheetTabs(plansRows([plan])));
    expect(again.problems).toEqual([]);
    expect(again.plans).toEqual([plan]);
    expect(plan.columns.filter((c) => c.partOf).map((c) => `${c.header} ⊂ ${c.partOf}`)).toEqual([
      'Đã nộp đủ ⊂ expected',
      'Đúng hạn ⊂ complete',
      'Trễ hạn ⊂ complete',
      'Chưa đạt ⊂ expected',
      'Chưa nộp ⊂ expected',
    ]);
  });
});
