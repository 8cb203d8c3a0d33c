import path from 'node:path';
import JSZip from 'jszip';
import { elementsNamed } from './xlsx-chart-xml.js';
import { partTextOrNull, relsPathOf, resolveTarget, worksheetParts } from './xlsx-package.js';

/**
 * Rewrites what other programs legitimately put in an .xlsx package into the spelling exceljs
 * understands, before exceljs reads it:
 * - xsd:boolean attributes written `true`/`false` (LibreOffice: `date1904="true"`, `fitToPage="true"`,
 *   `hidden="true"`, `wrapText="true"` …) become `1`/`0`; exceljs compares with '1' only, so it read
 *   a 1904 workbook's dates 1,462 days early and dropped those settings on save;
 * - comment (note) parts and their VML drawings stored elsewhere than `xl/commentsN.xml` and
 *   `xl/drawings/vmlDrawingN.vml` (openpyxl: `/xl/comments/comment1.xml`) are moved there, with
 *   relative targets: exceljs looks comments up by that exact target and crashes otherwise.
 * The cells themselves are not touched. Bytes that are not a zip come back as they are.
 */
export async function normalizeForExceljs(bytes: Buffer): Promise<Buffer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes;
  }
  let changed = false;
  const sheets = await worksheetParts(zip).catch(() => []);
  for (const part of ['xl/workbook.xml', 'xl/styles.xml', ...sheets.map((sheet) => sheet.path)]) {
    const xml = await partTextOrNull(zip, part);
    if (xml === null) continue;
    const fixed = withNumericBooleans(xml);
    if (fixed !== xml) {
      zip.file(part, fixed);
      changed = true;
    }
  }
  for (const sheet of sheets) changed = (await moveCommentParts(zip, sheet.path)) || changed;
  return changed ? zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) : bytes;
}

/** Attributes whose value is free text, where "true" is just a word. */
const TEXT_ATTRIBUTES = new Set([
  'name',
  'prompt',
  'promptTitle',
  'error',
  'errorTitle',
  'display',
  'tooltip',
  'location',
  'text',
  'formatCode',
  'val',
]);

/** `attr="true"` → `attr="1"`, `attr="false"` → `attr="0"`, except free-text attributes. */
export function withNumericBooleans(xml: string): string {
  return xml.replace(/(\s)([\w:]+)="(true|false)"/g, (whole, space: string, name: string, value: string) =>
    TEXT_ATTRIBUTES.has(name.replace(/^\w+:/, '')) ? whole : `${space}${name}="${value === 'true' ? '1' : '0'}"`,
  );
}

/** A part's text by path, or undefined when the package has no such part. */
export type PartTexts = (partPath: string) => string | undefined;

/**
 * Whether `normalizeForExceljs` would change anything in a package whose parts are already
 * inflated: a boolean attribute to respell, or a comment or VML part away from its canonical name.
 */
export function needsNormalizing(sheetPaths: readonly string[], textOf: PartTexts): boolean {
  for (const part of ['xl/workbook.xml', 'xl/styles.xml', ...sheetPaths]) {
    const xml = textOf(part);
    if (xml !== undefined && WORD_BOOLEAN.test(xml) && withNumericBooleans(xml) !== xml) return true;
  }
  return sheetPaths.some((sheetPath) => {
    const rels = textOf(relsPathOf(sheetPath));
    if (rels === undefined || path.posix.dirname(sheetPath) !== 'xl/worksheets') return false;
    return elementsNamed(rels, 'Relationship').some((rel) => {
      const type = rel.get('Type') ?? '';
      const target = rel.get('Target');
      const kind = COMMENTS_TYPE.test(type) ? COMMENT_PART : VML_TYPE.test(type) ? VML_PART : undefined;
      return kind !== undefined && target !== undefined && !isCanonical(kind, sheetPath, target);
    });
  });
}

/** A quick look before the full rewrite: most parts hold no word boolean at all. */
const WORD_BOOLEAN = /="(?:true|false)"/;

function isCanonical(kind: typeof COMMENT_PART, sheetPath: string, target: string): boolean {
  const from = resolveTarget(sheetPath, target);
  return kind.canonical.test(from) && target === `../${path.posix.relative('xl', from)}`;
}

const COMMENTS_TYPE = /\/relationships\/comments$/;
const VML_TYPE = /\/relationships\/vmlDrawing$/;

/** Moves one sheet's comments and VML parts to the names exceljs expects; true when something moved. */
async function moveCommentParts(zip: JSZip, sheetPath: string): Promise<boolean> {
  const relsPath = relsPathOf(sheetPath);
  let rels = await partTextOrNull(zip, relsPath);
  if (rels === null || path.posix.dirname(sheetPath) !== 'xl/worksheets') return false;
  let moved = false;
  for (const rel of elementsNamed(rels, 'Relationship')) {
    const type = rel.get('Type') ?? '';
    const target = rel.get('Target');
    const kind = COMMENTS_TYPE.test(type) ? COMMENT_PART : VML_TYPE.test(type) ? VML_PART : undefined;
    if (!kind || !target) continue;
    if (isCanonical(kind, sheetPath, target)) continue;
    const from = resolveTarget(sheetPath, target);
    const file = zip.file(from);
    if (!file) continue;
    const to = kind.canonical.test(from) ? from : freeName(zip, kind.prefix, kind.extension);
    if (to !== from) {
      zip.file(to, await file.async('uint8array'));
      zip.remove(from);
      await renameContentType(zip, from, to);
    }
    rels = rels.replace(`Target="${target}"`, `Target="../${path.posix.relative('xl', to)}"`);
    moved = true;
  }
  if (moved) zip.file(relsPath, rels);
  return moved;
}

const COMMENT_PART = { canonical: /^xl\/comments\d+\.xml$/, prefix: 'xl/comments', extension: '.xml' };
const VML_PART = {
  canonical: /^xl\/drawings\/vmlDrawing\d+\.vml$/,
  prefix: 'xl/drawings/vmlDrawing',
  extension: '.vml',
};

function freeName(zip: JSZip, prefix: string, extension: string): string {
  let n = 1;
  while (zip.file(`${prefix}${n}${extension}`)) n++;
  return `${prefix}${n}${extension}`;
}

async function renameContentType(zip: JSZip, from: string, to: string): Promise<void> {
  const types = await partTextOrNull(zip, '[Content_Types].xml');
  if (types !== null) zip.file('[Content_Types].xml', types.replace(`PartName="/${from}"`, `PartName="/${to}"`));
}
