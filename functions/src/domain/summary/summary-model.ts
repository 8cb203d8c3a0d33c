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
  /** An input column the district fills: its data cells offer these words in a dropdown. */
  readonly choices?: readonly string[];
  /** Shown on screen but not needed on paper (contacts): left out of print when it is among the tab's last columns (a print area is one block). */
  readonly screenOnly?: boolean;
}

/** A bar chart of one thing: some numeric columns of one table of the tab against its category column. */
export interface SummaryChart {
  readonly title: string;
  /** Which table the chart plots: 0 is the tab's own table, 1 the first of `moreTables`, … */
  readonly table: number;
  /** Column index of the category labels. */
  readonly categoryColumn: number;
  /** Column indexes of the plotted series (percent or int columns). */
  readonly seriesColumns: readonly number[];
}

/** A further table below a tab's own one, under its own title line and header. */
export interface SummaryTable {
  readonly title: string;
  readonly columns: readonly SummaryColumn[];
  readonly rows: readonly (readonly SummaryCell[])[];
}

/** One tab: title lines above a header row, then rows; frozen header and a filter on it. */
export interface SummaryTab {
  readonly name: string;
  /** Lines above the header (title, generated-at, explanations). */
  readonly title: readonly string[];
  readonly columns: readonly SummaryColumn[];
  readonly rows: readonly (readonly SummaryCell[])[];
  /** Tables below the first one (the dashboard's rates by cụm). */
  readonly moreTables?: readonly SummaryTable[];
  /** Lines below the tables (legend, notes). */
  readonly notes?: readonly string[];
  /** Charts below the notes, two side by side. */
  readonly charts?: readonly SummaryChart[];
  /** Printed on a single page (the dashboard); other tabs fit the page width only. */
  readonly onePage?: boolean;
  /** Reference data (raw rows, archives): kept whole on screen, but only its title lines print, so a meeting's printout stays short. */
  readonly reference?: boolean;
}

export interface SummaryModel {
  /** Title of the whole summary, e.g. "Tổng hợp báo cáo — Quận Đoàn 1". */
  readonly title: string;
  readonly generatedAt: Date;
  /** Footer of every printed page: the district's name and "tính đến hh:mm dd/mm/yyyy" (plus when the sheets were read, if earlier). */
  readonly footer?: { readonly district: string; readonly asOf: string };
  readonly tabs: readonly SummaryTab[];
}

/** Rows (1-based) of one further table: its title line, header and data. */
export interface SummaryTableLayout {
  readonly titleRow: number;
  readonly headerRow: number;
  readonly firstDataRow: number;
  /** Equal to headerRow when the table has no rows. */
  readonly lastDataRow: number;
}

/**
 * Where a tab's parts are (1-based rows): titles from row 1, an empty row, the header, the data,
 * then for each further table an empty row, its title, header and data; an empty row, the notes;
 * an empty row, the charts.
 */
export interface SummaryTabLayout {
  readonly headerRow: number;
  readonly firstDataRow: number;
  /** Equal to headerRow when the tab has no rows. */
  readonly lastDataRow: number;
  readonly moreTables: readonly SummaryTableLayout[];
  readonly firstNoteRow: number;
  /** First row of the charts (0 notes → right after the tables' empty row). */
  readonly chartRow: number;
}

/** Rows of a tab's title, header, data, further tables, notes and charts, as every summary writer lays them out. */
export function summaryTabLayout(tab: SummaryTab): SummaryTabLayout {
  const headerRow = tab.title.length === 0 ? 1 : tab.title.length + 2;
  const lastDataRow = headerRow + tab.rows.length;
  let end = lastDataRow;
  const moreTables = (tab.moreTables ?? []).map((table) => {
    const titleRow = end + 2;
    const layout = {
      titleRow,
      headerRow: titleRow + 1,
      firstDataRow: titleRow + 2,
      lastDataRow: titleRow + 1 + table.rows.length,
    };
    end = layout.lastDataRow;
    return layout;
  });
  const firstNoteRow = end + 2;
  const notes = tab.notes?.length ?? 0;
  return {
    headerRow,
    firstDataRow: headerRow + 1,
    lastDataRow,
    moreTables,
    firstNoteRow,
    chartRow: notes === 0 ? firstNoteRow : firstNoteRow + notes + 1,
  };
}

/** The tab's tables in order: its own (index 0), then `moreTables`. */
export function tablesOf(tab: SummaryTab): readonly SummaryTable[] {
  return [{ title: '', columns: tab.columns, rows: tab.rows }, ...(tab.moreTables ?? [])];
}
