import type { RawCell } from '../cells/raw-cell.js';
import { isBlankCell } from '../cells/blank.js';
import { cleanText, foldForMatch } from '../cells/fold.js';
import { columnLetter } from '../sheets/a1.js';
import type { ColumnSpec, FormSpec } from './form-spec.js';

/** Header of the column the system fills with each row's status; never read as data. */
export const STATUS_HEADER = 'Tình trạng (hệ thống ghi)';

/** How a tab's header row maps onto a form's columns. */
export interface HeaderMatch {
  /** Column key → 0-based index in the sheet row. */
  readonly indexByKey: ReadonlyMap<string, number>;
  /** Index of the system status column, if present. */
  readonly statusIndex: number | undefined;
  readonly missingRequired: readonly ColumnSpec[];
  /** Headers the form does not know, with their 0-based index. */
  readonly unknown: readonly { readonly header: string; readonly index: number }[];
  /** A column whose header appears more than once: the first is used. */
  readonly duplicates: readonly { readonly column: ColumnSpec; readonly indexes: readonly number[] }[];
}

/** Match a header row to a form's columns, ignoring case, accents, NFD/NFC and extra spaces. */
export function matchHeaders(spec: FormSpec, headerCells: readonly RawCell[]): HeaderMatch {
  const keyByFolded = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    for (const name of [column.header, ...column.aliases]) {
      const folded = foldForMatch(name);
      if (!keyByFolded.has(folded)) keyByFolded.set(folded, column);
    }
  }
  const statusFolded = foldForMatch(STATUS_HEADER);
  const found = new Map<string, number[]>();
  const unknown: { header: string; index: number }[] = [];
  let statusIndex: number | undefined;

  headerCells.forEach((cell, index) => {
    if (isBlankCell(cell)) return;
    const header = cleanText(String(cell));
    const folded = foldForMatch(header);
    if (folded === statusFolded || folded === 'tinh trang') {
      statusIndex ??= index;
      return;
    }
    const column = keyByFolded.get(folded);
    if (!column) {
      unknown.push({ header, index });
      return;
    }
    found.set(column.key, [...(found.get(column.key) ?? []), index]);
  });

  const indexByKey = new Map<string, number>();
  const duplicates: { column: ColumnSpec; indexes: number[] }[] = [];
  for (const column of spec.columns) {
    const indexes = found.get(column.key);
    if (indexes?.[0] === undefined) continue;
    indexByKey.set(column.key, indexes[0]);
    if (indexes.length > 1) duplicates.push({ column, indexes });
  }
  const missingRequired = spec.columns.filter((c) => c.required && !indexByKey.has(c.key));
  return { indexByKey, statusIndex, missingRequired, unknown, duplicates };
}

/**
 * Find the header row among the first rows of a tab: title rows above it are normal
 * ("KẾ HOẠCH…", the unit's name). The header row is the one matching the most columns;
 * at least two must match (or one, for a one-column form).
 */
export function locateHeaderRow(spec: FormSpec, rows: readonly (readonly RawCell[])[], scanLimit = 30): number | undefined {
  const needed = Math.min(2, spec.columns.length);
  let best: { index: number; score: number } | undefined;
  rows.slice(0, scanLimit).forEach((cells, index) => {
    const score = matchHeaders(spec, cells).indexByKey.size;
    if (score >= needed && score > (best?.score ?? 0)) best = { index, score };
  });
  return best?.index;
}

/** Vietnamese description of a column's place in the sheet, e.g. "cột C". */
export function columnPlace(index: number): string {
  return `cột ${columnLetter(index)}`;
}
