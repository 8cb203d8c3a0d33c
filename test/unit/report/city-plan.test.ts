import { describe, expect, it } from 'vitest';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import { cityPlanForReports } from '../../../functions/src/domain/report/city-plan.js';

/** The "Kết quả" row of a district's export of tập huấn 2024, one period. */
const exported = (periodId: string) => ({
  formId: 'tap-huan-2024',
  periodId,
  periodLabel: 'Năm 2024',
  expected: 3,
  complete: 2,
  onTime: 2,
  late: 0,
  revisedAfterDeadline: 0,
  partial: 0,
  nil: 0,
  missing: 1,
});

describe("the city's plan for the districts' exports", () => {
  const plan = compileForm(
    cityPlanForReports({
      id: 'bao-cao-tap-huan-2024',
      title: 'Báo cáo kết quả đăng ký tập huấn của các quận',
      districtFormId: 'tap-huan-2024',
      districtPeriodId: 'mot-lan',
      due: { date: '2024-09-25' },
    }),
  );

  it("accepts the export of the plan's period", () => {
    expect(plan.validateRow(6, exported('mot-lan'))).toMatchObject({ ok: true });
  });

  it('refuses an export of another period of the same plan (an old file sent again), naming the column', () => {
    const outcome = plan.validateRow(6, exported('2023-2024'));
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.column)).toEqual(['Mã kỳ']);
    expect(outcome.ok ? '' : outcome.errors[0]?.message).toMatch(/^Dòng 6, cột 'Mã kỳ': '2023-2024' /);
  });
});
