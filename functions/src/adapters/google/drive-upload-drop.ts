import path from 'node:path';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../../domain/sheets/sheet-limits.js';
import type { Unit } from '../../domain/units/unit.js';
import type { UnitFileDrop } from '../../jobs/mailbox/ports.js';
import type { UnitRegistry } from '../../jobs/provision/ports.js';
import { readWorkbookTabs } from '../xlsx/read-workbook.js';
import { driveFileOf } from './drive-listing.js';
import { findXlsxByName, uploadXlsx } from './drive-upload.js';
import { GoogleApiError } from './google-api-error.js';
import { isSpreadsheetId, spreadsheetUrl, type FolderId, type GoogleApis } from './google-apis.js';
import { GoogleUnitSheets } from './google-unit-sheets.js';

/** Why an emailed file is not counted for a unit that reports in its Google spreadsheet (the reply says it). */
export function unitUsesSpreadsheetMessage(unit: Unit): string {
  return (
    `${unit.name} đang báo cáo trên Google Trang tính (${spreadsheetUrl(unit.source)}), nên tệp gửi qua thư không được ghi nhận, để số liệu không bị tính hai lần. ` +
    `Hãy nhập số liệu vào bảng tính đó. Nếu đơn vị muốn gửi tệp Excel qua thư thay cho bảng tính, hãy đề nghị Quận Đoàn đổi cột 'Tệp báo cáo' của đơn vị thành tên tệp (ví dụ '${unit.id}.xlsx').`
  );
}

/**
 * Google mode: an emailed workbook becomes the unit's .xlsx in the district's Drive folder, dated at
 * the message's received time (Drive's modifiedTime), and is read by the same Drive path as a file
 * the unit uploaded itself. The control spreadsheet's 'Tệp báo cáo' decides, so nothing is read twice:
 * - an uploaded .xlsx's id: that file gets the new bytes (files.update with media);
 * - a Google spreadsheet's id: the unit reports there, and the emailed file is refused with a reason;
 * - anything else (a file name, the default '<mã đơn vị>.xlsx'): the file is created in the folder
 *   under that name (or found there, after a run that stopped before recording it) and its id is
 *   written into 'Tệp báo cáo'.
 */
export class DriveUploadDrop implements UnitFileDrop {
  readonly sheets: GoogleUnitSheets;

  constructor(
    private readonly api: GoogleApis,
    private readonly folderId: FolderId,
    private readonly registry: Pick<UnitRegistry, 'recordSources'>,
    private readonly limits: SheetLimits = DEFAULT_SHEET_LIMITS,
  ) {
    this.sheets = new GoogleUnitSheets(api, folderId, limits, 'mailbox');
  }

  async place(unit: Unit, fileName: string, bytes: Buffer, receivedAt: Date): Promise<Unit> {
    await readWorkbookTabs(bytes, fileName, this.limits);
    const named = isSpreadsheetId(unit.source) ? await this.namedFileKind(unit) : 'none';
    if (named === 'spreadsheet') throw new SheetReadError('no-access', unitUsesSpreadsheetMessage(unit));
    if (named === 'xlsx') {
      await uploadXlsx(this.api, { fileId: unit.source }, bytes, receivedAt);
      return unit;
    }
    const name = uploadName(unit);
    const existing = await findXlsxByName(this.api, this.folderId, name);
    const id = await uploadXlsx(
      this.api,
      existing ? { fileId: existing } : { folderId: this.folderId, name },
      bytes,
      receivedAt,
    );
    await this.registry.recordSources(new Map([[unit.id, id]]));
    return { ...unit, source: id };
  }

  /** What the id in 'Tệp báo cáo' is on Drive; 'none' when it is gone (deleted, unshared): a new file takes its place. */
  private async namedFileKind(unit: Unit): Promise<'spreadsheet' | 'xlsx' | 'none'> {
    try {
      return (await driveFileOf(this.api, unit.source)).kind;
    } catch (error) {
      if (error instanceof GoogleApiError && error.failure === 'not-found') return 'none';
      throw error;
    }
  }
}

/** The Drive name of a unit's emailed workbook: its 'Tệp báo cáo' file name, else '<unit id>.xlsx'. */
function uploadName(unit: Unit): string {
  const base = path.posix.basename(unit.source.replace(/\\/g, '/'));
  return isSpreadsheetId(unit.source) || !/\.xlsx$/i.test(base) ? `${unit.id}.xlsx` : base;
}
