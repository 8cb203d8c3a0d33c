import path from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import { connectGoogle } from '../adapters/google/connect-google.js';
import { spreadsheetFingerprint } from '../adapters/google/drive-listing.js';
import { isSpreadsheetId, spreadsheetUrl, type GoogleApis } from '../adapters/google/google-apis.js';
import { GoogleBranchSummaries } from '../adapters/google/google-branch-summaries.js';
import { GoogleSummarySpreadsheet } from '../adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../adapters/google/google-unit-sheets.js';
import { readControlSpreadsheet } from '../adapters/google/read-control-spreadsheet.js';
import { FirestoreOutputMarks } from '../adapters/store/firestore-output-marks.js';
import { ConfigError, type Config, type GoogleConfig } from '../config.js';
import type { SourceFingerprint } from '../jobs/sweep/ports.js';
import type { DistrictSheets, WorkbookPaths } from './district-sheets.js';

/** The district's Google spreadsheets: units in a Drive folder, the control and summary spreadsheets. */
export async function googleDistrict(config: Config, db: Firestore, paths: WorkbookPaths): Promise<DistrictSheets> {
  const google = config.google;
  if (!google)
    throw new ConfigError(
      'TONGHOP_SOURCE=google needs the Google settings (TONGHOP_DRIVE_FOLDER_ID, TONGHOP_CONTROL_SPREADSHEET_ID).',
    );
  if (paths.control || paths.unitsDir || paths.summary) {
    throw new ConfigError(
      '--control, --units-dir and --summary are for workbooks; with TONGHOP_SOURCE=google the spreadsheets come from TONGHOP_CONTROL_SPREADSHEET_ID, TONGHOP_DRIVE_FOLDER_ID and TONGHOP_SUMMARY_SPREADSHEET_ID.',
    );
  }
  if (!google.summarySpreadsheetId) {
    throw new ConfigError(
      'TONGHOP_SOURCE=google needs TONGHOP_SUMMARY_SPREADSHEET_ID: the district summary spreadsheet (`tonghop provision` creates one and prints its id).',
    );
  }
  const api = await googleConnection(google);
  const summary = new GoogleSummarySpreadsheet(api, google.summarySpreadsheetId, new FirestoreOutputMarks(db));
  return {
    units: new GoogleUnitSheets(api, google.folderId, config.sheetLimits),
    sharedSheets: () => new GoogleUnitSheets(api, google.folderId, config.sheetLimits),
    output: summary,
    reviewInbox: summary,
    branchOutputs: new GoogleBranchSummaries(api, google.folderId, new FirestoreOutputMarks(db)),
    readControl: () => readControlSpreadsheet(api, google.controlSpreadsheetId),
    controlFingerprint: async () => fingerprintText(await spreadsheetFingerprint(api, google.controlSpreadsheetId)),
    controlLocation: `bảng tính ${google.controlSpreadsheetId}`,
    unitsLocation: `https://drive.google.com/drive/folders/${google.folderId}`,
    outboxDir: path.resolve(paths.outbox ?? path.join(config.home, 'outbox')),
    sheetLinkOf: (unit) =>
      isSpreadsheetId(unit.source)
        ? spreadsheetUrl(unit.source)
        : 'bảng tính của đơn vị (chưa được tạo: Quận Đoàn sẽ gửi đường dẫn)',
    requestStats: () => api.pacer.stats(),
  };
}

/**
 * One Google connection per configuration: a Cloud Function instance keeps its credentials (and
 * their token) and one pacer across invocations instead of starting over at every call.
 */
const connections = new WeakMap<GoogleConfig, Promise<GoogleApis>>();

export function googleConnection(google: GoogleConfig): Promise<GoogleApis> {
  let connection = connections.get(google);
  if (!connection) {
    connection = connectGoogle(google);
    connections.set(google, connection);
    connection.catch(() => connections.delete(google));
  }
  return connection;
}

function fingerprintText(fingerprint: SourceFingerprint | null): string | undefined {
  return fingerprint ? `${fingerprint.modifiedAt.toISOString()}:${fingerprint.revision}` : undefined;
}
