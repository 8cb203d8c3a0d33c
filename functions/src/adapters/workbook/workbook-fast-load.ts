import type ExcelJS from 'exceljs';
import type { SheetLimits } from '../../domain/sheets/sheet-limits.js';
import { loadWorkbookFromParts } from './exceljs-load-parts.js';
import { SheetXmlScanner } from './sheet-xml-scanner.js';
import { needsNormalizing } from './xlsx-normalize.js';
import { relsPathOf, WORKBOOK_PART, worksheetPartsOf } from './xlsx-package.js';
import { SHARED_STRINGS_PART, WORKSHEET_PART } from './xlsx-size-gate.js';
import { inflateEntry, zipEntries } from './xlsx-zip-entries.js';

/**
 * The sweep's everyday read of an ordinary .xlsx: every part inflated once by zlib, checked
 * against the size limits, and parsed by exceljs's own parsers (loadWorkbookFromParts), instead
 * of three JSZip passes (size gate, normalization, exceljs). Undefined whenever the file is not
 * ordinary: over a limit, damaged, ZIP64, or holding anything normalizeForExceljs would rewrite.
 * The caller then takes the careful path, which says exactly why (same messages as ever).
 * Data validations are left out of what exceljs parses: the sweep reads values, and exceljs
 * expands every validated range cell by cell.
 */
export async function loadOrdinaryWorkbook(bytes: Buffer, limits: SheetLimits): Promise<ExcelJS.Workbook | undefined> {
  const entries = zipEntries(bytes);
  if (!entries) return undefined;
  const parts = new Map<string, Buffer>();
  let total = 0;
  let fileCells = 0;
  for (const entry of entries) {
    if (entry.name.startsWith('/')) return undefined;
    // A folder entry: exceljs skips it too.
    if (entry.name.endsWith('/')) continue;
    const partLimit = SHARED_STRINGS_PART.test(entry.name)
      ? Math.min(limits.maxSharedStringsBytes, limits.maxPartBytes)
      : limits.maxPartBytes;
    const inflated = inflateEntry(entry, Math.min(partLimit, limits.maxUnzippedBytes - total));
    if (!inflated) return undefined;
    total += inflated.length;
    if (WORKSHEET_PART.test(entry.name)) {
      const scanner = new SheetXmlScanner();
      scanner.push(inflated);
      if (
        scanner.maxColumn > limits.maxColumns ||
        scanner.rows > limits.maxRowsPerTab ||
        scanner.cells > limits.maxCellsPerTab
      )
        return undefined;
      fileCells += scanner.cells;
    }
    parts.set(entry.name, inflated);
  }
  if (fileCells > limits.maxCellsPerFile) return undefined;

  const texts = new Map<string, string>();
  const textOf = (part: string) => {
    if (!texts.has(part)) {
      const bytes = parts.get(part);
      if (bytes === undefined) return undefined;
      texts.set(part, bytes.toString('utf8'));
    }
    return texts.get(part);
  };
  const workbookXml = textOf(WORKBOOK_PART);
  const workbookRels = textOf(relsPathOf(WORKBOOK_PART));
  if (workbookXml === undefined || workbookRels === undefined) return undefined;
  const sheetPaths = worksheetPartsOf(workbookXml, workbookRels).map((sheet) => sheet.path);
  if (needsNormalizing(sheetPaths, textOf)) return undefined;
  for (const sheetPath of sheetPaths) {
    const xml = textOf(sheetPath);
    if (xml !== undefined) texts.set(sheetPath, withoutDataValidations(xml));
  }
  return loadWorkbookFromParts(new Map([...parts].map(([name, bytes]) => [name, texts.get(name) ?? bytes])));
}

/** `<dataValidations>…</dataValidations>` (not the x14 extension's, which exceljs ignores anyway). */
const DATA_VALIDATIONS = /<dataValidations\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidations>)/;

/** A worksheet's XML without its data validations: values, styles and merges stay as they are. */
export function withoutDataValidations(xml: string): string {
  return xml.replace(DATA_VALIDATIONS, '');
}
