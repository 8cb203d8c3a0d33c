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
import { MAX_DATE_SERIAL, pad2, serialDayToYmd, utcYmd } from '../time/calendar.js';
import { foldDateText, readDateText, twoDigitYearNote } from './date-text.js';

const EXPECTED = 'cần tháng/năm, ví dụ 4/2020';
const INVALID = `không phải tháng hợp lệ (${EXPECTED})`;
const MISSING_YEAR = 'thiếu năm (ví dụ 4/2020)';

/** 'T4/2020', 'tháng 4/2020', '04-2020', '4.2020'. */
const MONTH_FIRST = /^(?:thang|t)?\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
/** 'tháng 4 năm 2020', 'tháng 4, 2020'. */
const MONTH_WORDS = /^(?:thang|t)\s*(\d{1,2})(?:\s*,\s*|\s+)(?:nam\s*)?(\d{4})$/;
/** '2020-04', '2020/04'. */
const YEAR_FIRST = /^(\d{4})\s*[/.-]\s*(\d{1,2})$/;
/** A month without its year: '4', 'T4', 'Tháng 4', 'tháng 04'. */
const NO_YEAR = /^(?:thang|t)?\s*\d{1,2}$/;

function monthId(year: number, month: number): CellParse<string> {
  if (month < 1 || month > 12) return rejected(`không có tháng ${month} (${EXPECTED})`);
  if (year < 1800 || year > 9999) return rejected(`năm ${year} không hợp lệ (${EXPECTED})`);
  return parsed(`${year}-${pad2(month)}`);
}

/** Parse a reporting month ('4/2020', 'T4/2020', 'Tháng 4/2020', 'tháng 4 năm 2020', '2020-04', a date) into 'YYYY-MM'. */
export function parseVietnameseMonth(cell: RawCell): CellParse<string> {
  if (isCellError(cell)) return rejected(errorCellReason(cell));
  if (isPendingFormula(cell)) return rejected(PENDING_FORMULA_REASON);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return rejected(INVALID);
    if (Number.isInteger(cell) && cell >= 1 && cell <= 12) return rejected(MISSING_YEAR);
    const day = Math.floor(cell);
    if (day < 1 || day > MAX_DATE_SERIAL) return rejected(INVALID);
    const ymd = serialDayToYmd(day);
    return monthId(ymd.year, ymd.month);
  }
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return rejected(INVALID);
    const ymd = utcYmd(cell);
    return monthId(ymd.year, ymd.month);
  }
  if (typeof cell !== 'string')
    return cell === null || cell === undefined ? rejected(blankCellReason(EXPECTED)) : rejected(INVALID);
  const text = cleanText(cell);
  if (text === '') return rejected(blankCellReason(EXPECTED));
  const t = foldDateText(text);
  if (t.length > 60) return rejected(INVALID);
  const m = MONTH_FIRST.exec(t) ?? MONTH_WORDS.exec(t);
  if (m) return monthId(Number(m[2]), Number(m[1]));
  const y = YEAR_FIRST.exec(t);
  if (y) return monthId(Number(y[1]), Number(y[2]));
  if (NO_YEAR.test(t)) return rejected(MISSING_YEAR);
  const date = readDateText(t);
  if (date.ok && date.rest === '') {
    const month = monthId(date.ymd.year, date.ymd.month);
    const note = twoDigitYearNote(date);
    return month.ok && note ? parsed(month.value, note) : month;
  }
  return rejected(INVALID);
}
