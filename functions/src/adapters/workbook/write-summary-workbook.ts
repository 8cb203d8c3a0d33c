import path from 'node:path';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import {
  summaryTabLayout,
  tablesOf,
  type SummaryColumn,
  type SummaryModel,
  type SummaryTab,
  type SummaryTable,
} from '../../domain/summary/summary-model.js';
import {
  storableText,
  displayLength,
  looksLikeFormula,
  SUMMARY_NUM_FMT,
  TEXT_NUM_FMT,
  textContent,
  xlsxCellContent,
  type XlsxCellContent,
} from '../sheet-layout/summary-cells.js';
import {
  chartsPerRow,
  LINE_HEIGHT_POINTS,
  MIN_COLUMN_WIDTH,
  rowHeightFor,
  summaryColumnWidths,
} from '../sheet-layout/summary-print-layout.js';
import { CHART_ROWS, REFERENCE_TAB_COLOR, summaryPageSetup } from '../sheet-layout/summary-page-setup.js';
import { makePrivateDir, writePrivateFile } from '../private-files.js';
import { keepPrintCentring } from './streamed-print-options.js';
import { addBarCharts, type XlsxBarChart } from './xlsx-chart.js';

/**
 * The district summary (DESIGN "Data flow" step 7) as an .xlsx workbook: one tab per model tab,
 * title lines, a header row with a filter and frozen panes, typed columns, notes, bar charts.
 * Every text is written as a string cell with the text format, never as a formula (DESIGN "Security").
 */

/** Excel refuses longer tab names. */
const MAX_XLSX_TAB_LENGTH = 31;
/**
 * Marks the model hash kept in the workbook's keywords property. Its version changes with the way the
 * model is written (2: Vietnamese number formats; 3: print areas, reference tabs), so a summary whose data did not change is still rewritten once.
 */
export const SUMMARY_FINGERPRINT_PREFIX = 'tonghop-summary-3:';

/** Tabs wider than this also freeze their first column (the unit or form name). */
const FREEZE_FIRST_COLUMN_ABOVE = 8;
/** Size of the text in cells without a font of their own. */
const BODY_FONT_SIZE = 11;
/** Bold text is wider than the body text a column's width is counted in (DejaVu Sans Bold by about this much). */
const BOLD_WIDTH_SCALE = 1.1;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FIRST_TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const OTHER_TITLE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF7F7F7F' } };
const TABLE_TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 12 };
const NOTE_FONT: Partial<ExcelJS.Font> = { italic: true, size: 10, color: { argb: 'FF404040' } };

/**
 * The summary as .xlsx bytes. The same model gives the same sheets and properties (the zip's own timestamps aside).
 * Streamed (exceljs's WorkbookWriter): each data row is turned into XML and dropped as soon as it is written, so a
 * 10,000-unit district's summary never holds all its cells, nor their XML as strings, at once (docs/performance.md).
 */
export async function renderSummaryWorkbook(
  model: SummaryModel,
  options: { fingerprint?: string } = {},
): Promise<Buffer> {
  checkTabNames(model.tabs);
  const sink = new PassThrough();
  const bytes = buffer(sink);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  workbook.creator = 'tonghop';
  workbook.lastModifiedBy = 'tonghop';
  workbook.title = model.title;
  // Lets the next run see that this exact summary is already written, without rendering it again.
  if (options.fingerprint) workbook.keywords = `${SUMMARY_FINGERPRINT_PREFIX}${options.fingerprint}`;
  workbook.created = model.generatedAt;
  workbook.modified = model.generatedAt;
  const charts: XlsxBarChart[] = [];
  for (const tab of model.tabs) {
    addSummarySheet(workbook, tab, model.title, model.footer).commit();
    charts.push(...barChartsOf(tab, summaryColumnWidths(tab)));
  }
  await workbook.commit();
  const xlsx = await bytes;
  return charts.length === 0 ? xlsx : addBarCharts(xlsx, charts);
}

/** Write the summary to `file` atomically: a temporary file in the same folder, then a rename over the old one. */
export async function writeSummaryWorkbook(
  file: string,
  model: SummaryModel,
  options: { fingerprint?: string } = {},
): Promise<void> {
  const bytes = await renderSummaryWorkbook(model, options);
  await makePrivateDir(path.dirname(file));
  await writePrivateFile(file, bytes);
}

