import type ExcelJS from 'exceljs';
import { LINE_HEIGHT_POINTS, wrappedLineCount } from '../sheet-layout/summary-print-layout.js';

/**
 * A row's status cell shows every message: the row grows to the lines the wrapped text takes
 * (LibreOffice and print never grow a row by themselves), up to the tallest row Excel allows; a longer
 * status is also put whole in the cell's note, so a second or tenth error is never hidden.
 */

/** Excel's tallest row (409 pt) in lines: beyond it the row stops growing and the whole text is in the cell's note. */
export const STATUS_MAX_LINES = 27;
/** Width of a status column the system adds (characters). */
export const ADDED_STATUS_COLUMN_WIDTH = 40;
/** Excel's default column width, when the file sets none. */
const DEFAULT_COLUMN_WIDTH = 9;

/** Lines the status takes in its column, and whether it is long enough to need a note. */
export function statusLines(
  sheet: ExcelJS.Worksheet,
  column: number,
  text: string,
): { lines: number; needsNote: boolean } {
  const lines = text === '' ? 1 : wrappedLineCount(text, sheet.getColumn(column).width ?? DEFAULT_COLUMN_WIDTH);
  return { lines: Math.min(lines, STATUS_MAX_LINES), needsNote: lines > STATUS_MAX_LINES };
}

/** Grow the row to show `lines` lines of text (never shrink what the unit set); true when the height changed. */
export function growRowTo(sheet: ExcelJS.Worksheet, rowNumber: number, lines: number): boolean {
  const row = sheet.getRow(rowNumber);
  const needed = lines * LINE_HEIGHT_POINTS;
  // A row without a height shows one line wherever text does not grow it (LibreOffice, print).
  if ((row.height ?? LINE_HEIGHT_POINTS) >= needed) return false;
  row.height = needed;
  return true;
}

/** Put the whole status in the cell's note, or take a note of ours away; true when the note changed. */
export function setStatusNote(cell: ExcelJS.Cell, text: string | undefined): boolean {
  const current = noteText(cell.note);
  if (current === (text ?? '')) return false;
  if (text !== undefined) cell.note = text;
  // exceljs has no way to remove a note but dropping its comment.
  else (cell as unknown as { _comment?: unknown })._comment = undefined;
  return true;
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (note === undefined || note === null) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => (typeof t === 'string' ? t : t.text)).join('');
}
