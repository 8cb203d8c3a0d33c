import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { SheetTab } from '../../../functions/src/domain/forms/read-form-tab.js';
import { planSheetTabs, plansRows } from '../../../functions/src/domain/plans/plan-rows.js';
import { readControlTabs } from '../../../functions/src/domain/units/read-control.js';
import { BUILTIN_FORMS } from '../../support/forms.js';

function tab(name: string, ...rows: RawCell[][]): SheetTab {
  return { name, rows: rows.map((cells, i) => ({ rowNumber: i + 1, cells })) };
}

const units = tab(
  'Đơn vị',
  ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Cấp học / Khối', 'Tên khác'],
  ['th-luong-the-vinh', 'Liên đội TH Lương Thế Vinh', 'Liên đội', 'Tiểu học', ' Trường Lương Thế Vinh ;LTV; ;'],
  ['thcs-minh-duc', 'Liên đội THCS Minh Đức', 'Liên đội', 'THCS', ''],
);

describe('the control sheet with shared sources', () => {
  it("reads 'Tên khác' as the unit's aliases, split on ';'", () => {
    const control = readControlTabs([units, ...planSheetTabs(plansRows(BUILTIN_FORMS))]);
    expect(control.units.map((u) => [u.id, u.aliases])).toEqual([
      ['th-luong-the-vinh', ['Trường Lương Thế Vinh', 'LTV']],
      ['thcs-minh-duc', undefined],
    ]);
  });

  it("declares a form's shared sheet from the 'Nguồn dữ liệu' tab, and says what is wrong in it", () => {
    const sources = tab(
      'Nguồn dữ liệu',
      ['Mã biểu mẫu', 'Tệp/Bảng tính', 'Trang tính'],
      ['tap-huan-2024', 'dang-ky-tap-huan.xlsx', 'Câu trả lời'],
      ['khong-co', 'x.xlsx', ''],
    );
    const control = readControlTabs([units, ...planSheetTabs(plansRows(BUILTIN_FORMS)), sources]);
    expect(control.sharedSources?.map((s) => [s.formId, s.file, s.tab])).toEqual([
      ['tap-huan-2024', 'dang-ky-tap-huan.xlsx', 'Câu trả lời'],
    ]);
    expect(control.problems).toContain(
      "Trang 'Nguồn dữ liệu', dòng 3, cột 'Mã biểu mẫu': không có biểu mẫu đang dùng mang mã 'khong-co'; hãy chép đúng mã từ trang 'Biểu mẫu'. Dòng này bị bỏ qua.",
    );
  });
});
