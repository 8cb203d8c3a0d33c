import { describe, expect, it } from 'vitest';
import { reconcileFees, type ReconciledSubmission } from '../../../functions/src/domain/finance/reconcile-fees.js';
import { feeBlocks, reportFees } from '../../../functions/src/domain/report/report-fees.js';
import { expectedUnits } from '../../../functions/src/domain/status/expected-units.js';
import { formTargetsUnit, rowsMayNameUnit } from '../../../functions/src/domain/units/targets.js';
import { periodById } from '../../../functions/src/domain/periods/schedule.js';
import { FINANCE_UNITS, financePlans } from './finance-plans.js';

const { registration, receipts } = financePlans();

function registered(unitId: string, people: number): ReconciledSubmission {
  return {
    formId: 'dang-ky',
    unitId,
    rows: Array.from({ length: people }, (_, i) => ({ values: { hoVaTen: `Người ${i + 1}` } })),
  };
}

function paid(unitId: string, ...receiptsOf: [amount: number, on: string][]): ReconciledSubmission {
  return {
    formId: 'thu-kinh-phi',
    unitId,
    rows: receiptsOf.map(([amount, on], i) => ({
      values: { soTien: amount, ngayNop: on, soBienLai: `${unitId}-${i}` },
    })),
  };
}

describe('the receipts plan as data', () => {
  it("is filled by the district: 'Đối tượng' Quận Đoàn makes no unit owe it, yet its rows may name a Liên đội", () => {
    expect(receipts.filledBy).toBe('district');
    expect(receipts.targets.unitTypes).toEqual(['lien-doi']);
    expect(receipts.columns.find((c) => c.key === 'soBienLai')?.unique).toBe(true);
    expect(receipts.metrics[0]).toMatchObject({
      type: 'balance',
      column: 'soTien',
      against: { formId: 'dang-ky', metricId: 'kinh-phi' },
      payBy: { date: '2024-09-16' },
    });
    const school = FINANCE_UNITS[0]!;
    expect(formTargetsUnit(receipts, school, [school])).toBe(false);
    expect(rowsMayNameUnit(receipts, school)).toBe(true);
    expect(rowsMayNameUnit(receipts, FINANCE_UNITS[3]!)).toBe(false);
    const period = periodById(receipts, 'mot-lan');
    expect(period && expectedUnits(receipts, period, FINANCE_UNITS)).toEqual([]);
  });
});

