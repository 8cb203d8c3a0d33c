/**
 * Drive v3 media uploads, on the `/upload/drive/v3/files` URI as Google serves them:
 * `POST …/files` (files.create) and `PATCH …/files/{id}` (files.update) with `uploadType=media`
 * (the bytes alone) or `uploadType=multipart` (a multipart/related body: the File metadata as JSON,
 * then the bytes). `modifiedTime` in the metadata is honoured, as Drive lets a client set it.
 * Resumable uploads are not modelled: the stand-in answers 400 and says so.
 */
import { z } from 'zod';
import { fileResource, oneParentAtMost, openFile, parseBody } from './drive-routes.js';
import { driveBadRequest, driveForbidden } from './errors.js';
import type { Route, RouteRequest } from './server.js';
import { SPREADSHEET_MIME_TYPE, type StandinStore } from './spreadsheets.js';

const metadataSchema = z.looseObject({
  name: z.string().min(1).optional(),
  mimeType: z.string().optional(),
  parents: z.array(z.string()).optional(),
  modifiedTime: z.iso.datetime({ offset: true }).optional(),
});
type UploadMetadata = z.output<typeof metadataSchema>;

interface Upload {
  readonly metadata: UploadMetadata;
  readonly bytes: Buffer;
  readonly contentType: string;
}

/** The two parts of a multipart/related body: JSON metadata, then the media. */
function parseMultipart(contentType: string, data: Buffer): Upload {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!/^multipart\/related/i.test(contentType) || !boundary)
    throw driveBadRequest('Multipart upload needs Content-Type multipart/related with a boundary.');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: string; body: Buffer }[] = [];
  let at = data.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (data.subarray(start, start + 2).toString() === '--') break;
    const next = data.indexOf(delimiter, start);
    if (next === -1) throw driveBadRequest('Multipart body is missing its closing boundary.');
    const part = data.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) throw driveBadRequest('Multipart part without headers.');
    // A part starts after the delimiter's CRLF and ends before the CRLF that precedes the next delimiter.
    const body = part.subarray(headerEnd + 4);
    parts.push({
      headers: part.subarray(0, headerEnd).toString('utf8'),
      body: body.subarray(0, body.length - (body.subarray(-2).toString() === '\r\n' ? 2 : 0)),
    });
    at = next;
  }
  const [meta, media] = parts;
  if (parts.length !== 2 || !meta || !media)
    throw driveBadRequest(`Multipart upload needs exactly two parts (metadata, media); got ${parts.length}.`);
  let json: unknown;
  try {
    json = JSON.parse(meta.body.toString('utf8'));
  } catch {
    throw driveBadRequest('The metadata part of a multipart upload is not JSON.');
  }
  const mediaType = /content-type:\s*([^\r\n;]+)/i.exec(media.headers)?.[1]?.trim() ?? 'application/octet-stream';
  return { metadata: parseBody(metadataSchema, json), bytes: Buffer.from(media.body), contentType: mediaType };
}

function readUpload(request: RouteRequest): Upload {
  const upload = request.upload;
  if (!upload) throw driveBadRequest('Upload requests need a body.');
  const type = request.query.get('uploadType');
  if (type === 'multipart') return parseMultipart(upload.contentType, upload.data);
  if (type === 'media')
    return { metadata: {}, bytes: upload.data, contentType: upload.contentType || 'application/octet-stream' };
  if (type === 'resumable')
    throw driveBadRequest(
      'The Google stand-in does not implement resumable uploads: use uploadType=multipart or uploadType=media.',
    );
  throw driveBadRequest(`Invalid uploadType '${type ?? ''}'.`);
}

function noConversion(mimeType: string): void {
  if (mimeType === SPREADSHEET_MIME_TYPE)
    throw driveBadRequest(
      'The Google stand-in does not convert uploads into Google Sheets: upload the .xlsx as it is.',
    );
}

/** files.create and files.update with media, on the upload URI. */
export function uploadRoutes(store: StandinStore): Route[] {
  const route = (method: Route['method'], path: string, kind: string, handle: Route['handle']): Route => ({
    method,
    pattern: new RegExp(`^/upload/drive/v3/files${path}$`),
    api: 'drive',
    kind,
    handle,
  });
  return [
    route('POST', '', 'files.create.upload', (request) => {
      const { metadata, bytes, contentType } = readUpload(request);
      const mimeType = metadata.mimeType ?? contentType;
      noConversion(mimeType);
      const parents = metadata.parents ?? ['root'];
      oneParentAtMost(parents);
      const file = store.create({ name: metadata.name ?? 'Untitled', mimeType, parents, owner: request.account });
      file.content = new Uint8Array(bytes);
      if (metadata.modifiedTime) file.modifiedTime = new Date(metadata.modifiedTime);
      return { body: fileResource(file) };
    }),
    route('PATCH', '/([^/]+)', 'files.update.upload', (request) => {
      const { file } = openFile(store, request, 'writer');
      const { metadata, bytes } = readUpload(request);
      if (file.spreadsheet)
        throw driveForbidden(
          'The Google stand-in does not replace a Google spreadsheet with uploaded bytes.',
          'fileNotUpdatable',
        );
      if (metadata.parents)
        throw driveForbidden('The resource body includes fields which are not directly writable.', 'fieldNotWritable');
      store.mutate(file.id, 'content', (draft) => {
        draft.content = new Uint8Array(bytes);
        if (metadata.name) draft.name = metadata.name;
      });
      if (metadata.modifiedTime)
        store.mutate(file.id, 'none', (draft) => (draft.modifiedTime = new Date(metadata.modifiedTime ?? '')));
      return { body: fileResource(store.files.get(file.id) ?? file) };
    }),
  ];
}
