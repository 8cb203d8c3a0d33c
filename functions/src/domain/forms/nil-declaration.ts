import type { RawCell } from '../cells/raw-cell.js';
import { isBlankCell } from '../cells/blank.js';
import { foldForMatch } from '../cells/fold.js';

/** What a unit types in a row to declare it had nothing to report for a period. */
export const NIL_PHRASE = 'Không phát sinh';

const NIL_FOLDED = foldForMatch(NIL_PHRASE);

/**
 * A row declares "không phát sinh" when one cell says so and every other cell is blank,
 * except the running number (STT), the period column (which names the period) and the status column.
 */
export function isNilDeclaration(cells: readonly RawCell[], ignoredIndexes: ReadonlySet<number>): boolean {
  let phrases = 0;
  for (const [index, cell] of cells.entries()) {
    if (ignoredIndexes.has(index) || isBlankCell(cell)) continue;
    if (typeof cell !== 'string' || foldForMatch(cell) !== NIL_FOLDED) return false;
    phrases++;
  }
  return phrases === 1;
}
