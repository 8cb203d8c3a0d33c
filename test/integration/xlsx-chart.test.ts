import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { addBarCharts, type XlsxBarChart } from '../../functions/src/adapters/workbook/xlsx-chart.js';
import { useTempDir } from '../support/builders.js';

const OVERVIEW = 'Tổng quan';
const ROWS: [string, number, number][] = [
  ['Phường 1', 1, 0.9],
  ['Phường 2', 0.85, 0.6],
  ['Xã Tân Hòa & Bình', 0.5, 0.25],
  ['Xã Phú Mỹ', 0.75, 0.75],
  ['Thị trấn <Chợ Mới>', 0.4, 0.1],
  ["Đoàn trường 'THPT'", 0.95, 0.8],
];

const CHART: XlsxBarChart = {
  sheetName: OVERVIEW,
  title: 'Tỉ lệ nộp báo cáo & đúng hạn',
  categories: { firstRow: 2, lastRow: 7, column: 1 },
  series: [
    { name: 'Đã nộp', firstRow: 2, lastRow: 7, column: 2 },
    { name: 'Đúng hạn <7 ngày>', firstRow: 2, lastRow: 7, column: 3 },
  ],
  anchor: { fromColumn: 4, fromRow: 1, toColumn: 12, toRow: 20 },
  percent: true,
};

/** 'Tổng quan' carries what exceljs writes in real summaries: a table (sheet rels), a data bar (nested extLst), page setup. */
async function buildWorkbook(options: { imageOnOverview?: boolean; overviewFirst?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const addOther = () =>
    workbook.addWorksheet('Chi tiết').addRows([
      ['Mã', 'Ghi chú'],
      ['U01', 'đủ'],
    ]);
  if (!options.overviewFirst) addOther();
  const sheet = workbook.addWorksheet(OVERVIEW);
  sheet.addRow(['Đơn vị', 'Đã nộp', 'Đúng hạn']);
  sheet.addRows(ROWS);
  sheet.getColumn(2).numFmt = '0%';
  sheet.getColumn(3).numFmt = '0%';
  sheet.addConditionalFormatting({
    ref: 'B2:B7',
    rules: [
      {
        type: 'dataBar',
        priority: 1,
        cfvo: [{ type: 'min' }, { type: 'max' }],
        color: { argb: 'FF638EC6' },
      } as ExcelJS.DataBarRuleType,
    ],
  });
  sheet.addTable({ name: 'GhiChu', ref: 'N1', columns: [{ name: 'Ghi chú' }], rows: [['x']] });
  sheet.pageSetup.orientation = 'landscape';
  sheet.headerFooter.oddFooter = 'Trang &P';
  if (options.imageOnOverview) {
    // 1×1 PNG: makes exceljs write a drawing the charts must share (one <drawing> per sheet).
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    );
    sheet.addImage(workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'P2:Q3');
  }
  if (options.overviewFirst) addOther();
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function partOf(zip: JSZip, name: string): Promise<string> {
  const text = await zip.file(name)?.async('string');
  if (text === undefined) throw new Error(`part ${name} missing; parts: ${Object.keys(zip.files).join(', ')}`);
  return text;
}

/** A small well-formedness check: tag balance, one root, attribute syntax, entities, declared prefixes. */
function xmlProblem(xml: string): string | null {
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|[^<]+/g;
  const badEntity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const open: { name: string; prefixes: Set<string> }[] = [];
  let roots = 0;
  for (const match of xml.replace(/^\uFEFF/, '').matchAll(token)) {
    const [text, closing, name, attributeText = '', selfClosing] = match;
    if (text === '<') return `stray '<' at ${match.index}`;
    if (name === undefined) {
      if (text.startsWith('<')) continue;
      if (open.length === 0 && text.trim() !== '') return `text outside the root at ${match.index}`;
      if (badEntity.test(text)) return `bad entity in text at ${match.index}`;
      continue;
    }
    if (closing) {
      if (attributeText || selfClosing || open.pop()?.name !== name) return `mismatched </${name}> at ${match.index}`;
      continue;
    }
    const attributes = [...attributeText.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)];
    const names = attributes.map((a) => a[1] ?? '');
    if (new Set(names).size !== names.length) return `duplicate attribute on <${name}>`;
    if (attributes.some((a) => badEntity.test(a[2] ?? a[3] ?? ''))) return `bad entity in an attribute of <${name}>`;
    const prefixes = new Set([
      ...(open.at(-1)?.prefixes ?? []),
      'xml',
      ...names.filter((n) => n.startsWith('xmlns:')).map((n) => n.slice(6)),
    ]);
    const undeclared = [name, ...names.filter((n) => !n.startsWith('xmlns:'))].find(
      (n) => n.includes(':') && !prefixes.has(n.split(':')[0] ?? ''),
    );
    if (undeclared) return `undeclared prefix in '${undeclared}' on <${name}>`;
    if (open.length === 0 && ++roots > 1) return `second root <${name}>`;
    if (!selfClosing) open.push({ name, prefixes });
  }
  return open.length > 0 ? `unclosed <${open.at(-1)?.name}>` : roots === 1 ? null : 'no root element';
}

