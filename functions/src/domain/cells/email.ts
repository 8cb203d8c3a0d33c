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

const EXPECTED = 'ví dụ ten@truong.edu.vn';
const INVALID = `không phải địa chỉ email hợp lệ (${EXPECTED})`;
/** Local part: ASCII letters, digits and . _ % + - ' with no leading, trailing or doubled dot. */
const LOCAL = /^[a-z0-9_%+'-]+(?:\.[a-z0-9_%+'-]+)*$/;
/** Domain: dot-separated labels (no leading/trailing hyphen) ending in a letters-only top-level label. */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Parse an email address: trimmed and lowercased; 'mailto:' and 'Tên <a@b.vn>' wrappers are removed. */
export function parseEmail(cell: RawCell): CellParse<string> {
  if (isCellError(cell)) return rejected(errorCellReason(cell));
  if (isPendingFormula(cell)) return rejected(PENDING_FORMULA_REASON);
  if (typeof cell !== 'string')
    return cell === null || cell === undefined ? rejected(blankCellReason(EXPECTED)) : rejected(INVALID);
  const text = cleanText(cell);
  if (text === '') return rejected(blankCellReason(EXPECTED));
  if (text.length > 320) return rejected(INVALID);
  const bracketed = /<([^<>]*)>\s*$/.exec(text);
  const address = (bracketed?.[1] ?? text)
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/\.$/, '')
    .toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 1 || address.length > 254) return rejected(INVALID);
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local) || !DOMAIN.test(domain)) return rejected(INVALID);
  return parsed(address);
}
