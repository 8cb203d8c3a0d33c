import ExcelJS from 'exceljs';
import type { RawCell } from '../../domain/cells/raw-cell.js';
import type { SheetRow, SheetTab } from '../../domain/forms/read-form-tab.js';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { rawCellOf } from './exceljs-cell.js';

/** Parse an .xlsx file into tabs of raw cells; an unreadable file becomes a SheetReadError with a Vietnamese message. */
export async function readWorkbookTabs(bytes: Buffer, fileName: string): Promise<SheetTab[]> {
  if (bytes.length === 0) {
    throw new SheetReadError('corrupt', `Tệp '${fileName}' rỗng (0 byte). Hãy lưu lại bảng tính dạng .xlsx và gửi lại.`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new SheetReadError(
      'corrupt',
      `Không đọc được tệp '${fileName}': tệp bị hỏng hoặc không phải bảng tính Excel (.xlsx). Hãy mở tệp bằng Excel hoặc Google Trang tính, lưu lại dạng .xlsx và gửi lại.`,
      { cause: error },
    );
  }
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: rowsOf(sheet) }));
}

function rowsOf(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = row.getCell(column);
      // A merged range holds its value in its top-left cell only; the others would repeat it.
      cells.push(cell.isMerged && cell.master !== cell ? null : rawCellOf(cell.value));
    }
    rows.push({ rowNumber, cells });
  });
  return rows;
}
