import { describe, expect, it } from 'vitest';
import { formAroundPeriod } from '../../support/forms.js';
import { periodRuleSchema, type PeriodRule } from '../../../functions/src/domain/forms/form-spec.js';
import {
  dateLabel,
  isoWeekId,
  monthLabel,
  periodLabel,
  periodOfValue,
  phaseOptions,
  singlePeriodId,
  UNASSIGNED_PERIOD,
} from '../../../functions/src/domain/periods/period-id.js';

const ONCE = periodRuleSchema.parse({ type: 'once', due: { date: '2024-09-15', time: '10:00' } });
const SCHOOL_YEAR = periodRuleSchema.parse({
  type: 'school-year',
  schoolYear: '2022-2023',
  due: { date: '2023-05-31' },
});
const MONTHLY = periodRuleSchema.parse({ type: 'monthly', from: '2020-04', to: '2022-12', dueDay: 5 });
const WEEKLY = periodRuleSchema.parse({ type: 'weekly', from: '2020-04-06', to: '2021-01-10' });
const PHASES = periodRuleSchema.parse({
  type: 'phases',
  phases: [
    { id: 'dot-1', name: 'Đợt I', aliases: ['Đợt 1'], months: ['2014-03'], due: { date: '2014-04-10' } },
    { id: 'dot-2', name: 'Đợt II', months: ['2014-05', '2014-06'], due: { date: '2014-07-10' } },
  ],
});

describe('singlePeriodId', () => {
  it.each<[string, PeriodRule, string | undefined]>([
    ['once → mot-lan, whatever its deadline', ONCE, 'mot-lan'],
    ['school-year → the school year', SCHOOL_YEAR, '2022-2023'],
    ['monthly → none (the period column decides)', MONTHLY, undefined],
    ['weekly → none', WEEKLY, undefined],
    ['phases → none', PHASES, undefined],
  ])('%s', (_label, rule, expected) => {
    expect(singlePeriodId(rule)).toBe(expected);
  });
});

describe('periodOfValue', () => {
  it.each<[string, PeriodRule, string, string]>([
    ['once ignores the value', ONCE, 'anything', 'mot-lan'],
    ['school-year ignores the value', SCHOOL_YEAR, '2023-01', '2022-2023'],
    ['monthly: first month of the plan', MONTHLY, '2020-04', '2020-04'],
    ['monthly: a month inside', MONTHLY, '2021-07', '2021-07'],
    ['monthly: last month of the plan', MONTHLY, '2022-12', '2022-12'],
    ['weekly: first day of the plan', WEEKLY, '2020-04-06', '2020-W15'],
    ['weekly: a Sunday belongs to the week before', WEEKLY, '2020-04-12', '2020-W15'],
    ['weekly: the next Monday', WEEKLY, '2020-04-13', '2020-W16'],
    ['weekly: 31/12/2020 is in week 53 of 2020', WEEKLY, '2020-12-31', '2020-W53'],
    ['weekly: last day of the plan', WEEKLY, '2021-01-10', '2021-W01'],
    ['phases: by the phase name', PHASES, 'Đợt I', 'dot-1'],
    ['phases: a phase over two months', PHASES, 'Đợt II', 'dot-2'],
  ])('%s', (_label, rule, value, periodId) => {
    expect(periodOfValue(rule, value)).toEqual({ ok: true, periodId });
  });

  it.each<[string, PeriodRule, string, string]>([
    [
      'monthly: the month before the plan',
      MONTHLY,
      '2020-03',
      'nằm ngoài thời gian của kế hoạch (từ tháng 4/2020 đến tháng 12/2022)',
    ],
    [
      'monthly: a year before the plan',
      MONTHLY,
      '2019-04',
      'nằm ngoài thời gian của kế hoạch (từ tháng 4/2020 đến tháng 12/2022)',
    ],
    [
      'monthly: the month after the plan',
      MONTHLY,
      '2023-01',
      'nằm ngoài thời gian của kế hoạch (từ tháng 4/2020 đến tháng 12/2022)',
    ],
    [
      'weekly: the day before the plan',
      WEEKLY,
      '2020-04-05',
      'nằm ngoài thời gian của kế hoạch (từ 06/04/2020 đến 10/01/2021)',
    ],
    [
      'weekly: the day after the plan',
      WEEKLY,
      '2021-01-11',
      'nằm ngoài thời gian của kế hoạch (từ 06/04/2020 đến 10/01/2021)',
    ],
    ['phases: a phase the plan does not have', PHASES, 'Đợt V', 'không phải đợt của kế hoạch'],
    [
      'phases: an alias is not a name (the enum parser maps aliases first)',
      PHASES,
      'Đợt 1',
      'không phải đợt của kế hoạch',
    ],
  ])('%s', (_label, rule, value, reason) => {
    expect(periodOfValue(rule, value)).toEqual({ ok: false, reason });
  });
});

