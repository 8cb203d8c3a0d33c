import type { CellParse, RawCell } from './raw-cell.js';
import { errorCellReason, isCellError, isPendingFormula, PENDING_FORMULA_REASON, parsed, rejected } from './raw-cell.js';
import { blankCellReason } from './blank.js';
import { cleanText } from './fold.js';

const EXPECTED = 'cần 10 chữ số, bắt đầu bằng 0, ví dụ 0983 018 027';
const INVALID = `không phải số điện thoại Việt Nam (${EXPECTED})`;

/** Old 11-digit mobile prefixes and their replacements since the 2018 renumbering. */
const RENUMBERED: Readonly<Record<string, string>> = {
  '0120': '070', '0121': '079', '0122': '077', '0123': '083', '0124': '084', '0125': '085', '0126': '076',
  '0127': '081', '0128': '078', '0129': '082', '0162': '032', '0163': '033', '0164': '034', '0165': '035',
  '0166': '036', '0167': '037', '0168': '038', '0169': '039', '0186': '056', '0188': '058', '0199': '059',
};
/** Characters people put between the digits of a phone number. */
const PHONE_CHARS = /^[+(]*\d[\d\s.\-()+/]*$/;

/** National digits of a number typed with or without +84 / 84 / the leading 0 lost by a spreadsheet. */
function nationalDigits(raw: string): string {
  let digits = raw.replace(/\D/g, '');
  if (raw.startsWith('+') || digits.startsWith('0084')) {
    if (digits.startsWith('00')) digits = digits.slice(2);
    if (!digits.startsWith('84')) return '';
    digits = digits.slice(2);
  } else if (digits.startsWith('84') && digits.length >= 11) {
    digits = digits.slice(2);
  }
  if (!digits.startsWith('0')) digits = `0${digits}`;
  return digits;
}

/** A canonical Vietnamese phone number, or undefined when the digits are not one. */
function canonicalPhone(digits: string): string | undefined {
  if (/^0[35789]\d{8}$/.test(digits)) return digits;
  if (/^02\d{9}$/.test(digits)) return digits;
  if (/^01\d{9}$/.test(digits)) {
    const prefix = RENUMBERED[digits.slice(0, 4)];
    return prefix ? prefix + digits.slice(4) : undefined;
  }
  return undefined;
}

/** Parse a Vietnamese phone number ('0983.018.027', '+84 983 018 027', 983018027, old 0168…) into '0983018027' (or an 11-digit 02… landline). */
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
  if (raw.length > 40 || !PHONE_CHARS.test(raw)) return rejected(INVALID);
  const phone = canonicalPhone(nationalDigits(raw.replace(/^\(\+?84\)/, '+84')));
  return phone ? parsed(phone) : rejected(INVALID);
}

/** Group a canonical phone number for reading: '0983018027' → '0983 018 027', '02838291234' → '028 3829 1234'. */
export function formatVietnamesePhone(phone: string): string {
  if (/^0\d{9}$/.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  if (/^02[48]\d{8}$/.test(phone)) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  if (/^02\d{9}$/.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  return phone;
}
