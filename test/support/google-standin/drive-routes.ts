/**
 * Drive v3 routes: files list/get/create/update/copy/delete, export (a spreadsheet as .xlsx),
 * download (`files.get?alt=media` of an uploaded file); sharing is in drive-permission-routes.ts.
 * A file the caller has no permission on does not exist for them (404), as in Drive.
 */
import { z } from 'zod';
import { parseDriveQuery } from './drive-query.js';
import {
  driveBadRequest,
  driveFileNotFound,
  driveForbidden,
  driveInsufficientPermissions,
  driveInvalidValue,
  exportSizeLimitExceeded,
} from './errors.js';
import type { Route, RouteRequest } from './server.js';
import { spreadsheetUrl } from './spreadsheet-resource.js';
import {
  FOLDER_MIME_TYPE,
  SPREADSHEET_MIME_TYPE,
  StandinStore,
  XLSX_MIME_TYPE,
  type Role,
  type StoredFile,
} from './spreadsheets.js';
import { exportXlsx } from './xlsx-export.js';

const RANK: Readonly<Record<Role, number>> = { owner: 3, writer: 2, commenter: 1, reader: 1 };
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

function webViewLink(file: StoredFile): string {
  if (file.mimeType === SPREADSHEET_MIME_TYPE) return spreadsheetUrl(file.id);
  if (file.mimeType === FOLDER_MIME_TYPE) return `https://drive.google.com/drive/folders/${file.id}`;
  return `https://drive.google.com/file/d/${file.id}/view`;
}

/** The File resource; `fields` is not honoured, every field the stand-in knows is sent (`me` relative to `account`). */
export function fileResource(file: StoredFile, account?: string): Record<string, unknown> {
  const editor = file.lastModifyingUser;
  return {
    kind: 'drive#file',
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    parents: [...file.parents],
    trashed: file.trashed,
    createdTime: file.createdTime.toISOString(),
    modifiedTime: file.modifiedTime.toISOString(),
    version: String(file.version),
    webViewLink: webViewLink(file),
    owners: [{ kind: 'drive#user', emailAddress: file.owner }],
    ...(editor
      ? {
          lastModifyingUser: {
            kind: 'drive#user',
            emailAddress: editor.emailAddress,
            displayName: editor.displayName ?? editor.emailAddress,
            me: account !== undefined && editor.emailAddress.toLowerCase() === account.toLowerCase(),
          },
        }
      : {}),
  };
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw driveBadRequest(`Invalid field ${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`);
}

function integerParameter(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const text = query.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw driveInvalidValue(name);
  return value;
}

function pageOffset(query: URLSearchParams): number {
  const token = query.get('pageToken');
  if (token === null || token === '') return 0;
  const offset = Number(
    Buffer.from(token, 'base64url')
      .toString('utf8')
      .replace(/^offset:/, ''),
  );
  if (!Number.isInteger(offset) || offset < 0) throw driveInvalidValue('pageToken');
  return offset;
}

function commaList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function oneParentAtMost(parents: readonly string[]): void {
  if (parents.length > 1) throw driveForbidden('Increasing the number of parents is not allowed.', 'cannotAddParent');
}

const createSchema = z.looseObject({
  name: z.string().optional(),
  mimeType: z.string().optional(),
  parents: z.array(z.string()).optional(),
});
const updateSchema = z.looseObject({ name: z.string().min(1).optional(), trashed: z.boolean().optional() });
const copySchema = z.looseObject({ name: z.string().min(1).optional(), parents: z.array(z.string()).optional() });
/** The file and the caller's role on it; 404 when it is absent or not shared with them, 403 when the role is too low. */
export function openFile(store: StandinStore, request: RouteRequest, need: Role): { file: StoredFile; role: Role } {
  const fileId = request.params[0] ?? '';
  const file = store.files.get(fileId);
  const role = file && store.roleOf(file, request.account);
  if (!file || !role) throw driveFileNotFound(fileId);
  if (RANK[role] < RANK[need]) throw driveInsufficientPermissions(fileId);
  return { file, role };
}