describe('phaseOptions', () => {
  it('lists each phase by name with its id and aliases as aliases', () => {
    expect(phaseOptions(PHASES)).toEqual([
      { value: 'Đợt I', aliases: ['dot-1', 'Đợt 1'] },
      { value: 'Đợt II', aliases: ['dot-2'] },
    ]);
  });

  it.each<[string, PeriodRule]>([
    ['once', ONCE],
    ['monthly', MONTHLY],
    ['weekly', WEEKLY],
    ['school-year', SCHOOL_YEAR],
  ])('is empty for a %s rule', (_type, rule) => {
    expect(phaseOptions(rule)).toEqual([]);
  });
});

describe('periodLabel (Vietnamese)', () => {
  it.each<[string, PeriodRule, string, string]>([
    ['once', ONCE, 'mot-lan', 'hạn 15/09/2024'],
    ['school-year', SCHOOL_YEAR, '2022-2023', 'năm học 2022 – 2023'],
    ['monthly', MONTHLY, '2020-04', 'tháng 4/2020'],
    ['monthly, December', MONTHLY, '2022-12', 'tháng 12/2022'],
    ['weekly', WEEKLY, '2020-W15', 'tuần 15/2020'],
    ['weekly, week 53', WEEKLY, '2020-W53', 'tuần 53/2020'],
    ['weekly, first week', WEEKLY, '2021-W01', 'tuần 01/2021'],
    ['phase in one month', PHASES, 'dot-1', 'Đợt I (tháng 3/2014)'],
    ['phase over two months', PHASES, 'dot-2', 'Đợt II (tháng 5/2014, 6/2014)'],
    ['unknown phase id stays as is', PHASES, 'dot-9', 'dot-9'],
    ['unassigned rows (monthly)', MONTHLY, UNASSIGNED_PERIOD, 'chưa xác định kỳ'],
    ['unassigned rows (once)', ONCE, UNASSIGNED_PERIOD, 'chưa xác định kỳ'],
  ])('%s: %s → %s', (_label, rule, periodId, label) => {
    expect(periodLabel(formAroundPeriod(rule), periodId)).toBe(label);
  });
});

describe('monthLabel and dateLabel', () => {
  it.each([
    ['2020-04', '4/2020'],
    ['2014-09', '9/2014'],
    ['2022-12', '12/2022'],
  ])('monthLabel(%s) → %s', (month, label) => {
    expect(monthLabel(month)).toBe(label);
  });

  it.each([
    ['2024-09-15', '15/09/2024'],
    ['2023-12-01', '01/12/2023'],
  ])('dateLabel(%s) → %s', (date, label) => {
    expect(dateLabel(date)).toBe(label);
  });
});

describe('isoWeekId', () => {
  it.each([
    ['2020-04-06', '2020-W15'],
    ['2020-01-01', '2020-W01'],
    ['2019-12-30', '2020-W01'],
    ['2019-12-29', '2019-W52'],
    ['2020-12-27', '2020-W52'],
    ['2020-12-28', '2020-W53'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-01', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2022-01-02', '2021-W52'],
    ['2023-01-01', '2022-W52'],
    ['2023-01-02', '2023-W01'],
    ['2024-02-29', '2024-W09'],
    ['2024-12-29', '2024-W52'],
    ['2024-12-30', '2025-W01'],
    ['2025-01-01', '2025-W01'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
  ])('%s → %s', (date, week) => {
    expect(isoWeekId(date)).toBe(week);
  });

  it('gives the 7 days of a week the same id, Monday to Sunday', () => {
    const days = ['2024-09-09', '2024-09-10', '2024-09-11', '2024-09-12', '2024-09-13', '2024-09-14', '2024-09-15'];
    expect(new Set(days.map(isoWeekId))).toEqual(new Set(['2024-W37']));
  });

  it('does not depend on the process time zone', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(isoWeekId('2021-01-03')).toBe('2020-W53');
      process.env.TZ = 'America/Adak';
      expect(isoWeekId('2021-01-04')).toBe('2021-W01');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
