import type { Readable } from 'node:stream';
import type { GoogleApis } from './google-apis.js';
import { readCapped, type Downloaded } from './read-capped.js';

/** Drive's .xlsx: what a spreadsheet is exported as, and what an uploaded Excel file is. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type { Downloaded } from './read-capped.js';

/**
 * Bytes of a Drive file, paced as one Drive request: a Google spreadsheet exported as .xlsx
 * (`files.export`, which Google caps at 10 MB), or an uploaded file as it is (`files.get?alt=media`).
 * The body is streamed and dropped as soon as it passes `maxBytes`: never more than the cap in memory.
 * Reading the body is part of the paced call, so a connection dropped mid-body is retried like any other.
 */
export function downloadCapped(
  api: GoogleApis,
  how: 'export' | 'media',
  fileId: string,
  maxBytes: number,
): Promise<Downloaded> {
  const call = how === 'export' ? 'files.export' : 'files.get?alt=media';
  return api.pacer.run('drive', call, async () => {
    const response =
      how === 'export'
        ? await api.drive.files.export({ fileId, mimeType: XLSX_MIME }, { responseType: 'stream' })
        : await api.drive.files.get({ fileId, alt: 'media', supportsAllDrives: true }, { responseType: 'stream' });
    return readCapped(response.data as unknown as Readable, maxBytes);
  });
}