/** `exportLimitBytes`: what `files.export` returns at most before answering 403 exportSizeLimitExceeded. */
export function driveRoutes(store: StandinStore, exportLimitBytes: () => number): Route[] {
  const route = (
    method: Route['method'],
    path: string,
    kind: string,
    handle: Route['handle'],
    when?: Route['when'],
  ): Route => ({
    method,
    pattern: new RegExp(`^/drive/v3/files${path}$`),
    api: 'drive',
    kind,
    handle,
    ...(when ? { when } : {}),
  });

  const open = (request: RouteRequest, need: Role) => openFile(store, request, need);

  return [
    route('GET', '', 'files.list', ({ account, query }) => {
      const filter = parseDriveQuery(query.get('q'));
      const pageSize = integerParameter(query, 'pageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
      const offset = pageOffset(query);
      const matching = [...store.files.values()].filter((file) => store.roleOf(file, account) && filter(file));
      const page = matching.slice(offset, offset + pageSize);
      const next =
        offset + pageSize < matching.length
          ? { nextPageToken: Buffer.from(`offset:${offset + pageSize}`).toString('base64url') }
          : {};
      return {
        body: {
          kind: 'drive#fileList',
          incompleteSearch: false,
          ...next,
          files: page.map((file) => fileResource(file, account)),
        },
      };
    }),

    route(
      'GET',
      '/([^/]+)',
      'files.download',
      (request) => {
        const { file } = open(request, 'reader');
        if (!file.content)
          throw driveForbidden(
            'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
            'fileNotDownloadable',
          );
        return { bytes: { data: file.content, contentType: file.mimeType } };
      },
      (query) => query.get('alt') === 'media',
    ),

    route('GET', '/([^/]+)', 'files.get', (request) => ({
      body: fileResource(open(request, 'reader').file, request.account),
    })),

    route('GET', '/([^/]+)/export', 'files.export', async (request) => {
      const { file } = open(request, 'reader');
      const mimeType = request.query.get('mimeType');
      if (!mimeType) throw driveBadRequest('Required parameter: mimeType');
      if (!file.spreadsheet) throw driveForbidden('Export only supports Docs Editors files.', 'fileNotExportable');
      if (mimeType !== XLSX_MIME_TYPE) throw driveBadRequest('The requested conversion is not supported.');
      const data = await exportXlsx(file.spreadsheet);
      if (data.byteLength > exportLimitBytes()) throw exportSizeLimitExceeded();
      return { bytes: { data, contentType: XLSX_MIME_TYPE } };
    }),

    route('POST', '', 'files.create', ({ account, body }) => {
      const spec = parseBody(createSchema, body);
      const parents = spec.parents ?? ['root'];
      oneParentAtMost(parents);
      const file = store.create({
        name: spec.name ?? 'Untitled',
        mimeType: spec.mimeType ?? 'application/octet-stream',
        parents,
        owner: account,
      });
      return { body: fileResource(file) };
    }),

    route('PATCH', '/([^/]+)', 'files.update', (request) => {
      const { file } = open(request, 'writer');
      if (typeof request.body === 'object' && request.body !== null && 'parents' in request.body) {
        throw driveForbidden('The resource body includes fields which are not directly writable.', 'fieldNotWritable');
      }
      const change = parseBody(updateSchema, request.body);
      const removed = commaList(request.query.get('removeParents'));
      const parents = [
        ...new Set([
          ...file.parents.filter((p) => !removed.includes(p)),
          ...commaList(request.query.get('addParents')),
        ]),
      ];
      oneParentAtMost(parents);
      const renamed = change.name !== undefined && change.name !== file.name;
      store.mutate(file.id, renamed ? 'content' : 'metadata', (draft) => {
        if (change.name !== undefined) StandinStore.rename(draft, change.name);
        if (change.trashed !== undefined) draft.trashed = change.trashed;
        draft.parents = parents;
      });
      return { body: fileResource(store.files.get(file.id) ?? file) };
    }),

    route('POST', '/([^/]+)/copy', 'files.copy', (request) => {
      const { file } = open(request, 'reader');
      const spec = parseBody(copySchema, request.body);
      const parents = spec.parents ?? file.parents;
      oneParentAtMost(parents);
      return { body: fileResource(store.copy(file, spec.name ?? `Copy of ${file.name}`, parents, request.account)) };
    }),

    route('DELETE', '/([^/]+)', 'files.delete', (request) => {
      const { file } = open(request, 'owner');
      store.files.delete(file.id);
      return { status: 204 };
    }),
  ];
}
