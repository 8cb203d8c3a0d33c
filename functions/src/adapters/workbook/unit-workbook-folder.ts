import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import type { Unit } from '../../domain/units/unit.js';
import type { UnitFeedback } from '../../domain/feedback/unit-feedback.js';
import type { FeedbackTarget, FeedbackWrite } from '../../jobs/summarize/ports.js';
import { sameFingerprint } from '../../jobs/sweep/fingerprint.js';
import type { OpenedSheets, SourceFingerprint, UnitSheetSource } from '../../jobs/sweep/ports.js';
import { readWorkbookTabs } from './read-workbook.js';
import { UnitFileChangedError, UnitFileNotRewritableError, writeUnitFeedback } from './write-unit-feedback.js';

/**
 * Unit sheets as .xlsx workbooks in one folder (the embedded default, and units that email
 * Excel files): read by the sweep, and given back their row statuses by the summary job.
 */
export class UnitWorkbookFolder implements UnitSheetSource, FeedbackTarget {
  constructor(
    private readonly dir: string,
    private readonly options: { readonly maxRowsPerTab?: number } = {},
  ) {}

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
      readTabs: () => readWorkbookTabs(bytes, unit.source, this.options),
    };
  }

  async write(unit: Unit, feedback: UnitFeedback, expected: SourceFingerprint): Promise<FeedbackWrite> {
    // Only the workbook the sweep read gets its statuses: a newer file waits for the next sweep.
    if (!sameFingerprint(await this.fingerprint(unit), expected)) return { outcome: 'moved-on' };
    try {
      const written = await writeUnitFeedback(this.pathOf(unit), feedback);
      if (!written.changed) return { outcome: 'unchanged' };
      const fingerprint = await this.fingerprint(unit);
      if (!fingerprint) return { outcome: 'moved-on' };
      return { outcome: 'written', cells: written.cellsWritten, fingerprint, contentHash: (await this.open(unit)).contentHash };
    } catch (error) {
      if (error instanceof UnitFileChangedError) return { outcome: 'moved-on' };
      if (error instanceof UnitFileNotRewritableError) return { outcome: 'refused', message: notRewritableMessage(unit, error.lost) };
      throw error;
    }
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

/** Statuses then reach the unit through the summary and the mail instead of its file. */
function notRewritableMessage(unit: Unit, lost: string): string {
  return `Không ghi trạng thái từng dòng vào tệp '${unit.source}' của ${unit.name}: tệp có ${lost}, nếu hệ thống lưu lại tệp thì các nội dung này sẽ bị mất. Trạng thái từng dòng có trong bảng tổng hợp và thư thông báo; muốn nhận trạng thái ngay trong tệp, hãy chuyển các nội dung đó sang tệp khác.`;
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}
