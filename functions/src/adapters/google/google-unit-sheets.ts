import { STANDING_TAB, type UnitFeedback } from '../../domain/feedback/unit-feedback.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { findTab, type SheetTab } from '../../domain/forms/read-form-tab.js';
import { unclaimedTabs } from '../../domain/forms/renamed-tabs.js';
import { OWN_TABS } from '../../domain/sheets/own-tabs.js';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../../domain/sheets/sheet-limits.js';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { hashContent } from '../../domain/submissions/build-submissions.js';
import { formsForUnit } from '../../domain/units/targets.js';
import type { SourceKind } from '../../domain/sources/source-origin.js';
import type { Unit } from '../../domain/units/unit.js';
import type { FeedbackTarget, FeedbackWrite } from '../../jobs/summarize/ports.js';
import { sameFingerprint } from '../../jobs/sweep/fingerprint.js';
import type { OpenedSheets, SourceFingerprint, UnitSheetSource } from '../../jobs/sweep/ports.js';
import pLimit from 'p-limit';
import { readWorkbookTabs } from '../xlsx/read-workbook.js';
import { fileTooLargeMessage } from '../xlsx/too-large-message.js';
import { downloadCapped } from './drive-download.js';
import {
  driveFileOf,
  listFolderSpreadsheets,
  spreadsheetFingerprint,
  type DriveSourceKind,
  type DriveSpreadsheet,
} from './drive-listing.js';
import { tabsLikeBatchGet } from './exported-tabs.js';
import { GoogleApiError } from './google-api-error.js';
import { planFeedbackCells } from './feedback-cells.js';
import { isSpreadsheetId, type FolderId, type GoogleApis, type SpreadsheetId } from './google-apis.js';
import { oversizedTabMessage } from './oversized-tab.js';
import { readSpreadsheetTabs, type TabBounds } from './spreadsheet-tabs.js';
import { unitSheetError } from './unit-sheet-errors.js';
import { writeFeedbackCells } from './write-feedback-cells.js';

/** Exports downloading at once: each holds at most `maxFileBytes`, and Drive's quota is shared by all. */
const DOWNLOADS_AT_ONCE = 4;

/** Why no feedback is written into an uploaded .xlsx (shown in the summary and the district's mail). */
export function uploadedXlsxFeedbackMessage(unit: Unit): string {
  return `${unit.name} nộp tệp Excel trên Drive (mã tệp ${unit.source}): hệ thống không ghi trạng thái từng dòng và trang '${STANDING_TAB}' vào tệp đơn vị tải lên, để không làm hỏng tệp. Kết quả của đơn vị có trong bảng tổng hợp và thư thông báo.`;
}

/**
 * Unit spreadsheets on Google Sheets (or .xlsx files units uploaded), in one Drive folder: read by
 * the sweep, and given back their row statuses and "Tình hình nộp" tab by the summary job.
 *
 * Cost per sweep: one `files.list` per 1,000 files (prepare), then one Drive request per changed
 * file: `files.export` of a spreadsheet as .xlsx, or `files.get?alt=media` of an uploaded .xlsx,
 * both read by the workbook reader. Drive's quota is far larger than Sheets' 60 reads a minute.
 * Sheets `values.batchGet` is left for what export cannot serve: a spreadsheet Drive refuses to
 * export (over Google's 10 MB, 403 exportSizeLimitExceeded), one over our byte cap, or one the
 * workbook reader finds over a limit; then the bounded batchGet reads it (and says which limit),
 * renamed form tabs included, as export does.
 * Feedback (spreadsheets only): one `values.batchUpdate` per spreadsheet whose statuses changed
 * (plus `addSheet` the first time), one `files.get` for the new fingerprint, and one export only
 * when the sheet was not read in this process. An uploaded .xlsx gets none: its statuses go to
 * the summary and the mail.
 */
export class GoogleUnitSheets implements UnitSheetSource, FeedbackTarget {
  private listing: Map<SpreadsheetId, DriveSpreadsheet> | undefined;
  private forms: readonly FormSpec[] = [];
  private registry: readonly Unit[] = [];
  /** The fingerprint each unit's spreadsheet had when this sweep looked. */
  private readonly fingerprints = new Map<string, SourceFingerprint>();
  /** What this process last read of each unit's spreadsheet: feedback is planned against it. */
  private readonly lastRead = new Map<string, { fingerprint: SourceFingerprint; tabs: SheetTab[] }>();
  /** What each unit's 'Tệp báo cáo' names on Drive, as the listing or a files.get said. */
  private readonly kinds = new Map<string, DriveSourceKind>();
  private readonly downloads = pLimit(DOWNLOADS_AT_ONCE);

