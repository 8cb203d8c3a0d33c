import { drive, type drive_v3 } from '@googleapis/drive';
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { DEFAULT_PACING, RequestPacer, type PacingOptions } from './request-pacer.js';

/** A Google spreadsheet's id, as in https://docs.google.com/spreadsheets/d/{id}/edit. */
export type SpreadsheetId = string;
/** A Drive folder's id. */
export type FolderId = string;

/** The two clients every Google adapter uses, the pacer all their requests go through, and who we are. */
export interface GoogleApis {
  readonly sheets: sheets_v4.Sheets;
  readonly drive: drive_v3.Drive;
  readonly pacer: RequestPacer;
  /** The service account's address: the one units must share their spreadsheet with. */
  readonly serviceAccountEmail: string;
  /** The API root when it is not Google's (the local stand-in): media uploads must be given it per call. */
  readonly rootUrl?: string;
}

export interface GoogleApisOptions {
  /** GoogleAuth with application-default credentials in production; an OAuth2 client with a token in tests. */
  readonly auth: sheets_v4.Options['auth'];
  /** API root, e.g. http://127.0.0.1:9090/ for the local stand-in; Google's own when absent. */
  readonly rootUrl?: string;
  readonly serviceAccountEmail: string;
  readonly pacing?: PacingOptions;
}

/**
 * The per-API packages (@googleapis/sheets, @googleapis/drive) are generated from the same
 * source as `googleapis` but load a fraction of its code: a cold start matters for Cloud Functions.
 * `rootUrl` must be passed to each client (google.options is ignored by them), and the client's
 * own retries are off: the pacer retries, so pacing and back-off are decided in one place.
 */
export function connectGoogleApis(options: GoogleApisOptions): GoogleApis {
  const common = { auth: options.auth, retry: false, ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}) };
  return {
    sheets: sheets({ version: 'v4', ...common }),
    drive: drive({ version: 'v3', ...common }),
    pacer: new RequestPacer(options.pacing ?? DEFAULT_PACING),
    serviceAccountEmail: options.serviceAccountEmail,
    ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
  };
}

/** Whether a 'Tệp báo cáo' value is a spreadsheet id (not a file name such as 'th-a.xlsx'). */
export function isSpreadsheetId(text: string): boolean {
  return /^[A-Za-z0-9_-]{20,}$/.test(text);
}

/** Where a person opens a spreadsheet. */
export function spreadsheetUrl(id: SpreadsheetId): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}
