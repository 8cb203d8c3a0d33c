import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** What exceljs's stream parsers (its xforms) offer. */
interface StreamXform {
  parseStream(stream: PassThrough): Promise<unknown>;
}

/** The members of exceljs 4.4's XLSX class that `xlsx.load` itself calls, part by part. */
interface XlsxInternals {
  parseRels(stream: PassThrough): Promise<unknown>;
  parseWorkbook(stream: PassThrough): Promise<Record<string, unknown>>;
  reconcile(model: Record<string, unknown>, options: object): void;
  _processWorksheetEntry(
    stream: PassThrough,
    model: object,
    sheetNo: string,
    options: object,
    path: string,
  ): Promise<void>;
  _processWorksheetRelsEntry(stream: PassThrough, model: object, sheetNo: string): Promise<void>;
  _processThemeEntry(stream: PassThrough, model: object, name: string): Promise<void>;
  _processMediaEntry(stream: PassThrough, model: object, name: string): Promise<void>;
  _processDrawingEntry(stream: PassThrough, model: object, name: string): Promise<void>;
  _processCommentEntry(stream: PassThrough, model: object, name: string): Promise<void>;
  _processTableEntry(stream: PassThrough, model: object, name: string): Promise<void>;
  _processDrawingRelsEntry(stream: PassThrough, model: object, name: string): Promise<void>;
  _processVmlDrawingEntry(stream: PassThrough, model: object, name: string): Promise<void>;
}

const require = createRequire(import.meta.url);
const xform = (file: string) => require(`exceljs/lib/xlsx/xform/${file}`) as new () => StreamXform;
const SharedStringsXform = xform('strings/shared-strings-xform.js');
const StylesXform = xform('style/styles-xform.js');
const AppXform = xform('core/app-xform.js');
const CoreXform = xform('core/core-xform.js');

/** Parts at these paths are binary (media) or read whole (themes); every other part is text. */
const BINARY_PART = /xl\/media\/|xl\/theme\/([a-zA-Z0-9]+)[.]xml/;
const CHUNK = 16 * 1024;

/**
 * exceljs 4.4's `xlsx.load`, given the package's parts already inflated (in zip order) instead of
 * the zip: the same parsers, called in the same order with the same streams, so the workbook is
 * the one `xlsx.load` builds. What it saves is JSZip's inflation in JavaScript (zlib does it, once,
 * for the size gate and the parse together). Pinned to exceljs 4.4: a parity test compares both.
 */
export async function loadWorkbookFromParts(parts: ReadonlyMap<string, Buffer | string>): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const xlsx = workbook.xlsx as unknown as XlsxInternals;
  const model: Record<string, unknown> = {
    worksheets: [],
    worksheetHash: {},
    worksheetRels: [],
    themes: {},
    media: [],
    mediaIndex: {},
    drawings: {},
    drawingRels: {},
    comments: {},
    tables: {},
    vmlDrawings: {},
  };
  for (const [name, content] of parts) {
    if (name.endsWith('/')) continue;
    const entryName = name.startsWith('/') ? name.slice(1) : name;
    await loadPart(xlsx, model, entryName, streamOf(entryName, content));
  }
  xlsx.reconcile(model, {});
  (workbook as unknown as { model: unknown }).model = model;
  return workbook;
}

function streamOf(entryName: string, content: Buffer | string): PassThrough {
  let stream: PassThrough;
  if (BINARY_PART.test(entryName)) {
    stream = new PassThrough();
    stream.write(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  } else {
    stream = new PassThrough({ writableObjectMode: true, readableObjectMode: true });
    const text = typeof content === 'string' ? content : content.toString('utf8');
    for (let i = 0; i < text.length; i += CHUNK) stream.write(text.substring(i, i + CHUNK));
  }
  stream.end();
  return stream;
}

/** The switch of exceljs 4.4's `xlsx.load`, case for case. */
async function loadPart(
  xlsx: XlsxInternals,
  model: Record<string, unknown>,
  entryName: string,
  stream: PassThrough,
): Promise<void> {
  switch (entryName) {
    case '_rels/.rels':
      model.globalRels = await xlsx.parseRels(stream);
      return;
    case 'xl/workbook.xml': {
      const { sheets, definedNames, views, properties, calcProperties } = await xlsx.parseWorkbook(stream);
      Object.assign(model, { sheets, definedNames, views, properties, calcProperties });
      return;
    }
    case 'xl/_rels/workbook.xml.rels':
      model.workbookRels = await xlsx.parseRels(stream);
      return;
    case 'xl/sharedStrings.xml':
      model.sharedStrings = new SharedStringsXform();
      await (model.sharedStrings as StreamXform).parseStream(stream);
      return;
    case 'xl/styles.xml':
      model.styles = new StylesXform();
      await (model.styles as StreamXform).parseStream(stream);
      return;
    case 'docProps/app.xml': {
      const app = (await new AppXform().parseStream(stream)) as { company?: unknown; manager?: unknown };
      model.company = app.company;
      model.manager = app.manager;
      return;
    }
    case 'docProps/core.xml':
      Object.assign(model, await new CoreXform().parseStream(stream));
      return;
  }
  const byPattern: [RegExp, (no: string) => Promise<void>][] = [
    [/xl\/worksheets\/sheet(\d+)[.]xml/, (no) => xlsx._processWorksheetEntry(stream, model, no, {}, entryName)],
    [/xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/, (no) => xlsx._processWorksheetRelsEntry(stream, model, no)],
    [/xl\/theme\/([a-zA-Z0-9]+)[.]xml/, (name) => xlsx._processThemeEntry(stream, model, name)],
    [/xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/, (name) => xlsx._processMediaEntry(stream, model, name)],
    [/xl\/drawings\/([a-zA-Z0-9]+)[.]xml/, (name) => xlsx._processDrawingEntry(stream, model, name)],
    [/xl\/(comments\d+)[.]xml/, (name) => xlsx._processCommentEntry(stream, model, name)],
    [/xl\/tables\/(table\d+)[.]xml/, (name) => xlsx._processTableEntry(stream, model, name)],
    [/xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/, (name) => xlsx._processDrawingRelsEntry(stream, model, name)],
    [/xl\/drawings\/(vmlDrawing\d+)[.]vml/, (name) => xlsx._processVmlDrawingEntry(stream, model, name)],
  ];
  for (const [pattern, load] of byPattern) {
    const match = pattern.exec(entryName);
    if (match?.[1] !== undefined) return load(match[1]);
  }
}
