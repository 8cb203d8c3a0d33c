import type { RawCell } from './raw-cell.js';
import { isCellError, isPendingFormula } from './raw-cell.js';
import { cleanText } from './fold.js';
import { clockTime, utcYmd, vietnameseDate } from '../time/calendar.js';
import { formatVietnameseNumber } from './number-format.js';

const MAX_CHARS = 60;

/** How to quote a raw cell back to a person: cleaned text cut to 60 characters, Vietnamese numbers and dates, TRUE/FALSE, error codes, '=formula' for a formula without result. */
export function displayCell(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (isCellError(cell)) return cleanText(cell.error).slice(0, 20);
  if (isPendingFormula(cell)) return `=${cleanText(cell.formula).slice(0, MAX_CHARS)}`;
  if (typeof cell === 'string') {
    const chars = [...cleanText(cell).replace(/\n+/g, ' ')];
    return chars.length > MAX_CHARS ? `${chars.slice(0, MAX_CHARS).join('').trimEnd()}…` : chars.join('');
  }
  if (typeof cell === 'number') return displayNumber(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return 'ngày không hợp lệ';
    const date = vietnameseDate(utcYmd(cell));
    const clock = clockTime(cell);
    return clock === '00:00' ? date : `${date} ${clock}`;
  }
  return '';
}

/** Vietnamese-formatted number; astronomically large or tiny values keep a short exponent form ('1,5e+300'). */
function displayNumber(n: number): string {
  const magnitude = Math.abs(n);
  if (Number.isFinite(n) && (magnitude >= 1e21 || (magnitude > 0 && magnitude < 1e-6)))
    return String(n).replace('.', ',');
  return formatVietnameseNumber(n);
}
