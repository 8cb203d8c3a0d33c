import { STANDING_TAB, type UnitFeedback } from '../../domain/feedback/unit-feedback.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { SheetTab } from '../../domain/forms/read-form-tab.js';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../../domain/sheets/sheet-limits.js';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { hashContent } from '../../domain/submissions/build-submissions.js';
import { formsForUnit } from '../../domain/units/targets.js';
import type { Unit } from '../../domain/units/unit.js';
import type { FeedbackTarget, FeedbackWrite } from '../../jobs/summarize/ports.js';
import { sameFingerprint } from '../../jobs/sweep/fingerprint.js';
import type { OpenedSheets, SourceFingerprint, UnitSheetSource } from '../../jobs/sweep/ports.js';
import { listFolderSpreadsheets, spreadsheetFingerprint, type DriveSpreadsheet } from './drive-listing.js';
import { planFeedbackCells } from './feedback-cells.js';
import { isSpreadsheetId, type FolderId, type GoogleApis, type SpreadsheetId } from './google-apis.js';
import { oversizedTabMessage } from './oversized-tab.js';
import { readSpreadsheetTabs, type TabBounds } from './spreadsheet-tabs.js';
import { unitSheetError } from './unit-sheet-errors.js';
import { writeFeedbackCells } from './write-feedback-cells.js';


/**
 * Unit spreadsheets on Google Sheets, in one Drive folder: read by the sweep, and given back
 * their row statuses and "Tình hình nộp" tab by the summary job.
 *
 * Cost per sweep: one `files.list` per 1,000 spreadsheets (prepare), then one `values.batchGet`
 * per changed spreadsheet. Feedback: one `values.batchUpdate` per spreadsheet whose statuses
 * changed (plus `addSheet` the first time), one `files.get` for the new fingerprint, and one
 * `values.batchGet` only when the sheet was not read in this process.
 */
export class GoogleUnitSheets implements UnitSheetSource, FeedbackTarget {
  private listing: Map<SpreadsheetId, DriveSpreadsheet> | undefined;
  private forms: readonly FormSpec[] = [];
  /** The fingerprint each unit's spreadsheet had when this sweep looked. */
  private readonly fingerprints = new Map<string, SourceFingerprint>();
  /** What this process last read of each unit's spreadsheet: feedback is planned against it. */
  private readonly lastRead = new Map<string, { fingerprint: SourceFingerprint; tabs: SheetTab[] }>();

  constructor(
    private readonly api: GoogleApis,
    private readonly folderId: FolderId,
    private readonly limits: SheetLimits = DEFAULT_SHEET_LIMITS,
  ) {}

  async prepare(plan: { readonly forms: readonly FormSpec[] }): Promise<void> {
    this.forms = plan.forms;
    this.listing = await listFolderSpreadsheets(this.api, this.folderId);
  }

  async fingerprint(unit: Unit): Promise<SourceFingerprint | null> {
    if (!isSpreadsheetId(unit.source)) {
      throw new SheetReadError(
        'not-found',
        `${unit.name} chưa có bảng tính báo cáo trên Google Trang tính (cột 'Tệp báo cáo' trên bảng điều khiển đang ghi '${unit.source}'). Quận Đoàn sẽ tạo bảng tính và gửi đường dẫn cho đơn vị (lệnh tonghop provision).`,
      );
    }
    let fingerprint = this.listing?.get(unit.source)?.fingerprint ?? null;
    if (!fingerprint) {
      // Not in the folder (or no listing yet): the spreadsheet may live elsewhere, shared with us.
      try {
        fingerprint = await spreadsheetFingerprint(this.api, unit.source);
      } catch (error) {
        throw unitSheetError(unit, error, this.api.serviceAccountEmail);
      }
    }
    if (fingerprint) this.fingerprints.set(unit.id, fingerprint);
    return fingerprint;
  }

  async open(unit: Unit): Promise<OpenedSheets> {
    const fingerprint = this.fingerprints.get(unit.id);
    const wanted = [...formsForUnit(this.forms, unit).map((form) => form.tab), STANDING_TAB];
    const tabs = await this.readTabs(unit, wanted, this.bounds());
    const oversized = oversizedTabMessage(tabs, this.limits, unit.name);
    if (oversized) throw new SheetReadError('too-large', oversized);
    if (fingerprint) this.lastRead.set(unit.id, { fingerprint, tabs });
    return { contentHash: tabsHash(tabs), readTabs: async () => tabs };
  }

  async write(unit: Unit, feedback: UnitFeedback, expected: SourceFingerprint): Promise<FeedbackWrite> {
    const cached = this.lastRead.get(unit.id);
    const tabs = cached && sameFingerprint(cached.fingerprint, expected) ? cached.tabs : await this.readTabs(unit, [...feedback.tabs.map((t) => t.tab), STANDING_TAB], this.bounds());
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
    return { outcome: 'written', cells: plan.writes.length, fingerprint: onlyOurs ? after : expected, contentHash: tabsHash(written.tabs) };
  }

  /** One row and one column more than the limits: enough to tell an oversized tab, never a whole huge one. */
  private bounds(): TabBounds {
    return { maxRows: this.limits.maxRowsPerTab + 1, maxColumns: this.limits.maxColumns + 1 };
  }

  private async readTabs(unit: Unit, wanted: readonly string[], bounds: TabBounds): Promise<SheetTab[]> {
    try {
      return await readSpreadsheetTabs(this.api, unit.source, wanted, bounds);
    } catch (error) {
      throw unitSheetError(unit, error, this.api.serviceAccountEmail);
    }
  }
}

/** The content hash of a spreadsheet: of its tabs as read (the same tabs hash the same, whatever the fetch). */
export function tabsHash(tabs: readonly SheetTab[]): string {
  return hashContent([...tabs].sort((a, b) => a.name.localeCompare(b.name)));
}
