import type { CellParse, RawCell } from './raw-cell.js';
import {
  errorCellReason,
  isCellError,
  isPendingFormula,
  PENDING_FORMULA_REASON,
  parsed,
  rejected,
} from './raw-cell.js';
import { blankCellReason } from './blank.js';
import { foldForMatch } from './fold.js';

const EXPECTED = "cần 'Có' hoặc 'Không'";

/** Folded words meaning yes (accents, case and punctuation ignored). */
const YES = new Set([
  'co',
  'x',
  '✓',
  '✔',
  '✅',
  'roi',
  'da',
  'da dong',
  'da nop',
  'co dong',
  'yes',
  'y',
  'true',
  '1',
  'ok',
]);
/** Folded words meaning no. */
const NO = new Set(['khong', 'k', 'ko', 'kh', 'chua', 'chua dong', 'chua nop', 'khong dong', 'no', 'n', 'false', '0']);

/** Parse a yes/no cell ('Có', 'x', '✓', 'Đã đóng', 1, TRUE / 'Không', 'Chưa', 0, FALSE). */
export function parseVietnameseBool(cell: RawCell): CellParse<boolean> {
  if (isCellError(cell)) return rejected(errorCellReason(cell));
  if (isPendingFormula(cell)) return rejected(PENDING_FORMULA_REASON);
  if (typeof cell === 'boolean') return parsed(cell);
  if (typeof cell === 'number') {
    if (cell === 1) return parsed(true);
    if (cell === 0) return parsed(false);
    return rejected(EXPECTED);
  }
  if (typeof cell !== 'string')
    return cell === null || cell === undefined ? rejected(blankCellReason(EXPECTED)) : rejected(EXPECTED);
  if (cell.length > 100) return rejected(EXPECTED);
  const key = foldForMatch(cell);
  if (key === '') return rejected(blankCellReason(EXPECTED));
  if (YES.has(key)) return parsed(true);
  if (NO.has(key)) return parsed(false);
  return rejected(EXPECTED);
}
