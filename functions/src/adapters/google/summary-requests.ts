import type { sheets_v4 } from '@googleapis/sheets';
import type { SummaryChart, SummaryColumn, SummaryTab } from '../../domain/summary/summary-model.js';
import { STATUS_DISPLAY } from '../../domain/status/status-kinds.js';
import { summaryTabLayout, tablesOf } from '../../domain/summary/summary-model.js';
import { chartsPerRow, summaryColumnWidths } from '../sheet-layout/summary-print-layout.js';
import { REFERENCE_TAB_COLOR } from '../sheet-layout/summary-page-setup.js';
import { sheetsNumberFormat } from './sheets-cells.js';

/**
 * The formatting requests of one summary tab (spreadsheets.batchUpdate), the same look as the
 * workbook: bold title, shaded bold header, frozen header, a filter on the table, number and
 * date formats per column, the workbook's column widths with wrapped text (Sheets grows the rows),
 * status colours by conditional formatting, dropdowns where a column offers choices, the model's charts
 * below the tables, reference tabs grey. Page setup, print areas, print titles and footers are not in
 * the Sheets API: File → Print sets them per print (it repeats the frozen header rows by default).
 * Pure: the sheet id and the tab model in, requests out.
 */

/** Spare rows and columns beyond the content, so staff can add notes without resizing. */
const SPARE_ROWS = 20;
const FREEZE_FIRST_COLUMN_ABOVE = 8;
/** Sheets column width per character of the workbook's widths. */
const PIXELS_PER_CHARACTER = 7;
/** How many 21-pixel rows tall a chart below the tables is. */
const CHART_ROWS = 15;
const HEADER_FILL = rgb('DDEBF7');

/** Grid size a tab needs. */
export function gridSizeOf(tab: SummaryTab): { rowCount: number; columnCount: number } {
  const { firstNoteRow } = summaryTabLayout(tab);
  const { chartRow } = summaryTabLayout(tab);
  const chartRows = Math.ceil((tab.charts?.length ?? 0) / chartsPerRow(tab.charts?.length ?? 0)) * CHART_ROWS;
  return {
    rowCount: Math.max(firstNoteRow + (tab.notes?.length ?? 0), chartRow + chartRows) + SPARE_ROWS,
    columnCount: Math.max(summaryColumnWidths(tab).length, 10),
  };
}

/** Sheet properties: title, grid size and frozen panes. */
export function sheetPropertiesOf(sheetId: number, tab: SummaryTab, index: number): sheets_v4.Schema$SheetProperties {
  const { headerRow } = summaryTabLayout(tab);
  return {
    sheetId,
    title: tab.name,
    index,
    gridProperties: {
      ...gridSizeOf(tab),
      frozenRowCount: tab.onePage ? 0 : headerRow,
      frozenColumnCount: tab.columns.length > FREEZE_FIRST_COLUMN_ABOVE && !tab.onePage ? 1 : 0,
    },
    // Grey like the workbook's reference tabs; the Sheets API has no print area to keep them off paper.
    ...(tab.reference ? { tabColorStyle: { rgbColor: rgb(REFERENCE_TAB_COLOR) } } : {}),
  };
}

/** Formats, filter, conditional formats, column widths and charts of a tab whose values are (about to be) written. */
export function formatRequestsOf(sheetId: number, tab: SummaryTab): sheets_v4.Schema$Request[] {
  const layout = summaryTabLayout(tab);
  const requests: sheets_v4.Schema$Request[] = [];
  if (tab.title.length > 0) {
    requests.push(
      repeat(
        { sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
        { textFormat: { bold: true, fontSize: 14 } },
        'userEnteredFormat.textFormat',
      ),
    );
  }
  if (tab.columns.length === 0) return requests;
  // The same widths as the workbook: every Vietnamese word whole, long texts wrapped.
  summaryColumnWidths(tab).forEach((width, c) => {
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: c, endIndex: c + 1 },
        properties: { pixelSize: width * PIXELS_PER_CHARACTER },
        fields: 'pixelSize',
      },
    });
  });
  requests.push(...tableFormats(sheetId, tab.columns, layout.headerRow, layout.lastDataRow));
  (tab.moreTables ?? []).forEach((table, i) => {
    const at = layout.moreTables[i];
    if (!at) return;
    requests.push(
      repeat(
        { sheetId, startRowIndex: at.titleRow - 1, endRowIndex: at.titleRow, startColumnIndex: 0, endColumnIndex: 1 },
        { textFormat: { bold: true, fontSize: 12 } },
        'userEnteredFormat.textFormat',
      ),
    );
    requests.push(...tableFormats(sheetId, table.columns, at.headerRow, at.lastDataRow));
  });
  requests.push({
    setBasicFilter: {
      filter: {
        range: {
          sheetId,
          startRowIndex: layout.headerRow - 1,
          endRowIndex: layout.lastDataRow,
          startColumnIndex: 0,
          endColumnIndex: tab.columns.length,
        },
      },
    },
  });
  (tab.charts ?? []).forEach((chart, i) => {
    const request = chartOf(sheetId, tab, chart, i);
    if (request) requests.push(request);
  });
  return requests;
}

