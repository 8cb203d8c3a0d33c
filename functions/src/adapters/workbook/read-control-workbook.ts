import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { readControlTabs, type ControlReading } from '../../domain/units/read-control.js';
import { readWorkbookTabs } from './read-workbook.js';

/** Read the district's control workbook (units registry, form overrides, settings). */
export async function readControlWorkbook(file: string): Promise<ControlReading> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new SheetReadError('not-found', `Không tìm thấy bảng điều khiển '${file}'. Hãy kiểm tra đường dẫn (--control).`, { cause: error });
  }
  return readControlTabs(await readWorkbookTabs(bytes, path.basename(file)));
}
