/** Old 11-digit mobile prefixes and their replacements since the 2018 renumbering. */
const RENUMBERED: Readonly<Record<string, string>> = {
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0126': '076',
  '0127': '081',
  '0128': '078',
  '0129': '082',
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  '0186': '056',
  '0188': '058',
  '0199': '059',
};
/** Characters people put between the digits of a phone number. */
const PHONE_CHARS = /^[+(]*\d[\d\s.\-()+/]*$/;

/** One phone number read from a piece of text: its canonical digits, and the old 11-digit mobile it replaced. */
export interface PhoneNumberRead {
  readonly phone: string;
  readonly renumberedFrom?: string;
}

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
function canonicalPhone(digits: string): PhoneNumberRead | undefined {
  if (/^0[35789]\d{8}$/.test(digits)) return { phone: digits };
  if (/^02\d{9}$/.test(digits)) return { phone: digits };
  if (/^01\d{9}$/.test(digits)) {
    const prefix = RENUMBERED[digits.slice(0, 4)];
    return prefix ? { phone: prefix + digits.slice(4), renumberedFrom: digits } : undefined;
  }
  return undefined;
}

/** Read a text made only of one phone number's characters ('0983.018.027', '+84 983 018 027', '(+84) 983…'); undefined otherwise. */
export function readPhoneNumber(raw: string): PhoneNumberRead | undefined {
  if (raw.length > 40 || !PHONE_CHARS.test(raw)) return undefined;
  return canonicalPhone(nationalDigits(raw.replace(/^\(\+?84\)/, '+84')));
}

/** Group an old 11-digit mobile number for reading: '01689012345' → '0168 901 2345'. */
export function formatOldMobile(digits: string): string {
  return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
}
