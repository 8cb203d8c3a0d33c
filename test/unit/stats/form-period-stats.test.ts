import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { periodById, type Period } from '../../../functions/src/domain/periods/schedule.js';
import {
  formPeriodStats,
  groupStats,
  NO_CLUSTER,
  type GroupStats,
  type UnitSubmission,
} from '../../../functions/src/domain/stats/form-period-stats.js';
import type { StatusResult } from '../../../functions/src/domain/status/submission-status.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { testUnit } from '../../support/builders.js';

const builtins = await loadBuiltinForms();
const BAO_CAO_BUILTIN = builtins.find((s) => s.id === '30-phut-bao-cao');
if (!BAO_CAO_BUILTIN) throw new Error('built-in form 30-phut-bao-cao not loaded');

/** The monthly "30 phút" report, addressed here to cơ sở Đoàn and chi đoàn so that two unit types owe it. */
const SPEC: FormSpec = {
  ...BAO_CAO_BUILTIN,
  targets: { unitTypes: ['co-so-doan', 'chi-doan'], levels: [], clusters: [] },
  // The two separate shares (a metric type a district may still use) beside the plan's own count.
  metrics: [
    {
      type: 'weeks-with-activity',
      id: 'tuan-co-hoat-dong',
      label: 'Tỉ lệ tuần có ít nhất 01 hoạt động',
      weekColumn: 'tuan',
      minPerWeek: 1,
    },
    { type: 'participation-rate', id: 'ti-le-tham-gia', label: 'Tỉ lệ ĐVTN tham gia', column: 'soLuong', target: 1 },
    ...BAO_CAO_BUILTIN.metrics.filter((m) => m.id === 'so-hoat-dong'),
  ],
};
const MARCH_2021: Period = (() => {
  const found = periodById(SPEC, '2021-03');
  if (!found) throw new Error('no period 2021-03 in 30-phut-bao-cao');
  return found;
})();
/** 10g00 ICT on 10/04/2021; March 2021 was due at the end of 05/04/2021, 5 ICT days earlier. */
const NOW = new Date('2021-04-10T03:00:00.000Z');

type Rows = UnitSubmission['rows'];
const activity = (tuan: number, soLuong: number): Rows[number] => ({
  values: { thang: '2021-03', tuan, diaDiem: 'Hội trường', soLuong, noiDung: 'Dọn vệ sinh', hinhThuc: 'Trực tiếp' },
});

function submission(
  unitId: string,
  kind: 'complete' | 'partial' | 'nil',
  firstCompleteAt: string | null,
  lastChangedAt: string,
  rows: Rows = [],
): UnitSubmission {
  const rejected = kind === 'partial' ? 1 : 0;
  const nil = kind === 'nil' ? 1 : 0;
  return {
    unitId,
    periodId: '2021-03',
    counts: { read: rows.length + rejected + nil, valid: rows.length + nil, rejected, nil },
    complete: kind !== 'partial',
    nil: kind === 'nil',
    firstCompleteAt: firstCompleteAt === null ? null : new Date(firstCompleteAt),
    lastChangedAt: new Date(lastChangedAt),
    rows,
  };
}

/**
 * A small district: 8 units in 2 clusters (+ one unit without a cluster), 2 targeted unit types.
 * - a1 cơ sở Đoàn, Cụm A: complete on 01/04 (on time)
 * - a2 cơ sở Đoàn, Cụm A: complete on 07/04 10g00 (late, 2 days)
 * - a3 chi đoàn,   Cụm A: complete on 02/04, changed 08/04 (revised after the deadline, on time)
 * - b1 cơ sở Đoàn, Cụm B: "không phát sinh" on 03/04 (nil, on time)
 * - b2 chi đoàn,   Cụm B: rows with an error (partial, 5 days overdue)
 * - b3 chi đoàn,   no cluster: nothing (missing, 5 days overdue)
 * - x-closed cơ sở Đoàn, Cụm B: closed 28/02/2021, before March (not expected; its submission is ignored)
 * - x-lien-doi Liên đội, Cụm A: not targeted (not expected; its submission is ignored)
 */
const UNITS: Unit[] = [
  testUnit('a1', { type: 'co-so-doan', cluster: 'Cụm A', members: 20 }),
  testUnit('a2', { type: 'co-so-doan', cluster: 'Cụm A', members: 10 }),
  testUnit('a3', { type: 'chi-doan', cluster: 'Cụm A' }),
  testUnit('b1', { type: 'co-so-doan', cluster: 'Cụm B' }),
  testUnit('b2', { type: 'chi-doan', cluster: 'Cụm B' }),
  testUnit('b3', { type: 'chi-doan', cluster: '' }),
  testUnit('x-closed', { type: 'co-so-doan', cluster: 'Cụm B', activeTo: '2021-02-28' }),
  testUnit('x-lien-doi', { type: 'lien-doi', cluster: 'Cụm A' }),
];

