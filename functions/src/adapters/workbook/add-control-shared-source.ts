import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { SHARED_KIND_LABEL, SHARED_SOURCES_TAB_SPEC } from '../../domain/shared/shared-sources-layout.js';
import { writePrivateFile } from '../private-files.js';

/** One row of the control's "Nguồn dữ liệu" tab: a form collected through one shared workbook. */
export interface SharedSourceRow {
  readonly formId: string;
  readonly file: string;
  /** Blank: the tab named as the form's. */
  readonly tab?: string;
}

/**
 * Declare a shared source in a control workbook: its row appended to the "Nguồn dữ liệu" tab (the tab,
 * with its header, added when the control has none); everything else is kept.
 */
export async function addSharedSourceToControlWorkbook(file: string, source: SharedSourceRow): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const tabName = SHARED_SOURCES_TAB_SPEC.tab;
  const sheet = workbook.getWorksheet(tabName) ?? workbook.addWorksheet(tabName);
  if (sheet.rowCount === 0) sheet.addRow(SHARED_SOURCES_TAB_SPEC.columns.map((c) => c.header));
  sheet.addRow([source.formId, SHARED_KIND_LABEL, source.file, source.tab ?? '', '', '']);
  await writePrivateFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}
