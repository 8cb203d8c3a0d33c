import path from 'node:path';
import type { Readable } from 'node:stream';
import JSZip from 'jszip';
import type { SheetLimits } from '../../domain/sheets/sheet-limits.js';
import { SheetXmlScanner } from './sheet-xml-scanner.js';
import { worksheetParts } from './xlsx-package.js';

/** Why an .xlsx is refused before parsing; `tab` is the tab's name when the part is a worksheet. */
export type XlsxRefusal =
  | { readonly kind: 'unzipped'; readonly limit: number }
  | { readonly kind: 'part'; readonly part: string; readonly tab: string | undefined; readonly limit: number }
  | { readonly kind: 'shared-strings'; readonly limit: number }
  | { readonly kind: 'rows'; readonly tab: string; readonly rows: number; readonly limit: number }
  | { readonly kind: 'cells'; readonly tab: string; readonly cells: number; readonly limit: number }
  | { readonly kind: 'file-cells'; readonly cells: number; readonly limit: number }
  | { readonly kind: 'columns'; readonly tab: string; readonly column: number; readonly limit: number };

/** exceljs reads worksheets from exactly these parts, and shared strings from this one. */
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS_PART = /^xl\/sharedStrings\.xml$/i;

/**
 * Check an .xlsx against the limits before any parser sees it: every part is inflated as a stream
 * and counted (the sizes the zip declares are not trusted), inflation stops as soon as a size cap
 * is passed, and worksheets' rows, cells and highest column are counted from their XML as it
 * streams. Memory stays a few chunks whatever the file holds. Returns the first limit passed, or
 * null; a package that is not a zip gives null too (the workbook reader says it is corrupt).
 */
export async function checkXlsxSize(bytes: Uint8Array, limits: SheetLimits): Promise<XlsxRefusal | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  const scanned = new Map<string, SheetXmlScanner>();
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const name = entry.name.replace(/^\//, '');
    const sharedStrings = SHARED_STRINGS_PART.test(name);
    const scanner = WORKSHEET_PART.test(name) ? new SheetXmlScanner() : undefined;
    if (scanner) scanned.set(name, scanner);
    const partLimit = sharedStrings ? Math.min(limits.maxSharedStringsBytes, limits.maxPartBytes) : limits.maxPartBytes;
    const outcome = await inflateCounting(entry, partLimit, limits.maxUnzippedBytes - total, scanner);
    if (outcome === 'unreadable') return null;
    if (outcome === 'over-total') return { kind: 'unzipped', limit: limits.maxUnzippedBytes };
    if (outcome === 'over-part') {
      if (sharedStrings) return { kind: 'shared-strings', limit: partLimit };
      return { kind: 'part', part: name, tab: scanner ? (await tabNames(zip)).get(name) ?? path.posix.basename(name) : undefined, limit: partLimit };
    }
    total += outcome;
  }
  return countRefusal(scanned, await tabNames(zip), limits);
}

function countRefusal(scanned: ReadonlyMap<string, SheetXmlScanner>, names: ReadonlyMap<string, string>, limits: SheetLimits): XlsxRefusal | null {
  let fileCells = 0;
  for (const [part, counts] of scanned) {
    const tab = names.get(part) ?? path.posix.basename(part);
    if (counts.rows > limits.maxRowsPerTab) return { kind: 'rows', tab, rows: counts.rows, limit: limits.maxRowsPerTab };
    if (counts.maxColumn > limits.maxColumns) return { kind: 'columns', tab, column: counts.maxColumn, limit: limits.maxColumns };
    if (counts.cells > limits.maxCellsPerTab) return { kind: 'cells', tab, cells: counts.cells, limit: limits.maxCellsPerTab };
    fileCells += counts.cells;
  }
  return fileCells > limits.maxCellsPerFile ? { kind: 'file-cells', cells: fileCells, limit: limits.maxCellsPerFile } : null;
}

/** Worksheet part → tab name, through workbook.xml (read only once every part is known to be within the caps). */
async function tabNames(zip: JSZip): Promise<Map<string, string>> {
  try {
    return new Map((await worksheetParts(zip)).map((sheet) => [sheet.path, sheet.name]));
  } catch {
    return new Map();
  }
}

/**
 * Inflate one part chunk by chunk, feeding the scanner, and stop at the first chunk past either
 * cap. The bytes it inflated, or which cap it passed, or 'unreadable' (bad compressed data).
 */
function inflateCounting(entry: JSZip.JSZipObject, partLimit: number, totalLeft: number, scanner: SheetXmlScanner | undefined): Promise<number | 'over-part' | 'over-total' | 'unreadable'> {
  return new Promise((resolve) => {
    let inflated = 0;
    let settled = false;
    const stream = entry.nodeStream('nodebuffer') as Readable;
    const finish = (outcome: number | 'over-part' | 'over-total' | 'unreadable') => {
      if (settled) return;
      settled = true;
      // Stops the inflater after the current chunk: nothing more of a zip bomb is produced.
      if (typeof outcome !== 'number') stream.destroy();
      resolve(outcome);
    };
    stream
      .on('data', (chunk: Buffer) => {
        if (settled) return;
        inflated += chunk.byteLength;
        if (inflated > totalLeft) return finish('over-total');
        if (inflated > partLimit) return finish('over-part');
        scanner?.push(chunk);
      })
      .on('error', () => finish('unreadable'))
      .on('end', () => finish(inflated));
  });
}
