import { describe, expect, it } from 'vitest';
import { parseVietnameseMoney } from '../../../functions/src/domain/cells/money.js';
import { reconcileFees } from '../../../functions/src/domain/finance/reconcile-fees.js';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import { planTab } from '../plans/plan-sheet-fixture.js';
import { expectParsed, expectRejected } from '../cells/cell-expect.js';
import { FINANCE_PLAN_ROWS, FINANCE_UNITS } from './finance-plans.js';

/** The finance plans with the receipts' 'Nhỏ nhất' replaced: below 0, a refund is a receipt of a negative amount. */
function plansWithMinimum(minimum: string | number) {
  const tabs = Object.entries(FINANCE_PLAN_ROWS).map(([name, rows]) =>
    planTab(
      name,
      rows.map((row) =>
        row['Mã biểu mẫu'] === 'thu-kinh-phi' && row['Tiêu đề cột'] === 'Số tiền'
          ? { ...row, 'Nhỏ nhất': minimum }
          : row,
      ),
    ),
  );
  const reading = readPlanTabs(tabs);
  expect(reading.problems).toEqual([]);
  return reading.plans;
}

describe('a refund: the finance desk pays back what a school overpaid', () => {
  it.each([
    ['-1.900.000', -1_900_000],
    ['-1,9 triệu', -1_900_000],
    ['−500.000 đ', -500_000],
    [-1_900_000, -1_900_000],
    ['-0', 0],
  ])('a signed amount reads %s', (cell, expected) => {
    expectParsed(parseVietnameseMoney(cell, true), expected);
  });

  it('a signed amount is still whole đồng', () => {
    expectRejected(parseVietnameseMoney('-1.900.000,5', true), 'số đồng chẵn');
  });

  it("is typed as a negative amount when the receipts' 'Nhỏ nhất' is below 0, and còn nợ adds it back", () => {
    const plans = plansWithMinimum('-50.000.000');
    const receipts = plans.find((p) => p.id === 'thu-kinh-phi');
    if (!receipts) throw new Error('no receipts plan');
    const form = compileForm(receipts);
    const rows = [
      { soTien: '3.800.000', ngayNop: '10/09/2024', soBienLai: 'BL-001' },
      { soTien: '-1.900.000 đ', ngayNop: '12/09/2024', soBienLai: 'HT-001' },
    ].map((cells, i) => form.validateRow(i + 2, cells));
    expect(rows.map((r) => r.ok && r.values.soTien)).toEqual([3_800_000, -1_900_000]);
    const values = rows.flatMap((r) => (r.ok ? [{ values: r.values }] : []));
    const { reconciliations } = reconcileFees(plans, FINANCE_UNITS, [
      { formId: 'dang-ky', unitId: 'th-an-binh', rows: [{ values: { hoVaTen: 'Người 1' } }] },
      { formId: 'thu-kinh-phi', unitId: 'th-an-binh', rows: values },
    ]);
    expect(reconciliations[0]?.units[0]).toMatchObject({ owed: 1_900_000, paid: 1_900_000, balance: 0, receipts: 2 });
  });

  it("is refused, with the reason, when 'Nhỏ nhất' says amounts are above 0", () => {
    const receipts = plansWithMinimum(1).find((p) => p.id === 'thu-kinh-phi');
    if (!receipts) throw new Error('no receipts plan');
    const outcome = compileForm(receipts).validateRow(2, {
      soTien: '-1.900.000',
      ngayNop: '12/09/2024',
      soBienLai: 'HT-1',
    });
    expect(outcome.ok ? '' : outcome.errors[0]?.message).toContain('số tiền không được âm');
  });
});
