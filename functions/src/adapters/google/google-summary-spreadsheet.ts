import type { sheets_v4 } from '@googleapis/sheets';
import type { SummaryModel, SummaryTab } from '../../domain/summary/summary-model.js';
import { DASHBOARD_TAB } from '../../domain/summary/dashboard-tab.js';
import type { SummaryOutput } from '../../jobs/summarize/ports.js';
import type { ReviewInbox } from '../../jobs/summarize/review-ports.js';
import { readGoogleReviewSheet } from './read-google-review-sheet.js';
import { reviewOnlyProtections } from './review-only-protections.js';
import { storableText } from '../sheet-layout/summary-cells.js';
import { summaryTabLayout } from '../../domain/summary/summary-model.js';
import { spreadsheetUrl, type GoogleApis, type SpreadsheetId } from './google-apis.js';
import { formatRequestsOf, sheetPropertiesOf } from './summary-requests.js';
import { sheetsValueOf, type SheetsValue } from './sheets-cells.js';
import { wholeTabRange } from './spreadsheet-tabs.js';
import { shareExactly, type SharedRole } from './drive-sharing.js';

/** Remembers the hash of what was last written somewhere, so an unchanged output costs no request. */
export interface OutputMarks {
  read(outputId: string): Promise<string | undefined>;
  write(outputId: string, hash: string): Promise<void>;
}

/** How the model is written (2: vi_VN locale); a new version rewrites a summary whose data did not change, once. */
const SUMMARY_LAYOUT = 'layout-2';

/**
 * The district summary as a Google spreadsheet (the same model as the .xlsx summary). When the
 * model changed: one metadata read, one `batchUpdate` (tabs added or reset, formats, filters,
 * status colours, chart) and one `values.batchUpdate` with RAW input. When it did not: nothing at
 * all, not even a read — the hash of the last written model is kept in `marks`.
 * Tabs the district added by hand are left alone. Its "Duyệt báo cáo" tab is where the district reviews.
 */
export class GoogleSummarySpreadsheet implements SummaryOutput, ReviewInbox {
  constructor(
    private readonly api: GoogleApis,
    private readonly spreadsheetId: SpreadsheetId,
    private readonly marks: OutputMarks,
    /** A cơ sở Đoàn's summary shared as writer: only its review cells stay editable (reviewOnlyProtections). */
    private readonly access?: { readonly reviewTabOnly: boolean },
  ) {}

  readReviewSheet(): ReturnType<ReviewInbox['readReviewSheet']> {
    return readGoogleReviewSheet(this.api, this.spreadsheetId);
  }

  async write(model: SummaryModel, modelHash: string): Promise<{ written: boolean; location: string }> {
    const location = spreadsheetUrl(this.spreadsheetId);
    const markId = `summary-${this.spreadsheetId}`;
    const mark = `${SUMMARY_LAYOUT}:${modelHash}`;
    if ((await this.marks.read(markId)) === mark) return { written: false, location };
    await writeSummarySpreadsheet(this.api, this.spreadsheetId, model, this.access?.reviewTabOnly === true);
    await this.marks.write(markId, mark);
    return { written: true, location };
  }
}

/**
 * A new spreadsheet takes the locale of the account that created it (en_US for a service account),
 * which would show "75.0 %" and "1,900,000 đ". Set on every write, so a spreadsheet made by hand is fixed too.
 */
const SPREADSHEET_LOCALE: sheets_v4.Schema$Request = {
  updateSpreadsheetProperties: {
    properties: { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
    fields: 'locale,timeZone',
  },
};

/** Write every tab of the model into the spreadsheet (see GoogleSummarySpreadsheet). */
export async function writeSummarySpreadsheet(
  api: GoogleApis,
  spreadsheetId: SpreadsheetId,
  model: SummaryModel,
  reviewTabOnly = false,
): Promise<void> {
  const meta = await api.pacer.run('read', 'spreadsheets.get', () =>
    api.sheets.spreadsheets.get({
      spreadsheetId,
      fields:
        'sheets(properties(sheetId,title),charts(chartId),conditionalFormats,basicFilter,protectedRanges(protectedRangeId,description))',
    }),
  );
  const existing = new Map((meta.data.sheets ?? []).map((sheet) => [sheet.properties?.title ?? '', sheet]));
  let nextId = Math.max(0, ...[...existing.values()].map((s) => s.properties?.sheetId ?? 0)) + 1;
  const structure: sheets_v4.Schema$Request[] = [];
  const formats: sheets_v4.Schema$Request[] = [];
  const sheetIdOf = new Map<string, number>();
  model.tabs.forEach((tab, index) => {
    const sheet = existing.get(tab.name);
    const sheetId = sheet?.properties?.sheetId ?? nextId++;
    sheetIdOf.set(tab.name, sheetId);
    if (sheet)
      structure.push(...resetRequests(sheetId, sheet), {
        updateSheetProperties: {
          properties: sheetPropertiesOf(sheetId, tab, index),
          fields: 'index,gridProperties(rowCount,columnCount,frozenRowCount,frozenColumnCount),tabColorStyle',
        },
      });
    else structure.push({ addSheet: { properties: sheetPropertiesOf(sheetId, tab, index) } });
    formats.push(...formatRequestsOf(sheetId, tab));
  });
  const protections = reviewTabOnly
    ? reviewOnlyProtections(model, sheetIdOf, meta.data.sheets ?? [], api.serviceAccountEmail)
    : [];
  await api.pacer.run('write', 'spreadsheets.batchUpdate', () =>
    api.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: { requests: [SPREADSHEET_LOCALE, ...structure, ...formats, ...protections] },
    }),
  );
  await api.pacer.run('write', 'values.batchUpdate', () =>
    api.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: { valueInputOption: 'RAW', data: model.tabs.map(valuesOf) },
    }),
  );
}

