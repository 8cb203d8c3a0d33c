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
import type { Ymd } from '../time/calendar.js';
import { MAX_DATE_SERIAL, impossibleDateReason, isoDate, serialDayToYmd, utcYmd } from '../time/calendar.js';
import { readDateText, twoDigitYearNote } from './date-text.js';
import type { HourMinute } from './time.js';
import { dateToNearestMinute, formatHourMinute, readTimeText } from './time.js';

const EXPECTED = 'cần giờ và ngày, ví dụ 10:00 15/09/2024';
const INVALID = `không phải ngày giờ hợp lệ (${EXPECTED})`;
const MINUTES_PER_DAY = 1440;

function stamp(ymd: Ymd, time: HourMinute): string {
  return `${isoDate(ymd)}T${formatHourMinute(time)}`;
}

/** Parse a date and time ('10g00 15/09/2024', '15/09/2024 10:00', serial, Date) into wall-clock 'YYYY-MM-DDTHH:mm' (Asia/Ho_Chi_Minh, no offset). */
export function parseVietnameseDateTime(cell: RawCell): CellParse<string> {
  if (isCellError(cell)) return rejected(errorCellReason(cell));
  if (isPendingFormula(cell)) return rejected(PENDING_FORMULA_REASON);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1) return rejected(INVALID);
    const totalMinutes = Math.round(cell * MINUTES_PER_DAY);
    const day = Math.floor(totalMinutes / MINUTES_PER_DAY);
    if (day > MAX_DATE_SERIAL) return rejected(INVALID);
    const minutes = totalMinutes - day * MINUTES_PER_DAY;
    return parsed(stamp(serialDayToYmd(day), { hour: Math.floor(minutes / 60), minute: minutes % 60 }));
  }
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return rejected(INVALID);
    const d = dateToNearestMinute(cell);
    const ymd = utcYmd(d);
    if (impossibleDateReason(ymd)) return rejected(INVALID);
    return parsed(stamp(ymd, { hour: d.getUTCHours(), minute: d.getUTCMinutes() }));
  }
  if (typeof cell !== 'string')
    return cell === null || cell === undefined ? rejected(blankCellReason(EXPECTED)) : rejected(INVALID);
  const text = cleanText(cell);
  if (text === '') return rejected(blankCellReason(EXPECTED));
  const date = readDateText(text);
  if (!date.ok) {
    if (readTimeText(text).ok) return rejected(`thiếu ngày (${EXPECTED})`);
    return rejected(date.reason);
  }
  if (date.rest === '') return parsed(stamp(date.ymd, { hour: 0, minute: 0 }), twoDigitYearNote(date));
  const time = readTimeText(date.rest);
  return time.ok
    ? parsed(stamp(date.ymd, time.time), twoDigitYearNote(date))
    : rejected(time.reason.replace('không phải giờ hợp lệ', 'giờ không hợp lệ'));
}
