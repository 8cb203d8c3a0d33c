import JSZip from 'jszip';
import { worksheetParts } from './xlsx-package.js';

/** The least XML a non-empty row takes (`<row r="1"><c r="A1"><v>1</v></c></row>`): a smaller part cannot exceed the limit. */
const MIN_ROW_XML_BYTES = 30;

/**
 * Tabs of an .xlsx holding more rows than `limit`, found from the package's XML without parsing
 * the workbook (a 100,000-row sheet would take hundreds of MB as cells). Only worksheet parts
 * large enough to exceed the limit are inflated; their row count is the `<dimension>` they
 * declare, or their `<row>` elements. An unreadable package gives [] (the workbook reader says why).
 */
export async function tabsOverRowLimit(bytes: Buffer, limit: number): Promise<{ tab: string; rows: number }[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return [];
  }
  const over: { tab: string; rows: number }[] = [];
  for (const { name, path } of await worksheetParts(zip).catch(() => [])) {
    const part = zip.file(path);
    const size = (part as unknown as { _data?: { uncompressedSize?: number } } | null)?._data?.uncompressedSize;
    if (!part || (size !== undefined && size < limit * MIN_ROW_XML_BYTES)) continue;
    const rows = rowCount(await part.async('string'));
    if (rows > limit) over.push({ tab: name, rows });
  }
  return over;
}

function rowCount(sheetXml: string): number {
  const declared = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(sheetXml)?.[1];
  if (declared !== undefined) return Number(declared);
  return sheetXml.match(/<(?:\w+:)?row[\s>]/g)?.length ?? 0;
}
