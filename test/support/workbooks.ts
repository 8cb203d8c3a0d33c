import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';

export type TestCell = string | number | boolean | Date | null;

export interface TestTab {
  readonly name: string;
  /** Rows from row 1; use title rows above the header like real templates do. */
  readonly rows: readonly (readonly TestCell[])[];
}

/** Write an .xlsx with exceljs, independent of the product's own template writer, and set its mtime. */
export async function writeTestWorkbook(file: string, tabs: readonly TestTab[], mtime?: Date): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const tab of tabs) {
    const sheet = workbook.addWorksheet(tab.name);
    tab.rows.forEach((cells, i) => {
      const row = sheet.getRow(i + 1);
      cells.forEach((cell, j) => {
        if (cell !== null) row.getCell(j + 1).value = cell;
      });
      row.commit();
    });
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  if (mtime) await utimes(file, mtime, mtime);
}

/** Title rows above the header, as unit templates have them. */
export function titled(title: string, header: readonly string[], rows: readonly (readonly TestCell[])[]): TestCell[][] {
  return [[title], ['Đơn vị: Liên đội mẫu'], [], [...header], ...rows.map((r) => [...r])];
}

/** Re-open an .xlsx with exceljs, as a person's spreadsheet program would. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A tab that must exist; the failure names the tabs there are. */
export function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`tab ${name} missing; tabs: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  return sheet;
}
