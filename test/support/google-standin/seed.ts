/**
 * Tests' own door into the stand-in, without HTTP: seed spreadsheets, type into cells as a person
 * would, and read back what is stored.
 */
import { parseA1 } from './a1.js';
import { isFormula, seedCell, type CellScalar, type SeedCell } from './cell-values.js';
import { permissionIdFor } from './ids.js';
import {
  cellKey,
  DEFAULT_COLUMN_COUNT,
  DEFAULT_ROW_COUNT,
  SPREADSHEET_MIME_TYPE,
  usedBox,
  type FileEditor,
  type StandinStore,
  type StoredFile,
  type StoredTab,
} from './spreadsheets.js';
import { setCell } from './values.js';

export interface SeedTab {
  readonly name: string;
  /** rows[0] is row 1. */
  readonly rows: readonly (readonly SeedCell[])[];
  /** Grid size; at least 1000 × 26 (Google's default) and always large enough for `rows`. */
  readonly rowCount?: number;
  readonly columnCount?: number;
}

export interface SeedSpreadsheet {
  readonly title: string;
  readonly parents?: readonly string[];
  /** The owner's email; the service account when absent. */
  readonly owner?: string;
  /** Emails given the writer role. */
  readonly sharedWith?: readonly string[];
  /** One empty 'Sheet1' when empty. */
  readonly tabs: readonly SeedTab[];
}

/** What `tabValues` returns for a cell: its value, `{ formula }` for a formula, null when empty. */
export type TabValue = CellScalar | { readonly formula: string } | null;

export function requireFile(store: StandinStore, id: string): StoredFile {
  const file = store.files.get(id);
  if (!file) throw new Error(`The Google stand-in has no file ${id}.`);
  return file;
}

export function findTab(file: StoredFile, tabName: string): StoredTab {
  const tabs = file.spreadsheet?.sheets ?? [];
  const tab = tabs.find((t) => t.properties.title === tabName);
  if (!tab)
    throw new Error(
      `Spreadsheet '${file.name}' (${file.id}) has no tab '${tabName}'; its tabs: ${tabs.map((t) => `'${t.properties.title}'`).join(', ') || 'none'}.`,
    );
  return tab;
}

/** Write seed cells from (row, column); null leaves a cell; the grid grows to fit. */
function writeSeedRows(
  tab: StoredTab,
  startRow: number,
  startColumn: number,
  rows: readonly (readonly SeedCell[])[],
): void {
  const grid = tab.properties.gridProperties;
  rows.forEach((line, i) =>
    line.forEach((value, j) => {
      const seeded = seedCell(value);
      if (!seeded) return;
      const row = startRow + i;
      const column = startColumn + j;
      grid.rowCount = Math.max(grid.rowCount, row + 1);
      grid.columnCount = Math.max(grid.columnCount, column + 1);
      setCell(tab, row, column, seeded.cell);
      if (seeded.format) tab.numberFormats.set(cellKey(row, column), seeded.format);
      else tab.numberFormats.delete(cellKey(row, column));
    }),
  );
}

/** Create a spreadsheet file with its tabs and cells; returns its id. */
export function seedSpreadsheet(store: StandinStore, seed: SeedSpreadsheet, defaultOwner: string): string {
  const owner = seed.owner ?? defaultOwner;
  const tabs = seed.tabs.map((tab) => ({
    title: tab.name,
    gridProperties: {
      rowCount: Math.max(tab.rowCount ?? DEFAULT_ROW_COUNT, 1),
      columnCount: Math.max(tab.columnCount ?? DEFAULT_COLUMN_COUNT, 1),
    },
  }));
  const file = store.create({
    name: seed.title,
    mimeType: SPREADSHEET_MIME_TYPE,
    parents: seed.parents ?? ['root'],
    owner,
    tabs,
  });
  seed.tabs.forEach((tab) => writeSeedRows(findTab(file, tab.name), 0, 0, tab.rows));
  for (const email of seed.sharedWith ?? []) shareFile(store, file.id, email, 'writer', false);
  return file.id;
}

/** A person typing from `a1Start` (e.g. 'B3'): moves version and modifiedTime; a named `editor` becomes the last modifying user. */
export function typeCells(
  store: StandinStore,
  id: string,
  tabName: string,
  a1Start: string,
  rows: readonly (readonly SeedCell[])[],
  editor?: FileEditor,
): void {
  const start = parseA1(a1Start, []);
  if (
    !start ||
    start.sheetName !== undefined ||
    start.bounds.startRow === undefined ||
    start.bounds.startColumn === undefined
  ) {
    throw new Error(`editCells wants the top-left cell alone, e.g. 'B3', not '${a1Start}'.`);
  }
  const { startRow, startColumn } = start.bounds;
  findTab(requireFile(store, id), tabName);
  store.mutate(id, 'content', (draft) => writeSeedRows(findTab(draft, tabName), startRow, startColumn, rows), editor);
}

/** Give `email` a role on a file (replacing a role it had). */
export function shareFile(
  store: StandinStore,
  id: string,
  email: string,
  role: 'writer' | 'reader' | 'commenter',
  bump = true,
): void {
  const file = requireFile(store, id);
  if (store.roleOf(file, email) === 'owner')
    throw new Error(`${email} owns ${id}; ownership is not changed by share().`);
  store.mutate(id, bump ? 'metadata' : 'none', (draft) => {
    draft.permissions = draft.permissions.filter((p) => p.emailAddress.toLowerCase() !== email.toLowerCase());
    draft.permissions.push({
      kind: 'drive#permission',
      id: permissionIdFor(email),
      type: 'user',
      role,
      emailAddress: email,
    });
  });
}

/** Take away `email`'s access to a file (it cannot be the owner). */
export function unshareFile(store: StandinStore, id: string, email: string): void {
  const file = requireFile(store, id);
  if (store.roleOf(file, email) === 'owner') throw new Error(`${email} owns ${id}; an owner cannot be removed.`);
  store.mutate(id, 'metadata', (draft) => {
    draft.permissions = draft.permissions.filter((p) => p.emailAddress.toLowerCase() !== email.toLowerCase());
  });
}

/** The stored values of a tab, trimmed like the API trims them; formulas as `{ formula }`. */
export function tabGrid(tab: StoredTab): TabValue[][] {
  const box = usedBox(tab);
  if (!box) return [];
  const grid: TabValue[][] = [];
  for (let row = 0; row < box.endRow; row++) {
    const line: TabValue[] = [];
    for (let column = 0; column < box.endColumn; column++) {
      const cell = tab.cells.get(cellKey(row, column));
      line.push(cell === undefined ? null : isFormula(cell) ? { formula: cell.formula } : cell);
    }
    while (line.length > 0 && line[line.length - 1] === null) line.pop();
    grid.push(line);
  }
  return grid;
}
