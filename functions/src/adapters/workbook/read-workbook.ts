import ExcelJS from 'exceljs';
import type { RawCell } from '../../domain/cells/raw-cell.js';
import type { SheetRow, SheetTab } from '../../domain/forms/read-form-tab.js';
import { DEFAULT_MAX_ROWS_PER_TAB, SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { formatVietnameseNumber } from '../../domain/cells/number-format.js';
import { rawCellOf } from './exceljs-cell.js';
import { foreignFormatMessage } from './foreign-format.js';
import { normalizeForExceljs } from './xlsx-normalize.js';
import { tabsOverRowLimit } from './workbook-row-limit.js';

/**
 * Parse an .xlsx file into tabs of raw cells; an unreadable file, or one with a tab over the row
 * limit (checked before parsing, so memory stays bounded), becomes a SheetReadError with a Vietnamese message.
 */
export async function readWorkbookTabs(bytes: Buffer, fileName: string, options: { maxRowsPerTab?: number } = {}): Promise<SheetTab[]> {
  if (bytes.length === 0) {
    throw new SheetReadError('corrupt', `Tệp '${fileName}' rỗng (0 byte). Hãy lưu lại bảng tính dạng .xlsx và gửi lại.`);
  }
  const foreign = foreignFormatMessage(bytes, fileName);
  if (foreign) throw new SheetReadError('corrupt', foreign);
  const limit = options.maxRowsPerTab ?? DEFAULT_MAX_ROWS_PER_TAB;
  const [over] = await tabsOverRowLimit(bytes, limit);
  if (over) {
    throw new SheetReadError(
      'too-large',
      `Trang '${over.tab}' trong tệp '${fileName}' có ${formatVietnameseNumber(over.rows)} dòng, vượt giới hạn ${formatVietnameseNumber(limit)} dòng mỗi trang. Hãy xóa các dòng thừa ở cuối trang (kể cả dòng chỉ có định dạng) hoặc tách báo cáo, rồi gửi lại.`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((await normalizeForExceljs(bytes)) as unknown as ArrayBuffer);
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
