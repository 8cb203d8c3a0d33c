/**
 * The stand-in's memory: Drive files (with their owner, permissions, version and modifiedTime)
 * and, for spreadsheets, their tabs and sparse cells. Every change goes through `mutate`, which
 * works on a copy so that a failed batch leaves nothing half-applied.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Box } from './a1.js';
import type { NumberFormat, StoredCell } from './cell-values.js';
import { newFileId, newObjectId, permissionIdFor } from './ids.js';

export const SPREADSHEET_MIME_TYPE = 'application/vnd.google-apps.spreadsheet';
export const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';
export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Google's own limit on what `files.export` returns. */
export const DEFAULT_EXPORT_LIMIT_BYTES = 10 * 1024 * 1024;
export const DEFAULT_ROW_COUNT = 1000;
export const DEFAULT_COLUMN_COUNT = 26;

export const ROLES = ['owner', 'writer', 'commenter', 'reader'] as const;
export type Role = (typeof ROLES)[number];
export function isRole(value: unknown): value is Role {
  return ROLES.includes(value as Role);
}

export interface Permission {
  readonly kind: 'drive#permission';
  readonly id: string;
  readonly type: 'user' | 'group';
  role: Role;
  readonly emailAddress: string;
}

export interface GridProperties {
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: 'GRID';
  gridProperties: GridProperties;
  hidden?: boolean;
  [other: string]: unknown;
}

export type GridRange = sheets_v4.Schema$GridRange & { sheetId: number };

/** A `repeatCell` as it was asked for; later ones win where they overlap. */
export interface StoredFormat {
  readonly range: GridRange;
  readonly cell: sheets_v4.Schema$CellData;
  readonly fields: string;
}

export interface StoredTab {
  properties: SheetProperties;
  /** Keyed by `cellKey(row, column)`, 0-based. */
  cells: Map<string, StoredCell>;
  /** Number formats set on single cells (seeded dates, `updateCells`). */
  numberFormats: Map<string, NumberFormat>;
  protectedRanges: sheets_v4.Schema$ProtectedRange[];
  basicFilter?: sheets_v4.Schema$BasicFilter;
  conditionalFormats: sheets_v4.Schema$ConditionalFormatRule[];
  charts: sheets_v4.Schema$EmbeddedChart[];
  validations: { range: GridRange; rule: sheets_v4.Schema$DataValidationRule }[];
  formats: StoredFormat[];
  dimensionProperties: sheets_v4.Schema$UpdateDimensionPropertiesRequest[];
}

export interface StoredSpreadsheet {
  properties: { title: string; locale: string; timeZone: string; [other: string]: unknown };
  sheets: StoredTab[];
}

export interface StoredFile {
  readonly id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  readonly createdTime: Date;
  modifiedTime: Date;
  /** Drive's monotonically increasing version; sent as a string. */
  version: number;
  owner: string;
  permissions: Permission[];
  /** Present for spreadsheets only. */
  spreadsheet?: StoredSpreadsheet;
  /** The bytes of an uploaded file (not a Google document), served by `files.get?alt=media`. */
  content?: Uint8Array;
  /** Who made the last content change, when known (Drive's `lastModifyingUser`). */
  lastModifyingUser?: FileEditor;
}

/** A person or account that changed a file. */
export interface FileEditor {
  readonly emailAddress: string;
  readonly displayName?: string;
}

export function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}

export function parseCellKey(key: string): [row: number, column: number] {
  const [row, column] = key.split(':').map(Number);
  return [row ?? 0, column ?? 0];
}

/** The smallest box holding every non-empty cell, or undefined for an empty tab. */
export function usedBox(tab: StoredTab): Box | undefined {
  if (tab.cells.size === 0) return undefined;
  let endRow = 0;
  let endColumn = 0;
  for (const key of tab.cells.keys()) {
    const [row, column] = parseCellKey(key);
    endRow = Math.max(endRow, row + 1);
    endColumn = Math.max(endColumn, column + 1);
  }
  return { startRow: 0, endRow, startColumn: 0, endColumn };
}

export function newTab(
  properties: Partial<SheetProperties> & { sheetId: number; title: string; index: number },
): StoredTab {
  const gridProperties = {
    rowCount: DEFAULT_ROW_COUNT,
    columnCount: DEFAULT_COLUMN_COUNT,
    ...properties.gridProperties,
  };
  // Google's key order first; then whatever else was asked for (tabColor, rightToLeft…), but only grid sheets are modelled.
  const tabProperties: SheetProperties = {
    sheetId: properties.sheetId,
    title: properties.title,
    index: properties.index,
    sheetType: 'GRID',
    gridProperties,
  };
  Object.assign(tabProperties, properties, { sheetType: 'GRID', gridProperties });
  return {
    properties: tabProperties,
    cells: new Map(),
    numberFormats: new Map(),
    protectedRanges: [],
    conditionalFormats: [],
    charts: [],
    validations: [],
    formats: [],
    dimensionProperties: [],
  };
}

