import { isBlankCell } from '../cells/blank.js';
import { parseVietnameseDateTime } from '../cells/datetime.js';
import { cleanText } from '../cells/fold.js';
import type { RawCell } from '../cells/raw-cell.js';
import { ICT_OFFSET_MS, ictInstant } from '../time/ict.js';

/** Google Forms' "Dấu thời gian" as text: d/m/yyyy h:mm:ss (seconds optional), Vietnam time. */
const FORM_STAMP = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a row's own time cell names (Vietnam time): Google Forms' 'dd/mm/yyyy hh:mm:ss' to the
 * second, else any date and time the form cells accept; undefined when blank or not a date and time.
 */
export function rowTimestamp(cell: RawCell): Date | undefined {
  if (isBlankCell(cell)) return undefined;
  // Workbook dates hold the wall-clock time as if it were UTC: shifted, the seconds are kept.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : new Date(cell.getTime() - ICT_OFFSET_MS);
  if (typeof cell === 'string') {
    const m = FORM_STAMP.exec(cleanText(cell));
    if (m) {
      const [day, month, year, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
      const utc = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0, hour ?? 0, minute ?? 0, second ?? 0);
      const back = new Date(utc);
      // 31/02 or 25:00 roll over in Date.UTC: a stamp that does not read back the same is not a real time.
      if (
        back.getUTCDate() !== day ||
        back.getUTCMonth() !== (month ?? 1) - 1 ||
        (hour ?? 0) > 23 ||
        (second ?? 0) > 59
      )
        return undefined;
      return new Date(utc - ICT_OFFSET_MS);
    }
  }
  const parsed = parseVietnameseDateTime(cell);
  if (!parsed.ok) return undefined;
  const [date, time] = parsed.value.split('T');
  return date === undefined ? undefined : ictInstant(date, time);
}