function checkTabNames(tabs: readonly SummaryTab[]): void {
  const seen = new Set<string>();
  for (const { name } of tabs) {
    // exceljs would only warn and cut the name, which can make two tabs collide or break a chart reference.
    if (name.length === 0 || name.length > MAX_XLSX_TAB_LENGTH) {
      throw new RangeError(
        `Summary tab "${name}" must have 1–${MAX_XLSX_TAB_LENGTH} characters, which .xlsx files require.`,
      );
    }
    if (/[*?:/\\[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new RangeError(
        `Summary tab "${name}": .xlsx tab names cannot contain * ? : \\ / [ ] nor start or end with an apostrophe.`,
      );
    }
    const key = name.toLocaleLowerCase('vi');
    if (seen.has(key))
      throw new RangeError(`Summary tab "${name}" appears twice (tab names are case-insensitive in .xlsx).`);
    seen.add(key);
  }
}

function addSummarySheet(
  workbook: ExcelJS.Workbook,
  tab: SummaryTab,
  title: string,
  footer: SummaryModel['footer'],
): ExcelJS.Worksheet {
  const layout = summaryTabLayout(tab);
  const width = tab.columns.length;
  const freezeFirstColumn = width > FREEZE_FIRST_COLUMN_ABOVE && !tab.onePage;
  const widths = summaryColumnWidths(tab);
  const print = summaryPageSetup(tab, widths);
  const sheet = workbook.addWorksheet(tab.name, {
    // Reference tabs are grey in the tab bar: the tabs a meeting prints stand out.
    ...(tab.reference ? { properties: { tabColor: { argb: `FF${REFERENCE_TAB_COLOR}` } } } : {}),
    views: [
      tab.onePage
        ? { state: 'normal', showGridLines: false }
        : {
            state: 'frozen',
            xSplit: freezeFirstColumn ? 1 : 0,
            ySplit: layout.headerRow,
            topLeftCell: `${freezeFirstColumn ? 'B' : 'A'}${layout.firstDataRow}`,
          },
    ],
    pageSetup: {
      orientation: print.orientation,
      paperSize: 9, // A4
      // Fit to the page width only (never to a page's height: long tabs run on), except the front page, which is one page by design.
      ...(print.fit === 'width'
        ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
        : print.fit === 'page'
          ? { fitToPage: true, fitToWidth: 1, fitToHeight: 1 }
          : { fitToPage: false, scale: print.fit.scale }),
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printArea: absoluteRows(print.printArea),
      ...(print.printTitlesRow ? { printTitlesRow: print.printTitlesRow } : {}),
      ...(print.printTitlesColumn ? { printTitlesColumn: print.printTitlesColumn } : {}),
    },
    headerFooter: {
      oddHeader: pageHeader(title),
      evenHeader: pageHeader(title),
      oddFooter: pageFooter(footer),
      evenFooter: pageFooter(footer),
    },
  });
  keepPrintCentring(sheet);
  widths.forEach((w, c) => {
    sheet.getColumn(c + 1).width = w;
  });
  tab.columns.forEach((column, c) => {
    sheet.getColumn(c + 1).numFmt = SUMMARY_NUM_FMT[column.format];
  });

  const printedWidths = widths.slice(0, print.printedColumns);
  tab.title.forEach((line, i) =>
    writeTitle(sheet, i + 1, line, i === 0 ? FIRST_TITLE_FONT : OTHER_TITLE_FONT, printedWidths),
  );
  if (width > 0) {
    writeTable(
      sheet,
      tab,
      { title: '', columns: tab.columns, rows: tab.rows },
      { headerRow: layout.headerRow, firstDataRow: layout.firstDataRow },
      widths,
    );
    sheet.autoFilter = { from: { row: layout.headerRow, column: 1 }, to: { row: layout.lastDataRow, column: width } };
  }
  (tab.moreTables ?? []).forEach((table, i) => {
    const at = layout.moreTables[i];
    if (!at) return;
    writeLine(sheet.getCell(at.titleRow, 1), table.title, TABLE_TITLE_FONT);
    writeTable(sheet, tab, table, at, widths);
  });
  // Across the printed columns only: a note merged into screen-only columns would be cut on paper.
  (tab.notes ?? []).forEach((line, i) => writeNote(sheet, layout.firstNoteRow + i, line, widths, print.printedColumns));
  return sheet;
}

/** 'A1:H25' as exceljs needs it for an absolute print area: it adds the '$' before each column, not before the row. */
function absoluteRows(area: string): string {
  return area.replace(/([A-Z]+)(\d+)/g, '$1$$$2');
}

/** '&L<tab name>&R<summary title>': which tab a loose page belongs to. */
function pageHeader(title: string): string {
  return `&L&A&R${escapeHeaderText(title)}`;
}

/** '&' starts a code in a header or footer; a literal one is written twice. */
function escapeHeaderText(text: string): string {
  return storableText(text).replace(/&/g, '&&');
}

/** Characters of the left footer that still end before a centred "Trang 12/21" on A4 (LibreOffice, 10 pt). */
const FOOTER_CENTRE_FREE_CHARS = 32;

/**
 * '&LQuận Đoàn 1&CTrang &P/&N&Rtính đến 08:00 23/09/2024': district, page number, as-of time. A name
 * too long to leave the centre free (a cơ sở Đoàn's full name) moves the page number to the right.
 */
export function pageFooter(footer: SummaryModel['footer']): string {
  if (!footer) return '&CTrang &P/&N';
  const left = `&L${escapeHeaderText(footer.district)}`;
  if (footer.district.length > FOOTER_CENTRE_FREE_CHARS)
    return `${left}&RTrang &P/&N · ${escapeHeaderText(footer.asOf)}`;
  return `${left}&CTrang &P/&N&R${escapeHeaderText(footer.asOf)}`;
}

function writeTable(
  sheet: ExcelJS.Worksheet,
  tab: SummaryTab,
  table: SummaryTable,
  at: { headerRow: number; firstDataRow: number },
  widths: readonly number[],
): void {
  writeHeader(sheet.getRow(at.headerRow), table.columns, widths);
  table.rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(at.firstDataRow + r);
    writeDataRow(sheetRow, rowContents(tab, table.columns, row, r), widths);
    table.columns.forEach((column, c) => {
      if (column.choices) sheetRow.getCell(c + 1).dataValidation = choicesValidation(column);
    });
    // Written rows go out to the stream (with every row above): what follows is further down the tab.
    sheetRow.commit();
  });
}

