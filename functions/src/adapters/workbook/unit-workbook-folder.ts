import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import type { Unit } from '../../domain/units/unit.js';
import type { OpenedSheets, SourceFingerprint, UnitSheetSource } from '../../jobs/sweep/ports.js';
import { readWorkbookTabs } from './read-workbook.js';

/** Unit sheets as .xlsx workbooks in one folder (the embedded default, and units that email Excel files). */
export class UnitWorkbookFolder implements UnitSheetSource {
  constructor(private readonly dir: string) {}

  async fingerprint(unit: Unit): Promise<SourceFingerprint | null> {
    try {
      const info = await stat(this.pathOf(unit));
      return info.isFile() ? { modifiedAt: new Date(Math.floor(info.mtimeMs)), size: info.size } : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async open(unit: Unit): Promise<OpenedSheets> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.pathOf(unit));
    } catch (error) {
      if (isNotFound(error)) throw new SheetReadError('not-found', `Không tìm thấy tệp '${unit.source}'.`, { cause: error });
      throw error;
    }
    return {
      contentHash: createHash('sha256').update(bytes).digest('hex'),
      readTabs: () => readWorkbookTabs(bytes, unit.source),
    };
  }

  /** The unit's file, kept inside the folder whatever the control workbook says ("../" cannot escape). */
  private pathOf(unit: Unit): string {
    const resolved = path.resolve(this.dir, unit.source);
    if (!resolved.startsWith(path.resolve(this.dir) + path.sep)) {
      throw new SheetReadError('not-found', `Tên tệp '${unit.source}' không hợp lệ: tệp phải nằm trong thư mục đơn vị.`);
    }
    return resolved;
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}
