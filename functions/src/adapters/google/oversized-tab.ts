import { formatVietnameseNumber as n } from '../../domain/cells/number-format.js';
import type { SheetTab } from '../../domain/forms/read-form-tab.js';
import { columnLetter } from '../../domain/sheets/a1.js';
import type { SheetLimits } from '../../domain/sheets/sheet-limits.js';

/**
 * The Vietnamese message for a spreadsheet whose tabs, as fetched with one row and one column more
 * than the limits, pass a limit (rows, columns, cells per tab, cells in all); null when none does.
 * Sheets itself caps a cell at 50,000 characters, so rows × columns × that bounds what one read can hold.
 */
export function oversizedTabMessage(tabs: readonly SheetTab[], limits: SheetLimits, unitName: string): string | null {
  const where = (tab: SheetTab) => `Trang '${tab.name}' trong bảng tính của ${unitName}`;
  let allCells = 0;
  for (const tab of tabs) {
    if ((tab.rows.at(-1)?.rowNumber ?? 0) > limits.maxRowsPerTab) {
      return `${where(tab)} có hơn ${n(limits.maxRowsPerTab)} dòng, vượt giới hạn mỗi trang. Hãy xóa các dòng thừa ở cuối trang hoặc tách báo cáo.`;
    }
    let cells = 0;
    for (const row of tab.rows) {
      if (row.cells.length > limits.maxColumns && row.cells.slice(limits.maxColumns).some((cell) => cell !== null)) {
        return `${where(tab)} có dữ liệu ở cột ${columnLetter(limits.maxColumns)} trở đi, vượt giới hạn ${n(limits.maxColumns)} cột. Hãy xóa các cột thừa bên phải bảng.`;
      }
      cells += row.cells.filter((cell) => cell !== null).length;
    }
    if (cells > limits.maxCellsPerTab) {
      return `${where(tab)} có ${n(cells)} ô có dữ liệu, vượt giới hạn ${n(limits.maxCellsPerTab)} ô mỗi trang. Hãy xóa các dòng, cột thừa hoặc tách báo cáo.`;
    }
    allCells += cells;
  }
  return allCells > limits.maxCellsPerFile
    ? `Bảng tính của ${unitName} có tổng cộng ${n(allCells)} ô có dữ liệu, vượt giới hạn ${n(limits.maxCellsPerFile)} ô. Hãy xóa các trang, dòng, cột thừa hoặc tách báo cáo.`
    : null;
}
