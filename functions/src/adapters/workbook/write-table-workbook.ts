import ExcelJS from 'exceljs';
import { writePrivateFile } from '../private-files.js';

/** A cell of a plain table: text, a number or nothing. */
export type TableCell = string | number | null;

/**
 * Write a workbook of one plain table (a header row, then rows), as a person keeps a ledger:
 * the finance desk's receipts book is one, read back as a shared source.
 */
export async function writeTableWorkbook(
  file: string,
  tab: string,
  header: readonly string[],
  rows: readonly (readonly TableCell[])[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(tab);
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 34 : 16));
  await writePrivateFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}
