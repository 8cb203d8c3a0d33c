import { formatVietnameseMoney } from '../cells/money.js';
import { reconcileFees, type FeeReconciliation, type UnitBalance } from '../finance/reconcile-fees.js';
import { formatDeadline, ictInstant } from '../time/ict.js';
import type { DistrictPicture } from './district-picture.js';
import type { SummaryCell, SummaryColumn, SummaryTab } from './summary-model.js';

/** Name of the fee tab (a second reconciliation adds its receipts tab's name). */
export const FEES_TAB = 'Kinh phí';

const COLUMNS: readonly SummaryColumn[] = [
  { header: 'Đơn vị', format: 'text', width: 34 },
  { header: 'Số người đăng ký', format: 'int', width: 10 },
  { header: 'Phải nộp', format: 'money', width: 16 },
  { header: 'Đã nộp', format: 'money', width: 16 },
  { header: 'Còn nợ', format: 'money', width: 16 },
  { header: 'Số biên lai', format: 'int', width: 9 },
  { header: 'Ngày nộp gần nhất', format: 'date', width: 13 },
  { header: 'Tình trạng', format: 'text', width: 16 },
];

/** "Kinh phí": per unit phải nộp, đã nộp, còn nợ, receipts and the latest payment, units that owe first, then a totals row; none without a 'Còn nợ' metric. */
export function feesTabs(picture: DistrictPicture): SummaryTab[] {
  const { reconciliations } = reconcileFees(picture.forms, picture.units, picture.submissions);
  return reconciliations.map((r, i) => feesTab(r, i === 0 ? FEES_TAB : `${FEES_TAB} ${i + 1}`));
}

function feesTab(r: FeeReconciliation, name: string): SummaryTab {
  const owing = r.units.filter((u) => u.balance > 0).length;
  return {
    name,
    title: [
      `Kinh phí ${r.feeForm.title}: đối chiếu với '${r.receiptsForm.title}'`,
      `Phải nộp = số người đăng ký × ${formatVietnameseMoney(r.fee.amount)}; đã nộp = tổng các biên lai; còn nợ = phải nộp − đã nộp (số âm: nộp thừa); dòng Tổng cộng cộng riêng còn nợ và nộp thừa.`,
      [
        r.payBy ? `Hạn đóng kinh phí: ${formatDeadline(r.payBy)}` : '',
        r.metric.payAt ? `nộp tại ${r.metric.payAt}` : '',
        `${owing} đơn vị còn nợ`,
      ]
        .filter((part) => part !== '')
        .join('; ') + '.',
    ],
    columns: COLUMNS,
    rows: [
      ...r.units.map(unitRow),
      [
        'Tổng cộng',
        r.units.reduce((n, u) => n + u.participants, 0),
        r.totals.owed,
        r.totals.paid,
        r.totals.balance,
        r.totals.receipts,
        null,
        // Còn nợ above adds only the units that owe: an overpayment is refunded, not set against another school.
        r.totals.overpaid > 0 ? `Nộp thừa ${formatVietnameseMoney(r.totals.overpaid)}` : '',
      ],
    ],
    notes: [
      'Biên lai lấy từ bảng thu kinh phí của bộ phận tài chính Quận Đoàn; dòng bị từ chối (sai tên đơn vị, trùng số biên lai) không được tính — xem trang Lỗi dữ liệu.',
    ],
  };
}

function unitRow(u: UnitBalance): SummaryCell[] {
  return [
    u.unitName,
    u.participants,
    u.owed,
    u.paid,
    u.balance,
    u.receipts,
    u.lastPaidOn ? ictInstant(u.lastPaidOn) : null,
    standingOf(u),
  ];
}

function standingOf(u: UnitBalance): string {
  if (u.balance > 0) return u.paid > 0 ? 'Đã nộp một phần' : 'Chưa nộp';
  return u.balance < 0 ? 'Nộp thừa' : 'Đã nộp đủ';
}
