import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { planVersion } from '../../../functions/src/domain/plans/plan-version.js';
import { planSheetTabs, planRows } from '../../../functions/src/domain/plans/plan-rows.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import { planTab } from './plan-sheet-fixture.js';

const builtins = await loadBuiltinForms();
const tapHuan = builtins.find((s) => s.id === 'tap-huan-2024')!;

describe("the 'Cách nộp' column of 'Biểu mẫu'", () => {
  it.each([
    ['Bấm nộp', 'button'],
    ['bam nop', 'button'],
    ['Tự động', undefined],
    [undefined, undefined],
  ])('%j on a built-in plan gives submitMode %j', (cell, mode) => {
    const reading = readPlanTabs(
      [
        planTab('Biểu mẫu', [
          { 'Mã biểu mẫu': 'tap-huan-2024', 'Áp dụng': 'Có', ...(cell ? { 'Cách nộp': cell } : {}) },
        ]),
      ],
      builtins,
    );
    expect(reading.problems).toEqual([]);
    expect(reading.plans.find((p) => p.id === 'tap-huan-2024')?.submitMode).toBe(mode);
  });

  it("leaves a plan's version as it was when 'Tự động' is named (the default stays implicit)", () => {
    const reading = readPlanTabs(
      [planTab('Biểu mẫu', [{ 'Mã biểu mẫu': 'tap-huan-2024', 'Cách nộp': 'Tự động' }])],
      builtins,
    );
    expect(planVersion(reading.plans.find((p) => p.id === 'tap-huan-2024')!)).toBe(planVersion(tapHuan));
  });

  it('refuses an unknown value with a Vietnamese message naming the tab, row, column and the accepted values', () => {
    const reading = readPlanTabs(
      [planTab('Biểu mẫu', [{ 'Mã biểu mẫu': 'tap-huan-2024', 'Cách nộp': 'Gửi thư' }])],
      builtins,
    );
    const problem = reading.problems.find((p) => p.message.includes('Cách nộp'));
    expect(problem?.message).toMatch(/^Trang 'Biểu mẫu', dòng 2, cột 'Cách nộp': /);
    expect(problem?.message).toContain('Tự động');
    expect(problem?.message).toContain('Bấm nộp');
    expect(reading.plans.map((p) => p.id)).not.toContain('tap-huan-2024');
  });

  it('round-trips: a "Bấm nộp" plan written into the plan tabs reads back the same', () => {
    const spec = { ...tapHuan, submitMode: 'button' as const };
    const reading = readPlanTabs(planSheetTabs(planRows(spec)));
    expect(reading.problems).toEqual([]);
    expect(reading.plans).toEqual([spec]);
  });
});
