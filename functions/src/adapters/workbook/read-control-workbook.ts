import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { SheetTab } from '../../domain/forms/read-form-tab.js';
import { readPlanTabs, type PlanReading } from '../../domain/plans/read-plan-tabs.js';
import { readControlTabs, type ControlReading } from '../../domain/units/read-control.js';
import { readWorkbookTabs } from '../xlsx/read-workbook.js';

/** Read the district's control workbook (units registry, form overrides, settings). */
export async function readControlWorkbook(file: string): Promise<ControlReading> {
  return readControlTabs(await readControlFileTabs(file));
}

/** Read the plans the control workbook defines, over the built-in ones (`base`). */
export async function readControlPlans(file: string, base: readonly FormSpec[] = []): Promise<PlanReading> {
  return readPlanTabs(await readControlFileTabs(file), base);
}

async function readControlFileTabs(file: string): Promise<SheetTab[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new SheetReadError(
      'not-found',
      `Không tìm thấy bảng điều khiển '${file}'. Hãy kiểm tra đường dẫn (--control).`,
      { cause: error },
    );
  }
  return readWorkbookTabs(bytes, path.basename(file));
}
