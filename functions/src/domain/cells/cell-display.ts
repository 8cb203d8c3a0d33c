import type { RawCell } from './raw-cell.js';
import { isCellError } from './raw-cell.js';
import { cleanText } from './fold.js';
import { pad2, utcYmd, vietnameseDate } from './calendar.js';
import { formatVietnameseNumber } from './number-format.js';

const MAX_CHARS = 60;

/** How to quote a raw cell back to a person: cleaned text cut to 60 characters, Vietnamese numbers and dates, TRUE/FALSE, error codes. */
export function displayCell(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (isCellError(cell)) return cleanText(cell.error).slice(0, 20);
  if (typeof cell === 'string') {
    const chars = [...cleanText(cell).replace(/\n+/g, ' ')];
    return chars.length > MAX_CHARS ? `${chars.slice(0, MAX_CHARS).join('').trimEnd()}…` : chars.join('');
  }
  if (typeof cell === 'number') return formatVietnameseNumber(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return 'ngày không hợp lệ';
    const date = vietnameseDate(utcYmd(cell));
    const hours = cell.getUTCHours();
    const minutes = cell.getUTCMinutes();
    return hours === 0 && minutes === 0 ? date : `${date} ${pad2(hours)}:${pad2(minutes)}`;
  }
  return '';
}
