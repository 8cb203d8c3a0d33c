import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { makePrivateDir, writePrivateFile } from '../private-files.js';
import { addFormSheet } from './write-form-sheet.js';
import { addHelpSheet } from './write-help-sheet.js';
import type { WritableRow } from '../sheet-layout/write-sheet-layout.js';

export {
  writeControlWorkbook,
  type ControlFormRow,
  type ControlSettings,
  type ControlWorkbookContent,
} from './write-control-workbook.js';

/** Metadata of a written workbook: who made it and, for reproducible demo files, when. */
export interface WorkbookWriteOptions {
  readonly modifiedAt?: Date;
}

function newWorkbook(options: WorkbookWriteOptions): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tonghop';
  workbook.lastModifiedBy = 'tonghop';
  if (options.modifiedAt) workbook.created = workbook.modified = options.modifiedAt;
  return workbook;
}

/** Write one blank `<form id>.xlsx` per form (its tab and a help tab) into outDir; returns the paths in the order of specs. */
export async function writeFormTemplates(specs: readonly FormSpec[], outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const spec of specs) {
    const workbook = newWorkbook({});
    addFormSheet(workbook, spec);
    addHelpSheet(workbook, [spec]);
    const file = path.join(outDir, `${spec.id}.xlsx`);
    await writePrivateFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    files.push(file);
  }
  return files;
}

/** Write a unit's workbook: one tab per form (with its rows, if any) and a help tab. */
export async function writeUnitWorkbook(
  file: string,
  unitName: string,
  specs: readonly FormSpec[],
  rowsByFormId: ReadonlyMap<string, readonly WritableRow[]>,
  options: WorkbookWriteOptions = {},
): Promise<void> {
  const workbook = newWorkbook(options);
  for (const spec of specs) addFormSheet(workbook, spec, { unitName, rows: rowsByFormId.get(spec.id) ?? [] });
  addHelpSheet(workbook, specs);
  // The demo's unit workbooks hold members' names and phones.
  await makePrivateDir(path.dirname(file));
  await writePrivateFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}
