import { columnLetter } from '../../domain/sheets/a1.js';
import { summaryTabLayout, type SummaryTab } from '../../domain/summary/summary-model.js';
import { chartsPerRow, printsInLandscape } from './summary-print-layout.js';

/**
 * What a summary tab puts on paper (A4): its orientation, how it is scaled, the print area and the
 * rows (and columns) repeated on every page. The front page is one page; reference tabs print only
 * their title lines; other tabs fit the page width, unless that would print smaller than
 * MIN_PRINT_SCALE, when they print at that scale with their first column repeated on each page
 * (reference tabs keep that scale, so clearing their print area prints the whole table legibly).
 */
export interface SummaryPageSetup {
  readonly orientation: 'portrait' | 'landscape';
  /** One page wide and any number tall, one page in all, or a fixed scale in percent. */
  readonly fit: 'width' | 'page' | { readonly scale: number };
  /** E.g. 'A1:H25'. */
  readonly printArea: string;
  /** Columns in the print area, from A (8 for 'A1:H25'). */
  readonly printedColumns: number;
  /** E.g. '4:4', the header row. */
  readonly printTitlesRow?: string;
  /** E.g. 'A:A', on tabs too wide for one page's width. */
  readonly printTitlesColumn?: string;
}

/** Smallest scale (percent) a tab is fitted to: 11 pt text then prints at about 6.6 pt, still legible. */
export const MIN_PRINT_SCALE = 60;
/**
 * Column width units across A4 between the margins at 100 %, landscape and portrait, as LibreOffice
 * measures them without Calibri (the narrower case: Excel with Calibri fits about 145 across a landscape page).
 */
export const LANDSCAPE_PAGE_WIDTH = 110;
export const PORTRAIT_PAGE_WIDTH = 75;
/** Tab colour (RGB) of reference tabs, in the workbook and on Google Sheets. */
export const REFERENCE_TAB_COLOR = 'BFBFBF';
/** How many rows tall a chart below the tables is. */
export const CHART_ROWS = 14;

/** The page setup of a tab whose columns have these widths (see summaryColumnWidths). */
export function summaryPageSetup(tab: SummaryTab, widths: readonly number[]): SummaryPageSetup {
  const layout = summaryTabLayout(tab);
  const columns = Math.max(1, widths.length);
  if (tab.reference) {
    // Only the title lines, over the columns one landscape page holds: enough for the lines to read whole. The
    // scale is the one the whole table would need, so a reader who clears the print area still gets legible pages.
    const whole = summaryPageSetup({ ...tab, reference: false }, widths);
    const scale = typeof whole.fit === 'object' ? whole.fit.scale : 100;
    const printedColumns = referenceColumns(widths, (LANDSCAPE_PAGE_WIDTH * 100) / scale);
    // No repeated rows or columns: they would print above and beside the title lines.
    return {
      orientation: 'landscape',
      fit: whole.fit,
      printArea: area(Math.max(1, tab.title.length), printedColumns),
      printedColumns,
    };
  }
  const printedColumns = tab.onePage ? columns : columns - trailingScreenOnly(tab, widths.length);
  const printed = widths.slice(0, printedColumns);
  const orientation = printsInLandscape(printed) ? 'landscape' : 'portrait';
  const printArea = area(lastPrintedRow(tab), printedColumns);
  if (tab.onePage) return { orientation, fit: 'page', printArea, printedColumns };
  const printTitlesRow = tab.columns.length > 0 ? `${layout.headerRow}:${layout.headerRow}` : undefined;
  const total = printed.reduce((sum, w) => sum + w, 0);
  const fitted =
    (100 * (orientation === 'landscape' ? LANDSCAPE_PAGE_WIDTH : PORTRAIT_PAGE_WIDTH)) / Math.max(1, total);
  if (fitted >= MIN_PRINT_SCALE)
    return { orientation, fit: 'width', printArea, printedColumns, ...(printTitlesRow ? { printTitlesRow } : {}) };
  // Fitting would shrink the text past legibility: print at the smallest legible scale, across pages, the names repeated.
  return {
    orientation,
    fit: { scale: MIN_PRINT_SCALE },
    printArea,
    printedColumns,
    ...(printTitlesRow ? { printTitlesRow } : {}),
    printTitlesColumn: 'A:A',
  };
}

/** Last row with content: the tables, the notes, or the bottom of the charts. */
export function lastPrintedRow(tab: SummaryTab): number {
  const layout = summaryTabLayout(tab);
  const tablesEnd = layout.moreTables.at(-1)?.lastDataRow ?? layout.lastDataRow;
  const notes = tab.notes?.length ?? 0;
  const notesEnd = notes > 0 ? layout.firstNoteRow + notes - 1 : tablesEnd;
  const charts = tab.charts?.length ?? 0;
  if (charts === 0) return Math.max(tablesEnd, notesEnd);
  const chartLines = Math.ceil(charts / chartsPerRow(charts));
  return layout.chartRow + chartLines * (CHART_ROWS + 1) - 1;
}

/** How many of the last columns are screen-only (never all: at least one column prints); a further table's columns there print. */
function trailingScreenOnly(tab: SummaryTab, columns: number): number {
  if (tab.columns.length !== columns) return 0;
  let count = 0;
  for (let c = columns - 1; c > 0 && tab.columns[c]?.screenOnly; c--) count += 1;
  return count;
}

/** Columns (at least one) whose widths fit in `room`. */
function referenceColumns(widths: readonly number[], room: number): number {
  let sum = 0;
  let count = 0;
  for (const w of widths) {
    if (sum + w > room) break;
    sum += w;
    count += 1;
  }
  return Math.max(1, count);
}

function area(lastRow: number, lastColumn: number): string {
  return `A1:${columnLetter(lastColumn - 1)}${lastRow}`;
}
