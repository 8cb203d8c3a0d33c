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
import { formatOldMobile, readPhoneNumber, type PhoneNumberRead } from './phone-number.js';
import { findPhonesInText } from './phones-in-text.js';

const EXPECTED = 'cần 10 chữ số, bắt đầu bằng 0, ví dụ 0983 018 027';
const INVALID = `không phải số điện thoại Việt Nam (${EXPECTED})`;
/** Longest text searched for a number among labels and notes. */
const MAX_TEXT = 120;

/** Parse a Vietnamese phone number ('0983.018.027', '+84 983 018 027', 983018027, old 0168…, 'ĐT: 0983 018 027 (Zalo)') into '0983018027' (or an 11-digit 02… landline). */
export function parseVietnamesePhone(cell: RawCell): CellParse<string> {
  if (isCellError(cell)) return rejected(errorCellReason(cell));
  if (isPendingFormula(cell)) return rejected(PENDING_FORMULA_REASON);
  let raw: string;
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell) || cell <= 0) return rejected(INVALID);
    raw = String(cell);
  } else if (typeof cell === 'string') {
    raw = cleanText(cell).replace(/^'/, '');
    if (raw === '') return rejected(blankCellReason(EXPECTED));
  } else {
    return cell === null || cell === undefined ? rejected(blankCellReason(EXPECTED)) : rejected(INVALID);
  }
  const whole = readPhoneNumber(raw);
  if (whole) return parsed(whole.phone, renumberedNote(whole));
  return typeof cell === 'string' && raw.length <= MAX_TEXT ? phoneAmongText(raw) : rejected(INVALID);
}

/** The one number of a text with a label or a note; two different numbers are the unit's choice to make. */
function phoneAmongText(text: string): CellParse<string> {
  const found = findPhonesInText(text);
  const distinct = [...new Map(found.phones.map((p) => [p.phone, p])).values()];
  const [first] = distinct;
  if (distinct.length > 1) {
    const names = distinct.map((p) => formatVietnamesePhone(p.phone));
    return rejected(
      `có ${distinct.length} số điện thoại (${names.slice(0, -1).join(', ')} và ${names.at(-1) ?? ''}); hãy để một số trong ô này`,
    );
  }
  if (!first) return rejected(INVALID);
  const [stray] = found.strayNumbers;
  if (stray !== undefined)
    return rejected(
      `ngoài số ${formatVietnamesePhone(first.phone)} còn có '${stray}' không phải số điện thoại; hãy để một số trong ô này`,
    );
  return parsed(first.phone, renumberedNote(first) ?? `đã hiểu SĐT là ${formatVietnamesePhone(first.phone)}`);
}

/** Note for an old 11-digit mobile read as its new number. */
function renumberedNote(read: PhoneNumberRead): string | undefined {
  if (read.renumberedFrom === undefined) return undefined;
  return `đã đổi số cũ ${formatOldMobile(read.renumberedFrom)} thành ${formatVietnamesePhone(read.phone)}`;
}

/** Group a canonical phone number for reading: '0983018027' → '0983 018 027', '02838291234' → '028 3829 1234'. */
export function formatVietnamesePhone(phone: string): string {
  if (/^0\d{9}$/.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  if (/^02[48]\d{8}$/.test(phone)) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  if (/^02\d{9}$/.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  return phone;
}