  constructor(
    private readonly api: GoogleApis,
    private readonly folderId: FolderId,
    private readonly limits: SheetLimits = DEFAULT_SHEET_LIMITS,
    /** How an uploaded .xlsx is recorded: 'mailbox' when the mailbox job placed it there. */
    private readonly uploadedKind: SourceKind = 'drive-xlsx',
  ) {}

  async prepare(plan: {
    readonly forms: readonly FormSpec[];
    readonly units?: readonly Unit[];
    readonly registry?: readonly Unit[];
  }): Promise<void> {
    this.forms = plan.forms;
    this.registry = plan.registry ?? plan.units ?? [];
    this.listing = await listFolderSpreadsheets(this.api, this.folderId);
  }

  async fingerprint(unit: Unit): Promise<SourceFingerprint | null> {
    if (!isSpreadsheetId(unit.source)) {
      throw new SheetReadError(
        'not-found',
        `${unit.name} chưa có bảng tính báo cáo trên Google Trang tính (cột 'Tệp báo cáo' trên bảng điều khiển đang ghi '${unit.source}'). Quận Đoàn sẽ tạo bảng tính và gửi đường dẫn cho đơn vị (lệnh tonghop provision).`,
      );
    }
    const listed = this.listing?.get(unit.source);
    let fingerprint = listed?.fingerprint ?? null;
    if (listed) this.kinds.set(unit.id, listed.kind);
    if (!fingerprint) {
      // Not in the folder (or no listing yet): the spreadsheet may live elsewhere, shared with us.
      try {
        const file = await driveFileOf(this.api, unit.source);
        fingerprint = file.fingerprint;
        this.kinds.set(unit.id, file.kind);
      } catch (error) {
        throw unitSheetError(unit, error, this.api.serviceAccountEmail);
      }
    }
    if (fingerprint) this.fingerprints.set(unit.id, fingerprint);
    return fingerprint;
  }

  /** What the unit's 'Tệp báo cáo' is on Drive, once fingerprint() has looked; a spreadsheet until then. */
  sourceKind(unit: Unit): SourceKind {
    return this.driveKind(unit) === 'xlsx' ? this.uploadedKind : 'google-sheet';
  }

  private driveKind(unit: Unit): DriveSourceKind {
    return this.kinds.get(unit.id) ?? 'spreadsheet';
  }

  async open(unit: Unit): Promise<OpenedSheets> {
    const fingerprint = this.fingerprints.get(unit.id);
    const wanted = [...formsForUnit(this.forms, unit, this.registry).map((form) => form.tab), STANDING_TAB];
    const tabs = await this.readTabs(unit, wanted);
    const oversized = oversizedTabMessage(tabs, this.limits, unit.name);
    if (oversized) throw new SheetReadError('too-large', oversized);
    if (fingerprint) this.lastRead.set(unit.id, { fingerprint, tabs });
    return { contentHash: tabsHash(tabs), readTabs: async () => tabs };
  }

  async write(unit: Unit, feedback: UnitFeedback, expected: SourceFingerprint): Promise<FeedbackWrite> {
    // Their own upload is theirs: editing it could lose what Excel keeps and we do not read.
    if (this.driveKind(unit) === 'xlsx') return { outcome: 'refused', message: uploadedXlsxFeedbackMessage(unit) };
    const cached = this.lastRead.get(unit.id);
    const tabs =
      cached && sameFingerprint(cached.fingerprint, expected)
        ? cached.tabs
        : await this.readTabs(unit, [...feedback.tabs.map((t) => t.tab), STANDING_TAB]);
    const plan = planFeedbackCells(tabs, feedback);
    if (plan.writes.length === 0) return { outcome: 'unchanged' };
    let written;
    try {
      written = await writeFeedbackCells(this.api, unit.source, tabs, plan);
    } catch (error) {
      const failure = unitSheetError(unit, error, this.api.serviceAccountEmail);
      if (failure instanceof SheetReadError) return { outcome: 'refused', message: failure.message };
      throw failure;
    }
    const after = await spreadsheetFingerprint(this.api, unit.source);
    this.lastRead.delete(unit.id);
    // Drive moves `version` once per change: more than our own requests means the unit edited meanwhile,
    // so the old fingerprint is kept and the next sweep reads the spreadsheet again. Nothing is missed.
    const onlyOurs = after !== null && after.revision === expected.revision + written.requests;
    return {
      outcome: 'written',
      cells: plan.writes.length,
      fingerprint: onlyOurs ? after : expected,
      contentHash: tabsHash(written.tabs),
    };
  }