/** A dropdown of the column's words; anything else is refused with a Vietnamese message. */
function choicesValidation(column: SummaryColumn): ExcelJS.DataValidation {
  const words = (column.choices ?? []).join(', ');
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${(column.choices ?? []).map((w) => w.replace(/"/g, '""')).join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: column.header,
    error: `Hãy chọn một trong: ${words}.`,
  };
}

function rowContents(
  tab: SummaryTab,
  columns: readonly SummaryColumn[],
  row: SummaryTab['rows'][number],
  index: number,
): XlsxCellContent[] {
  if (row.length > columns.length) {
    throw new RangeError(
      `Summary tab "${tab.name}": row ${index + 1} has ${row.length} cells but the table has ${columns.length} columns.`,
    );
  }
  return columns.map((column, c) => xlsxCellContent(row[c] ?? null, column.format));
}

/** A title or note line in column A: not wrapped, so it runs over the empty cells to its right. */
function writeLine(cell: ExcelJS.Cell, text: string, font: Partial<ExcelJS.Font>): void {
  const content = textContent(text);
  cell.value = content.value;
  cell.numFmt = looksLikeFormula(text) ? TEXT_NUM_FMT : 'General';
  cell.font = font;
  cell.alignment = { vertical: 'middle', wrapText: false };
}

/**
 * A title line: runs over the empty cells to its right, unless it is longer than the printed columns,
 * where print would cut it: then it is merged across them and wrapped, its row as tall as its lines.
 */
function writeTitle(
  sheet: ExcelJS.Worksheet,
  rowNumber: number,
  text: string,
  font: Partial<ExcelJS.Font>,
  printedWidths: readonly number[],
): void {
  const cell = sheet.getCell(rowNumber, 1);
  writeLine(cell, text, font);
  // Bigger text takes more of a column's width per character.
  const scale = (font.size ?? BODY_FONT_SIZE) / BODY_FONT_SIZE;
  const room = printedWidths.reduce((sum, w) => sum + w, 0) / scale;
  if (printedWidths.length < 2 || displayLength(storableText(text)) <= room) return;
  sheet.mergeCells(rowNumber, 1, rowNumber, printedWidths.length);
  cell.alignment = { vertical: 'top', wrapText: true };
  sheet.getRow(rowNumber).height = rowHeightFor([storableText(text)], [room]) * scale;
}

/** A note below the tables: merged across the table's width and wrapped, so it prints whole. */
function writeNote(
  sheet: ExcelJS.Worksheet,
  rowNumber: number,
  text: string,
  widths: readonly number[],
  span: number,
): void {
  writeLine(sheet.getCell(rowNumber, 1), text, NOTE_FONT);
  const cell = sheet.getCell(rowNumber, 1);
  cell.alignment = { vertical: 'top', wrapText: true };
  if (span > 1) sheet.mergeCells(rowNumber, 1, rowNumber, span);
  const total = widths.slice(0, span).reduce((sum, w) => sum + w, 0);
  sheet.getRow(rowNumber).height = rowHeightFor([storableText(text)], [total]);
}

function writeHeader(row: ExcelJS.Row, columns: readonly SummaryColumn[], widths: readonly number[]): void {
  row.height = rowHeightFor(
    columns.map((c) => storableText(c.header)),
    widths,
    BOLD_WIDTH_SCALE,
  );
  columns.forEach((column, c) => {
    const cell = row.getCell(c + 1);
    cell.value = textContent(column.header).value;
    cell.numFmt = looksLikeFormula(column.header) ? TEXT_NUM_FMT : 'General';
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

function writeDataRow(row: ExcelJS.Row, cells: readonly XlsxCellContent[], widths: readonly number[]): void {
  // Excel and LibreOffice do not grow a row for wrapped text written by a program: the height is set here.
  const height = rowHeightFor(
    cells.map((c) => c.display),
    widths,
  );
  if (height > LINE_HEIGHT_POINTS) row.height = height;
  cells.forEach((content, c) => {
    const cell = row.getCell(c + 1);
    // exceljs stores a plain string as a shared string, never as a formula: '=1+1' stays '=1+1'.
    if (content.value !== null) cell.value = content.value;
    cell.numFmt = content.numFmt;
    cell.border = BOX;
    if (content.fill) cell.fill = content.fill;
    cell.alignment = { vertical: 'top', wrapText: displayLength(content.display) > (widths[c] ?? MIN_COLUMN_WIDTH) };
  });
}

/** The tab's charts below its notes, side by side (chartsPerRow), each over an equal share of the columns' width. */
function barChartsOf(tab: SummaryTab, widths: readonly number[]): XlsxBarChart[] {
  const tables = tablesOf(tab);
  const { chartRow, headerRow, moreTables } = summaryTabLayout(tab);
  const perRow = chartsPerRow(tab.charts?.length ?? 0);
  const bands = columnBands(widths, perRow);
  return (tab.charts ?? []).flatMap((chart, i) => {
    const table = tables[chart.table];
    const at = chart.table === 0 ? { headerRow } : moreTables[chart.table - 1];
    if (!table || !at)
      throw new RangeError(
        `Summary tab "${tab.name}": chart "${chart.title}" uses table ${chart.table}, but the tab has tables 0–${tables.length - 1}.`,
      );
    for (const index of [chart.categoryColumn, ...chart.seriesColumns]) {
      if (!Number.isInteger(index) || index < 0 || index >= table.columns.length) {
        throw new RangeError(
          `Summary tab "${tab.name}": chart "${chart.title}" uses column ${index}, but its table has columns 0–${table.columns.length - 1}.`,
        );
      }
    }
    if (chart.seriesColumns.length === 0 || table.rows.length === 0) return [];
    const range = { firstRow: at.headerRow + 1, lastRow: at.headerRow + table.rows.length };
    const band = bands[i % perRow] ?? { from: 0, to: 1 };
    const fromRow = chartRow - 1 + Math.floor(i / perRow) * (CHART_ROWS + 1);
    return [
      {
        sheetName: tab.name,
        title: chart.title,
        categories: { ...range, column: chart.categoryColumn + 1 },
        series: chart.seriesColumns.map((c) => ({ name: table.columns[c]?.header ?? '', ...range, column: c + 1 })),
        anchor: { fromColumn: band.from, fromRow, toColumn: band.to, toRow: fromRow + CHART_ROWS },
        percent: chart.seriesColumns.every((c) => table.columns[c]?.format === 'percent'),
      },
    ];
  });
}

/** Split the columns (0-based, end exclusive) into `count` runs of about equal total width. */
function columnBands(widths: readonly number[], count: number): { from: number; to: number }[] {
  const total = widths.reduce((sum, w) => sum + w, 0);
  const bands: { from: number; to: number }[] = [];
  let from = 0;
  let sum = 0;
  widths.forEach((w, c) => {
    sum += w;
    if (bands.length < count - 1 && sum >= (total * (bands.length + 1)) / count - w / 2) {
      bands.push({ from, to: c + 1 });
      from = c + 1;
    }
  });
  bands.push({ from: Math.min(from, Math.max(0, widths.length - 1)), to: Math.max(widths.length, from + 1) });
  return bands;
}