const SUBMISSIONS = new Map<string, UnitSubmission>([
  [
    'a1',
    submission('a1', 'complete', '2021-04-01T03:00:00.000Z', '2021-04-01T03:00:00.000Z', [
      activity(1, 20),
      activity(2, 10),
    ]),
  ],
  ['a2', submission('a2', 'complete', '2021-04-07T03:00:00.000Z', '2021-04-07T03:00:00.000Z', [activity(1, 10)])],
  ['a3', submission('a3', 'complete', '2021-04-02T03:00:00.000Z', '2021-04-08T03:00:00.000Z', [activity(3, 5)])],
  ['b1', submission('b1', 'nil', '2021-04-03T03:00:00.000Z', '2021-04-03T03:00:00.000Z')],
  ['b2', submission('b2', 'partial', null, '2021-04-04T03:00:00.000Z', [activity(1, 7)])],
  [
    'x-closed',
    submission('x-closed', 'complete', '2021-04-01T03:00:00.000Z', '2021-04-01T03:00:00.000Z', [activity(1, 9)]),
  ],
  [
    'x-lien-doi',
    submission('x-lien-doi', 'complete', '2021-04-01T03:00:00.000Z', '2021-04-01T03:00:00.000Z', [activity(1, 9)]),
  ],
]);

const stats = formPeriodStats({ spec: SPEC, period: MARCH_2021, units: UNITS, submissions: SUBMISSIONS, now: NOW });

function group(counts: Omit<GroupStats, 'rates'>, rates: GroupStats['rates']): GroupStats {
  return { ...counts, rates };
}

