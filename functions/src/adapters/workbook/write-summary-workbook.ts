import path from 'node:path';
import ExcelJS from 'exceljs';
import { summaryTabLayout, type SummaryChart, type SummaryModel, type SummaryTab } from '../../domain/summary/summary-model.js';
import { displayLength, looksLikeFormula, SUMMARY_NUM_FMT, TEXT_NUM_FMT, textContent, xlsxCellContent, type XlsxCellContent } from './summary-cells.js';
import { makePrivateDir, writePrivateFile } from '../private-files.js';
import { addBarCharts, type XlsxBarChart } from './xlsx-chart.js';

/**
 * The district summary (DESIGN "Data flow" step 7) as an .xlsx workbook: one tab per model tab,
 * title lines, a header row with a filter and frozen panes, typed columns, notes, bar charts.
 * Every text is written as a string cell with the text format, never as a formula (DESIGN "Security").
 */

/** Excel refuses longer tab names. */
const MAX_XLSX_TAB_LENGTH = 31;
/** Column widths picked from the content stay within these bounds (characters). */
/** Marks the model hash kept in the workbook's keywords property. */
export const SUMMARY_FINGERPRINT_PREFIX = 'tonghop-summary:';

export const MIN_COLUMN_WIDTH = 8;
export const MAX_COLUMN_WIDTH = 60;
const WIDTH_PADDING = 2;
/** Tabs wider than this also freeze their first column (the unit or form name). */
const FREEZE_FIRST_COLUMN_ABOVE = 8;
/** Size of a chart next to its table, in columns and rows. */
const CHART_COLUMNS = 10;
const CHART_ROWS = 20;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FIRST_TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const OTHER_TITLE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF7F7F7F' } };
const NOTE_FONT: Partial<ExcelJS.Font> = { italic: true, size: 10, color: { argb: 'FF404040' } };

/** The summary as .xlsx bytes. The same model gives the same sheets and properties (the zip's own timestamps aside). */
export async function renderSummaryWorkbook(model: SummaryModel, options: { fingerprint?: string } = {}): Promise<Buffer> {
  checkTabNames(model.tabs);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tonghop';
  workbook.lastModifiedBy = 'tonghop';
  workbook.title = model.title;
  // Lets the next run see that this exact summary is already written, without rendering it again.
  if (options.fingerprint) workbook.keywords = `${SUMMARY_FINGERPRINT_PREFIX}${options.fingerprint}`;
  workbook.created = model.generatedAt;
  workbook.modified = model.generatedAt;
  const charts: XlsxBarChart[] = [];
  for (const tab of model.tabs) {
    addSummarySheet(workbook, tab);
    const chart = tab.chart === undefined ? undefined : barChartOf(tab, tab.chart);
    if (chart) charts.push(chart);
  }
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  return charts.length === 0 ? xlsx : addBarCharts(xlsx, charts);
}

/** Write the summary to `file` atomically: a temporary file in the same folder, then a rename over the old one. */
export async function writeSummaryWorkbook(file: string, model: SummaryModel, options: { fingerprint?: string } = {}): Promise<void> {
  const bytes = await renderSummaryWorkbook(model, options);
  await makePrivateDir(path.dirname(file));
  await writePrivateFile(file, bytes);
}

