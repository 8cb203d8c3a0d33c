import type { RawCell } from '../cells/raw-cell.js';
import { isBlankCell } from '../cells/blank.js';
import { cleanText, foldForMatch } from '../cells/fold.js';
import type { ColumnSpec, FormSpec } from './form-spec.js';

/** Header of the column the system fills with each row's status; never read as data. */
export const STATUS_HEADER = 'Tình trạng (hệ thống ghi)';

const STATUS_FOLDED = new Set([foldForMatch(STATUS_HEADER), 'tinh trang']);

/** Whether a header cell names the system's status column (its full header, or just 'Tình trạng'). */
export function isStatusHeader(text: string): boolean {
  return STATUS_FOLDED.has(foldForMatch(text));
}

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
  const keyByFolded = columnsByFoldedHeader(spec);
  const found = new Map<string, number[]>();
  const unknown: { header: string; index: number }[] = [];
  let statusIndex: number | undefined;

  headerCells.forEach((cell, index) => {
    if (isBlankCell(cell)) return;
    const header = cleanText(String(cell));
    const folded = foldForMatch(header);
    if (STATUS_FOLDED.has(folded)) {
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

/** A form's columns by every accepted header, folded; built once per form (the header search asks for it row after row). */
const foldedHeaders = new WeakMap<FormSpec, Map<string, ColumnSpec>>();

function columnsByFoldedHeader(spec: FormSpec): Map<string, ColumnSpec> {
  let byFolded = foldedHeaders.get(spec);
  if (!byFolded) {
    byFolded = new Map();
    for (const column of spec.columns) {
      for (const name of [column.header, ...column.aliases]) {
        const folded = foldForMatch(name);
        if (!byFolded.has(folded)) byFolded.set(folded, column);
      }
    }
    foldedHeaders.set(spec, byFolded);
  }
  return byFolded;
}

/** Where a tab's header is: its first row, how many rows it spans, and its cells (merged when two rows). */
export interface HeaderLocation {
  readonly index: number;
  readonly span: 1 | 2;
  readonly cells: readonly RawCell[];
}

/**
 * Find the header among the first rows of a tab: title rows above it are normal
 * ("KẾ HOẠCH…", the unit's name). The header is the row matching the most columns
 * (at least two, or one for a one-column form). A grouped header spans two rows, as in
 * the seed's own report form where "Quy mô tổ chức" stands above "Tháng | Tuần".
 */
export function locateHeader(
  spec: FormSpec,
  rows: readonly (readonly RawCell[])[],
  scanLimit = 30,
): HeaderLocation | undefined {
  const needed = Math.min(2, spec.columns.length);
  let best: (HeaderLocation & { score: number }) | undefined;
  for (const [index, cells] of rows.slice(0, scanLimit).entries()) {
    // A row naming every column cannot be beaten by a later one: stop there instead of folding 25 data rows.
    if (best && best.score === spec.columns.length) break;
    const single = matchHeaders(spec, cells);
    const below = rows[index + 1];
    // Only a row that is itself a header can be the top of a grouped header (not a title row).
    const merged =
      below && single.indexByKey.size >= needed ? mergeGroupedHeader(spec, cells, single, below) : undefined;
    const mergedScore = merged ? matchHeaders(spec, merged).indexByKey.size : 0;
    const candidate =
      merged && mergedScore > single.indexByKey.size
        ? { index, span: 2 as const, cells: merged, score: mergedScore }
        : { index, span: 1 as const, cells, score: single.indexByKey.size };
    if (candidate.score >= needed && candidate.score > (best?.score ?? 0)) best = candidate;
  }
  return best && { index: best.index, span: best.span, cells: best.cells };
}

/** Under a group title (or a blank), take the sub-header of the row below when it names a column not yet found. */
function mergeGroupedHeader(
  spec: FormSpec,
  upper: readonly RawCell[],
  upperMatch: HeaderMatch,
  lower: readonly RawCell[],
): RawCell[] | undefined {
  const lowerMatch = matchHeaders(spec, lower);
  const merged = [...upper];
  let changed = false;
  for (const [key, index] of lowerMatch.indexByKey) {
    if (upperMatch.indexByKey.has(key) || [...upperMatch.indexByKey.values()].includes(index)) continue;
    merged[index] = lower[index];
    changed = true;
  }
  return changed ? merged : undefined;
}