describe('formPeriodStats: a hand-made district, 30-phut-bao-cao March 2021', () => {
  it('names its form and period', () => {
    expect([stats.formId, stats.periodId]).toEqual(['30-phut-bao-cao', '2021-03']);
    expect(MARCH_2021.due.toISOString()).toBe('2021-04-05T16:59:59.999Z');
  });

  it('gives a standing to each expected unit only, in registry order', () => {
    expect(stats.units).toStrictEqual([
      { unitId: 'a1', status: 'complete-on-time', onTime: true },
      { unitId: 'a2', status: 'complete-late', onTime: false, daysLate: 2 },
      { unitId: 'a3', status: 'revised-after-deadline', onTime: true },
      { unitId: 'b1', status: 'nil', onTime: true },
      { unitId: 'b2', status: 'partial', daysOverdue: 5 },
      { unitId: 'b3', status: 'missing', daysOverdue: 5 },
    ]);
  });

  it('counts and rates the whole district', () => {
    // expected = a1 a2 a3 b1 b2 b3 = 6 (x-closed closed before March, x-lien-doi not targeted)
    // complete = a1 a2 a3 b1 = 4 (nil counts); onTime = a1 a3 b1 = 3; late = 4 − 3 = 1 (a2)
    // completeness = 4 ÷ 6; timelinessOfExpected = 3 ÷ 6 = 0.5; timelinessOfSubmitted = 3 ÷ 4 = 0.75
    expect(stats.overall).toEqual(
      group(
        { expected: 6, complete: 4, onTime: 3, late: 1, revisedAfterDeadline: 1, partial: 1, nil: 1, missing: 1 },
        { completeness: 4 / 6, timelinessOfExpected: 0.5, timelinessOfSubmitted: 0.75 },
      ),
    );
  });

  it('timeliness ÷ expected and ÷ submitted are different numbers', () => {
    expect(stats.overall.rates.timelinessOfExpected).not.toBe(stats.overall.rates.timelinessOfSubmitted);
  });

  it('groups by cluster, units without one under NO_CLUSTER, sorted', () => {
    expect(NO_CLUSTER).toBe('(chưa xếp cụm)');
    expect(Object.keys(stats.byCluster)).toEqual(['(chưa xếp cụm)', 'Cụm A', 'Cụm B']);
    expect(stats.byCluster).toEqual({
      // b3 alone: missing → 0 ÷ 1, 0 ÷ 1, and nothing submitted → null
      [NO_CLUSTER]: group(
        { expected: 1, complete: 0, onTime: 0, late: 0, revisedAfterDeadline: 0, partial: 0, nil: 0, missing: 1 },
        { completeness: 0, timelinessOfExpected: 0, timelinessOfSubmitted: null },
      ),
      // a1 on time, a2 late, a3 revised (on time): 3 ÷ 3, 2 ÷ 3, 2 ÷ 3
      'Cụm A': group(
        { expected: 3, complete: 3, onTime: 2, late: 1, revisedAfterDeadline: 1, partial: 0, nil: 0, missing: 0 },
        { completeness: 1, timelinessOfExpected: 2 / 3, timelinessOfSubmitted: 2 / 3 },
      ),
      // b1 nil on time, b2 partial (x-closed not counted): 1 ÷ 2, 1 ÷ 2, 1 ÷ 1
      'Cụm B': group(
        { expected: 2, complete: 1, onTime: 1, late: 0, revisedAfterDeadline: 0, partial: 1, nil: 1, missing: 0 },
        { completeness: 0.5, timelinessOfExpected: 0.5, timelinessOfSubmitted: 1 },
      ),
    });
  });

  it('groups by unit type under its Vietnamese label', () => {
    expect(Object.keys(stats.byUnitType).sort()).toEqual(['Chi đoàn', 'Cơ sở Đoàn']);
    expect(stats.byUnitType).toEqual({
      // a1 on time, a2 late, b1 nil on time: 3 ÷ 3, 2 ÷ 3, 2 ÷ 3
      'Cơ sở Đoàn': group(
        { expected: 3, complete: 3, onTime: 2, late: 1, revisedAfterDeadline: 0, partial: 0, nil: 1, missing: 0 },
        { completeness: 1, timelinessOfExpected: 2 / 3, timelinessOfSubmitted: 2 / 3 },
      ),
      // a3 revised (on time), b2 partial, b3 missing: 1 ÷ 3, 1 ÷ 3, 1 ÷ 1
      'Chi đoàn': group(
        { expected: 3, complete: 1, onTime: 1, late: 0, revisedAfterDeadline: 1, partial: 1, nil: 0, missing: 1 },
        { completeness: 1 / 3, timelinessOfExpected: 1 / 3, timelinessOfSubmitted: 1 },
      ),
    });
  });

  it('computes the form metrics from expected units that sent something', () => {
    const soHoatDong = stats.metrics.find((m) => m.id === 'so-hoat-dong');
    expect(stats.metrics.map((m) => m.id)).toEqual(['tuan-co-hoat-dong', 'ti-le-tham-gia', 'so-hoat-dong']);
    // a1 2 rows, a2 1, a3 1, b1 0 (nil), b2 1 valid row; x-closed and x-lien-doi left out.
    expect(soHoatDong?.byUnit).toEqual({ a1: 2, a2: 1, a3: 1, b1: 0, b2: 1 });
    expect(soHoatDong?.total).toBe(5);
  });

  it('weeks with an activity and participation use the same units', () => {
    // March 2021 has 4 Thursdays → 4 weeks. a1 weeks {1, 2} → 2/4; a2 {1}, a3 {3}, b2 {1} → 1/4; b1 nil → 0.
    const weeks = stats.metrics.find((m) => m.id === 'tuan-co-hoat-dong');
    expect(weeks?.byUnit).toEqual({ a1: 0.5, a2: 0.25, a3: 0.25, b1: 0, b2: 0.25 });
    // (2 + 1 + 1 + 0 + 1) ÷ (5 units × 4 weeks) = 5 ÷ 20
    expect(weeks?.total).toBe(0.25);
    // a1 (20 members): 20/20 → 1, 10/20 → 0.5, mean 0.75; a2 (10 members): 10/10 → 1; others have no members → null.
    const participation = stats.metrics.find((m) => m.id === 'ti-le-tham-gia');
    expect(participation?.byUnit).toEqual({ a1: 0.75, a2: 1, a3: null, b1: null, b2: null });
    expect(participation?.total).toBe(0.875);
  });
});

