import type { sheets_v4 } from '@googleapis/sheets';
import type { SummaryTab } from '../../domain/summary/summary-model.js';
import { STATUS_DISPLAY } from '../../domain/status/status-kinds.js';
import { summaryTabLayout } from '../../domain/summary/summary-model.js';
import { sheetsNumberFormat } from './sheets-cells.js';

/**
 * The formatting requests of one summary tab (spreadsheets.batchUpdate), the same look as the
 * workbook: bold title, shaded bold header, frozen header, a filter on the table, number and
 * date formats per column, status colours by conditional formatting, a bar chart where the
 * model has one. Pure: the sheet id and the tab model in, requests out.
 */

/** Spare rows and columns beyond the content, so staff can add notes without resizing. */
const SPARE_ROWS = 20;
const FREEZE_FIRST_COLUMN_ABOVE = 8;
const HEADER_FILL = rgb('DDEBF7');

/** Grid size a tab needs. */
export function gridSizeOf(tab: SummaryTab): { rowCount: number; columnCount: number } {
  const { firstNoteRow } = summaryTabLayout(tab);
  return { rowCount: firstNoteRow + (tab.notes?.length ?? 0) + SPARE_ROWS, columnCount: Math.max(tab.columns.length + (tab.chart ? 12 : 0), 10) };
}

/** Sheet properties: title, grid size and frozen panes. */
export function sheetPropertiesOf(sheetId: number, tab: SummaryTab, index: number): sheets_v4.Schema$SheetProperties {
  const { headerRow } = summaryTabLayout(tab);
  return {
    sheetId,
    title: tab.name,
    index,
    gridProperties: { ...gridSizeOf(tab), frozenRowCount: headerRow, frozenColumnCount: tab.columns.length > FREEZE_FIRST_COLUMN_ABOVE ? 1 : 0 },
  };
}

/** Formats, filter, conditional formats and chart of a tab whose values are (about to be) written. */
export function formatRequestsOf(sheetId: number, tab: SummaryTab): sheets_v4.Schema$Request[] {
  const { headerRow, firstDataRow, lastDataRow } = summaryTabLayout(tab);
  const width = tab.columns.length;
  const requests: sheets_v4.Schema$Request[] = [];
  if (tab.title.length > 0) {
    requests.push(repeat({ sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 }, { textFormat: { bold: true, fontSize: 14 } }, 'userEnteredFormat.textFormat'));
  }
  if (width === 0) return requests;
  const header = { sheetId, startRowIndex: headerRow - 1, endRowIndex: headerRow, startColumnIndex: 0, endColumnIndex: width };
  requests.push(
    repeat(header, { textFormat: { bold: true }, backgroundColor: HEADER_FILL, horizontalAlignment: 'CENTER', verticalAlignment: 'MIDDLE', wrapStrategy: 'WRAP' }, 'userEnteredFormat(textFormat,backgroundColor,horizontalAlignment,verticalAlignment,wrapStrategy)'),
  );
  tab.columns.forEach((column, c) => {
    const range = { sheetId, startRowIndex: firstDataRow - 1, endRowIndex: Math.max(lastDataRow, firstDataRow), startColumnIndex: c, endColumnIndex: c + 1 };
    requests.push(repeat(range, { numberFormat: sheetsNumberFormat(column.format), verticalAlignment: 'TOP' }, 'userEnteredFormat(numberFormat,verticalAlignment)'));
    if (column.width !== undefined) {
      requests.push({ updateDimensionProperties: { range: { sheetId, dimension: 'COLUMNS', startIndex: c, endIndex: c + 1 }, properties: { pixelSize: column.width * 7 }, fields: 'pixelSize' } });
    }
    if (column.format === 'status') requests.push(...statusColours({ ...range, endRowIndex: lastDataRow }));
  });
  requests.push({ setBasicFilter: { filter: { range: { sheetId, startRowIndex: headerRow - 1, endRowIndex: lastDataRow, startColumnIndex: 0, endColumnIndex: width } } } });
  if (tab.chart && tab.rows.length > 0 && tab.chart.seriesColumns.length > 0) requests.push(chartOf(sheetId, tab, tab.chart));
  return requests;
}

function repeat(range: sheets_v4.Schema$GridRange, format: sheets_v4.Schema$CellFormat, fields: string): sheets_v4.Schema$Request {
  return { repeatCell: { range, cell: { userEnteredFormat: format }, fields } };
}

/** One rule per status: the cell's text starts with the status symbol, the cell gets its colour. */
function statusColours(range: sheets_v4.Schema$GridRange): sheets_v4.Schema$Request[] {
  return Object.values(STATUS_DISPLAY).map(({ symbol, color }, index) => ({
    addConditionalFormatRule: {
      index,
      rule: { ranges: [range], booleanRule: { condition: { type: 'TEXT_STARTS_WITH', values: [{ userEnteredValue: `${symbol} ` }] }, format: { backgroundColor: rgb(color) } } },
    },
  }));
}

function chartOf(sheetId: number, tab: SummaryTab, chart: NonNullable<SummaryTab['chart']>): sheets_v4.Schema$Request {
  const { headerRow, lastDataRow } = summaryTabLayout(tab);
  const source = (column: number) => ({ sourceRange: { sources: [{ sheetId, startRowIndex: headerRow - 1, endRowIndex: lastDataRow, startColumnIndex: column, endColumnIndex: column + 1 }] } });
  return {
    addChart: {
      chart: {
        spec: {
          title: chart.title,
          basicChart: {
            chartType: 'BAR',
            legendPosition: 'BOTTOM_LEGEND',
            headerCount: 1,
            domains: [{ domain: source(chart.categoryColumn) }],
            series: chart.seriesColumns.map((c) => ({ series: source(c), targetAxis: 'BOTTOM_AXIS' })),
          },
        },
        position: { overlayPosition: { anchorCell: { sheetId, rowIndex: headerRow - 1, columnIndex: tab.columns.length + 1 }, widthPixels: 640, heightPixels: 400 } },
      },
    },
  };
}

/** A hex colour such as 'C6EFCE' as a Sheets colour. */
function rgb(hex: string): sheets_v4.Schema$Color {
  const channel = (i: number) => parseInt(hex.slice(i, i + 2), 16) / 255;
  return { red: channel(0), green: channel(2), blue: channel(4) };
}
