import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/src/domain/forms/cell-parser.js';
import { isoWeekMonday, periodById } from '../../../functions/src/domain/periods/schedule.js';
import { formMetrics } from '../../../functions/src/domain/stats/form-metrics.js';
import {
  isoWeeksOfMonth,
  unitWeeks,
  weekOfMonth,
  type WeeklyTargetMetric,
} from '../../../functions/src/domain/stats/weekly-target.js';
import { builtinForm } from '../../support/forms.js';
import { testUnit } from '../../support/builders.js';

const BAO_CAO = builtinForm('30-phut-bao-cao');
const TOGETHER: WeeklyTargetMetric = {
  type: 'weeks-meeting-target',
  id: 'tuan-dat',
  label: 'Tuần đạt',
  weekColumn: 'tuan',
  column: 'soLuong',
  minPerWeek: 1,
  target: 1,
};
const activity = (month: string, tuan: number, soLuong: number) => ({
  month,
  values: { thang: month, tuan, soLuong } as Record<string, CellValue>,
});

describe('isoWeeksOfMonth / weekOfMonth: a month owns the ISO weeks (Monday–Sunday) of its Thursdays', () => {
  it.each<[string, string[], string, string]>([
    // October 2025's first week starts on Monday 29/09: a week across months belongs to the month of its Thursday.
    ['2025-10', ['2025-W40', '2025-W41', '2025-W42', '2025-W43', '2025-W44'], '2025-09-29', '2025-10-27'],
    // September 2025 has four Thursdays (4, 11, 18, 25); 29–30/09 belong to October.
    ['2025-09', ['2025-W36', '2025-W37', '2025-W38', '2025-W39'], '2025-09-01', '2025-09-22'],
    // December 2020's last week runs into 2021: 28/12/2020 – 03/01/2021 is 2020-W53.
    ['2020-12', ['2020-W49', '2020-W50', '2020-W51', '2020-W52', '2020-W53'], '2020-11-30', '2020-12-28'],
    // January 2021 starts on a Friday: 01–03/01 are still 2020-W53 (December's).
    ['2021-01', ['2021-W01', '2021-W02', '2021-W03', '2021-W04'], '2021-01-04', '2021-01-25'],
  ])('%s → %j', (month, weeks, firstMonday, lastMonday) => {
    expect(isoWeeksOfMonth(month)).toEqual(weeks);
    expect(isoWeekMonday(weeks[0] ?? '')).toBe(firstMonday);
    expect(isoWeekMonday(weeks.at(-1) ?? '')).toBe(lastMonday);
  });

  it.each<[string, number, string | undefined]>([
    ['2025-10', 1, '2025-W40'],
    ['2025-09', 4, '2025-W39'],
    ['2025-09', 5, '2025-W39'], // "tuần 5" of a 4-week month: its last week, as the unit meant
    ['2025-09', 0, undefined],
    ['2025-09', 2.5, undefined],
  ])('%s tuần %d → %s', (month, n, week) => {
    expect(weekOfMonth(month, n)).toBe(week);
  });
});