/** Empty an existing summary tab of what the last write put there: values, formats, dropdowns, charts, rules, filter. */
function resetRequests(sheetId: number, sheet: sheets_v4.Schema$Sheet): sheets_v4.Schema$Request[] {
  return [
    ...(sheet.charts ?? []).flatMap((chart) =>
      chart.chartId === null || chart.chartId === undefined
        ? []
        : [{ deleteEmbeddedObject: { objectId: chart.chartId } }],
    ),
    ...(sheet.conditionalFormats ?? []).map(() => ({ deleteConditionalFormatRule: { sheetId, index: 0 } })),
    ...(sheet.basicFilter ? [{ clearBasicFilter: { sheetId } }] : []),
    { updateCells: { range: { sheetId }, fields: 'userEnteredValue,userEnteredFormat' } },
    // No rule: the tab's dropdowns go; the model's are set again over the rows it now has.
    { setDataValidation: { range: { sheetId } } },
  ];
}

/** A tab's values from A1: title lines, an empty row, the header, the rows, an empty row, the notes. */
function valuesOf(tab: SummaryTab): sheets_v4.Schema$ValueRange {
  const layout = summaryTabLayout(tab);
  const grid: SheetsValue[][] = tab.title.map((line) => [storableText(line)]);
  while (grid.length < layout.headerRow - 1) grid.push(['']);
  grid.push(tab.columns.map((c) => storableText(c.header)));
  for (const row of tab.rows) grid.push(tab.columns.map((column, c) => sheetsValueOf(row[c] ?? null, column.format)));
  while (grid.length < layout.firstNoteRow - 1) grid.push(['']);
  for (const note of tab.notes ?? []) grid.push([storableText(note)]);
  return { range: `${wholeTabRange(tab.name)}!A1`, majorDimension: 'ROWS', values: grid };
}

/** Name of the summary spreadsheet provisioning creates in the district folder. */
export function summarySpreadsheetName(districtName: string): string {
  return `Tổng hợp báo cáo — ${districtName || 'Quận Đoàn'}`;
}

/**
 * The district summary spreadsheet in the folder: the one named like it if it exists (so a
 * re-run never makes a second), else a new one shared with the district office.
 */
export async function ensureSummarySpreadsheet(
  api: GoogleApis,
  folderId: string,
  districtName: string,
  officeEmail: string,
): Promise<{ id: SpreadsheetId; created: boolean }> {
  const found = await findOrCreateSummarySpreadsheet(api, folderId, summarySpreadsheetName(districtName));
  if (found.created && officeEmail) await shareSpreadsheet(api, found.id, officeEmail, 'writer');
  return found;
}

/** The spreadsheet of this name in the folder, or a new one whose first tab is ready to be the dashboard. */
export async function findOrCreateSummarySpreadsheet(
  api: GoogleApis,
  folderId: string,
  name: string,
): Promise<{ id: SpreadsheetId; created: boolean }> {
  const listed = await api.pacer.run('drive', 'files.list', () =>
    api.drive.files.list({
      q: `'${folderId.replace(/'/g, "\\'")}' in parents and name = '${name.replace(/'/g, "\\'")}' and trashed = false`,
      fields: 'files(id)',
      supportsAllDrives: true,
      includeItemsFromAllDrives: true,
    }),
  );
  const found = listed.data.files?.[0]?.id;
  if (found) return { id: found, created: false };
  const created = await api.pacer.run('drive', 'files.create', () =>
    api.drive.files.create({
      requestBody: { name, parents: [folderId], mimeType: 'application/vnd.google-apps.spreadsheet' },
      fields: 'id',
      supportsAllDrives: true,
    }),
  );
  const id = created.data.id;
  if (!id) throw new Error('Drive created the summary spreadsheet but returned no id');
  // A new spreadsheet's only tab (id 0) becomes the first summary tab instead of staying empty beside it.
  await api.pacer.run('write', 'spreadsheets.batchUpdate', () =>
    api.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [{ updateSheetProperties: { properties: { sheetId: 0, title: DASHBOARD_TAB }, fields: 'title' } }],
      },
    }),
  );
  return { id, created: true };
}

/** Give one person exactly this access to a spreadsheet (Drive mails them the link when it is new). */
export async function shareSpreadsheet(
  api: GoogleApis,
  fileId: SpreadsheetId,
  emailAddress: string,
  role: SharedRole,
): Promise<void> {
  await shareExactly(api, fileId, [emailAddress], role);
}