  /** One row and one column more than the limits (enough to tell an oversized tab, never a whole huge one), and a byte cap. */
  private bounds(): TabBounds {
    return {
      maxRows: this.limits.maxRowsPerTab + 1,
      maxColumns: this.limits.maxColumns + 1,
      maxBytes: this.limits.maxPartBytes,
    };
  }

  private async readTabs(unit: Unit, wanted: readonly string[]): Promise<SheetTab[]> {
    try {
      if (this.driveKind(unit) === 'xlsx') return await this.readUploadedXlsx(unit, wanted);
      return (
        (await this.readExported(unit, wanted)) ??
        (await readSpreadsheetTabs(this.api, unit.source, wanted, this.bounds(), (titles) =>
          this.renamedCandidates(titles, wanted),
        ))
      );
    } catch (error) {
      throw unitSheetError(unit, error, this.api.serviceAccountEmail);
    }
  }

  /**
   * The wanted tabs through Drive export, as batchGet would give them; null when export cannot
   * serve (Drive's 10 MB, our byte cap, or a tab over a limit): the bounded batchGet then reads it.
   */
  private async readExported(unit: Unit, wanted: readonly string[]): Promise<SheetTab[] | null> {
    let downloaded;
    try {
      downloaded = await this.downloads(() =>
        downloadCapped(this.api, 'export', unit.source, this.limits.maxFileBytes),
      );
    } catch (error) {
      if (error instanceof GoogleApiError && error.failure === 'export-too-large') return null;
      throw error;
    }
    if (downloaded === 'over-cap') return null;
    try {
      const tabs = await readWorkbookTabs(downloaded.bytes, `${unit.source}.xlsx`, this.limits);
      return tabsLikeBatchGet(tabs, this.withRenamedCandidates(tabs, wanted));
    } catch (error) {
      // The bounded batchGet reads only what tells the limit and words it for a Google spreadsheet.
      if (error instanceof SheetReadError && error.failure === 'too-large') return null;
      throw error;
    }
  }

  /** An .xlsx the unit uploaded: downloaded whole (up to the cap) and read like a workbook file, messages included. */
  private async readUploadedXlsx(unit: Unit, wanted: readonly string[]): Promise<SheetTab[]> {
    const fileName = this.listing?.get(unit.source)?.name ?? `${unit.source}.xlsx`;
    const downloaded = await this.downloads(() =>
      downloadCapped(this.api, 'media', unit.source, this.limits.maxFileBytes),
    );
    if (downloaded === 'over-cap')
      throw new SheetReadError(
        'too-large',
        fileTooLargeMessage(fileName, this.limits.maxFileBytes + 1, this.limits.maxFileBytes),
      );
    const tabs = await readWorkbookTabs(downloaded.bytes, fileName, this.limits);
    return this.withRenamedCandidates(tabs, wanted)
      .flatMap((name) => findTab(tabs, name) ?? [])
      .filter((tab, i, all) => all.indexOf(tab) === i);
  }

  /**
   * The wanted tabs and, when a wanted form tab is absent, every tab that is neither a form's nor
   * ours: the sweep may recognise one as the form's tab renamed ("Sheet1") by its header row. A
   * spreadsheet with all its tabs reads (and hashes) as before.
   */
  private withRenamedCandidates(tabs: readonly SheetTab[], wanted: readonly string[]): string[] {
    return [
      ...wanted,
      ...this.renamedCandidates(
        tabs.map((tab) => tab.name),
        wanted,
      ),
    ];
  }

  /** Of a spreadsheet's tab titles, those that may be a wanted form's tab renamed; none when every wanted form tab is there. */
  private renamedCandidates(titles: readonly string[], wanted: readonly string[]): string[] {
    const formTabs = this.forms.map((form) => form.tab);
    const named = titles.map((name) => ({ name }));
    const absent = wanted.some((name) => formTabs.includes(name) && !findTab(named, name));
    return absent ? unclaimedTabs(named, [...formTabs, ...OWN_TABS]).map((tab) => tab.name) : [];
  }
}

/** The content hash of a spreadsheet: of its tabs as read (the same tabs hash the same, whatever the fetch). */
export function tabsHash(tabs: readonly SheetTab[]): string {
  return hashContent([...tabs].sort((a, b) => a.name.localeCompare(b.name)));
}
