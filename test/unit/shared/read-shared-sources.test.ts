import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { SheetTab } from '../../../functions/src/domain/forms/read-form-tab.js';
import { readSharedSources } from '../../../functions/src/domain/shared/read-shared-sources.js';
import { BUILTIN_FORMS } from '../../support/forms.js';
import { parentPlan } from '../parent/parent-plans.js';

function sourcesTab(...rows: RawCell[][]): SheetTab {
  return {
    name: 'Nguồn dữ liệu',
    rows: [['Mã biểu mẫu', 'Loại nguồn', 'Tệp/Bảng tính', 'Trang tính', 'Cột đơn vị', 'Cột thời gian'], ...rows].map(
      (cells, i) => ({ rowNumber: i + 1, cells }),
    ),
  };
}

describe('readSharedSources', () => {
  it('reads a shared source with the defaults for blank cells', () => {
    const { sources, problems } = readSharedSources(
      [sourcesTab(['tap-huan-2024', 'Bảng chung', 'dang-ky.xlsx', '', '', ''])],
      BUILTIN_FORMS,
    );
    expect(problems).toEqual([]);
    expect(sources).toEqual([
      {
        id: 'nguon-chung-tap-huan-2024',
        formId: 'tap-huan-2024',
        file: 'dang-ky.xlsx',
        tab: 'Đăng ký tập huấn',
        unitColumn: 'Đơn vị',
        timeColumn: 'Dấu thời gian',
        rowNumber: 2,
      },
    ]);
  });

  it('refuses a plan parents fill: its rows would go to the chi đoàn named, while the parents owe it', () => {
    const plan = parentPlan();
    const { sources, problems } = readSharedSources(
      [sourcesTab([plan.id, 'Bảng chung', 'kiem-tra.xlsx', '', 'Chi đoàn', ''])],
      [...BUILTIN_FORMS, plan],
    );
    expect(sources).toEqual([]);
    expect(problems).toEqual([
      `Trang 'Nguồn dữ liệu', dòng 2, cột 'Mã biểu mẫu': biểu mẫu '${plan.id}' do đơn vị cấp trên nhập về các đơn vị trực thuộc (Đối tượng 'Cấp trên của …'), nên không thu qua bảng chung được: mỗi đơn vị cấp trên nhập ở trang '${plan.tab}' trong bảng tính của chính mình. Dòng này bị bỏ qua.`,
    ]);
  });

  it('keeps the tab and columns the district names', () => {
    const { sources } = readSharedSources(
      [
        sourcesTab([
          'tap-huan-2024',
          '',
          '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
          'Câu trả lời biểu mẫu 1',
          'Tên trường',
          'Thời gian',
        ]),
      ],
      BUILTIN_FORMS,
    );
    expect(sources[0]).toMatchObject({
      file: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      tab: 'Câu trả lời biểu mẫu 1',
      unitColumn: 'Tên trường',
      timeColumn: 'Thời gian',
    });
  });

  it('has no shared source when the control has no "Nguồn dữ liệu" tab', () => {
    expect(readSharedSources([], BUILTIN_FORMS)).toEqual({ sources: [], problems: [] });
  });

  it('leaves out wrong rows with Vietnamese problems naming tab, row and column', () => {
    const { sources, problems } = readSharedSources(
      [
        sourcesTab(
          ['tap-huan-2025', '', 'a.xlsx', '', '', ''],
          ['tap-huan-2024', '', 'a.xlsx', '', '', ''],
          ['TAP-HUAN-2024', '', 'b.xlsx', '', '', ''],
          ['30-phut-dang-ky', '', 'c.xlsx', '', 'Đơn vị', 'đơn vị'],
          ['30-phut-bao-cao', 'Thư điện tử', 'd.xlsx', '', '', ''],
          ['30-phut-bao-cao', '', '', '', '', ''],
        ),
      ],
      BUILTIN_FORMS,
    );
    expect(sources.map((s) => s.rowNumber)).toEqual([3]);
    expect(problems).toContain(
      "Trang 'Nguồn dữ liệu', dòng 2, cột 'Mã biểu mẫu': không có biểu mẫu đang dùng mang mã 'tap-huan-2025'; hãy chép đúng mã từ trang 'Biểu mẫu'. Dòng này bị bỏ qua.",
    );
    expect(problems).toContain(
      "Trang 'Nguồn dữ liệu', dòng 4: biểu mẫu 'tap-huan-2024' đã có nguồn chung ở dòng 3; mỗi biểu mẫu chỉ nhận một bảng chung, nên dòng này bị bỏ qua.",
    );
    expect(problems).toContain(
      "Trang 'Nguồn dữ liệu', dòng 5: 'Cột đơn vị' và 'Cột thời gian' cùng là 'Đơn vị'; hãy ghi hai cột khác nhau. Dòng này bị bỏ qua.",
    );
    expect(problems.some((p) => p.startsWith("Trang 'Nguồn dữ liệu', dòng 6") && p.includes("'Loại nguồn'"))).toBe(
      true,
    );
    expect(problems.some((p) => p.startsWith("Trang 'Nguồn dữ liệu', dòng 7") && p.includes("'Tệp/Bảng tính'"))).toBe(
      true,
    );
  });
});
