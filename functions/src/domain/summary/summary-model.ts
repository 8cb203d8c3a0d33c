/**
 * The district summary as data, independent of where it is written: the same model
 * becomes an .xlsx workbook (adapters/workbook) or a Google spreadsheet (adapters/google).
 */

/** How a column's values are shown. */
export const SUMMARY_FORMATS = ['text', 'int', 'decimal', 'percent', 'money', 'date', 'datetime', 'status'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/**
 * A cell value. Text is always written as text, never as a formula, whatever it starts with.
 * Dates are instants (shown in Asia/Ho_Chi_Minh); percent values are fractions (0.75 → 75 %);
 * money is whole đồng. A `status` column holds SubmissionStatus values, shown with their symbol.
 */
export type SummaryCell = string | number | boolean | Date | null;

export interface SummaryColumn {
  readonly header: string;
  readonly format: SummaryFormat;
  /** Width in characters; the writer picks one from the content when absent. */
  readonly width?: number;
}

/** A bar chart of some numeric columns against a category column, over all rows of the tab. */
export interface SummaryChart {
  readonly title: string;
  /** Column index of the category labels. */
  readonly categoryColumn: number;
  /** Column indexes of the plotted series (percent or int columns). */
  readonly seriesColumns: readonly number[];
}

/** One tab: title lines above a header row, then rows; frozen header and a filter on it. */
export interface SummaryTab {
  readonly name: string;
  /** Lines above the header (title, generated-at, explanations). */
  readonly title: readonly string[];
  readonly columns: readonly SummaryColumn[];
  readonly rows: readonly (readonly SummaryCell[])[];
  /** Lines below the table (legend, notes). */
  readonly notes?: readonly string[];
  readonly chart?: SummaryChart;
}

export interface SummaryModel {
  /** Title of the whole summary, e.g. "Tổng hợp báo cáo — Quận Đoàn 1". */
  readonly title: string;
  readonly generatedAt: Date;
  readonly tabs: readonly SummaryTab[];
}

/** Where a tab's parts are (1-based rows): titles from row 1, an empty row, the header, the data, an empty row, the notes. */
export interface SummaryTabLayout {
  readonly headerRow: number;
  readonly firstDataRow: number;
  /** Equal to headerRow when the tab has no rows. */
  readonly lastDataRow: number;
  readonly firstNoteRow: number;
}

/** Rows of a tab's title, header, data and notes, as every summary writer lays them out. */
export function summaryTabLayout(tab: SummaryTab): SummaryTabLayout {
  const headerRow = tab.title.length === 0 ? 1 : tab.title.length + 2;
  const lastDataRow = headerRow + tab.rows.length;
  return { headerRow, firstDataRow: headerRow + 1, lastDataRow, firstNoteRow: lastDataRow + 2 };
}