function findBinary(...names: string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return names.flatMap((name) => dirs.map((dir) => path.join(dir, name))).find((file) => existsSync(file));
}

describe('addBarCharts (native Excel column chart on an exceljs workbook)', () => {
  const dir = useTempDir('xlsx-chart');
  let original: Buffer;
  let withChart: Buffer;
  let zip: JSZip;

  beforeAll(async () => {
    original = await buildWorkbook();
    withChart = await addBarCharts(original, [CHART]);
    zip = await JSZip.loadAsync(withChart);
  });

  it('leaves the workbook loadable by exceljs with every cell unchanged', async () => {
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(original as unknown as ArrayBuffer);
    const after = new ExcelJS.Workbook();
    await after.xlsx.load(withChart as unknown as ArrayBuffer);
    expect(after.worksheets.map((sheet) => sheet.name)).toEqual(['Chi tiết', OVERVIEW]);
    const values = (workbook: ExcelJS.Workbook) =>
      workbook.worksheets.map((sheet) =>
        sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : row)),
      );
    expect(values(after)).toEqual(values(before));
    expect(after.getWorksheet(OVERVIEW)?.getCell('A4').value).toBe('Xã Tân Hòa & Bình');
    expect(after.getWorksheet(OVERVIEW)?.getCell('C3').value).toBe(0.6);
  });

  it('writes a clustered column chart over the sheet ranges, with cached values', async () => {
    // 'Tổng quan' is the second sheet: exceljs names it sheet2.xml, found through workbook.xml + rels.
    const chart = await partOf(zip, 'xl/charts/chart1.xml');
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain("<c:f>'Tổng quan'!$A$2:$A$7</c:f>");
    expect(chart).toContain("<c:f>'Tổng quan'!$B$2:$B$7</c:f>");
    expect(chart).toContain("<c:f>'Tổng quan'!$C$2:$C$7</c:f>");
    expect(chart.match(/<c:ser>/g)).toHaveLength(2);
    expect(chart).toContain('<c:tx><c:v>Đúng hạn &lt;7 ngày&gt;</c:v></c:tx>');
    expect(chart).toContain('<a:t>Tỉ lệ nộp báo cáo &amp; đúng hạn</a:t>');
    expect(chart).toContain('<c:pt idx="2"><c:v>Xã Tân Hòa &amp; Bình</c:v></c:pt>');
    expect(chart).toContain('<c:pt idx="4"><c:v>Thị trấn &lt;Chợ Mới&gt;</c:v></c:pt>');
    expect(chart).toContain('<c:pt idx="1"><c:v>0.85</c:v></c:pt>');
    expect(chart).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
  });

  it('links sheet → drawing → chart and declares both content types', async () => {
    const drawing = await partOf(zip, 'xl/drawings/drawing1.xml');
    expect(drawing).toMatch(/<xdr:from><xdr:col>4<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>1<\/xdr:row>/);
    expect(drawing).toContain('r:id="rId1"');
    expect(await partOf(zip, 'xl/drawings/_rels/drawing1.xml.rels')).toMatch(
      /Id="rId1" Type="[^"]*\/relationships\/chart" Target="..\/charts\/chart1.xml"/,
    );
    const sheetRels = await partOf(zip, 'xl/worksheets/_rels/sheet2.xml.rels');
    expect(sheetRels).toContain('/relationships/table'); // exceljs' own relationship is kept
    expect(sheetRels).toMatch(/Id="rId2" Type="[^"]*\/relationships\/drawing" Target="..\/drawings\/drawing1.xml"/);
    const types = await partOf(zip, '[Content_Types].xml');
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(await partOf(zip, 'xl/worksheets/sheet1.xml')).not.toContain('<drawing');
  });

  it('puts <drawing r:id> where CT_Worksheet wants it: after page setup, before tableParts and the sheet extLst', async () => {
    const sheet = await partOf(zip, 'xl/worksheets/sheet2.xml');
    expect(sheet).toContain('<drawing r:id="rId2"/>');
    expect(sheet).toMatch(/<\/headerFooter><drawing r:id="rId2"\/><tableParts /);
    expect(sheet.indexOf('<drawing')).toBeGreaterThan(sheet.indexOf('</conditionalFormatting>'));
  });

  it('writes well-formed XML parts, and LibreOffice (when installed) reads the chart back from the cells', async () => {
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
      expect({ name, problem: xmlProblem(await partOf(zip, name)) }).toEqual({ name, problem: null });
    }
    expect(xmlProblem('<a><b></a></b>')).not.toBeNull(); // the checker itself rejects broken XML
    expect(xmlProblem('<a><x:b/></a>')).not.toBeNull();

    const soffice = findBinary('soffice', 'libreoffice');
    if (!soffice) return; // not installed here: the XML checks above are the whole verification
    await writeFile(path.join(dir(), 'tong-quan.xlsx'), withChart);
    const convert = (format: string, outDir: string) =>
      promisify(execFile)(
        soffice,
        [
          `-env:UserInstallation=file://${path.join(dir(), 'profile')}`,
          '--headless',
          '--convert-to',
          format,
          '--outdir',
          outDir,
          path.join(dir(), 'tong-quan.xlsx'),
        ],
        { timeout: 120_000 },
      );
    await convert('pdf', dir());
    expect((await readFile(path.join(dir(), 'tong-quan.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    // Round trip: LibreOffice only re-exports a chart it imported, with caches it computed from the cells.
    await convert('xlsx', path.join(dir(), 'roundtrip'));
    const roundTrip = await JSZip.loadAsync(await readFile(path.join(dir(), 'roundtrip', 'tong-quan.xlsx')));
    const charts = Object.keys(roundTrip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(1);
    const chart = (await partOf(roundTrip, charts[0] ?? '')).replaceAll('&apos;', "'"); // LibreOffice escapes ' in text
    expect(chart).toMatch(/<c:barDir val="col"\/>/);
    expect(chart).toContain("'Tổng quan'!$A$2:$A$7");
    expect(chart).toContain('Phường 2');
    expect(chart).toContain('Đúng hạn &lt;7 ngày&gt;');
  }, 240_000);

  it('shares the drawing exceljs wrote for an image and stacks several charts on it', async () => {
    const source = await buildWorkbook({ imageOnOverview: true, overviewFirst: true });
    const second: XlsxBarChart = {
      ...CHART,
      title: 'Chỉ đã nộp',
      series: CHART.series.slice(0, 1),
      anchor: { fromColumn: 4, fromRow: 22, toColumn: 12, toRow: 40 },
      percent: false,
    };
    const result = await JSZip.loadAsync(await addBarCharts(source, [CHART, second]));
    const sheet = await partOf(result, 'xl/worksheets/sheet1.xml');
    expect(sheet.match(/<drawing /g)).toHaveLength(1);
    const drawing = await partOf(result, 'xl/drawings/drawing1.xml');
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(3); // the picture + two charts
    expect(drawing).toContain('<xdr:pic>');
    expect([...drawing.matchAll(/cNvPr id="(\d+)"/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['2', '3']));
    const rels = await partOf(result, 'xl/drawings/_rels/drawing1.xml.rels');
    expect(rels).toContain('/relationships/image');
    expect(rels).toContain('Target="../charts/chart1.xml"');
    expect(rels).toContain('Target="../charts/chart2.xml"');
    expect(await partOf(result, 'xl/charts/chart2.xml')).toContain('<c:numFmt formatCode="General" sourceLinked="1"/>');
    for (const name of Object.keys(result.files).filter((n) => /\.(xml|rels)$/.test(n))) {
      expect({ name, problem: xmlProblem(await partOf(result, name)) }).toEqual({ name, problem: null });
    }
    const reloaded = new ExcelJS.Workbook();
    await reloaded.xlsx.load((await result.generateAsync({ type: 'nodebuffer' })) as unknown as ArrayBuffer);
    expect(reloaded.getWorksheet(OVERVIEW)?.getImages()).toHaveLength(1);
  });

  it('rejects an unknown sheet and empty series', async () => {
    await expect(addBarCharts(original, [{ ...CHART, sheetName: 'Không có' }])).rejects.toThrow(
      /no sheet named 'Không có'/,
    );
    await expect(addBarCharts(original, [{ ...CHART, series: [] }])).rejects.toThrow(RangeError);
  });
});
