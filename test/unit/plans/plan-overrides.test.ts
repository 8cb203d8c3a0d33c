import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import { planVersion } from '../../../functions/src/domain/plans/plan-version.js';
import { planTab } from './plan-sheet-fixture.js';

const builtins = await loadBuiltinForms();
const spec = (id: string): FormSpec => builtins.find((s) => s.id === id)!;

describe("readPlanTabs with built-in plans: today's override rows keep working", () => {
  it('with no plan tabs, every built-in plan is used as it is', () => {
    const reading = readPlanTabs([], builtins);
    expect(reading.plans).toEqual(builtins);
    expect(reading.problems).toEqual([]);
  });

  it('switches a built-in plan off, moves a deadline (a date alone drops the hour) and a monthly due day', () => {
    const tabs = [
      planTab('Biểu mẫu', [
        { 'Mã biểu mẫu': 'ren-luyen-2014-danh-gia', 'Tên biểu mẫu': 'Đánh giá rèn luyện', 'Áp dụng': 'Không' },
        { 'Mã biểu mẫu': 'tap-huan-2024', 'Áp dụng': 'Có', 'Hạn nộp': '17/09/2024' },
        { 'Mã biểu mẫu': '30-phut-dang-ky', 'Giờ hạn': '16:30' },
        { 'Mã biểu mẫu': '30-phut-bao-cao', 'Ngày hạn hằng tháng': 10 },
      ]),
    ];
    const reading = readPlanTabs(tabs, builtins);
    expect(reading.problems).toEqual([]);
    expect(reading.plans.map((p) => p.id)).not.toContain('ren-luyen-2014-danh-gia');
    expect([...reading.off]).toEqual(['ren-luyen-2014-danh-gia']);
    const byId = new Map(reading.plans.map((p) => [p.id, p]));
    expect(byId.get('tap-huan-2024')).toEqual({
      ...spec('tap-huan-2024'),
      period: { type: 'once', due: { date: '2024-09-17' } },
    });
    expect(byId.get('30-phut-dang-ky')?.period).toEqual({ type: 'once', due: { date: '2020-04-15', time: '16:30' } });
    expect(byId.get('30-phut-bao-cao')?.period).toMatchObject({ type: 'monthly', dueDay: 10 });
    expect(byId.get('lien-tich-2022-2023')).toEqual(spec('lien-tich-2022-2023'));
    expect(planVersion(byId.get('tap-huan-2024')!)).not.toBe(planVersion(spec('tap-huan-2024')));
  });

  it('switching off the registration the evaluations must be in is a problem naming it (seed 003: Phải có trong)', () => {
    const reading = readPlanTabs(
      [planTab('Biểu mẫu', [{ 'Mã biểu mẫu': 'ren-luyen-2014-dang-ky', 'Áp dụng': 'Không' }])],
      builtins,
    );
    expect(reading.problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining("biểu mẫu 'ren-luyen-2014-dang-ky' không có hoặc không áp dụng"),
    );
  });

  it('closes a built-in plan and adds a metric to it from the Chỉ số tab alone', () => {
    const tabs = [
      planTab('Biểu mẫu', [{ 'Mã biểu mẫu': 'ke-hoach-nho-65-nam', 'Trạng thái': 'Đã đóng' }]),
      planTab('Chỉ số', [
        {
          'Mã biểu mẫu': 'tap-huan-2024',
          'Mã chỉ số': 'tong-nguoi',
          'Tên chỉ số': 'Tổng số người',
          'Cách tính': 'Đếm dòng',
        },
      ]),
    ];
    const reading = readPlanTabs(tabs, builtins);
    expect(reading.problems).toEqual([]);
    expect([...reading.closed]).toEqual(['ke-hoach-nho-65-nam']);
    expect(reading.plans.find((p) => p.id === 'tap-huan-2024')?.metrics).toEqual([
      { type: 'row-count', id: 'tong-nguoi', label: 'Tổng số người' },
    ]);
  });

  it('an override row for a plan that is neither defined nor built in is a problem', () => {
    const reading = readPlanTabs(
      [planTab('Biểu mẫu', [{ 'Mã biểu mẫu': 'khong-co', 'Áp dụng': 'Có', 'Hạn nộp': '1/10/2024' }])],
      builtins,
    );
    expect(reading.problems[0]?.message).toMatch(
      /^Trang 'Biểu mẫu', dòng 2, cột 'Mã biểu mẫu': biểu mẫu 'khong-co' không có cột nào ở trang 'Cột biểu mẫu' và không phải biểu mẫu có sẵn \(30-phut-bao-cao, /,
    );
    expect(reading.plans).toHaveLength(9);
  });

  it('a deadline the built-in plan cannot take is a problem and that plan is skipped', () => {
    const reading = readPlanTabs(
      [planTab('Biểu mẫu', [{ 'Mã biểu mẫu': '30-phut-bao-cao', 'Hạn nộp': '5/5/2020' }])],
      builtins,
    );
    expect(reading.problems[0]).toMatchObject({ tab: 'Biểu mẫu', row: 2, header: 'Hạn nộp' });
    expect(reading.problems[0]?.message).toContain("biểu mẫu kỳ 'Hằng tháng' không dùng cột này");
    expect(reading.plans.map((p) => p.id)).not.toContain('30-phut-bao-cao');
  });
});

describe('planVersion', () => {
  it('is stable under key order and changes with the definition', () => {
    const s = spec('tap-huan-2024');
    const reordered = Object.fromEntries(Object.entries(s).reverse()) as FormSpec;
    expect(planVersion(reordered)).toBe(planVersion(s));
    expect(planVersion({ ...s, minRows: 2 })).not.toBe(planVersion(s));
    expect(planVersion(s)).toMatch(/^[0-9a-f]{64}$/);
  });
});
