import type { FeeReconciliation } from '../finance/reconcile-fees.js';
import type { Deadline } from '../forms/form-spec.js';
import { formatVietnameseMoney } from '../cells/money.js';
import { formatVietnameseNumber } from '../cells/number-format.js';
import { formatDeadline } from '../time/ict.js';
import type { ReportBlock } from './report-document.js';
import { lowerFirst } from '../cells/sentence-case.js';

/** One unit's line of the report's Kinh phí section. */
export interface ReportFeeUnit {
  readonly unitId: string;
  readonly name: string;
  readonly participants: number;
  readonly owed: number;
  readonly paid: number;
  /** owed − paid; below 0 the unit paid too much. */
  readonly balance: number;
}

/** The fee account of a plan, as the report to the level above states it (phải nộp, đã nộp, còn nợ). */
export interface ReportFees {
  readonly feeFormId: string;
  readonly receiptsFormId: string;
  readonly receiptsTitle: string;
  /** Fee per participant, whole đồng. */
  readonly amount: number;
  readonly payBy?: Deadline;
  /** Còn nợ first (largest first), then by name: the reconciliation's order. */
  readonly units: readonly ReportFeeUnit[];
  readonly totals: {
    readonly participants: number;
    readonly owed: number;
    readonly paid: number;
    /** Còn nợ of the units that owe (an overpayment does not offset another unit's debt). */
    readonly balance: number;
    /** Nộp thừa, to be refunded. */
    readonly overpaid: number;
  };
}

/** The reconciliations a plan's report shows: those whose fee or receipts plan it is, laid out per unit and in total. */
export function reportFees(formId: string, reconciliations: readonly FeeReconciliation[]): ReportFees[] {
  return reconciliations
    .filter((r) => r.feeForm.id === formId || r.receiptsForm.id === formId)
    .map((r) => {
      const units = r.units.map((u) => ({
        unitId: u.unitId,
        name: u.unitName,
        participants: u.participants,
        owed: u.owed,
        paid: u.paid,
        balance: u.balance,
      }));
      return {
        feeFormId: r.feeForm.id,
        receiptsFormId: r.receiptsForm.id,
        receiptsTitle: r.receiptsForm.title,
        amount: r.fee.amount,
        ...(r.payBy ? { payBy: r.payBy } : {}),
        units,
        totals: {
          participants: units.reduce((n, u) => n + u.participants, 0),
          owed: r.totals.owed,
          paid: r.totals.paid,
          balance: r.totals.balance,
          overpaid: r.totals.overpaid,
        },
      };
    });
}

/** Columns of the Kinh phí table, left to right. */
export const FEE_COLUMNS = ['Đơn vị', 'Số người', 'Phải nộp', 'Đã nộp', 'Còn nợ'] as const;

/** The body of the report's Kinh phí section: the rule, the table per unit with its total, and the units still owing. */
export function feeBlocks(fees: ReportFees): ReportBlock[] {
  const t = fees.totals;
  const owing = fees.units.filter((u) => u.balance > 0);
  const overpaying = fees.units.filter((u) => u.balance < 0);
  const payBy = fees.payBy ? `, hạn nộp ${formatDeadline(fees.payBy)}` : '';
  const overpaid =
    t.overpaid > 0
      ? `; nộp thừa ${formatVietnameseMoney(t.overpaid)} (${formatVietnameseNumber(overpaying.length)} đơn vị, cần hoàn trả)`
      : '';
  return [
    {
      kind: 'paragraph',
      text:
        `Kinh phí ${formatVietnameseMoney(fees.amount)}/người${payBy}; đối chiếu với ${lowerFirst(fees.receiptsTitle)}: ` +
        `phải nộp ${formatVietnameseMoney(t.owed)}, đã nộp ${formatVietnameseMoney(t.paid)}, còn nợ ${formatVietnameseMoney(t.balance)}${overpaid}.`,
    },
    {
      kind: 'table',
      columns: FEE_COLUMNS,
      // Unit names get the room: the money columns hold at most "99.999.999 đ".
      firstShare: 0.36,
      rows: [
        ...fees.units.map((u) => ({
          cells: [
            u.name,
            formatVietnameseNumber(u.participants),
            formatVietnameseMoney(u.owed),
            formatVietnameseMoney(u.paid),
            formatVietnameseMoney(u.balance),
          ],
        })),
        {
          cells: [
            'Tổng cộng',
            formatVietnameseNumber(t.participants),
            formatVietnameseMoney(t.owed),
            formatVietnameseMoney(t.paid),
            formatVietnameseMoney(t.balance),
          ],
          bold: true,
        },
      ],
    },
    owing.length
      ? {
          kind: 'list',
          items: [
            `Đơn vị còn nợ (${formatVietnameseNumber(owing.length)}):`,
            ...owing.map((u, i) => `${i + 1}. ${u.name}: còn nợ ${formatVietnameseMoney(u.balance)}.`),
          ],
        }
      : { kind: 'paragraph', text: 'Tất cả đơn vị đã nộp đủ kinh phí.' },
  ];
}