describe('reconcileFees: owed = participants × fee, paid = receipts, còn nợ = owed − paid', () => {
  const cases: {
    name: string;
    submissions: ReconciledSubmission[];
    expected: Record<string, [owed: number, paid: number, balance: number]>;
  }[] = [
    {
      name: 'fully paid',
      submissions: [registered('th-an-binh', 2), paid('th-an-binh', [3_800_000, '2024-09-12'])],
      expected: { 'th-an-binh': [3_800_000, 3_800_000, 0] },
    },
    {
      name: 'partly paid in two receipts',
      submissions: [
        registered('th-an-binh', 3),
        paid('th-an-binh', [1_900_000, '2024-09-10'], [1_000_000, '2024-09-12']),
      ],
      expected: { 'th-an-binh': [5_700_000, 2_900_000, 2_800_000] },
    },
    {
      name: 'overpaid: còn nợ is negative (nộp thừa)',
      submissions: [registered('th-an-binh', 1), paid('th-an-binh', [2_000_000, '2024-09-12'])],
      expected: { 'th-an-binh': [1_900_000, 2_000_000, -100_000] },
    },
    {
      name: 'paid without a registration',
      submissions: [paid('thcs-minh-duc', [1_900_000, '2024-09-12'])],
      expected: { 'thcs-minh-duc': [0, 1_900_000, -1_900_000] },
    },
    {
      name: 'registered, nothing paid',
      submissions: [registered('th-luong-the-vinh', 4)],
      expected: { 'th-luong-the-vinh': [7_600_000, 0, 7_600_000] },
    },
    {
      name: 'a fraction of a đồng is rounded',
      submissions: [registered('th-an-binh', 1), paid('th-an-binh', [1_899_999.6, '2024-09-12'])],
      expected: { 'th-an-binh': [1_900_000, 1_900_000, 0] },
    },
  ];
  it.each(cases)('$name', ({ submissions, expected }) => {
    const { reconciliations, problems } = reconcileFees([registration, receipts], FINANCE_UNITS, submissions);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(reconciliations[0]!.units.map((u) => [u.unitId, [u.owed, u.paid, u.balance]]))).toEqual(
      expected,
    );
  });

  it('puts units that owe first (most first), keeps the latest payment date and totals every column', () => {
    const { reconciliations } = reconcileFees([registration, receipts], FINANCE_UNITS, [
      registered('th-an-binh', 2),
      paid('th-an-binh', [3_800_000, '2024-09-12']),
      registered('thcs-minh-duc', 3),
      paid('thcs-minh-duc', [1_900_000, '2024-09-13'], [1_900_000, '2024-09-10']),
      registered('th-luong-the-vinh', 4),
    ]);
    const r = reconciliations[0]!;
    expect(r.units.map((u) => u.unitId)).toEqual(['th-luong-the-vinh', 'thcs-minh-duc', 'th-an-binh']);
    expect(r.units[1]).toMatchObject({
      participants: 3,
      receipts: 2,
      lastPaidOn: '2024-09-13',
      unitName: 'Liên đội THCS Minh Đức',
    });
    expect(r.totals).toEqual({ owed: 17_100_000, paid: 7_600_000, balance: 9_500_000, overpaid: 0, receipts: 3 });
    expect(r.payBy).toEqual({ date: '2024-09-16' });
  });

  it("totals còn nợ over the units that owe and nộp thừa apart: one school's overpayment never hides another's debt", () => {
    const { reconciliations } = reconcileFees([registration, receipts], FINANCE_UNITS, [
      registered('th-an-binh', 2),
      paid('th-an-binh', [0, '2024-09-12']),
      registered('thcs-minh-duc', 1),
      paid('thcs-minh-duc', [3_800_000, '2024-09-12']),
      paid('th-luong-the-vinh', [1_900_000, '2024-09-12']),
    ]);
    expect(reconciliations[0]!.totals).toEqual({
      owed: 5_700_000,
      paid: 5_700_000,
      balance: 3_800_000,
      overpaid: 3_800_000,
      receipts: 3,
    });
  });

  it('the report to the level above says còn nợ and nộp thừa apart, and the table totals còn nợ alike', () => {
    const { reconciliations } = reconcileFees([registration, receipts], FINANCE_UNITS, [
      registered('th-an-binh', 2),
      registered('thcs-minh-duc', 1),
      paid('thcs-minh-duc', [3_800_000, '2024-09-12']),
    ]);
    const [fees] = reportFees('dang-ky', reconciliations);
    if (!fees) throw new Error('no fees for dang-ky');
    const [paragraph, table] = feeBlocks(fees);
    expect(paragraph).toMatchObject({
      text: expect.stringContaining(
        'phải nộp 5.700.000 đ, đã nộp 3.800.000 đ, còn nợ 3.800.000 đ; nộp thừa 1.900.000 đ (1 đơn vị, cần hoàn trả).',
      ),
    });
    expect(table?.kind === 'table' && table.rows.at(-1)?.cells).toEqual([
      'Tổng cộng',
      '3',
      '5.700.000 đ',
      '3.800.000 đ',
      '3.800.000 đ',
    ]);
  });

  it('names a reconciliation against a metric that does not exist as an operator problem', () => {
    const broken = {
      ...receipts,
      metrics: receipts.metrics.map((m) =>
        m.type === 'balance' ? { ...m, against: { formId: 'dang-ky', metricId: 'khong-co' } } : m,
      ),
    };
    const { reconciliations, problems } = reconcileFees([registration, broken], FINANCE_UNITS, []);
    expect(reconciliations).toEqual([]);
    expect(problems[0]?.message).toContain("'dang-ky/khong-co'");
  });
});
