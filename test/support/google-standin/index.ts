/**
 * A local stand-in for the Google Sheets v4 and Drive v3 REST APIs, for tests: the real
 * `@googleapis/sheets` and `@googleapis/drive` clients talk to it through `rootUrl`.
 *
 *   const standin = await startGoogleStandin();
 *   const auth = new OAuth2(); auth.setCredentials({ access_token: standin.serviceAccount.token });
 *   const api = sheets({ version: 'v4', auth, rootUrl: standin.rootUrl, retry: false });
 */
import type { SeedCell } from './cell-values.js';
import { Faults, type FailNextOptions, type RandomFailures } from './faults.js';
import { drivePermissionRoutes } from './drive-permission-routes.js';
import { driveRoutes } from './drive-routes.js';
import { Quota } from './quota.js';
import {
  findTab,
  requireFile,
  seedSpreadsheet,
  shareFile,
  tabGrid,
  typeCells,
  unshareFile,
  type SeedSpreadsheet,
  type TabValue,
} from './seed.js';
import { startServer, type LoggedRequest } from './server.js';
import { sheetsRoutes } from './sheets-routes.js';
import { uploadRoutes } from './upload-routes.js';
import {
  DEFAULT_EXPORT_LIMIT_BYTES,
  StandinStore,
  XLSX_MIME_TYPE,
  type FileEditor,
  type StoredFile,
  type StoredSpreadsheet,
  type StoredTab,
} from './spreadsheets.js';

export type { FailNextOptions, RandomFailures, StandinRequest } from './faults.js';
export type { SeedSpreadsheet, SeedTab, TabValue } from './seed.js';
export type { LoggedRequest } from './server.js';
export type { SeedCell, StoredCell, FormulaCell } from './cell-values.js';
export type { StoredFile, StoredSpreadsheet, StoredTab, Permission, Role } from './spreadsheets.js';
export { SPREADSHEET_MIME_TYPE, FOLDER_MIME_TYPE, XLSX_MIME_TYPE } from './spreadsheets.js';

export interface StandinAccount {
  readonly token: string;
  readonly email: string;
}

export const DEFAULT_SERVICE_ACCOUNT: StandinAccount = {
  token: 'token-of-service-account',
  email: 'tonghop@demo-tonghop.iam.gserviceaccount.com',
};

export interface GoogleStandinOptions {
  /** The account seeded files belong to by default; DEFAULT_SERVICE_ACCOUNT when absent. */
  readonly serviceAccount?: StandinAccount;
  /** The clock behind modifiedTime, the request log and quotas; real time when absent. */
  readonly now?: () => Date;
  readonly latencyMs?: number;
  /** Requests per account, API and direction (read/write) per minute before 429; unlimited when absent. */
  readonly quotaPerMinute?: number;
  /** The largest .xlsx `files.export` returns before 403 exportSizeLimitExceeded; Google's 10 MB when absent. */
  readonly exportLimitBytes?: number;
}

/** A file a person uploads to Drive (e.g. an .xlsx report), kept as bytes. */
export interface UploadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly parents?: readonly string[];
  /** .xlsx when absent. */
  readonly mimeType?: string;
  /** The owner's email; the service account when absent. */
  readonly owner?: string;
}

export interface GoogleStandin {
  /** e.g. http://127.0.0.1:40123/ — pass as `rootUrl` to both clients. */
  readonly rootUrl: string;
  readonly serviceAccount: StandinAccount;
  /** Delay before every answer. */
  latencyMs: number;
  quotaPerMinute: number | undefined;
  /** What `files.export` returns at most (Google: 10 MB); lower it to see the 403 exportSizeLimitExceeded. */
  exportLimitBytes: number;
  /** Every request answered so far, oldest first. */
  readonly requests: readonly LoggedRequest[];

  addAccount(token: string, email: string): void;
  /** Returns the new spreadsheet's id. */
  createSpreadsheet(seed: SeedSpreadsheet): string;
  /** Upload a file's bytes (shared with the service account); returns its id. */
  uploadFile(file: UploadedFile): string;
  /** Upload a new version of an uploaded file: moves version and modifiedTime. */
  replaceFileContent(id: string, bytes: Uint8Array): void;
  /** Type into a tab from `a1Start` (e.g. 'B3') as a person would; null leaves a cell. Moves version and modifiedTime; `editor` becomes Drive's lastModifyingUser. */
  editCells(
    id: string,
    tabName: string,
    a1Start: string,
    rows: readonly (readonly SeedCell[])[],
    editor?: FileEditor,
  ): void;
  deleteFile(id: string): void;
  share(id: string, email: string, role?: 'writer' | 'reader' | 'commenter'): void;
  unshare(id: string, email: string): void;
  tabValues(id: string, tabName: string): TabValue[][];
  /** Copies: changing them changes nothing in the stand-in. */
  sheetOf(id: string, tabName: string): StoredTab;
  spreadsheet(id: string): StoredSpreadsheet;
  fileOf(id: string): StoredFile;

