import type { RawCell } from './raw-cell.js';
import { cleanText, foldAccents } from './fold.js';

/** A cell without its column's name in front: 'Tuần 2' or 'tuần thứ 2' in the column 'Tuần' becomes '2'. */
export function withoutHeaderWord(cell: RawCell, header: string): RawCell {
  if (typeof cell !== 'string') return cell;
  const text = cleanText(cell);
  const prefix = `${foldAccents(cleanText(header))} `;
  if (!foldAccents(text).startsWith(prefix)) return cell;
  return text.slice(prefix.length).replace(/^th[ứu]\s+/iu, '');
}
