import path from 'node:path';
import type { Readable } from 'node:stream';
import JSZip from 'jszip';
import type { SheetLimits } from '../../domain/sheets/sheet-limits.js';
import { SheetXmlScanner } from './sheet-xml-scanner.js';
import { relsPathOf, WORKBOOK_PART, worksheetPartsOf } from './xlsx-package.js';

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
export const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
export const SHARED_STRINGS_PART = /^xl\/sharedStrings\.xml$/i;
/** workbook.xml and its rels are read whole (for the tabs' names) only up to this size. */
const NAMES_PART_CAP = 8 * 1024 * 1024;

/**
 * Check an .xlsx against the limits before any parser sees it: every part is inflated as a stream
 * and counted (the sizes the zip declares are not trusted), inflation stops as soon as a cap is
 * passed, and worksheets' rows, cells and highest column are counted from their XML as it streams.
 * Memory stays a few chunks whatever the file holds. Returns the first limit passed, or null; a
 * package that is not a zip gives null too (the workbook reader then says it is corrupt).
 * A column past the limit stops at once; rows and cells are counted to the end of the part
 * (bounded by the part cap), so the unit is told how many.
 */
export async function checkXlsxSize(bytes: Uint8Array, limits: SheetLimits): Promise<XlsxRefusal | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  const names = await tabNames(zip);
  const tabOf = (part: string) => names.get(part) ?? path.posix.basename(part);
  const scanned = new Map<string, SheetXmlScanner>();
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const part = entry.name.replace(/^\//, '');
    const sharedStrings = SHARED_STRINGS_PART.test(part);
    const scanner = WORKSHEET_PART.test(part) ? new SheetXmlScanner() : undefined;
    const partLimit = sharedStrings ? Math.min(limits.maxSharedStringsBytes, limits.maxPartBytes) : limits.maxPartBytes;
    const outcome = await inflateCounting(
      entry,
      partLimit,
      limits.maxUnzippedBytes - total,
      scanner && {
        scanner,
        refusal: () =>
          scanner.maxColumn > limits.maxColumns
            ? { kind: 'columns', tab: tabOf(part), column: scanner.maxColumn, limit: limits.maxColumns }
            : null,
      },
    );
    if (outcome === 'unreadable') return null;
    if (typeof outcome === 'object') return outcome;
    if (outcome === 'over-total') return { kind: 'unzipped', limit: limits.maxUnzippedBytes };
    if (outcome === 'over-part')
      return sharedStrings
        ? { kind: 'shared-strings', limit: partLimit }
        : { kind: 'part', part, tab: scanner ? tabOf(part) : undefined, limit: partLimit };
    total += outcome;
    if (scanner) scanned.set(part, scanner);
  }
  let fileCells = 0;
  for (const [part, counts] of scanned) {
    if (counts.rows > limits.maxRowsPerTab)
      return { kind: 'rows', tab: tabOf(part), rows: counts.rows, limit: limits.maxRowsPerTab };
    if (counts.cells > limits.maxCellsPerTab)
      return { kind: 'cells', tab: tabOf(part), cells: counts.cells, limit: limits.maxCellsPerTab };
    fileCells += counts.cells;
  }
  if (fileCells > limits.maxCellsPerFile)
    return { kind: 'file-cells', cells: fileCells, limit: limits.maxCellsPerFile };
  return null;
}

/** Worksheet part → tab name, from workbook.xml and its rels read with a cap; empty when they are missing, unreadable or too big. */
async function tabNames(zip: JSZip): Promise<Map<string, string>> {
  const workbook = zip.file(WORKBOOK_PART);
  const rels = zip.file(relsPathOf(WORKBOOK_PART));
  if (!workbook || !rels) return new Map();
  const [workbookXml, relsXml] = [await textCapped(workbook), await textCapped(rels)];
  if (workbookXml === null || relsXml === null) return new Map();
  return new Map(worksheetPartsOf(workbookXml, relsXml).map((sheet) => [sheet.path, sheet.name]));
}

async function textCapped(entry: JSZip.JSZipObject): Promise<string | null> {
  const chunks: Buffer[] = [];
  const outcome = await inflateCounting(entry, NAMES_PART_CAP, NAMES_PART_CAP, undefined, chunks);
  return typeof outcome === 'number' ? Buffer.concat(chunks).toString('utf8') : null;
}

type Inflated = number | 'over-part' | 'over-total' | 'unreadable' | XlsxRefusal;

/**
 * Inflate one part chunk by chunk, feeding the scan, and stop at the first chunk past either cap
 * or a limit the scan finds passed. The bytes it inflated, or why it stopped.
 */
function inflateCounting(
  entry: JSZip.JSZipObject,
  partLimit: number,
  totalLeft: number,
  scan: { scanner: SheetXmlScanner; refusal: () => XlsxRefusal | null } | undefined,
  keep?: Buffer[],
): Promise<Inflated> {
  return new Promise((resolve) => {
    let inflated = 0;
    let settled = false;
    const stream = entry.nodeStream('nodebuffer') as Readable;
    const finish = (outcome: Inflated) => {
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
        keep?.push(chunk);
        if (!scan) return;
        scan.scanner.push(chunk);
        const refusal = scan.refusal();
        if (refusal) finish(refusal);
      })
      .on('error', () => finish('unreadable'))
      .on('end', () => finish(inflated));
  });
}
