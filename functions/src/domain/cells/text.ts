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
import { cleanText } from './fold.js';
import { utcYmd, vietnameseDate } from '../time/calendar.js';
import { formatVietnameseNumber, plainNumberString } from './number-format.js';

/** Options for a free-text column. */
export interface TextOptions {
  readonly maxLength?: number | undefined;
}

const EXPECTED = 'cần nội dung chữ';

/** The text of any cell: strings cleaned, integers as plain digits (12345678901), TRUE/FALSE as 'Có'/'Không', dates as dd/mm/yyyy. */
export function parseText(cell: RawCell, options: TextOptions = {}): CellParse<string> {
  if (isCellError(cell)) return rejected(errorCellReason(cell));
  if (isPendingFormula(cell)) return rejected(PENDING_FORMULA_REASON);
  let text: string;
  if (typeof cell === 'string') {
    text = cleanText(cell);
  } else if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return rejected(`không phải nội dung hợp lệ (${EXPECTED})`);
    text = plainNumberString(cell);
  } else if (typeof cell === 'boolean') {
    text = cell ? 'Có' : 'Không';
  } else if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return rejected(`ngày không hợp lệ (${EXPECTED})`);
    text = vietnameseDate(utcYmd(cell));
  } else {
    return cell === null || cell === undefined
      ? rejected(blankCellReason(EXPECTED))
      : rejected(`không phải nội dung hợp lệ (${EXPECTED})`);
  }
  if (text === '') return rejected(blankCellReason(EXPECTED));
  const length = [...text].length;
  const max = options.maxLength;
  if (max !== undefined && length > max) {
    return rejected(
      `dài quá ${formatVietnameseNumber(max)} ký tự (đang có ${formatVietnameseNumber(length)} ký tự, cần rút gọn)`,
    );
  }
  return parsed(text);
}
