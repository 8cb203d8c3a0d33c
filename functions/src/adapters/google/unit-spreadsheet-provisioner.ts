import type { sheets_v4 } from '@googleapis/sheets';
import { STANDING_TAB } from '../../domain/feedback/unit-feedback.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { findTab } from '../../domain/forms/read-form-tab.js';
import type { Unit } from '../../domain/units/unit.js';
import type { ProvisionedUnit, SkippedUnit, UnitProvisioner } from '../../jobs/provision/ports.js';
import { HELP_SHEET } from '../../domain/sheets/own-tabs.js';
import { XLSX_MIME } from './drive-download.js';
import { listFolderSpreadsheets, type DriveSpreadsheet } from './drive-listing.js';
import { GoogleApiError } from './google-api-error.js';
import { isSpreadsheetId, spreadsheetUrl, type FolderId, type GoogleApis, type SpreadsheetId } from './google-apis.js';
import {
  addFormTabRequests,
  addHelpTabRequest,
  addStandingTabRequests,
  formTabValues,
  helpTabValues,
  standingTabValues,
} from './unit-tab-requests.js';

const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
/** The tab a new blank spreadsheet comes with (English and Vietnamese accounts): removed once ours are in. */
const DEFAULT_TABS = new Set(['Sheet1', 'Trang tính1']);

/** What existingSpreadsheet says of an .xlsx the unit uploaded. */
const UPLOADED = Symbol('uploaded .xlsx');

/** Why a unit gets no spreadsheet (the provision report): it uploads an .xlsx, which the sweep reads as it is. */
export function uploadedXlsxSkipMessage(unit: Unit): string {
  return `${unit.name} nộp tệp Excel trên Drive (mã tệp ${unit.source}): không tạo bảng tính. Hệ thống đọc tệp đơn vị tải lên; muốn đơn vị nhập trên Google Trang tính, hãy xóa mã tệp ở cột 'Tệp báo cáo' rồi chạy lại lệnh này.`;
}

/** The name a unit's spreadsheet gets; the id in brackets lets a re-run find a spreadsheet it created but did not record. */
export function unitSpreadsheetName(unit: Unit): string {
  return `Báo cáo — ${unit.name} (${unit.id})`;
}

/**
 * Creates or completes each unit's spreadsheet in the district folder: one tab per form it owes,
 * the help tab, dropdowns and protections, shared with the unit's contacts. Only what is missing
 * is added, so running it again on a provisioned district costs one metadata read and one
 * permission listing per unit and changes nothing.
 * With a template spreadsheet (carrying the Apps Script menu), new spreadsheets are copies of it.
 */
export class GoogleUnitProvisioner implements UnitProvisioner {
  private listing: Map<SpreadsheetId, DriveSpreadsheet> = new Map();
  /** Uploaded .xlsx files in the folder: a unit whose 'Tệp báo cáo' names one gets no spreadsheet. */
  private uploaded = new Set<SpreadsheetId>();

  constructor(
    private readonly api: GoogleApis,
    private readonly folderId: FolderId,
    private readonly templateId?: SpreadsheetId,
  ) {}

  async prepare(): Promise<void> {
    // Uploaded .xlsx files share the folder; only Google spreadsheets are provisioned.
    const files = [...(await listFolderSpreadsheets(this.api, this.folderId))];
    this.listing = new Map(files.filter(([, file]) => file.kind === 'spreadsheet'));
    this.uploaded = new Set(files.filter(([, file]) => file.kind === 'xlsx').map(([id]) => id));
  }

  async provision(unit: Unit, forms: readonly FormSpec[]): Promise<ProvisionedUnit | SkippedUnit> {
    if (this.uploaded.has(unit.source)) return { unitId: unit.id, skipped: uploadedXlsxSkipMessage(unit) };
    const found = await this.existingSpreadsheet(unit);
    if (found === UPLOADED) return { unitId: unit.id, skipped: uploadedXlsxSkipMessage(unit) };
    const id = found ?? (await this.createSpreadsheet(unit));
    const tabsAdded = await this.completeTabs(id, unit, forms, found === undefined);
    const sharedWith = await this.share(id, unit);
    return {
      unitId: unit.id,
      spreadsheetId: id,
      url: spreadsheetUrl(id),
      created: found === undefined,
      tabsAdded,
      sharedWith,
    };
  }

  /**
   * The unit's spreadsheet: the one the control sheet names if it still exists, else one named after the unit
   * in the folder; UPLOADED when the control names an .xlsx outside the folder (shared with us).
   */
  private async existingSpreadsheet(unit: Unit): Promise<SpreadsheetId | typeof UPLOADED | undefined> {
    if (isSpreadsheetId(unit.source)) {
      if (this.listing.has(unit.source)) return unit.source;
      try {
        const file = await this.api.pacer.run('drive', 'files.get', () =>
          this.api.drive.files.get({ fileId: unit.source, fields: 'id, mimeType, trashed', supportsAllDrives: true }),
        );
        if (!file.data.trashed) return file.data.mimeType === XLSX_MIME ? UPLOADED : unit.source;
      } catch (error) {
        if (!(error instanceof GoogleApiError && error.failure === 'not-found')) throw error;
      }
    }
    return [...this.listing.values()].find((file) => file.name === unitSpreadsheetName(unit))?.id;
  }

