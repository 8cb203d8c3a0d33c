import type { FormSpec } from '../forms/form-spec.js';
import type { SummaryCell, SummaryColumn } from '../summary/summary-model.js';

/** What the system writes back into one form tab of a unit's sheet: the status cell of each row. */
export interface TabFeedback {
  /** The tab's name as found in the unit's sheet. */
  readonly tab: string;
  /** Row number (1-based) of the header row, where the status column's header goes. */
  readonly headerRowNumber: number;
  /** Status text by row number: '✓ Hợp lệ', or the row's Vietnamese messages. Rows not listed get an empty status cell. */
  readonly statusByRow: ReadonlyMap<number, string>;
  /** Workbook mode, a "Bấm nộp" form: the "Nộp báo cáo" signal cell (1-based) and what it shows now ("Đã nộp lúc …"). */
  readonly submitCell?: { readonly rowNumber: number; readonly column: number; readonly text: string };
}

/** Everything written back into one unit's sheet. */
export interface UnitFeedback {
  readonly unitId: string;
  readonly tabs: readonly TabFeedback[];
  /** Plans whose blank tab the sheet lacks (plansToRollOut): added, each only where no tab of that name exists yet. */
  readonly newTabs?: readonly FormSpec[];
  /** The "Tình hình nộp" tab: one row per form and period the unit owes. */
  readonly standing: {
    readonly title: readonly string[];
    readonly columns: readonly SummaryColumn[];
    readonly rows: readonly (readonly SummaryCell[])[];
  };
}

/** Name of the tab the system owns in every unit sheet. */
export const STANDING_TAB = 'Tình hình nộp';