/** Keep `properties.index` equal to each tab's position. */
export function reindex(spreadsheet: StoredSpreadsheet): void {
  spreadsheet.sheets.forEach((tab, index) => (tab.properties.index = index));
}

export interface NewFile {
  readonly name: string;
  readonly mimeType: string;
  readonly parents: readonly string[];
  readonly owner: string;
  /** Tab titles for a spreadsheet; one 'Sheet1' when absent or empty. */
  readonly tabs?: readonly (Partial<SheetProperties> & { title: string })[];
}

/** Files and accounts, with the clock every change is stamped by. */
export class StandinStore {
  readonly files = new Map<string, StoredFile>();
  /** Bearer token → email. */
  readonly accounts = new Map<string, string>();

  constructor(readonly now: () => Date) {}

  create(spec: NewFile): StoredFile {
    const at = this.now();
    const file: StoredFile = {
      id: newFileId(),
      name: spec.name,
      mimeType: spec.mimeType,
      parents: [...spec.parents],
      trashed: false,
      createdTime: at,
      modifiedTime: at,
      version: 1,
      owner: spec.owner,
      permissions: [
        {
          kind: 'drive#permission',
          id: permissionIdFor(spec.owner),
          type: 'user',
          role: 'owner',
          emailAddress: spec.owner,
        },
      ],
    };
    if (spec.mimeType === SPREADSHEET_MIME_TYPE) {
      // Google gives a new spreadsheet the creating account's language; a service account's is en_US.
      const spreadsheet: StoredSpreadsheet = {
        properties: { title: spec.name, locale: 'en_US', timeZone: 'Asia/Ho_Chi_Minh' },
        sheets: [],
      };
      const tabs = spec.tabs?.length ? spec.tabs : [{ title: 'Sheet1' }];
      // Google gives the first tab id 0.
      for (const tab of tabs) {
        const sheetId = tab.sheetId ?? (spreadsheet.sheets.length === 0 ? 0 : newObjectId(spreadsheet));
        spreadsheet.sheets.push(newTab({ ...tab, sheetId, index: spreadsheet.sheets.length }));
      }
      file.spreadsheet = spreadsheet;
    }
    this.files.set(file.id, file);
    return file;
  }

  /** The caller's role on a file, undefined when the file is not shared with them. */
  roleOf(file: StoredFile, email: string): Role | undefined {
    return file.permissions.find((p) => p.emailAddress.toLowerCase() === email.toLowerCase())?.role;
  }

  /**
   * Change a file as one step: `change` edits a copy, which replaces the file only if it returns
   * without throwing. `bump` says what the change moves: content moves version and modifiedTime,
   * metadata (sharing, parents, trash) only the version; a content change by a known `editor` makes them the last modifying user.
   */
  mutate<T>(
    id: string,
    bump: 'content' | 'metadata' | 'none',
    change: (file: StoredFile) => T,
    editor?: FileEditor,
  ): T {
    const current = this.files.get(id);
    if (!current) throw new Error(`No file ${id} in the Google stand-in.`);
    const draft = structuredClone(current);
    const result = change(draft);
    if (bump !== 'none') draft.version = current.version + 1;
    if (bump === 'content') draft.modifiedTime = this.now();
    if (bump === 'content' && editor) draft.lastModifyingUser = { ...editor };
    this.files.set(id, draft);
    return result;
  }

  /** A deep copy of a file under a new id, owned by `owner` alone. */
  copy(source: StoredFile, name: string, parents: readonly string[], owner: string): StoredFile {
    const at = this.now();
    const file: StoredFile = {
      ...structuredClone(source),
      id: newFileId(),
      name,
      parents: [...parents],
      trashed: false,
      createdTime: at,
      modifiedTime: at,
      version: 1,
      owner,
      permissions: [
        { kind: 'drive#permission', id: permissionIdFor(owner), type: 'user', role: 'owner', emailAddress: owner },
      ],
    };
    if (file.spreadsheet) file.spreadsheet.properties.title = name;
    this.files.set(file.id, file);
    return file;
  }

  /** Rename a file; a spreadsheet's title is its file name. */
  static rename(file: StoredFile, name: string): void {
    file.name = name;
    if (file.spreadsheet) file.spreadsheet.properties.title = name;
  }
}
