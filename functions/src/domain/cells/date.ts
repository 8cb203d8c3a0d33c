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
import { MAX_DATE_SERIAL, impossibleDateReason, isoDate, serialDayToYmd, utcYmd } from '../time/calendar.js';
import { DATE_EXPECTED, readDateText, twoDigitYearNote } from './date-text.js';
import { readTimeText } from './time.js';

const INVALID = `không phải ngày hợp lệ (${DATE_EXPECTED})`;

/** Parse a date typed the Vietnamese way (day first; '15/9/2024', 'ngày 15 tháng 9 năm 2024', serial, Date) into 'YYYY-MM-DD'. */
export function parseVietnameseDate(cell: RawCell): CellParse<string> {
  if (isCellError(cell)) return rejected(errorCellReason(cell));
  if (isPendingFormula(cell)) return rejected(PENDING_FORMULA_REASON);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return rejected(INVALID);
    const day = Math.floor(cell);
    if (day < 1 || day > MAX_DATE_SERIAL)
      return rejected(`không phải ngày hợp lệ: số này không ứng với ngày nào (${DATE_EXPECTED})`);
    return parsed(isoDate(serialDayToYmd(day)));
  }
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return rejected(INVALID);
    const ymd = utcYmd(cell);
    const problem = impossibleDateReason(ymd);
    return problem ? rejected(`không phải ngày hợp lệ: ${problem} (${DATE_EXPECTED})`) : parsed(isoDate(ymd));
  }
  if (typeof cell !== 'string')
    return cell === null || cell === undefined ? rejected(blankCellReason(DATE_EXPECTED)) : rejected(INVALID);
  const text = cleanText(cell);
  if (text === '') return rejected(blankCellReason(DATE_EXPECTED));
  const read = readDateText(text);
  if (!read.ok) return rejected(read.reason);
  if (read.rest !== '' && !readTimeText(read.rest).ok) return rejected(INVALID);
  return parsed(isoDate(read.ymd), twoDigitYearNote(read));
}
