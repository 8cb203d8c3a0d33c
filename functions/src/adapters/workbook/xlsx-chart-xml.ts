/**
 * Text-level XML helpers and the templates of the OOXML parts written by `addBarCharts`
 * (xlsx-chart.ts). The parts are small and fixed-shape, so string templates are clearer
 * than pulling in a DOM library; everything interpolated goes through `escapeXml`.
 */
import { columnLetter } from '../../domain/sheets/a1.js';

export const NS = {
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  drawingMain: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  sheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  officeRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  packageRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

export const REL_TYPE = {
  chart: `${NS.officeRel}/chart`,
  drawing: `${NS.officeRel}/drawing`,
  sharedStrings: `${NS.officeRel}/sharedStrings`,
} as const;

export const CONTENT_TYPE = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
} as const;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Safe in text and in double-quoted attributes; `'` stays literal so formulas read as Excel writes them. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[ch]};`);
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity[0] === '#')
      return String.fromCodePoint(
        Number(entity[1] === 'x' || entity[1] === 'X' ? `0${entity.slice(1)}` : entity.slice(1)),
      );
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity.toLowerCase()] ?? '';
  });
}

/** Attributes of one start tag's attribute text (` a="1" r:id='x'`), values unescaped. */
export function attributesOf(attributeText: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of attributeText.matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1] ?? '', unescapeXml(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

/** Elements matching `<prefix:name …>` anywhere in `xml`, as attribute maps (for rels, sheets, overrides). */
export function elementsNamed(xml: string, localName: string): Map<string, string>[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${localName}(\\s(?:[^>"']|"[^"]*"|'[^']*')*)?/?>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => attributesOf(match[1] ?? ''));
}

export interface XmlChild {
  localName: string;
  start: number;
  attributes: Map<string, string>;
}

/**
 * Direct children of the root element, in document order. Tracks nesting depth so that a
 * nested element (e.g. a cfRule's own `<extLst>`) is not mistaken for a worksheet-level one.
 */
export function rootChildren(xml: string): { children: XmlChild[]; rootCloseAt: number } {
  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][\s\S]*?>|<(\/?)([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  const children: XmlChild[] = [];
  let depth = 0;
  let rootCloseAt = -1;
  for (const match of xml.matchAll(token)) {
    const [, closing, name, attributeText, selfClosing] = match;
    if (name === undefined) continue; // comment, CDATA, declaration or processing instruction
    if (closing) {
      depth--;
      if (depth === 0) rootCloseAt = match.index;
      continue;
    }
    if (depth === 1)
      children.push({
        localName: name.replace(/^.*:/, ''),
        start: match.index,
        attributes: attributesOf(attributeText ?? ''),
      });
    if (!selfClosing) depth++;
  }
  return { children, rootCloseAt };
}

/** Inserts `fragment` just before the root element's closing tag (`</Relationships>`, `</Types>`, `</xdr:wsDr>`). */
export function appendToRoot(xml: string, fragment: string): string {
  const { rootCloseAt } = rootChildren(xml);
  if (rootCloseAt < 0) throw new Error('XML part has no closing root tag');
  return xml.slice(0, rootCloseAt) + fragment + xml.slice(rootCloseAt);
}

/** The shared string table (`xl/sharedStrings.xml`) as plain strings, by index. */
export function readSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((si) =>
    // Concatenate the runs of rich text; phonetic hints (<rPh>) are not part of the value.
    [...(si[1] ?? '').replace(/<rPh[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)]
      .map((t) => unescapeXml(t[1] ?? ''))
      .join(''),
  );
}

/** Cell values by reference ("B7") for the chart caches; errors and empty cells are left out. */
export function readCells(sheetXml: string, sharedStrings: readonly string[]): Map<string, string | number> {
  const cells = new Map<string, string | number>();
  const sheetData = /<sheetData[\s\S]*?<\/sheetData>/.exec(sheetXml)?.[0] ?? '';
  for (const match of sheetData.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attributes = attributesOf(match[1] ?? '');
    const ref = attributes.get('r');
    const body = match[2] ?? '';
    const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const type = attributes.get('t') ?? 'n';
    if (!ref) continue;
    if (type === 'inlineStr')
      cells.set(
        ref,
        [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1] ?? '')).join(''),
      );
    else if (raw === undefined || type === 'e') continue;
    else if (type === 's') cells.set(ref, sharedStrings[Number(raw)] ?? '');
    else if (type === 'n' && raw.trim() !== '' && Number.isFinite(Number(raw))) cells.set(ref, Number(raw));
    else cells.set(ref, unescapeXml(raw));
  }
  return cells;
}

/** Absolute range formula of a 1-based column (exceljs counts from 1); the sheet name is always quoted (spaces, diacritics) with `'` doubled. */
export function rangeFormula(sheetName: string, column: number, firstRow: number, lastRow: number): string {
  const col = `$${columnLetter(column - 1)}$`;
  return `'${sheetName.replace(/'/g, "''")}'!${col}${firstRow}:${col}${lastRow}`;
}

