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

/** The city's plan for the districts' exports of tập huấn 2024. */
const CITY_PLAN = {
  id: 'bao-cao-tap-huan-2024',
  title: 'Báo cáo kết quả đăng ký tập huấn của các quận',
  districtFormId: 'tap-huan-2024',
  due: { date: '2024-09-25' },
};

describe("the city's plan for the districts' exports", () => {
  const plan = compileForm(cityPlanForReports({ ...CITY_PLAN, districtPeriodId: 'mot-lan' }));

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

describe("the city's plan refuses a district export whose counts contradict themselves", () => {
  const plan = compileForm(cityPlanForReports(CITY_PLAN));
  const errorsOf = (counts: Partial<ReturnType<typeof exported>>) => {
    const outcome = plan.validateRow(6, { ...exported('mot-lan'), ...counts });
    return outcome.ok ? [] : outcome.errors;
  };

  it.each<[string, Partial<ReturnType<typeof exported>>, { column: string; message: string }[]]>([
    [
      'more reported in full than had to report',
      { expected: 3, complete: 5, onTime: 5, missing: 0 },
      [
        {
          column: 'Đã nộp đủ',
          message:
            "Dòng 6, cột 'Đã nộp đủ': 5 lớn hơn 'Phải nộp' (3); 'Đã nộp đủ' là một phần của 'Phải nộp', hãy kiểm tra lại số liệu.",
        },
      ],
    ],
    [
      'on time and late together more than those reported in full',
      { complete: 2, onTime: 2, late: 1 },
      [
        {
          column: 'Trễ hạn',
          message:
            "Dòng 6, cột 'Trễ hạn': 'Đúng hạn' + 'Trễ hạn' = 2 + 1 = 3, lớn hơn 'Đã nộp đủ' (2); các cột này là phần của 'Đã nộp đủ', cộng lại không được lớn hơn, hãy kiểm tra lại số liệu.",
        },
      ],
    ],
    [
      'in full, partly and not at all together more than had to report',
      { expected: 3, complete: 2, partial: 1, missing: 1 },
      [
        {
          column: 'Chưa nộp',
          message:
            "Dòng 6, cột 'Chưa nộp': 'Đã nộp đủ' + 'Chưa đạt' + 'Chưa nộp' = 2 + 1 + 1 = 4, lớn hơn 'Phải nộp' (3); các cột này là phần của 'Phải nộp', cộng lại không được lớn hơn, hãy kiểm tra lại số liệu.",
        },
      ],
    ],
  ])('%s', (_case, counts, errors) => {
    expect(errorsOf(counts)).toEqual(errors);
  });

  it('names both contradictions of one row', () => {
    expect(errorsOf({ expected: 2, complete: 3, onTime: 2, late: 2, missing: 0 }).map((e) => e.column)).toEqual([
      'Đã nộp đủ',
      'Trễ hạn',
    ]);
  });

  it.each(['expected', 'complete', 'onTime', 'late', 'revisedAfterDeadline', 'partial', 'nil', 'missing'] as const)(
    'refuses a negative %s, naming the row and column',
    (key) => {
      const [error, ...others] = errorsOf({ [key]: -1 });
      expect(others).toEqual([]);
      expect(error?.message).toMatch(/^Dòng 6, cột '[^']+': '-1' /);
    },
  );

  it('accepts counts that add up exactly', () => {
    expect(errorsOf({ expected: 4, complete: 3, onTime: 2, late: 1, partial: 1, missing: 0 })).toEqual([]);
  });
});
