import { createHash } from 'node:crypto';
import path from 'node:path';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../../domain/sheets/sheet-limits.js';
import type { SourceKind } from '../../domain/sources/source-origin.js';
import type { Unit } from '../../domain/units/unit.js';
import type { UnitFeedback } from '../../domain/feedback/unit-feedback.js';
import type { FeedbackTarget, FeedbackWrite } from '../../jobs/summarize/ports.js';
import { sameFingerprint } from '../../jobs/sweep/fingerprint.js';
import type { OpenedSheets, SourceFingerprint, UnitSheetSource } from '../../jobs/sweep/ports.js';
import { readWorkbookTabs } from '../xlsx/read-workbook.js';
import { readRegularFile, regularFileStat } from './unit-file-open.js';
import { withParseSlot } from './workbook-parse-slot.js';
import { UnitFileChangedError, UnitFileNotRewritableError, writeUnitFeedback } from './write-unit-feedback.js';

/**
 * Unit sheets as .xlsx workbooks in one folder (the embedded default, and units that email
 * Excel files): read by the sweep, and given back their row statuses by the summary job.
 * Only regular files inside the folder are read or written (never through a symlink), and
 * a file over the size limits is refused before it is read or parsed.
 */
export class UnitWorkbookFolder implements UnitSheetSource, FeedbackTarget {
  /** A workbook has no menu: a "Bấm nộp" form is submitted by its tab's "Nộp báo cáo" cell (domain/forms/submit-signal.ts). */
  readonly signalCells = true;

  constructor(
    private readonly dir: string,
    private readonly limits: SheetLimits = DEFAULT_SHEET_LIMITS,
    /** 'mailbox' when the files read are the ones the mailbox job placed (UnitFolderDrop). */
    private readonly kind: Extract<SourceKind, 'workbook' | 'mailbox'> = 'workbook',
  ) {}

  sourceKind(): SourceKind {
    return this.kind;
  }

  async fingerprint(unit: Unit): Promise<SourceFingerprint | null> {
    const info = await regularFileStat(this.pathOf(unit), unit.source);
    return info ? { modifiedAt: new Date(Math.floor(info.mtimeMs)), revision: info.size } : null;
  }

  async open(unit: Unit): Promise<OpenedSheets> {
    const bytes = await readRegularFile(this.dir, this.pathOf(unit), unit.source, this.limits.maxFileBytes);
    return {
      contentHash: createHash('sha256').update(bytes).digest('hex'),
      readTabs: () => readWorkbookTabs(bytes, unit.source, this.limits),
    };
  }

  async write(unit: Unit, feedback: UnitFeedback, expected: SourceFingerprint): Promise<FeedbackWrite> {
    try {
      // Only the workbook the sweep read gets its statuses: a newer file waits for the next sweep.
      if (!sameFingerprint(await this.fingerprint(unit), expected)) return { outcome: 'moved-on' };
      const written = await withParseSlot(() => writeUnitFeedback(this.pathOf(unit), feedback, unit.name));
      if (!written.changed) return { outcome: 'unchanged' };
      const fingerprint = await this.fingerprint(unit);
      if (!fingerprint) return { outcome: 'moved-on' };
      return {
        outcome: 'written',
        cells: written.cellsWritten,
        tabsAdded: written.tabsAdded,
        fingerprint,
        contentHash: (await this.open(unit)).contentHash,
      };
    } catch (error) {
      if (error instanceof UnitFileChangedError) return { outcome: 'moved-on' };
      if (error instanceof SheetReadError) return { outcome: 'refused', message: error.message };
      if (error instanceof UnitFileNotRewritableError)
        return { outcome: 'refused', message: notRewritableMessage(unit, error.lost) };
      throw error;
    }
  }

  /** The unit's file, kept inside the folder whatever the control workbook says ("../" cannot escape). */
  private pathOf(unit: Unit): string {
    const resolved = path.resolve(this.dir, unit.source);
    if (!resolved.startsWith(path.resolve(this.dir) + path.sep)) {
      throw new SheetReadError(
        'not-found',
        `Tên tệp '${unit.source}' không hợp lệ: tệp phải nằm trong thư mục đơn vị.`,
      );
    }
    return resolved;
  }
}

/** Statuses then reach the unit through the summary and the mail instead of its file. */
function notRewritableMessage(unit: Unit, lost: string): string {
  return `Không ghi trạng thái từng dòng vào tệp '${unit.source}' của ${unit.name}: tệp có ${lost}, nếu hệ thống lưu lại tệp thì các nội dung này sẽ bị mất. Trạng thái từng dòng có trong bảng tổng hợp và thư thông báo; muốn nhận trạng thái ngay trong tệp, hãy chuyển các nội dung đó sang tệp khác.`;
}