describe('formPeriodStats: submissions of units not expected are ignored', () => {
  const onlyB3 = UNITS.filter((u) => u.id === 'b3' || u.id.startsWith('x-'));

  it('1 expected unit, missing, with 2 complete submissions from units not expected: rates 0, 0, null', () => {
    const s = formPeriodStats({ spec: SPEC, period: MARCH_2021, units: onlyB3, submissions: SUBMISSIONS, now: NOW });
    expect(s.overall).toEqual(
      group(
        { expected: 1, complete: 0, onTime: 0, late: 0, revisedAfterDeadline: 0, partial: 0, nil: 0, missing: 1 },
        { completeness: 0, timelinessOfExpected: 0, timelinessOfSubmitted: null },
      ),
    );
    expect(s.units.map((u) => u.unitId)).toEqual(['b3']);
    expect(s.metrics.find((m) => m.id === 'so-hoat-dong')?.byUnit).toEqual({});
  });

  it('1 expected unit that submitted, with submissions from units not expected: rates exactly 1, never more', () => {
    const submissions = new Map(SUBMISSIONS);
    submissions.set(
      'b3',
      submission('b3', 'complete', '2021-04-01T03:00:00.000Z', '2021-04-01T03:00:00.000Z', [activity(1, 3)]),
    );
    const s = formPeriodStats({ spec: SPEC, period: MARCH_2021, units: onlyB3, submissions, now: NOW });
    // complete 1 ÷ expected 1, on time 1 ÷ 1, 1 ÷ 1 — the 2 other complete submissions do not count.
    expect(s.overall).toEqual(
      group(
        { expected: 1, complete: 1, onTime: 1, late: 0, revisedAfterDeadline: 0, partial: 0, nil: 0, missing: 0 },
        { completeness: 1, timelinessOfExpected: 1, timelinessOfSubmitted: 1 },
      ),
    );
  });

  it('a whole district of units not expected: 0 expected, every rate null, no groups', () => {
    const s = formPeriodStats({
      spec: SPEC,
      period: MARCH_2021,
      units: UNITS.filter((u) => u.id.startsWith('x-')),
      submissions: SUBMISSIONS,
      now: NOW,
    });
    expect(s.overall).toEqual(
      group(
        { expected: 0, complete: 0, onTime: 0, late: 0, revisedAfterDeadline: 0, partial: 0, nil: 0, missing: 0 },
        { completeness: null, timelinessOfExpected: null, timelinessOfSubmitted: null },
      ),
    );
    expect(s.byCluster).toEqual({});
    expect(s.byUnitType).toEqual({});
    expect(s.units).toEqual([]);
  });

  it('every rate of every group stays within 0..1', () => {
    const groups = [stats.overall, ...Object.values(stats.byCluster), ...Object.values(stats.byUnitType)];
    for (const g of groups) {
      for (const rate of Object.values(g.rates)) if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
      expect(g.complete + g.partial + g.missing).toBe(g.expected);
      expect(g.onTime + g.late).toBe(g.complete);
    }
  });
});

describe('formPeriodStats: before the deadline', () => {
  it('nothing is overdue yet and missing units carry no daysOverdue', () => {
    const s = formPeriodStats({
      spec: SPEC,
      period: MARCH_2021,
      units: UNITS,
      submissions: new Map(),
      now: new Date('2021-04-05T16:59:59.999Z'),
    });
    expect(s.units.map((u) => u.status)).toEqual(['missing', 'missing', 'missing', 'missing', 'missing', 'missing']);
    expect(s.units.some((u) => u.daysOverdue !== undefined)).toBe(false);
    expect(s.overall.rates).toEqual({ completeness: 0, timelinessOfExpected: 0, timelinessOfSubmitted: null });
  });
});

describe('groupStats', () => {
  const none = {
    expected: 0,
    complete: 0,
    onTime: 0,
    late: 0,
    revisedAfterDeadline: 0,
    partial: 0,
    nil: 0,
    missing: 0,
  };
  it.each<[string, StatusResult[], GroupStats]>([
    ['no units', [], group(none, { completeness: null, timelinessOfExpected: null, timelinessOfSubmitted: null })],
    [
      'one missing unit',
      [{ status: 'missing', daysOverdue: 3 }],
      group(
        { ...none, expected: 1, missing: 1 },
        { completeness: 0, timelinessOfExpected: 0, timelinessOfSubmitted: null },
      ),
    ],
    // A late nil declaration is complete but not on time.
    [
      'one late nil',
      [{ status: 'nil', onTime: false }],
      group(
        { ...none, expected: 1, complete: 1, late: 1, nil: 1 },
        { completeness: 1, timelinessOfExpected: 0, timelinessOfSubmitted: 0 },
      ),
    ],
    [
      // complete = 3 (on time, revised, late); onTime = 2 → 3 ÷ 5, 2 ÷ 5, 2 ÷ 3
      'five mixed units',
      [
        { status: 'complete-on-time', onTime: true },
        { status: 'revised-after-deadline', onTime: true },
        { status: 'complete-late', onTime: false, daysLate: 4 },
        { status: 'partial' },
        { status: 'missing' },
      ],
      group(
        { expected: 5, complete: 3, onTime: 2, late: 1, revisedAfterDeadline: 1, partial: 1, nil: 0, missing: 1 },
        { completeness: 3 / 5, timelinessOfExpected: 2 / 5, timelinessOfSubmitted: 2 / 3 },
      ),
    ],
  ])('%s', (_, standings, expected) => {
    expect(groupStats(standings)).toEqual(expected);
  });
});
