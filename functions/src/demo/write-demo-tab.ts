import { utimes } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { writePrivateFile } from '../adapters/private-files.js';
import { addFormSheet } from '../adapters/workbook/write-form-sheet.js';
import { SUBMIT_SIGNAL_ROW } from '../adapters/workbook/write-submit-signal.js';
import type { WritableCell } from '../adapters/sheet-layout/write-sheet-layout.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import type { Unit } from '../domain/units/unit.js';

/**
 * A unit sends its file again with one more plan's tab: the file as it was (`original`), plus the tab with these rows
 * and, for a "Bấm nộp" plan, this text in its "Nộp báo cáo" cell; saved at `at` (the file's mtime).
 */
export async function writeUnitFileWithTab(
  file: string,
  original: Buffer,
  tab: { readonly unit: Unit; readonly spec: FormSpec; readonly rows: WritableCell[][]; readonly signal?: string },
  at: Date,
): Promise<void> {
  const { unit, spec, rows, signal } = tab;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(original as unknown as ArrayBuffer);
  const sheet = addFormSheet(workbook, spec, { unitName: unit.name, rows });
  if (signal !== undefined) sheet.getCell(SUBMIT_SIGNAL_ROW, spec.columns.length + 1).value = signal;
  await writePrivateFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  await utimes(file, at, at);
}
