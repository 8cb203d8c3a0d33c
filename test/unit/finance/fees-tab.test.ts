import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../../functions/src/domain/summary/build-summary.js';
import type { StoredSubmission } from '../../../functions/src/domain/summary/district-picture.js';
import { ictInstant } from '../../../functions/src/domain/time/ict.js';
import { pictureOf, summaryTab } from '../../support/summary-picture.js';
import { FINANCE_UNITS, financePlans } from './finance-plans.js';

const { registration, receipts } = financePlans();
const NOW = new Date('2024-09-17T01:00:00.000Z');

function stored(formId: string, unitId: string, rows: Record<string, string | number>[]): StoredSubmission {
  return {
    id: `${formId}~mot-lan~${unitId}`,
    formId,
    unitId,
    periodId: 'mot-lan',
    rows: rows.map((values, i) => ({ rowNumber: i + 2, values })),
    rejected: [],
    nilRows: [],
    counts: { read: rows.length, valid: rows.length, rejected: 0, nil: 0 },
    complete: true,
    nil: false,
    firstCompleteAt: NOW,
    lastChangedAt: NOW,
  };
}
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ hoVaTen: `Người ${i + 1}` }));

describe("summary 'Kinh phí' tab", () => {
  const submissions = [
    stored('dang-ky', 'th-an-binh', people(2)),
    stored('thu-kinh-phi', 'th-an-binh', [{ soTien: 3_800_000, ngayNop: '2024-09-12', soBienLai: 'BL-001' }]),
    stored('dang-ky', 'thcs-minh-duc', people(3)),
    stored('thu-kinh-phi', 'thcs-minh-duc', [{ soTien: 1_900_000, ngayNop: '2024-09-10', soBienLai: 'BL-002' }]),
    stored('dang-ky', 'th-luong-the-vinh', people(1)),
    stored('thu-kinh-phi', 'th-luong-the-vinh', [{ soTien: 2_000_000, ngayNop: '2024-09-13', soBienLai: 'BL-003' }]),
  ];
  const model = buildSummary(pictureOf([registration, receipts], { now: NOW, units: FINANCE_UNITS }, submissions));
  const tab = summaryTab(model, 'Kinh phí');

  it('lists phải nộp, đã nộp, còn nợ, receipts and the latest payment per school, owing first, then the totals', () => {
    expect(tab.columns.map((c) => c.header)).toEqual([
      'Đơn vị',
      'Số người đăng ký',
      'Phải nộp',
      'Đã nộp',
      'Còn nợ',
      'Số biên lai',
      'Ngày nộp gần nhất',
      'Tình trạng',
    ]);
    expect(tab.rows).toEqual([
      ['Liên đội THCS Minh Đức', 3, 5_700_000, 1_900_000, 3_800_000, 1, ictInstant('2024-09-10'), 'Đã nộp một phần'],
      ['Liên đội TH An Bình', 2, 3_800_000, 3_800_000, 0, 1, ictInstant('2024-09-12'), 'Đã nộp đủ'],
      ['Liên đội TH Lương Thế Vinh', 1, 1_900_000, 2_000_000, -100_000, 1, ictInstant('2024-09-13'), 'Nộp thừa'],
      // Minh Đức's 3.800.000 đ is still to collect: Lương Thế Vinh's 100.000 đ overpayment is refunded, not set against it.
      ['Tổng cộng', 6, 11_400_000, 7_700_000, 3_800_000, 3, null, 'Nộp thừa 100.000 đ'],
    ]);
  });

  it('says how còn nợ is computed, the payment deadline and where to pay, in Vietnamese', () => {
    expect(tab.title).toEqual([
      "Kinh phí Đăng ký tập huấn: đối chiếu với 'Thu kinh phí tập huấn'",
      'Phải nộp = số người đăng ký × 1.900.000 đ; đã nộp = tổng các biên lai; còn nợ = phải nộp − đã nộp (số âm: nộp thừa); dòng Tổng cộng cộng riêng còn nợ và nộp thừa.',
      'Hạn đóng kinh phí: ngày 16/09/2024; nộp tại bộ phận tài chính Quận Đoàn, thứ 3 và thứ 5 theo giờ hành chính; 1 đơn vị còn nợ.',
    ]);
  });

  it('is absent when no plan reconciles a fee', () => {
    expect(
      buildSummary(pictureOf([registration], { now: NOW, units: FINANCE_UNITS })).tabs.map((t) => t.name),
    ).not.toContain('Kinh phí');
  });
});
