import ExcelJS from 'exceljs';
import type { RawCell } from '../../domain/cells/raw-cell.js';
import type { SheetRow, SheetTab } from '../../domain/forms/read-form-tab.js';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../../domain/sheets/sheet-limits.js';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { rawCellOf } from '../workbook/exceljs-cell.js';
import { foreignFormatMessage } from '../workbook/foreign-format.js';
import { fileTooLargeMessage, tooLargeMessage } from './too-large-message.js';
import { withParseSlot } from '../workbook/workbook-parse-slot.js';
import { normalizeForExceljs } from '../workbook/xlsx-normalize.js';
import { checkXlsxSize } from '../workbook/xlsx-size-gate.js';
import { loadOrdinaryWorkbook } from '../workbook/workbook-fast-load.js';

/**
 * Parse an .xlsx file into tabs of raw cells; an unreadable file, or one over a size limit (checked
 * on the zip's streamed content before parsing, so memory stays bounded), becomes a SheetReadError
 * with a Vietnamese message. One parse at a time per process (workbook-parse-slot). An ordinary
 * file takes the quick path (workbook-fast-load.ts); the size gate and normalization below decide the rest.
 */
export async function readWorkbookTabs(
  bytes: Buffer,
  fileName: string,
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<SheetTab[]> {
  if (bytes.length === 0) {
    throw new SheetReadError(
      'corrupt',
      `Tệp '${fileName}' rỗng (0 byte). Hãy lưu lại bảng tính dạng .xlsx và gửi lại.`,
    );
  }
  if (bytes.length > limits.maxFileBytes)
    throw new SheetReadError('too-large', fileTooLargeMessage(fileName, bytes.length, limits.maxFileBytes));
  const foreign = foreignFormatMessage(bytes, fileName);
  if (foreign) throw new SheetReadError('corrupt', foreign);
  return withParseSlot(async () => {
    // An ordinary file (nearly all of them) is inflated once and parsed; anything else goes the careful way below.
    const ordinary = await loadOrdinaryWorkbook(bytes, limits).catch(() => undefined);
    if (ordinary) return tabsOf(ordinary);
    const refusal = await checkXlsxSize(bytes, limits);
    if (refusal) throw new SheetReadError('too-large', tooLargeMessage(fileName, refusal));
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
    return tabsOf(workbook);
  });
}

function tabsOf(workbook: ExcelJS.Workbook): SheetTab[] {
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
