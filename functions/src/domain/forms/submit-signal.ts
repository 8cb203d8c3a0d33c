import { foldForMatch } from '../cells/fold.js';
import type { RawCell } from '../cells/raw-cell.js';
import { formatClockAndDate } from '../time/ict.js';
import type { SheetTab } from './read-form-tab.js';

/**
 * Workbook mode's "Nộp báo cáo" signal for a "Bấm nộp" form: above the form's header row, a cell
 * labelled "Nộp báo cáo" and, right of it, the signal cell. The unit picks "Có" there (or types x,
 * or ticks TRUE) and saves; the sweep submits that file version and then writes "Đã nộp lúc …"
 * into that one cell. It is the only cell the unit types that the system ever writes.
 */

export const SUBMIT_SIGNAL_LABEL = 'Nộp báo cáo';

/** Where the signal cell is (1-based), and whether it asks for a submission. */
export interface SubmitSignal {
  readonly rowNumber: number;
  readonly column: number;
  readonly requested: boolean;
}

const REQUEST_WORDS = new Set(['co', 'x', 'nop', 'true', '1']);

/** The signal cell of a form tab, looked for in the rows above its header row; undefined when the tab has none. */
export function findSubmitSignal(tab: SheetTab, headerRowNumber: number): SubmitSignal | undefined {
  const label = foldForMatch(SUBMIT_SIGNAL_LABEL);
  for (const row of tab.rows) {
    if (row.rowNumber >= headerRowNumber) break;
    const at = row.cells.findIndex((cell) => typeof cell === 'string' && foldForMatch(cell) === label);
    if (at >= 0) return { rowNumber: row.rowNumber, column: at + 2, requested: asksToSubmit(row.cells[at + 1]) };
  }
  return undefined;
}

/** Whether a signal cell's value asks for a submission: 'Có', 'x', 'Nộp', TRUE (a checkbox) or 1. */
export function asksToSubmit(cell: RawCell): boolean {
  if (cell === true) return true;
  if (typeof cell === 'number') return cell === 1;
  return typeof cell === 'string' && REQUEST_WORDS.has(foldForMatch(cell));
}

/** What the signal cell shows once a submission is recorded: 'Đã nộp lúc 08:05 23/09/2024'. */
export function submittedSignalText(submittedAt: Date): string {
  return `Đã nộp lúc ${formatClockAndDate(submittedAt)}`;
}