describe('unitWeeks: a week is met only when its own activities reach the share of members, together', () => {
  const weeks = isoWeeksOfMonth('2025-09');
  it.each<[string, ReturnType<typeof activity>[], number | undefined, (boolean | null)[]]>([
    // Week 1: all 20 there. Week 2: 19 of 20 twice (close is not enough). Week 3: one full, one partial. Week 4: nothing.
    [
      'a full week, a near miss, a mixed week, an empty week',
      [
        activity('2025-09', 1, 20),
        activity('2025-09', 2, 19),
        activity('2025-09', 2, 19),
        activity('2025-09', 3, 5),
        activity('2025-09', 3, 21),
      ],
      20,
      [true, false, true, false],
    ],
    // Two separate shares would call this unit perfect (an activity every week, 100 % in week 1): together it meets one week.
    [
      'an activity every week but only one with everyone',
      [activity('2025-09', 1, 20), activity('2025-09', 2, 3), activity('2025-09', 3, 3), activity('2025-09', 4, 3)],
      20,
      [true, false, false, false],
    ],
    // A week-5 activity of September lands in its last week.
    ['tuần 5 counts in the last week', [activity('2025-09', 5, 20)], 20, [false, false, false, true]],
    // No members declared: nothing can be judged — not 0 %.
    ['members not declared', [activity('2025-09', 1, 20)], undefined, [null, null, null, null]],
    ['0 members is not a declaration either', [activity('2025-09', 1, 20)], 0, [null, null, null, null]],
  ])('%s', (_name, rows, members, met) => {
    expect(unitWeeks(TOGETHER, rows, members, weeks).map((w) => w.met)).toEqual(met);
  });

  it('counts activities and the best attendance of each week; 2 activities a week needs two full ones', () => {
    const rows = [
      activity('2025-09', 1, 20),
      activity('2025-09', 1, 20),
      activity('2025-09', 2, 20),
      activity('2025-09', 2, 7),
    ];
    expect(unitWeeks({ ...TOGETHER, minPerWeek: 2 }, rows, 20, weeks)).toEqual([
      { weekId: '2025-W36', activities: 2, meeting: 2, bestParticipants: 20, met: true },
      { weekId: '2025-W37', activities: 2, meeting: 1, bestParticipants: 20, met: false },
      { weekId: '2025-W38', activities: 0, meeting: 0, bestParticipants: null, met: false },
      { weekId: '2025-W39', activities: 0, meeting: 0, bestParticipants: null, met: false },
    ]);
  });

  it('a share below 100 % is counted in whole people: 80 % of 23 members is 19', () => {
    const judged = unitWeeks(
      { ...TOGETHER, target: 0.8 },
      [activity('2025-09', 1, 19), activity('2025-09', 2, 18)],
      23,
      weeks,
    );
    expect(judged.map((w) => w.met)).toEqual([true, false, false, false]);
  });
});

describe('30-phut-bao-cao: tuan-dat-chi-tieu in the summary (share of weeks met, per unit and overall)', () => {
  const period = periodById(BAO_CAO, '2021-02');
  if (!period) throw new Error('no period 2021-02');
  const row = (tuan: number, soLuong: number) => ({
    values: { thang: '2021-02', tuan, diaDiem: 'Hội trường', soLuong, noiDung: 'Sinh hoạt', hinhThuc: 'Trực tiếp' },
  });
  const unit = (id: string, members?: number) =>
    testUnit(id, {
      name: `Cơ sở ${id}`,
      type: 'co-so-doan',
      cluster: '',
      ...(members === undefined ? {} : { members }),
    });
  const results = formMetrics(BAO_CAO, period, [
    { unit: unit('u1', 10), submission: { rows: [row(1, 10), row(2, 10), row(3, 10), row(4, 10)] } }, // 4/4
    { unit: unit('u2', 10), submission: { rows: [row(1, 10), row(2, 4), row(3, 4), row(4, 4)] } }, // 1/4
    { unit: unit('u3'), submission: { rows: [row(1, 10)] } }, // no members: not measured
  ]);
  const together = results.find((m) => m.id === 'tuan-dat-chi-tieu');

  it('per unit, overall, the target, and the unit without members said in words', () => {
    expect(together).toEqual({
      id: 'tuan-dat-chi-tieu',
      label: 'Tỉ lệ tuần đạt chỉ tiêu (ít nhất 01 hoạt động với 100% đoàn viên tham gia)',
      format: 'percent',
      byUnit: { u1: 1, u2: 0.25, u3: null },
      // (4 + 1) ÷ (2 measured units × 4 weeks)
      total: 5 / 8,
      target: {
        description: '≥ 1 hoạt động mỗi tuần, mỗi hoạt động ≥ 100\u00a0% đoàn viên tham gia (4 tuần)',
        unitsMeeting: 1,
        unitsMeasured: 2,
      },
      notes: { u3: 'chưa khai báo số đoàn viên' },
    });
  });
});