  private async createSpreadsheet(unit: Unit): Promise<SpreadsheetId> {
    const requestBody = { name: unitSpreadsheetName(unit), parents: [this.folderId] };
    const templateId = this.templateId;
    const response = templateId
      ? await this.api.pacer.run('drive', 'files.copy', () =>
          this.api.drive.files.copy({ fileId: templateId, requestBody, fields: 'id', supportsAllDrives: true }),
        )
      : await this.api.pacer.run('drive', 'files.create', () =>
          this.api.drive.files.create({
            requestBody: { ...requestBody, mimeType: SPREADSHEET_MIME },
            fields: 'id',
            supportsAllDrives: true,
          }),
        );
    const id = response.data.id;
    if (!id)
      throw new GoogleApiError('unknown', `Drive created a spreadsheet for unit ${unit.id} but returned no id`, 200);
    return id;
  }

  /** Add the form, standing and help tabs that are missing (each with its protections); returns the tabs added. */
  private async completeTabs(
    id: SpreadsheetId,
    unit: Unit,
    forms: readonly FormSpec[],
    isNew: boolean,
  ): Promise<string[]> {
    const meta = await this.api.pacer.run('read', 'spreadsheets.get', () =>
      this.api.sheets.spreadsheets.get({ spreadsheetId: id, fields: 'sheets.properties(sheetId,title)' }),
    );
    const sheets = meta.data.sheets ?? [];
    let nextId = Math.max(0, ...sheets.map((s) => s.properties?.sheetId ?? 0)) + 1;
    const titled = sheets.map((s) => ({ name: s.properties?.title ?? '', sheet: s }));
    const requests: sheets_v4.Schema$Request[] = [];
    const values: sheets_v4.Schema$ValueRange[] = [];
    const added: string[] = [];
    forms.forEach((spec, index) => {
      // A tab already there is left as it is: its header may not be in row 5 nor its status column last, so
      // protecting "our" rows and column there could lock the unit out of its own data.
      if (findTab(titled, spec.tab)) return;
      requests.push(...addFormTabRequests(nextId++, spec, index, this.api.serviceAccountEmail));
      values.push(formTabValues(spec, unit.name));
      added.push(spec.tab);
    });
    // The standing tab exists from the start, so every sweep reads all tabs in one request.
    if (!findTab(titled, STANDING_TAB)) {
      requests.push(...addStandingTabRequests(nextId++, forms.length, this.api.serviceAccountEmail));
      values.push(standingTabValues(unit.name));
      added.push(STANDING_TAB);
    }
    if (!findTab(titled, HELP_SHEET)) {
      requests.push(addHelpTabRequest(nextId++, forms.length + 1));
      values.push(helpTabValues(forms));
      added.push(HELP_SHEET);
    }
    if (isNew) {
      for (const { name, sheet } of titled)
        if (DEFAULT_TABS.has(name)) requests.push({ deleteSheet: { sheetId: sheet.properties?.sheetId ?? 0 } });
    }
    if (requests.length > 0)
      await this.api.pacer.run('write', 'spreadsheets.batchUpdate', () =>
        this.api.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } }),
      );
    if (values.length > 0) {
      await this.api.pacer.run('write', 'values.batchUpdate', () =>
        this.api.sheets.spreadsheets.values.batchUpdate({
          spreadsheetId: id,
          requestBody: { valueInputOption: 'RAW', data: values },
        }),
      );
    }
    return added;
  }

  /** Give each contact with an email edit rights, once; returns the addresses newly shared with. */
  private async share(id: SpreadsheetId, unit: Unit): Promise<string[]> {
    const emails = [...new Set(unit.contacts.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])))];
    if (emails.length === 0) return [];
    const listed = await this.api.pacer.run('drive', 'permissions.list', () =>
      this.api.drive.permissions.list({
        fileId: id,
        fields: 'permissions(emailAddress,role)',
        supportsAllDrives: true,
      }),
    );
    const have = new Set(
      (listed.data.permissions ?? []).flatMap((p) =>
        p.emailAddress && p.role !== 'reader' && p.role !== 'commenter' ? [p.emailAddress.toLowerCase()] : [],
      ),
    );
    const shared: string[] = [];
    for (const emailAddress of emails.filter((e) => !have.has(e))) {
      await this.api.pacer.run('drive', 'permissions.create', () =>
        this.api.drive.permissions.create({
          fileId: id,
          sendNotificationEmail: true,
          emailMessage: `Quận Đoàn chia sẻ bảng tính báo cáo của ${unit.name}. Mỗi biểu mẫu nằm ở một trang; hệ thống tự kiểm tra từng dòng và ghi kết quả vào cột "Tình trạng (hệ thống ghi)".`,
          supportsAllDrives: true,
          requestBody: { type: 'user', role: 'writer', emailAddress },
        }),
      );
      shared.push(emailAddress);
    }
    return shared;
  }
}
