import JSZip from 'jszip';
import { partTextOrNull, worksheetParts } from './xlsx-package.js';

/** Parts exceljs drops on save, each a thing the unit would lose, with its Vietnamese name. */
const DROPPED_PARTS: readonly { readonly prefix: string; readonly what: string }[] = [
  { prefix: 'xl/pivotTables/', what: 'bảng tổng hợp (PivotTable)' },
  { prefix: 'xl/vbaProject.bin', what: 'macro (VBA)' },
  { prefix: 'xl/charts/', what: 'biểu đồ' },
  { prefix: 'xl/slicers/', what: 'bộ lọc slicer' },
  { prefix: 'xl/externalLinks/', what: 'liên kết tới tệp khác' },
];

/**
 * Why the workbook must not be saved back through exceljs (it would drop parts the unit made),
 * as a Vietnamese phrase such as "bảng tổng hợp (PivotTable), biểu đồ"; undefined when saving is safe.
 */
export async function partsLostOnRewrite(original: Buffer): Promise<string | undefined> {
  const zip = await JSZip.loadAsync(original);
  const names = Object.keys(zip.files);
  const lost = DROPPED_PARTS.filter(({ prefix }) => names.some((name) => name.startsWith(prefix))).map(
    ({ what }) => what,
  );
  return lost.length > 0 ? lost.join(', ') : undefined;
}

/**
 * Puts back into the package exceljs saved what it rewrites differently from the original:
 * the spelling of the 1904 date flag (`date1904="true"` stays "true", absent stays absent); and
 * fixes exceljs writing <pageSetUpPr> before <outlinePr> in <sheetPr> (the schema wants it after:
 * Excel offers to repair such a file), which happens when a sheet both fits to page and has outline settings.
 */
export async function restoreFromOriginal(original: Buffer, saved: Buffer): Promise<Buffer> {
  const flag = date1904Of((await partTextOrNull(await JSZip.loadAsync(original), 'xl/workbook.xml')) ?? '');
  const zip = await JSZip.loadAsync(saved);
  let changed = false;
  const workbookXml = await partTextOrNull(zip, 'xl/workbook.xml');
  if (workbookXml !== null && date1904Of(workbookXml) !== flag) {
    const withoutFlag = workbookXml.replace(/(<(?:\w+:)?workbookPr\b[^>]*?)\s+date1904="[^"]*"/, '$1');
    zip.file(
      'xl/workbook.xml',
      flag === undefined ? withoutFlag : withoutFlag.replace(/<((?:\w+:)?workbookPr)\b/, `<$1 date1904="${flag}"`),
    );
    changed = true;
  }
  for (const sheet of await worksheetParts(zip)) {
    const xml = await partTextOrNull(zip, sheet.path);
    const ordered = xml === null ? null : xml.replace(/(<pageSetUpPr\b[^>]*\/>)(<outlinePr\b[^>]*\/>)/, '$2$1');
    if (xml !== null && ordered !== null && ordered !== xml) {
      zip.file(sheet.path, ordered);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) : saved;
}

function date1904Of(workbookXml: string): string | undefined {
  return /<(?:\w+:)?workbookPr\b[^>]*?\sdate1904="([^"]*)"/.exec(workbookXml)?.[1];
}
