import { describe, expect, it } from 'vitest';
import { formAroundPeriod } from '../../support/forms.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import {
  isoWeekMonday,
  monthOfIsoWeek,
  periodById,
  periodsOf,
  periodsStartedBy,
} from '../../../functions/src/domain/periods/schedule.js';

const ids = (spec: FormSpec) => periodsOf(spec).map((p) => p.id);
const pause = (from: string, to: string) => ({ name: 'Nghỉ', from, to });

describe('monthOfIsoWeek: the month holding ≥ 4 of the week’s days', () => {
  it.each<[string, string, string, string]>([
    ['first week of 2020 starts in December 2019', '2020-W01', '2019-12-30', '2020-01'],
    ['3 days in April, 4 in May', '2024-W18', '2024-04-29', '2024-05'],
    ['1 day in September, 6 in October', '2024-W40', '2024-09-30', '2024-10'],
    ['3 days in July, 4 in August', '2024-W31', '2024-07-29', '2024-08'],
    ['4 days in October, 3 in November', '2024-W44', '2024-10-28', '2024-10'],
    ['week 53 of 2020: 4 days in December, 3 in January 2021', '2020-W53', '2020-12-28', '2020-12'],
    ['first week of 2021 is all January', '2021-W01', '2021-01-04', '2021-01'],
    ['first week of 2026: 3 days in 2025, 4 in 2026', '2026-W01', '2025-12-29', '2026-01'],
    ['first week of 2025: 2 days in 2024', '2025-W01', '2024-12-30', '2025-01'],
    ['week 53 of 2015 ends on 3/1/2016', '2015-W53', '2015-12-28', '2015-12'],
    ['February of a leap year', '2024-W09', '2024-02-26', '2024-02'],
  ])('%s (%s)', (_label, week, monday, month) => {
    expect(isoWeekMonday(week)).toBe(monday);
    expect(monthOfIsoWeek(week)).toBe(month);
  });

  it.each([['2021-W53'], ['2020-W00'], ['2020-W54'], ['2020-15'], ['2020-W1']])('rejects %s', (week) => {
    expect(() => monthOfIsoWeek(week)).toThrow(RangeError);
  });
});

describe('weekly periods', () => {
  const yearEnd = formAroundPeriod({ type: 'weekly', from: '2020-12-21', to: '2021-01-10' });

  it('each ISO week across the year end, with its month and deadline (Sunday + 1 day, end of day)', () => {
    expect(
      periodsOf(yearEnd).map((p) => [
        p.id,
        p.label,
        p.month,
        p.start.toISOString(),
        p.end.toISOString(),
        p.due.toISOString(),
      ]),
    ).toEqual([
      [
        '2020-W52',
        'tuần 52/2020',
        '2020-12',
        '2020-12-20T17:00:00.000Z',
        '2020-12-27T17:00:00.000Z',
        '2020-12-28T16:59:59.999Z',
      ],
      [
        '2020-W53',
        'tuần 53/2020',
        '2020-12',
        '2020-12-27T17:00:00.000Z',
        '2021-01-03T17:00:00.000Z',
        '2021-01-04T16:59:59.999Z',
      ],
      [
        '2021-W01',
        'tuần 01/2021',
        '2021-01',
        '2021-01-03T17:00:00.000Z',
        '2021-01-10T17:00:00.000Z',
        '2021-01-11T16:59:59.999Z',
      ],
    ]);
  });

  it.each<[string, unknown, string[]]>([
    [
      'a plan starting on a Wednesday includes that week (its dates are in the plan)',
      { type: 'weekly', from: '2024-09-04', to: '2024-09-15' },
      ['2024-W36', '2024-W37'],
    ],
    [
      'a plan ending on a Monday includes that week',
      { type: 'weekly', from: '2024-09-02', to: '2024-09-16' },
      ['2024-W36', '2024-W37', '2024-W38'],
    ],
    ['a plan of a single day', { type: 'weekly', from: '2024-09-15', to: '2024-09-15' }, ['2024-W37']],
  ])('%s', (_label, rule, expected) => {
    expect(ids(formAroundPeriod(rule))).toEqual(expected);
  });

  it('dueAfterDays 0: due at the end of Sunday', () => {
    const spec = formAroundPeriod({ type: 'weekly', from: '2024-09-02', to: '2024-09-08', dueAfterDays: 0 });
    expect(periodById(spec, '2024-W36')?.due.toISOString()).toBe('2024-09-08T16:59:59.999Z');
  });

  it.each<[string, string, string[]]>([
    ['nothing on Sunday night before the plan (ICT)', '2020-12-20T16:59:59.999Z', []],
    ['the first week from Monday 00:00 ICT', '2020-12-20T17:00:00.000Z', ['2020-W52']],
    ['the second week from the next Monday', '2020-12-27T17:00:00.000Z', ['2020-W52', '2020-W53']],
  ])('periodsStartedBy: %s', (_label, now, expected) => {
    expect(periodsStartedBy(yearEnd, new Date(now)).map((p) => p.id)).toEqual(expected);
  });
});

