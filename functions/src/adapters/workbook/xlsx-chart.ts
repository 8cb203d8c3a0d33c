import path from 'node:path';
import JSZip from 'jszip';
import { columnLetter } from '../../domain/sheets/a1.js';
import { partText, partTextOrNull, relIdOf, relsPathOf, resolveTarget, worksheetParts } from './xlsx-package.js';
import {
  CONTENT_TYPE,
  REL_TYPE,
  appendToRoot,
  barChartXml,
  chartAnchorXml,
  elementsNamed,
  emptyDrawingXml,
  rangeFormula,
  readCells,
  readSharedStrings,
  relationshipXml,
  relationshipsXml,
  rootChildren,
  type BarChartModel,
  type CellAnchor,
} from './xlsx-chart-xml.js';

/** A native clustered column chart over cell ranges of one sheet. Rows and columns are 1-based. */
export interface XlsxBarChart {
  /** Sheet holding the data; the chart is drawn on the same sheet. */
  sheetName: string;
  title: string;
  categories: { firstRow: number; lastRow: number; column: number };
  series: { name: string; firstRow: number; lastRow: number; column: number }[];
  /** 0-based cells of the chart's top-left and bottom-right corners (a twoCellAnchor). */
  anchor: CellAnchor;
  /** Values are fractions 0..1: the value axis shows 0%–100%. */
  percent?: boolean;
}

/**
 * Adds native Excel bar charts to an .xlsx written by exceljs, which cannot write charts.
 * The package is edited at the part level: a chart part per chart, one drawing per sheet
 * (reusing the drawing exceljs wrote for images, since a sheet may have only one), the
 * relationships linking them, the worksheet's `<drawing>` element and content types.
 */