  /** The next `count` requests (that `match` accepts) fail with `status`. */
  failNext(count: number, status: number, options?: FailNextOptions): void;
  /** A seeded share of requests fail from now on; null stops it. */
  failRandomly(options: RandomFailures | null): void;
  /** Forget planned and random failures and quota usage. */
  clearFaults(): void;

  /** Requests logged, of one kind (e.g. 'values.batchGet') or all. */
  count(kind?: string): number;
  clearLog(): void;
  close(): Promise<void>;
}

export async function startGoogleStandin(options: GoogleStandinOptions = {}): Promise<GoogleStandin> {
  const now = options.now ?? (() => new Date());
  const serviceAccount = options.serviceAccount ?? DEFAULT_SERVICE_ACCOUNT;
  const store = new StandinStore(now);
  store.accounts.set(serviceAccount.token, serviceAccount.email);
  const faults = new Faults();
  const quota = new Quota(now, options.quotaPerMinute);
  const log: LoggedRequest[] = [];
  let latencyMs = options.latencyMs ?? 0;
  let exportLimitBytes = options.exportLimitBytes ?? DEFAULT_EXPORT_LIMIT_BYTES;
  const server = await startServer({
    routes: [
      ...sheetsRoutes(store),
      ...driveRoutes(store, () => exportLimitBytes),
      ...drivePermissionRoutes(store),
      ...uploadRoutes(store),
    ],
    accounts: store.accounts,
    faults,
    quota,
    log,
    now,
    latencyMs: () => latencyMs,
  });
  const spreadsheetOf = (id: string): StoredSpreadsheet => {
    const file = requireFile(store, id);
    if (!file.spreadsheet) throw new Error(`${id} (${file.mimeType}) is not a spreadsheet.`);
    return file.spreadsheet;
  };

  return {
    rootUrl: server.rootUrl,
    serviceAccount,
    get latencyMs() {
      return latencyMs;
    },
    set latencyMs(value: number) {
      latencyMs = value;
    },
    get quotaPerMinute() {
      return quota.perMinute;
    },
    set quotaPerMinute(value: number | undefined) {
      quota.perMinute = value;
    },
    get exportLimitBytes() {
      return exportLimitBytes;
    },
    set exportLimitBytes(value: number) {
      exportLimitBytes = value;
    },
    requests: log,
    addAccount: (token, email) => void store.accounts.set(token, email),
    createSpreadsheet: (seed) => seedSpreadsheet(store, seed, serviceAccount.email),
    uploadFile: (upload) => {
      const owner = upload.owner ?? serviceAccount.email;
      const file = store.create({
        name: upload.name,
        mimeType: upload.mimeType ?? XLSX_MIME_TYPE,
        parents: upload.parents ?? ['root'],
        owner,
      });
      file.content = new Uint8Array(upload.bytes);
      if (owner !== serviceAccount.email) shareFile(store, file.id, serviceAccount.email, 'writer');
      return file.id;
    },
    replaceFileContent: (id, bytes) =>
      void store.mutate(requireFile(store, id).id, 'content', (draft) => (draft.content = new Uint8Array(bytes))),
    editCells: (id, tabName, a1Start, rows, editor) => typeCells(store, id, tabName, a1Start, rows, editor),
    deleteFile: (id) => void store.files.delete(requireFile(store, id).id),
    share: (id, email, role = 'writer') => shareFile(store, id, email, role),
    unshare: (id, email) => unshareFile(store, id, email),
    tabValues: (id, tabName) => tabGrid(findTab(requireFile(store, id), tabName)),
    sheetOf: (id, tabName) => structuredClone(findTab(requireFile(store, id), tabName)),
    spreadsheet: (id) => structuredClone(spreadsheetOf(id)),
    fileOf: (id) => structuredClone(requireFile(store, id)),
    failNext: (count, status, failOptions) => faults.failNext(count, status, failOptions),
    failRandomly: (random) => faults.failRandomly(random),
    clearFaults: () => {
      faults.clear();
      quota.reset();
    },
    count: (kind) => (kind === undefined ? log.length : log.filter((entry) => entry.kind === kind).length),
    clearLog: () => void log.splice(0),
    close: () => server.close(),
  };
}