function checkTabNames(tabs: readonly SummaryTab[]): void {
  const seen = new Set<string>();
  for (const { name } of tabs) {
    // exceljs would only warn and cut the name, which can make two tabs collide or break a chart reference.
    if (name.length === 0 || name.length > MAX_XLSX_TAB_LENGTH) {
      throw new RangeError(`Summary tab "${name}" must have 1–${MAX_XLSX_TAB_LENGTH} characters, which .xlsx files require.`);
    }
    if (/[*?:/\\[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new RangeError(`Summary tab "${name}": .xlsx tab names cannot contain * ? : \\ / [ ] nor start or end with an apostrophe.`);
    }
    const key = name.toLocaleLowerCase('vi');
    if (seen.has(key)) throw new RangeError(`Summary tab "${name}" appears twice (tab names are case-insensitive in .xlsx).`);
    seen.add(key);
  }
}

function addSummarySheet(workbook: ExcelJS.Workbook, tab: SummaryTab): ExcelJS.Worksheet {
  const layout = summaryTabLayout(tab);
  const width = tab.columns.length;
  const freezeFirstColumn = width > FREEZE_FIRST_COLUMN_ABOVE;
  const sheet = workbook.addWorksheet(tab.name, {
    views: [{ state: 'frozen', xSplit: freezeFirstColumn ? 1 : 0, ySplit: layout.headerRow, topLeftCell: `${freezeFirstColumn ? 'B' : 'A'}${layout.firstDataRow}` }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const contents = tab.rows.map((row, i) => rowContents(tab, row, i));
  const widths = columnWidths(tab, contents);
  tab.columns.forEach((column, c) => {
    const sheetColumn = sheet.getColumn(c + 1);
    sheetColumn.width = widths[c] ?? MIN_COLUMN_WIDTH;
    sheetColumn.numFmt = SUMMARY_NUM_FMT[column.format];
  });

  tab.title.forEach((line, i) => writeLine(sheet.getCell(i + 1, 1), line, i === 0 ? FIRST_TITLE_FONT : OTHER_TITLE_FONT));
  if (width > 0) {
    writeHeader(sheet.getRow(layout.headerRow), tab);
    contents.forEach((cells, r) => writeDataRow(sheet.getRow(layout.firstDataRow + r), cells, widths));
    sheet.autoFilter = { from: { row: layout.headerRow, column: 1 }, to: { row: layout.lastDataRow, column: width } };
  }
  (tab.notes ?? []).forEach((line, i) => writeLine(sheet.getCell(layout.firstNoteRow + i, 1), line, NOTE_FONT));
  return sheet;
}

function rowContents(tab: SummaryTab, row: SummaryTab['rows'][number], index: number): XlsxCellContent[] {
  if (row.length > tab.columns.length) {
    throw new RangeError(`Summary tab "${tab.name}": row ${index + 1} has ${row.length} cells but the tab has ${tab.columns.length} columns.`);
  }
  return tab.columns.map((column, c) => xlsxCellContent(row[c] ?? null, column.format));
}

/** The model's width, or the longest header or shown value plus a margin, within [MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH]. */
function columnWidths(tab: SummaryTab, contents: readonly (readonly XlsxCellContent[])[]): number[] {
  return tab.columns.map((column, c) => {
    if (column.width !== undefined) return column.width;
    // A loop, not Math.max(...rows): a city's tabs hold more rows than a call can take arguments.
    const longest = contents.reduce((widest, cells) => Math.max(widest, displayLength(cells[c]?.display ?? '')), displayLength(column.header));
    return Math.min(Math.max(longest + WIDTH_PADDING, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH);
  });
}

/** A title or note line in column A: not wrapped, so it runs over the empty cells to its right. */
function writeLine(cell: ExcelJS.Cell, text: string, font: Partial<ExcelJS.Font>): void {
  const content = textContent(text);
  cell.value = content.value;
  cell.numFmt = looksLikeFormula(text) ? TEXT_NUM_FMT : 'General';
  cell.font = font;
  cell.alignment = { vertical: 'middle', wrapText: false };
}

function writeHeader(row: ExcelJS.Row, tab: SummaryTab): void {
  tab.columns.forEach((column, c) => {
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

/** The bar chart of a tab, right of its table; none for a tab without rows (nothing to plot). */
function barChartOf(tab: SummaryTab, chart: SummaryChart): XlsxBarChart | undefined {
  const columnCount = tab.columns.length;
  for (const index of [chart.categoryColumn, ...chart.seriesColumns]) {
    if (!Number.isInteger(index) || index < 0 || index >= columnCount) {
      throw new RangeError(`Summary tab "${tab.name}": chart "${chart.title}" uses column ${index}, but the tab has columns 0–${columnCount - 1}.`);
    }
  }
  if (chart.seriesColumns.length === 0 || tab.rows.length === 0) return undefined;
  const { headerRow, firstDataRow, lastDataRow } = summaryTabLayout(tab);
  const range = { firstRow: firstDataRow, lastRow: lastDataRow };
  const fromColumn = columnCount + 1; // 0-based: one empty column between the table and the chart
  const fromRow = headerRow - 1;
  return {
    sheetName: tab.name,
    title: chart.title,
    categories: { ...range, column: chart.categoryColumn + 1 },
    series: chart.seriesColumns.map((c) => ({ name: tab.columns[c]?.header ?? '', ...range, column: c + 1 })),
    anchor: { fromColumn, fromRow, toColumn: fromColumn + CHART_COLUMNS, toRow: fromRow + CHART_ROWS },
    percent: chart.seriesColumns.every((c) => tab.columns[c]?.format === 'percent'),
  };
}