export async function addBarCharts(xlsx: Buffer, charts: readonly XlsxBarChart[]): Promise<Buffer> {
  if (charts.length === 0) return xlsx;
  charts.forEach(assertValidChart);
  const zip = await JSZip.loadAsync(xlsx);
  const workbook = await readWorkbook(zip);

  // A sheet has at most one drawing, so its charts are added together.
  const bySheet = new Map<SheetEntry, XlsxBarChart[]>();
  for (const chart of charts) {
    const sheet = workbook.sheets.find((candidate) => sameName(candidate.name, chart.sheetName));
    if (!sheet) throw new Error(`addBarCharts: no sheet named '${chart.sheetName}' in the workbook`);
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), chart]);
  }

  let contentTypes = await partText(zip, '[Content_Types].xml');
  for (const [sheet, sheetCharts] of bySheet) {
    contentTypes = await addChartsToSheet(
      zip,
      { sheetName: sheet.name, sheetPath: sheet.path, sharedStrings: workbook.sharedStrings },
      sheetCharts,
      contentTypes,
    );
  }
  zip.file('[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

interface SheetContext {
  /** The name exactly as the workbook spells it, used in formulas. */
  sheetName: string;
  sheetPath: string;
  sharedStrings: string[];
}

// CT_Worksheet children that must come after <drawing>; it goes before the first present one.
const AFTER_DRAWING = new Set([
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

/** Adds one sheet's charts; returns the updated [Content_Types].xml. */
async function addChartsToSheet(
  zip: JSZip,
  sheet: SheetContext,
  charts: readonly XlsxBarChart[],
  contentTypes: string,
): Promise<string> {
  let sheetXml = await partText(zip, sheet.sheetPath);
  const sheetRelsPath = relsPathOf(sheet.sheetPath);
  let sheetRels = await partTextOrNull(zip, sheetRelsPath);
  const cells = readCells(sheetXml, sheet.sharedStrings);

  const { children, rootCloseAt } = rootChildren(sheetXml);
  const existingDrawing = children.find((child) => child.localName === 'drawing');
  let drawingPath: string;
  if (existingDrawing) {
    const relId = relIdOf(existingDrawing.attributes);
    const target = elementsNamed(sheetRels ?? '', 'Relationship')
      .find((rel) => rel.get('Id') === relId)
      ?.get('Target');
    if (!target) throw new Error(`addBarCharts: sheet '${sheet.sheetName}' has a <drawing> without a relationship`);
    drawingPath = resolveTarget(sheet.sheetPath, target);
  } else {
    drawingPath = freePartName(zip, 'xl/drawings/drawing');
    const relId = freeRelId(sheetRels);
    sheetRels = appendRelationship(
      sheetRels,
      relationshipXml(relId, REL_TYPE.drawing, relativeTarget(sheet.sheetPath, drawingPath)),
    );
    const insertAt = children.find((child) => AFTER_DRAWING.has(child.localName))?.start ?? rootCloseAt;
    sheetXml = withRelationshipNamespace(
      `${sheetXml.slice(0, insertAt)}<drawing r:id="${relId}"/>${sheetXml.slice(insertAt)}`,
    );
    zip.file(sheetRelsPath, sheetRels);
    zip.file(sheet.sheetPath, sheetXml);
  }
  contentTypes = withOverride(contentTypes, drawingPath, CONTENT_TYPE.drawing);

  let drawingXml = (await partTextOrNull(zip, drawingPath)) ?? emptyDrawingXml();
  const drawingRelsPath = relsPathOf(drawingPath);
  let drawingRels = await partTextOrNull(zip, drawingRelsPath);
  // Shape ids must be unique within a drawing; continue after exceljs' picture ids.
  let frameId =
    Math.max(1, ...[...drawingXml.matchAll(/<(?:\w+:)?cNvPr\s[^>]*?\bid="(\d+)"/g)].map((match) => Number(match[1]))) +
    1;
  for (const chart of charts) {
    const chartPath = freePartName(zip, 'xl/charts/chart');
    zip.file(chartPath, barChartXml(chartModel(chart, sheet.sheetName, cells)));
    const relId = freeRelId(drawingRels);
    drawingRels = appendRelationship(
      drawingRels,
      relationshipXml(relId, REL_TYPE.chart, relativeTarget(drawingPath, chartPath)),
    );
    drawingXml = appendToRoot(drawingXml, chartAnchorXml(chart.anchor, frameId++, relId));
    contentTypes = withOverride(contentTypes, chartPath, CONTENT_TYPE.chart);
  }
  zip.file(drawingPath, drawingXml);
  if (drawingRels !== null) zip.file(drawingRelsPath, drawingRels);
  return contentTypes;
}

function chartModel(chart: XlsxBarChart, sheetName: string, cells: Map<string, string | number>): BarChartModel {
  const column = (range: { firstRow: number; lastRow: number; column: number }) =>
    Array.from({ length: range.lastRow - range.firstRow + 1 }, (_, i) =>
      cells.get(`${columnLetter(range.column - 1)}${range.firstRow + i}`),
    );
  const { categories } = chart;
  return {
    title: chart.title,
    percent: chart.percent ?? false,
    categoryFormula: rangeFormula(sheetName, categories.column, categories.firstRow, categories.lastRow),
    categories: column(categories).map((value) => (value === undefined ? undefined : String(value))),
    series: chart.series.map((ser) => ({
      name: ser.name,
      formula: rangeFormula(sheetName, ser.column, ser.firstRow, ser.lastRow),
      values: column(ser).map((value) => (typeof value === 'number' ? value : undefined)),
    })),
  };
}

// ---- workbook structure ----------------------------------------------------------------

interface SheetEntry {
  name: string;
  /** Worksheet part, e.g. `xl/worksheets/sheet2.xml`. */
  path: string;
}

interface WorkbookIndex {
  sheets: SheetEntry[];
  sharedStrings: string[];
}

/** Sheet name → worksheet part, and the shared strings (to read the chart's category labels). */
async function readWorkbook(zip: JSZip): Promise<WorkbookIndex> {
  const workbookPath = 'xl/workbook.xml';
  const rels = elementsNamed(await partText(zip, relsPathOf(workbookPath)), 'Relationship');
  const sharedStringsTarget = rels.find((rel) => rel.get('Type') === REL_TYPE.sharedStrings)?.get('Target');
  const sharedStringsXml = sharedStringsTarget
    ? await partTextOrNull(zip, resolveTarget(workbookPath, sharedStringsTarget))
    : null;
  return {
    sheets: await worksheetParts(zip),
    sharedStrings: sharedStringsXml ? readSharedStrings(sharedStringsXml) : [],
  };
}

// ---- package plumbing ----------------------------------------------------------------

function relativeTarget(sourcePart: string, targetPart: string): string {
  return path.posix.relative(path.posix.dirname(sourcePart), targetPart);
}

/** `prefix1.xml`, `prefix2.xml`, … the first name not yet in the package. */
function freePartName(zip: JSZip, prefix: string): string {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`)) n++;
  return `${prefix}${n}.xml`;
}

function freeRelId(relsXml: string | null): string {
  const taken = new Set(elementsNamed(relsXml ?? '', 'Relationship').map((rel) => rel.get('Id')));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function appendRelationship(relsXml: string | null, relationship: string): string {
  return relsXml === null ? relationshipsXml(relationship) : appendToRoot(relsXml, relationship);
}

function withOverride(contentTypes: string, partPath: string, contentType: string): string {
  const partName = `/${partPath}`;
  if (elementsNamed(contentTypes, 'Override').some((override) => override.get('PartName') === partName))
    return contentTypes;
  return appendToRoot(contentTypes, `<Override PartName="${partName}" ContentType="${contentType}"/>`);
}

/** exceljs declares xmlns:r on <worksheet>; other writers may not, and <drawing r:id> needs it. */
function withRelationshipNamespace(sheetXml: string): string {
  const root = /<(?:\w+:)?worksheet\b[^>]*>/.exec(sheetXml);
  if (!root || root[0].includes('xmlns:r=')) return sheetXml;
  const tag = root[0].replace(
    /\s*>$/,
    ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`,
  );
  return sheetXml.slice(0, root.index) + tag + sheetXml.slice(root.index + root[0].length);
}

/** Vietnamese names may arrive precomposed or decomposed (NFD, e.g. typed on macOS). */
function sameName(a: string, b: string): boolean {
  return a.normalize('NFC') === b.normalize('NFC');
}

function assertValidChart(chart: XlsxBarChart): void {
  const ranges = [chart.categories, ...chart.series];
  const bad = ranges.some(
    (r) =>
      !Number.isInteger(r.firstRow) ||
      !Number.isInteger(r.lastRow) ||
      !Number.isInteger(r.column) ||
      r.firstRow < 1 ||
      r.column < 1 ||
      r.lastRow < r.firstRow,
  );
  const { fromColumn, fromRow, toColumn, toRow } = chart.anchor;
  const badAnchor =
    ![fromColumn, fromRow, toColumn, toRow].every((n) => Number.isInteger(n) && n >= 0) ||
    toColumn < fromColumn ||
    toRow < fromRow;
  if (chart.series.length === 0 || bad || badAnchor)
    throw new RangeError(`addBarCharts: invalid ranges or anchor for chart '${chart.title}'`);
}
