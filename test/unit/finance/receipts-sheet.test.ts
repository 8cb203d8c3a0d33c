import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import { readSharedSheet } from '../../../functions/src/domain/shared/read-shared-sheet.js';
import { sharedSourceId, type SharedSource } from '../../../functions/src/domain/shared/shared-source.js';
import { FINANCE_UNITS, financePlans } from './finance-plans.js';

const { receipts } = financePlans();
const SOURCE: SharedSource = {
  id: sharedSourceId('thu-kinh-phi'),
  formId: 'thu-kinh-phi',
  file: 'thu-kinh-phi.xlsx',
  tab: 'Thu kinh phí',
  unitColumn: 'Đơn vị',
  timeColumn: 'Dấu thời gian',
  rowNumber: 2,
};

function book(...rows: RawCell[][]) {
  const header: RawCell[] = ['Đơn vị', 'Số tiền', 'Ngày nộp', 'Người nộp', 'Số biên lai'];
  return { name: 'Thu kinh phí', rows: [header, ...rows].map((cells, i) => ({ rowNumber: i + 1, cells })) };
}

describe("the finance desk's receipts book, one row per receipt naming the school", () => {
  const reading = readSharedSheet(
    book(
      ['Liên đội TH An Bình', '3.800.000', '12/09/2024', 'Cô Lan', 'BL-001'],
      ['Liên đội THCS Minh Đức', '1.900.000 đ', '13/09/2024', 'Thầy Hùng', 'BL-002'],
      ['Liên đội TH Lương Thế Vinh', '1.900.000', '13/09/2024', 'Cô Mai', 'bl-001'],
      ['Trường TH An Bình Mới', '1.900.000', '13/09/2024', 'Cô Thu', 'BL-003'],
      ['Liên đội THCS Minh Đức', '0', '13/09/2024', 'Thầy Hùng', 'BL-004'],
      ['Liên đội THCS Minh Đức', '1.500.000,5', '13/09/2024', 'Thầy Hùng', 'BL-005'],
    ),
    SOURCE,
    compileForm(receipts),
    FINANCE_UNITS,
  );

  it('credits each receipt to its school', () => {
    const valid = reading.submissions.map((s) => [s.unitId, s.rows.map((r) => r.values.soTien)]);
    expect(valid).toEqual([
      ['th-an-binh', [3_800_000]],
      ['thcs-minh-duc', [1_900_000]],
    ]);
  });

  it('rejects a receipt number used twice, naming the row, the column and the other row', () => {
    expect(reading.unrouted.find((r) => r.rowNumber === 4)?.message).toBe(
      "Dòng 4, cột 'Số biên lai': 'bl-001' trùng với dòng 2; mỗi số biên lai chỉ được ghi một lần, nên dòng này không được tính. Hãy sửa số hoặc xóa dòng lặp.",
    );
  });

  it('rejects a receipt for an unknown school, listing the closest names', () => {
    expect(reading.unrouted.find((r) => r.rowNumber === 5)?.message).toMatch(
      /^Dòng 5, cột 'Đơn vị': không có đơn vị nào tên 'Trường TH An Bình Mới'; tên gần nhất: 'Liên đội TH An Bình'/,
    );
  });

  it('rejects an amount of 0 or a fraction of a đồng: amounts are whole đồng above 0', () => {
    const rejected = reading.submissions.flatMap((s) =>
      s.rejected.map((r) => [r.rowNumber, r.errors.map((e) => e.column)]),
    );
    expect(rejected).toEqual([
      [6, ['Số tiền']],
      [7, ['Số tiền']],
    ]);
  });
});
