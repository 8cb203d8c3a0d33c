import { columnLetter } from '../../functions/src/domain/sheets/a1.js';
import type { GoogleStandin } from './google-standin/index.js';
import type { TestFirestore } from './firestore.js';
import { openWorkbook, sheetOf } from './workbooks.js';

/** Reading a summary tab as text rows, and typing into it as a person would: the same calls on both adapters. */
export interface SummaryHands {
  grid(location: string, tab: string): Promise<string[][]>;
  /** Types `cells` from (row, column), both 0-based, leftwards to right. */
  type(location: string, tab: string, row: number, column: number, cells: readonly string[]): Promise<void>;
}

/** A summary workbook on disk, opened and saved with exceljs. */
export const workbookSummaryHands: SummaryHands = {
  async grid(file, tab) {
    const sheet = sheetOf(await openWorkbook(file), tab);
    const grid: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++)
      grid.push(Array.from({ length: sheet.getRow(r).cellCount }, (_, c) => sheet.getRow(r).getCell(c + 1).text));
    return grid;
  },
  async type(file, tab, row, column, cells) {
    const workbook = await openWorkbook(file);
    const sheet = sheetOf(workbook, tab);
    cells.forEach((text, i) => (sheet.getRow(row + 1).getCell(column + i + 1).value = text));
    await workbook.xlsx.writeFile(file);
  },
};

/** A summary spreadsheet on the stand-in, addressed by its link; edits are made as `editor`. */
export function standinSummaryHands(
  standin: GoogleStandin,
  editor: { readonly emailAddress: string; readonly displayName: string },
): SummaryHands {
  const idOf = (location: string) => location.replace(/^.*\/d\/([^/]+).*$/, '$1');
  return {
    grid: (location, tab) =>
      Promise.resolve(
        standin
          .tabValues(idOf(location), tab)
          .map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)))),
      ),
    type: (location, tab, row, column, cells) =>
      Promise.resolve(standin.editCells(idOf(location), tab, `${columnLetter(column)}${row + 1}`, [cells], editor)),
  };
}

/** The table under the first row whose first cell is `firstHeader`, as records by header, until the first empty row. */
export function tableOf(grid: readonly string[][], firstHeader: string): Record<string, string>[] {
  const headerRow = grid.findIndex((r) => r[0] === firstHeader);
  const headers = grid[headerRow] ?? [];
  const rows: Record<string, string>[] = [];
  for (const line of grid.slice(headerRow + 1)) {
    if (line.every((c) => c === '')) break;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, line[i] ?? ''])));
  }
  return rows;
}

/** The district office's account, as Drive names the last editor of a summary the tests type into. */
export const DISTRICT_EDITOR = { emailAddress: 'vp@quandoan.example', displayName: 'Văn phòng Quận Đoàn' } as const;

/** After a both-adapters file: the stand-in closed, and each adapter's Firestore project cleared and let go. */
export async function closeBothAdapters(
  standin: GoogleStandin | undefined,
  adapters: Iterable<{ readonly firestore: TestFirestore }>,
): Promise<void> {
  await standin?.close();
  for (const { firestore } of adapters) {
    await firestore.clear();
    await firestore.db.terminate();
  }
}