describe('pauses: a period is dropped when at least half of its days are paused', () => {
  const summer = pause('2020-06-01', '2020-08-31');
  const tet = pause('2021-02-08', '2021-02-16'); // 9 days, Monday to the next Tuesday

  it.each<[string, unknown, string[]]>([
    [
      'summer drops June, July and August',
      { type: 'monthly', from: '2020-04', to: '2020-10', dueDay: 5, pauses: [summer] },
      ['2020-04', '2020-05', '2020-09', '2020-10'],
    ],
    [
      'a 9-day Tết pause does not drop February',
      { type: 'monthly', from: '2021-01', to: '2021-03', dueDay: 5, pauses: [tet] },
      ['2021-01', '2021-02', '2021-03'],
    ],
    [
      'a 9-day Tết pause drops the one week it covers, not the 2 days of the next',
      { type: 'weekly', from: '2021-02-01', to: '2021-02-28', pauses: [tet] },
      ['2021-W05', '2021-W07', '2021-W08'],
    ],
    [
      '15 of 30 days of April: dropped',
      { type: 'monthly', from: '2021-03', to: '2021-05', dueDay: 5, pauses: [pause('2021-04-16', '2021-04-30')] },
      ['2021-03', '2021-05'],
    ],
    [
      '14 of 30 days: kept',
      { type: 'monthly', from: '2021-04', to: '2021-04', dueDay: 5, pauses: [pause('2021-04-17', '2021-04-30')] },
      ['2021-04'],
    ],
    [
      '15 of 31 days of May: kept',
      { type: 'monthly', from: '2021-05', to: '2021-05', dueDay: 5, pauses: [pause('2021-05-17', '2021-05-31')] },
      ['2021-05'],
    ],
    [
      '16 of 31 days: dropped',
      { type: 'monthly', from: '2021-05', to: '2021-05', dueDay: 5, pauses: [pause('2021-05-16', '2021-05-31')] },
      [],
    ],
    [
      '4 of 7 days of a week: dropped',
      { type: 'weekly', from: '2024-09-02', to: '2024-09-08', pauses: [pause('2024-09-05', '2024-09-10')] },
      [],
    ],
    [
      '3 of 7 days: kept',
      { type: 'weekly', from: '2024-09-02', to: '2024-09-08', pauses: [pause('2024-09-06', '2024-09-10')] },
      ['2024-W36'],
    ],
    [
      'two pauses add up within a period',
      {
        type: 'monthly',
        from: '2021-04',
        to: '2021-04',
        dueDay: 5,
        pauses: [pause('2021-04-01', '2021-04-07'), pause('2021-04-20', '2021-04-27')],
      },
      [],
    ],
    [
      'overlapping pauses count each day once (14 days, kept)',
      {
        type: 'monthly',
        from: '2021-06',
        to: '2021-06',
        dueDay: 5,
        pauses: [pause('2021-06-01', '2021-06-10'), pause('2021-06-05', '2021-06-14')],
      },
      ['2021-06'],
    ],
    [
      'a pause across a month end is split between the months (12 + 10 days, both kept)',
      { type: 'monthly', from: '2020-05', to: '2020-06', dueDay: 5, pauses: [pause('2020-05-20', '2020-06-10')] },
      ['2020-05', '2020-06'],
    ],
  ])('%s', (_label, rule, expected) => {
    expect(ids(formAroundPeriod(rule))).toEqual(expected);
  });

  it('a paused period has no id to look up and never starts', () => {
    const spec = formAroundPeriod({ type: 'monthly', from: '2020-04', to: '2020-10', dueDay: 5, pauses: [summer] });
    expect(periodById(spec, '2020-07')).toBeUndefined();
    expect(periodsStartedBy(spec, new Date('2020-08-15T00:00:00Z')).map((p) => p.id)).toEqual(['2020-04', '2020-05']);
  });
});