// ---- part templates ------------------------------------------------------------------

export function relationshipXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${escapeXml(id)}" Type="${type}" Target="${escapeXml(target)}"/>`;
}

export function relationshipsXml(relationships: string): string {
  return `${XML_DECLARATION}<Relationships xmlns="${NS.packageRel}">${relationships}</Relationships>`;
}

export function emptyDrawingXml(): string {
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS.sheetDrawing}" xmlns:a="${NS.drawingMain}"></xdr:wsDr>`;
}

export interface CellAnchor {
  fromColumn: number;
  fromRow: number;
  toColumn: number;
  toRow: number;
}

/**
 * One chart frame. Namespaces are declared on the frame itself so the anchor can be
 * appended to a drawing exceljs already wrote for images, whatever prefixes that declares.
 */
export function chartAnchorXml(anchor: CellAnchor, frameId: number, chartRelId: string): string {
  const marker = (tag: string, column: number, row: number) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<xdr:twoCellAnchor>' +
    marker('from', anchor.fromColumn, anchor.fromRow) +
    marker('to', anchor.toColumn, anchor.toRow) +
    `<xdr:graphicFrame macro="" xmlns:a="${NS.drawingMain}">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${frameId}" name="Chart ${frameId}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.chart}">` +
    `<c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.officeRel}" r:id="${escapeXml(chartRelId)}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

export interface BarChartModel {
  title: string;
  percent: boolean;
  categoryFormula: string;
  /** Cached labels, one per row of the range; undefined for an empty cell. */
  categories: (string | undefined)[];
  series: { name: string; formula: string; values: (number | undefined)[] }[];
}

// Ids linking the bar chart to its two axes; any pair of distinct integers works.
const CATEGORY_AXIS_ID = 500000001;
const VALUE_AXIS_ID = 500000002;

/** A `c:chartSpace` with one clustered column chart; element order follows the DrawingML chart schema. */
export function barChartXml(model: BarChartModel): string {
  const formatCode = model.percent ? '0%' : 'General';
  const points = <T>(values: (T | undefined)[], render: (value: T) => string) =>
    values
      .map((value, idx) => (value === undefined ? '' : `<c:pt idx="${idx}"><c:v>${render(value)}</c:v></c:pt>`))
      .join('');
  const series = model.series.map(
    (ser, idx) =>
      `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/>` +
      `<c:tx><c:v>${escapeXml(ser.name)}</c:v></c:tx><c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${escapeXml(model.categoryFormula)}</c:f><c:strCache><c:ptCount val="${model.categories.length}"/>` +
      `${points(model.categories, escapeXml)}</c:strCache></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeXml(ser.formula)}</c:f><c:numCache><c:formatCode>${formatCode}</c:formatCode>` +
      `<c:ptCount val="${ser.values.length}"/>${points(ser.values, String)}</c:numCache></c:numRef></c:val></c:ser>`,
  );
  // Completion rates cannot exceed 100%: pin the axis so Excel does not autoscale it to 120%.
  const valueScale = model.percent ? '<c:max val="1"/><c:min val="0"/>' : '';
  const valueFormat = model.percent
    ? '<c:numFmt formatCode="0%" sourceLinked="0"/>'
    : '<c:numFmt formatCode="General" sourceLinked="1"/>';
  const ticks = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.officeRel}">` +
    // Without this Excel draws the chart area with rounded corners.
    '<c:roundedCorners val="0"/><c:chart>' +
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="vi-VN" sz="1400" b="1"/><a:t>${escapeXml(model.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    series.join('') +
    `<c:gapWidth val="150"/><c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>${ticks}<c:crossAx val="${VALUE_AXIS_ID}"/>` +
    '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/>${valueScale}</c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/>${valueFormat}${ticks}<c:crossAx val="${CATEGORY_AXIS_ID}"/>` +
    '<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart></c:chartSpace>'
  );
}
