import path from 'node:path';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../../domain/sheets/sheet-limits.js';
import type { Unit } from '../../domain/units/unit.js';
import type { UnitFileDrop } from '../../jobs/mailbox/ports.js';
import { makePrivateDir, writePrivateFile } from '../private-files.js';
import { readWorkbookTabs } from '../xlsx/read-workbook.js';
import { UnitWorkbookFolder } from './unit-workbook-folder.js';

/**
 * Workbook mode: an emailed workbook becomes the unit's file in the units folder (named as the
 * control workbook says, whatever the attachment was called), dated at the message's received time,
 * so the scheduled sweep afterwards finds exactly what the mailbox job read and reads nothing again.
 * A file that cannot be read is refused before it replaces the unit's current one.
 */
export class UnitFolderDrop implements UnitFileDrop {
  readonly sheets: UnitWorkbookFolder;

  constructor(
    private readonly dir: string,
    private readonly limits: SheetLimits = DEFAULT_SHEET_LIMITS,
  ) {
    this.sheets = new UnitWorkbookFolder(dir, limits, 'mailbox');
  }

  async place(unit: Unit, fileName: string, bytes: Buffer, receivedAt: Date): Promise<Unit> {
    await readWorkbookTabs(bytes, fileName, this.limits);
    const target = path.resolve(this.dir, unit.source);
    if (!target.startsWith(path.resolve(this.dir) + path.sep)) {
      throw new SheetReadError(
        'not-found',
        `Tên tệp '${unit.source}' không hợp lệ: tệp phải nằm trong thư mục đơn vị.`,
      );
    }
    await makePrivateDir(path.dirname(target));
    await writePrivateFile(target, bytes, { times: { atime: receivedAt, mtime: receivedAt } });
    return unit;
  }
}
