/**
 * A1 notation as the Sheets API reads and writes it: `'Tab name'!A1:J20`, `Tab!A:C`, `Tab!2:5`,
 * `Tab!A2:C`, `Tab`, `A1:B2` (first tab). Indexes here are 0-based with exclusive ends, like GridRange.
 */

/** A1 text as it appears in a `ranges=` parameter or a `range` field. */
export type A1Range = string;

/** A rectangle of a tab; an absent bound is open (from the first row/column, or to the end of the grid). */
export interface Bounds {
  readonly startRow?: number;
  readonly endRow?: number;
  readonly startColumn?: number;
  readonly endColumn?: number;
}

/** A rectangle with every bound known (0-based, ends exclusive). */
export interface Box {
  readonly startRow: number;
  readonly endRow: number;
  readonly startColumn: number;
  readonly endColumn: number;
}

export interface ParsedA1 {
  /** Undefined when the text names no tab: the spreadsheet's first tab is meant. */
  readonly sheetName: string | undefined;
  readonly bounds: Bounds;
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** 'A' → 0, 'AA' → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The tab name as Google writes it in a range: bare when it is a plain identifier, otherwise quoted. */
export function quoteSheetName(title: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) && !/^[A-Za-z]{1,3}\d+$/.test(title) && !/^[Rr]\d*[Cc]\d*$/.test(title);
  return plain ? title : `'${title.replaceAll("'", "''")}'`;
}

/** `B3` for one cell, `A1:C10` for more. */
export function formatCells(box: Box): string {
  const start = `${columnLetters(box.startColumn)}${box.startRow + 1}`;
  const single = box.endRow - box.startRow === 1 && box.endColumn - box.startColumn === 1;
  return single ? start : `${start}:${columnLetters(box.endColumn - 1)}${box.endRow}`;
}

/** `Tab!B3` for one cell, `'Tab name'!A1:C10` for more. */
export function formatRange(title: string, box: Box): A1Range {
  return `${quoteSheetName(title)}!${formatCells(box)}`;
}

/**
 * Read A1 text. A bare word is a tab name when such a tab exists (Google's rule), else a cell
 * reference on the first tab. Undefined when the text is not A1 at all.
 */
export function parseA1(text: A1Range, sheetTitles: readonly string[]): ParsedA1 | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith("'")) {
    const quoted = /^'((?:[^']|'')+)'(?:!(.*))?$/s.exec(trimmed);
    if (!quoted?.[1]) return undefined;
    const sheetName = quoted[1].replaceAll("''", "'");
    return withReference(sheetName, quoted[2]);
  }
  const bang = trimmed.lastIndexOf('!');
  if (bang >= 0)
    return trimmed.slice(0, bang) === '' ? undefined : withReference(trimmed.slice(0, bang), trimmed.slice(bang + 1));
  if (sheetTitles.includes(trimmed)) return { sheetName: trimmed, bounds: {} };
  return withReference(undefined, trimmed);
}

function withReference(sheetName: string | undefined, reference: string | undefined): ParsedA1 | undefined {
  if (reference === undefined) return sheetName === undefined ? undefined : { sheetName, bounds: {} };
  const bounds = parseReference(reference);
  return bounds && { sheetName, bounds };
}

interface Corner {
  readonly row?: number;
  readonly column?: number;
}

function parseCorner(text: string): Corner | undefined {
  const match = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const row = match[2] === '' ? undefined : Number(match[2]) - 1;
  if (row !== undefined && row < 0) return undefined;
  return { row, column: match[1] ? columnIndex(match[1]) : undefined };
}

function parseReference(reference: string): Bounds | undefined {
  const parts = reference.split(':');
  if (parts.length === 1) {
    const cell = parseCorner(reference);
    if (cell?.row === undefined || cell.column === undefined) return undefined;
    return { startRow: cell.row, endRow: cell.row + 1, startColumn: cell.column, endColumn: cell.column + 1 };
  }
  if (parts.length !== 2) return undefined;
  const from = parseCorner(parts[0] ?? '');
  const to = parseCorner(parts[1] ?? '');
  if (!from || !to) return undefined;
  // 'A:B' and '2:5' need both corners of the same kind; 'A2:C' leaves the end row open.
  if ((from.column === undefined) !== (to.column === undefined) && from.row === undefined) return undefined;
  const rows = ordered(from.row, to.row);
  const columns = ordered(from.column, to.column);
  return {
    startRow: rows[0],
    endRow: rows[1] === undefined ? undefined : rows[1] + 1,
    startColumn: columns[0],
    endColumn: columns[1] === undefined ? undefined : columns[1] + 1,
  };
}

function ordered(a: number | undefined, b: number | undefined): [number | undefined, number | undefined] {
  return a !== undefined && b !== undefined && b < a ? [b, a] : [a, b];
}
