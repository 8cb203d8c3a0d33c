import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { SheetRow, SheetTab } from '../../../functions/src/domain/forms/read-form-tab.js';
import {
  controlProblemPlace,
  controlProblemPlacesText,
} from '../../../functions/src/domain/units/control-problem-places.js';
import { readControlTabs } from '../../../functions/src/domain/units/read-control.js';
import { CONTROL_UNITS_HEADER } from '../../support/builders.js';

function sheet(name: string, ...cells: RawCell[][]): SheetTab {
  const rows: SheetRow[] = cells.map((c, i) => ({ rowNumber: i + 1, cells: c }));
  return { name, rows };
}

/** A control sheet with typos typed by district staff: a unit type, a contact email, the office email. */
const typos = readControlTabs([
  sheet(
    'Đơn vị',
    CONTROL_UNITS_HEADER,
    ['th-a', 'Liên đội A', 'Liên đội', 'Tiểu học', 'Cụm 1', 'Nguyễn Thị Mai', 'mai@', '', 300, 'th-a.xlsx'],
    ['th-b', 'Liên đội B', 'Lien doi xyz', 'Tiểu học', 'Cụm 1', '', '', '', 300, 'th-b.xlsx'],
  ),
  sheet('Thông tin chung', ['Email văn phòng', 'vanphong@@quandoan']),
]);

describe('controlProblemPlace: where a control problem is, without what it quotes', () => {
  it('reads the tab and row every problem of a real control reading opens with', () => {
    expect(typos.problems.length).toBeGreaterThanOrEqual(3);
    const places = typos.problems.map(controlProblemPlace);
    expect(places).toContainEqual({ tab: 'Đơn vị', row: 2 });
    expect(places).toContainEqual({ tab: 'Đơn vị', row: 3 });
    expect(places).toContainEqual({ tab: 'Thông tin chung', row: undefined });
  });

  it('names the tab a problem mentions when it does not open with one', () => {
    expect(
      controlProblemPlace("Bảng điều khiển thiếu trang 'Đơn vị' (danh sách đơn vị): chưa có đơn vị nào để tổng hợp."),
    ).toEqual({ tab: 'Đơn vị', row: undefined });
    expect(controlProblemPlace('Một lỗi không nói ở đâu.')).toEqual({ tab: undefined, row: undefined });
  });

  it('sums places up by tab for one log line, with no email, name or typed value in it', () => {
    const text = controlProblemPlacesText(typos.problems);
    expect(text).toBe('Đơn vị rows 2, 3; Thông tin chung');
    for (const quoted of ['mai@', 'Nguyễn', 'Lien doi xyz', 'vanphong']) expect(text).not.toContain(quoted);
    expect(
      controlProblemPlacesText([
        'Một lỗi không nói ở đâu.',
        "Trang 'Biểu mẫu', dòng 4: x",
        "Trang 'Biểu mẫu', dòng 4, cột 'Kỳ báo cáo': y",
      ]),
    ).toBe('(no tab); Biểu mẫu row 4');
  });
});