/** One table's header look, number formats, wrapping and status colours. */
function tableFormats(
  sheetId: number,
  columns: readonly SummaryColumn[],
  headerRow: number,
  lastDataRow: number,
): sheets_v4.Schema$Request[] {
  const header = {
    sheetId,
    startRowIndex: headerRow - 1,
    endRowIndex: headerRow,
    startColumnIndex: 0,
    endColumnIndex: columns.length,
  };
  const requests: sheets_v4.Schema$Request[] = [
    repeat(
      header,
      {
        textFormat: { bold: true },
        backgroundColor: HEADER_FILL,
        horizontalAlignment: 'CENTER',
        verticalAlignment: 'MIDDLE',
        wrapStrategy: 'WRAP',
      },
      'userEnteredFormat(textFormat,backgroundColor,horizontalAlignment,verticalAlignment,wrapStrategy)',
    ),
  ];
  columns.forEach((column, c) => {
    const range = {
      sheetId,
      startRowIndex: headerRow,
      endRowIndex: Math.max(lastDataRow, headerRow + 1),
      startColumnIndex: c,
      endColumnIndex: c + 1,
    };
    // Decimal columns keep Sheets' automatic format, which shows a whole number as "4" (a pattern would print "4.").
    const numberFormat = column.format === 'decimal' ? {} : { numberFormat: sheetsNumberFormat(column.format) };
    requests.push(
      repeat(
        range,
        { ...numberFormat, verticalAlignment: 'TOP', wrapStrategy: 'WRAP' },
        `userEnteredFormat(${column.format === 'decimal' ? '' : 'numberFormat,'}verticalAlignment,wrapStrategy)`,
      ),
    );
    if (column.format === 'status') requests.push(...statusColours({ ...range, endRowIndex: lastDataRow }));
    if (column.choices && lastDataRow > headerRow)
      requests.push(choicesValidation({ ...range, endRowIndex: lastDataRow }, column));
  });
  return requests;
}

/** A dropdown of the column's words on its data rows; anything else is refused with a Vietnamese message (as in the workbook). */
function choicesValidation(range: sheets_v4.Schema$GridRange, column: SummaryColumn): sheets_v4.Schema$Request {
  const words = column.choices ?? [];
  return {
    setDataValidation: {
      range,
      rule: {
        condition: { type: 'ONE_OF_LIST', values: words.map((userEnteredValue) => ({ userEnteredValue })) },
        strict: true,
        showCustomUi: true,
        inputMessage: `Hãy chọn một trong: ${words.join(', ')}.`,
      },
    },
  };
}

function repeat(
  range: sheets_v4.Schema$GridRange,
  format: sheets_v4.Schema$CellFormat,
  fields: string,
): sheets_v4.Schema$Request {
  return { repeatCell: { range, cell: { userEnteredFormat: format }, fields } };
}

/** One rule per status: the cell's text starts with the status symbol, the cell gets its colour. */
function statusColours(range: sheets_v4.Schema$GridRange): sheets_v4.Schema$Request[] {
  return Object.values(STATUS_DISPLAY).map(({ symbol, color }, index) => ({
    addConditionalFormatRule: {
      index,
      rule: {
        ranges: [range],
        booleanRule: {
          condition: { type: 'TEXT_STARTS_WITH', values: [{ userEnteredValue: `${symbol} ` }] },
          format: { backgroundColor: rgb(color) },
        },
      },
    },
  }));
}

/** A chart below the notes, like the workbook's: one thing per chart, side by side (chartsPerRow). */
function chartOf(
  sheetId: number,
  tab: SummaryTab,
  chart: SummaryChart,
  index: number,
): sheets_v4.Schema$Request | undefined {
  const layout = summaryTabLayout(tab);
  const table = tablesOf(tab)[chart.table];
  const headerRow = chart.table === 0 ? layout.headerRow : layout.moreTables[chart.table - 1]?.headerRow;
  if (!table || headerRow === undefined || table.rows.length === 0 || chart.seriesColumns.length === 0)
    return undefined;
  const lastDataRow = headerRow + table.rows.length;
  const source = (column: number) => ({
    sourceRange: {
      sources: [
        {
          sheetId,
          startRowIndex: headerRow - 1,
          endRowIndex: lastDataRow,
          startColumnIndex: column,
          endColumnIndex: column + 1,
        },
      ],
    },
  });
  const widths = summaryColumnWidths(tab);
  const perRow = chartsPerRow(tab.charts?.length ?? 0);
  const share = Math.round((widths.reduce((sum, w) => sum + w, 0) * PIXELS_PER_CHARACTER) / perRow);
  return {
    addChart: {
      chart: {
        spec: {
          title: chart.title,
          basicChart: {
            chartType: 'COLUMN',
            legendPosition: 'NO_LEGEND',
            headerCount: 1,
            domains: [{ domain: source(chart.categoryColumn) }],
            series: chart.seriesColumns.map((c) => ({ series: source(c), targetAxis: 'LEFT_AXIS' })),
          },
        },
        position: {
          overlayPosition: {
            anchorCell: {
              sheetId,
              rowIndex: layout.chartRow - 1 + Math.floor(index / perRow) * CHART_ROWS,
              columnIndex: 0,
            },
            offsetXPixels: (index % perRow) * share,
            widthPixels: share - 8,
            heightPixels: CHART_ROWS * 21 - 8,
          },
        },
      },
    },
  };
}

/** A hex colour such as 'C6EFCE' as a Sheets colour. */
function rgb(hex: string): sheets_v4.Schema$Color {
  const channel = (i: number) => parseInt(hex.slice(i, i + 2), 16) / 255;
  return { red: channel(0), green: channel(2), blue: channel(4) };
}
