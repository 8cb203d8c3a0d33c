import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { SheetTab } from '../../../functions/src/domain/forms/read-form-tab.js';

/** A plan tab as typed: header on row 1, each object one row (cells by header, in first-seen header order). */
export function planTab(name: string, rows: readonly Record<string, RawCell>[]): SheetTab {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return {
    name,
    rows: [
      { rowNumber: 1, cells: headers },
      ...rows.map((r, i) => ({ rowNumber: i + 2, cells: headers.map((h) => r[h] ?? null) })),
    ],
  };
}

/** A one-time registration 'x' with two columns: the smallest complete plan. */
export const PLAN_X = {
  'Mã biểu mẫu': 'x',
  'Tên biểu mẫu': 'Đăng ký X',
  'Cơ quan ban hành': 'Quận Đoàn 1',
  Loại: 'Đăng ký',
  'Trang tính': 'Đăng ký X',
  'Kỳ báo cáo': 'Một lần',
  'Hạn nộp': '15/09/2024',
};
export const COLUMNS_X = [
  { 'Mã biểu mẫu': 'x', 'Thứ tự': 1, 'Tiêu đề cột': 'Họ và tên', Kiểu: 'Chữ', 'Bắt buộc': 'Có', 'Độ dài tối đa': 80 },
  { 'Mã biểu mẫu': 'x', 'Thứ tự': 2, 'Tiêu đề cột': 'Số tiền', Kiểu: 'Số tiền' },
];

/** Plan 'y', like x, used to show that a broken plan does not stop the others. */
export const PLAN_Y = { ...PLAN_X, 'Mã biểu mẫu': 'y', 'Trang tính': 'Đăng ký Y' };
export const COLUMNS_Y = COLUMNS_X.map((c) => ({ ...c, 'Mã biểu mẫu': 'y' }));
