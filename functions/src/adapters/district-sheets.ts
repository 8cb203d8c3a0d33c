import { stat } from 'node:fs/promises';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import { ConfigError, type Config, type GoogleConfig } from '../config.js';
import { connectGoogle } from './google/connect-google.js';
import { spreadsheetFingerprint } from './google/drive-listing.js';
import { isSpreadsheetId, spreadsheetUrl, type GoogleApis } from './google/google-apis.js';
import { GoogleSummarySpreadsheet } from './google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from './google/google-unit-sheets.js';
import { readControlSpreadsheet } from './google/read-control-spreadsheet.js';
import type { PacerStats } from './google/request-pacer.js';
import { FirestoreOutputMarks } from './store/firestore-output-marks.js';
import { readControlWorkbook } from './workbook/read-control-workbook.js';
import { SummaryWorkbookFile } from './workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from './workbook/unit-workbook-folder.js';
import type { SheetLimits } from '../domain/sheets/sheet-limits.js';
import type { ControlReading } from '../domain/units/read-control.js';
import type { Unit } from '../domain/units/unit.js';
import type { FeedbackTarget, SummaryOutput } from '../jobs/summarize/ports.js';
import type { SourceFingerprint, UnitSheetSource } from '../jobs/sweep/ports.js';
import { CONTROL_FILE } from '../jobs/demo/write-demo-district.js';

/*
 * The composition of adapters a run needs (CLI commands and Cloud Functions alike), chosen by
 * TONGHOP_SOURCE: the one place that knows both the workbook and the Google adapters.
 */

/** Where a district's sheets live and where its summary goes: local .xlsx workbooks or Google Sheets. */
export interface DistrictSheets {
  readonly units: UnitSheetSource & FeedbackTarget;
  readonly output: SummaryOutput;
  readControl(): Promise<ControlReading>;
  /**
   * What moves whenever the control sheet changes (a workbook's mtime and size, the spreadsheet's
   * Drive version): an instance may keep its reading while this stays the same. Undefined when unknown.
   */
  controlFingerprint(): Promise<string | undefined>;
  /** Why the unit sheets cannot be swept at all (a folder that does not exist or holds no workbook), in Vietnamese; undefined when they can. */
  unitsUnusable?(): Promise<string | undefined>;
  /** Where the control sheet is, for people: a file, or the spreadsheet's id. */
  readonly controlLocation: string;
  /** Where the unit sheets are, for people: a folder, or the Drive folder's address. */
  readonly unitsLocation: string;
  /** Where notices are written when no SMTP server is set. */
  readonly outboxDir: string;
  /** Where a unit enters its report, as mails name it. */
  sheetLinkOf(unit: Unit): string;
  /** Google requests made so far (absent for workbooks). */
  requestStats?(): PacerStats;
}


/** Workbook paths from the command line (ignored with TONGHOP_SOURCE=google). */
export interface WorkbookPaths {
  readonly control?: string;
  readonly unitsDir?: string;
  readonly summary?: string;
  readonly outbox?: string;
}

/** The district's sheets as configured (TONGHOP_SOURCE). */
export async function openDistrictSheets(config: Config, db: Firestore, paths: WorkbookPaths = {}): Promise<DistrictSheets> {
  if (config.source === 'workbook') return workbookDistrict(controlWorkbookPath(config, paths.control), { ...paths, sheetLimits: config.sheetLimits });
  const google = config.google;
  if (!google) throw new ConfigError('TONGHOP_SOURCE=google needs the Google settings (TONGHOP_DRIVE_FOLDER_ID, TONGHOP_CONTROL_SPREADSHEET_ID).');
  if (paths.control || paths.unitsDir || paths.summary) {
    throw new ConfigError('--control, --units-dir and --summary are for workbooks; with TONGHOP_SOURCE=google the spreadsheets come from TONGHOP_CONTROL_SPREADSHEET_ID, TONGHOP_DRIVE_FOLDER_ID and TONGHOP_SUMMARY_SPREADSHEET_ID.');
  }
  if (!google.summarySpreadsheetId) {
    throw new ConfigError('TONGHOP_SOURCE=google needs TONGHOP_SUMMARY_SPREADSHEET_ID: the district summary spreadsheet (`tonghop provision` creates one and prints its id).');
  }
  const api = await connectionFor(google);
  return {
    units: new GoogleUnitSheets(api, google.folderId, config.sheetLimits),
    output: new GoogleSummarySpreadsheet(api, google.summarySpreadsheetId, new FirestoreOutputMarks(db)),
    readControl: () => readControlSpreadsheet(api, google.controlSpreadsheetId),
    controlFingerprint: async () => fingerprintText(await spreadsheetFingerprint(api, google.controlSpreadsheetId)),
    controlLocation: `bảng tính ${google.controlSpreadsheetId}`,
    unitsLocation: `https://drive.google.com/drive/folders/${google.folderId}`,
    outboxDir: path.resolve(paths.outbox ?? path.join(config.home, 'outbox')),
    sheetLinkOf: (unit) => (isSpreadsheetId(unit.source) ? spreadsheetUrl(unit.source) : 'bảng tính của đơn vị (chưa được tạo: Quận Đoàn sẽ gửi đường dẫn)'),
    requestStats: () => api.pacer.stats(),
  };
}

