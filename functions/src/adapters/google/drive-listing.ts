import { GoogleApiError } from './google-api-error.js';
import type { SourceFingerprint } from '../../jobs/sweep/ports.js';
import { XLSX_MIME } from './drive-download.js';
import type { FolderId, GoogleApis, SpreadsheetId } from './google-apis.js';

/** Where a unit's data lives on Drive: a Google spreadsheet, or an .xlsx file the unit uploaded. */
export type DriveSourceKind = 'spreadsheet' | 'xlsx';

/** Drive's answer per spreadsheet: modifiedTime and version are the fingerprint a sweep compares. */
export interface DriveSpreadsheet {
  readonly id: SpreadsheetId;
  readonly name: string;
  readonly kind: DriveSourceKind;
  readonly fingerprint: SourceFingerprint;
}

const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
/** Drive's largest page: a folder of up to 1,000 unit spreadsheets costs one request. */
const PAGE_SIZE = 1000;

/**
 * Every spreadsheet in the folder, with its fingerprint: one `files.list` per 1,000 files.
 * The whole folder is listed (not only files modified since the last sweep) because the same
 * request also shows which spreadsheets were deleted or unshared; at up to 1,000 files a page
 * it costs the same single request.
 */
export async function listFolderSpreadsheets(
  api: GoogleApis,
  folderId: FolderId,
): Promise<Map<SpreadsheetId, DriveSpreadsheet>> {
  const found = new Map<SpreadsheetId, DriveSpreadsheet>();
  let pageToken: string | undefined;
  do {
    const response = await api.pacer.run('drive', 'files.list', () =>
      api.drive.files.list({
        q: `'${folderId.replace(/'/g, "\\'")}' in parents and (mimeType = '${SPREADSHEET_MIME}' or mimeType = '${XLSX_MIME}') and trashed = false`,
        pageSize: PAGE_SIZE,
        fields: 'nextPageToken, files(id, name, mimeType, modifiedTime, version)',
        supportsAllDrives: true,
        includeItemsFromAllDrives: true,
        ...(pageToken ? { pageToken } : {}),
      }),
    );
    for (const file of response.data.files ?? []) {
      const fingerprint = fingerprintOf(file);
      if (file.id && fingerprint)
        found.set(file.id, { id: file.id, name: file.name ?? '', kind: kindOf(file.mimeType), fingerprint });
    }
    pageToken = response.data.nextPageToken ?? undefined;
  } while (pageToken);
  return found;
}

/** One spreadsheet's fingerprint. Throws GoogleApiError: 404 when deleted, in the trash or not shared with us. */
export async function spreadsheetFingerprint(api: GoogleApis, id: SpreadsheetId): Promise<SourceFingerprint | null> {
  return (await driveFileOf(api, id)).fingerprint;
}

/** One file's kind, name and fingerprint (one `files.get`). Throws GoogleApiError: 404 when deleted, in the trash or not shared with us. */
export async function driveFileOf(
  api: GoogleApis,
  id: SpreadsheetId,
): Promise<{ kind: DriveSourceKind; name: string; fingerprint: SourceFingerprint | null }> {
  const response = await api.pacer.run('drive', 'files.get', () =>
    api.drive.files.get({
      fileId: id,
      fields: 'id, name, mimeType, modifiedTime, version, trashed',
      supportsAllDrives: true,
    }),
  );
  if (response.data.trashed) throw new GoogleApiError('not-found', `files.get: spreadsheet ${id} is in the trash`, 404);
  return {
    kind: kindOf(response.data.mimeType),
    name: response.data.name ?? '',
    fingerprint: fingerprintOf(response.data),
  };
}

function kindOf(mimeType: string | null | undefined): DriveSourceKind {
  return mimeType === XLSX_MIME ? 'xlsx' : 'spreadsheet';
}

/** Drive's modifiedTime + version as our fingerprint (the version as the revision: any change moves it). */
function fingerprintOf(file: { modifiedTime?: string | null; version?: string | null }): SourceFingerprint | null {
  const modifiedAt = file.modifiedTime ? new Date(file.modifiedTime) : undefined;
  if (!modifiedAt || Number.isNaN(modifiedAt.getTime())) return null;
  return { modifiedAt, revision: Number(file.version ?? 0) };
}
