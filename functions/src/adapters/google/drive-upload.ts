import { Readable } from 'node:stream';
import { XLSX_MIME } from './drive-download.js';
import { GoogleApiError } from './google-api-error.js';
import type { FolderId, GoogleApis } from './google-apis.js';

/** What to upload: new bytes for an existing .xlsx (`fileId`), or a new file in a folder. */
export type XlsxUpload = { readonly fileId: string } | { readonly folderId: FolderId; readonly name: string };

/**
 * Upload an .xlsx as it is (no conversion to Google Sheets) in one multipart request:
 * `files.update` of the file's content, or `files.create` in the folder. `modifiedAt` becomes
 * Drive's modifiedTime (a writable field), so a sweep dates the content when it was sent, not
 * when it was uploaded. The body is built again at each attempt, so the pacer's retries re-send it whole.
 */
export async function uploadXlsx(
  api: GoogleApis,
  target: XlsxUpload,
  bytes: Buffer,
  modifiedAt: Date,
): Promise<string> {
  const media = () => ({ mimeType: XLSX_MIME, body: Readable.from(bytes) });
  const modifiedTime = modifiedAt.toISOString();
  // googleapis applies a client's rootUrl to every URL but the upload one (…/upload/drive/v3/…): it is given per call.
  const perCall = api.rootUrl ? { rootUrl: api.rootUrl } : {};
  const response =
    'fileId' in target
      ? await api.pacer.run('drive', 'files.update (upload)', () =>
          api.drive.files.update(
            {
              fileId: target.fileId,
              requestBody: { modifiedTime },
              media: media(),
              fields: 'id',
              supportsAllDrives: true,
            },
            perCall,
          ),
        )
      : await api.pacer.run('drive', 'files.create (upload)', () =>
          api.drive.files.create(
            {
              requestBody: { name: target.name, parents: [target.folderId], mimeType: XLSX_MIME, modifiedTime },
              media: media(),
              fields: 'id',
              supportsAllDrives: true,
            },
            perCall,
          ),
        );
  const id = response.data.id;
  if (!id) throw new GoogleApiError('unknown', 'Drive accepted an .xlsx upload but returned no file id', 200);
  return id;
}

/** The id of the untrashed .xlsx named `name` in the folder, if there is one (one `files.list`). */
export async function findXlsxByName(api: GoogleApis, folderId: FolderId, name: string): Promise<string | undefined> {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const response = await api.pacer.run('drive', 'files.list', () =>
    api.drive.files.list({
      q: `${quote(folderId)} in parents and name = ${quote(name)} and mimeType = '${XLSX_MIME}' and trashed = false`,
      pageSize: 10,
      fields: 'files(id)',
      supportsAllDrives: true,
      includeItemsFromAllDrives: true,
    }),
  );
  return response.data.files?.find((f) => f.id)?.id ?? undefined;
}