/**
 * One Google connection per configuration: a Cloud Function instance keeps its credentials (and
 * their token) and one pacer across invocations instead of starting over at every call.
 */
const connections = new WeakMap<GoogleConfig, Promise<GoogleApis>>();

function connectionFor(google: GoogleConfig): Promise<GoogleApis> {
  let connection = connections.get(google);
  if (!connection) {
    connection = connectGoogle(google);
    connections.set(google, connection);
    connection.catch(() => connections.delete(google));
  }
  return connection;
}

function fingerprintText(fingerprint: SourceFingerprint | null): string | undefined {
  return fingerprint ? `${fingerprint.modifiedAt.toISOString()}:${fingerprint.size}` : undefined;
}

/** Unit workbooks in a folder, a control workbook, a summary workbook next to it. */
export function workbookDistrict(controlPath: string, paths: WorkbookPaths & { readonly sheetLimits?: SheetLimits } = {}): DistrictSheets {
  const unitsDir = paths.unitsDir ? path.resolve(paths.unitsDir) : path.join(path.dirname(controlPath), 'units');
  return {
    units: new UnitWorkbookFolder(unitsDir, paths.sheetLimits),
    output: new SummaryWorkbookFile(paths.summary ? path.resolve(paths.summary) : defaultSummaryPath(controlPath)),
    readControl: () => readControlWorkbook(controlPath),
    controlFingerprint: () =>
      stat(controlPath).then(
        (file) => `${file.mtimeMs}:${file.size}`,
        () => undefined,
      ),
    controlLocation: controlPath,
    unitsUnusable: () => unitsFolderUnusable(unitsDir),
    unitsLocation: unitsDir,
    outboxDir: path.resolve(paths.outbox ?? path.join(path.dirname(controlPath), 'outbox')),
    sheetLinkOf: workbookLink,
  };
}

/** A units folder that is missing or holds no .xlsx at all: a mistyped --units-dir, not 36 units that sent nothing. */
async function unitsFolderUnusable(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => undefined);
  if (names === undefined) return `Không có thư mục tệp của các đơn vị '${dir}': không quét và không ghi gì. Hãy kiểm tra đường dẫn (--units-dir).`;
  if (!names.some((name) => name.toLowerCase().endsWith('.xlsx'))) return `Thư mục '${dir}' không có tệp .xlsx nào của đơn vị: không quét và không ghi gì. Hãy kiểm tra đường dẫn (--units-dir).`;
  return undefined;
}

/** Default location of the district summary workbook. */
export function defaultSummaryPath(controlPath: string): string {
  return path.join(path.dirname(controlPath), 'tong-hop-bao-cao.xlsx');
}

/** Where `tonghop demo` keeps its sample district. */
export function demoDir(config: Config): string {
  return path.join(config.home, 'demo');
}

/** The control workbook to work on: the one given, else TONGHOP_CONTROL_WORKBOOK, else the demo's in TONGHOP_HOME. */
export function controlWorkbookPath(config: Config, given: string | undefined): string {
  return path.resolve(given ?? config.controlWorkbook ?? path.join(demoDir(config), CONTROL_FILE));
}

/** A unit's workbook as a mail names it. */
export function workbookLink(unit: Unit): string {
  return `tệp ${path.basename(unit.source)}`;
}
