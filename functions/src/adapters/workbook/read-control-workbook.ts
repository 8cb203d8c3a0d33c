import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readControlTabs, type ControlReading } from '../../domain/units/read-control.js';
import { readWorkbookTabs } from './read-workbook.js';

/** Read the district's control workbook (units registry, form overrides, settings). */
export async function readControlWorkbook(file: string): Promise<ControlReading> {
  const tabs = await readWorkbookTabs(await readFile(file), path.basename(file));
  return readControlTabs(tabs);
}
