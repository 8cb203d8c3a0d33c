import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { formatVietnamesePhone, parseVietnamesePhone } from '../../../functions/src/domain/cells/phone.js';
import { expectParsed, expectRejected } from './cell-expect.js';

const REASON = 'không phải số điện thoại Việt Nam (cần 10 chữ số, bắt đầu bằng 0, ví dụ 0983 018 027)';

describe('parseVietnamesePhone', () => {
  it.each<[string, RawCell, string]>([
    ['dots', '0983.018.027', '0983018027'],
    ['spaces', '0983 018 027', '0983018027'],
    ['dashes', '0983-018-027', '0983018027'],
    ['+84 with spaces', '+84 983 018 027', '0983018027'],
    ['+84 glued', '+84983018027', '0983018027'],
    ['84 without plus', '84983018027', '0983018027'],
    ['(+84)', '(+84) 983 018 027', '0983018027'],
    ['+84 keeping the 0', '+84 0983 018 027', '0983018027'],
    ['0084', '0084 983 018 027', '0983018027'],
    ['leading zero lost, string', '983018027', '0983018027'],
    ['leading zero lost, number', 983018027, '0983018027'],
    ['84… as number', 84983018027, '0983018027'],
    ['NBSP trailing', '0983018027\u00A0', '0983018027'],
    ['apostrophe text prefix', "'0983018027", '0983018027'],
    ['03 prefix', '0362 345 678', '0362345678'],
    ['05 prefix', '0523456789', '0523456789'],
    ['07 prefix', '0701234567', '0701234567'],
    ['08 prefix starting with 84', '0843018027', '0843018027'],
    ['08 prefix, zero lost', 843018027, '0843018027'],
    ['old 0168', '01683 018 027', '0383018027'],
    ['old 0162', '0162.345.6789', '0323456789'],
    ['old 0120', '01201234567', '0701234567'],
    ['old 0123', '01231234567', '0831234567'],
    ['old 0127', '01271234567', '0811234567'],
    ['old 0186', '01861234567', '0561234567'],
    ['old 0199', '01991234567', '0591234567'],
    ['old number, zero lost', 1683018027, '0383018027'],
    ['landline', '028 3829 1234', '02838291234'],
    ['landline with +84', '+84 28 3829 1234', '02838291234'],
    ['landline, zero lost', 2838291234, '02838291234'],
  ])('accepts %s', (_label, cell, expected) => {
    expectParsed(parseVietnamesePhone(cell), expected);
  });

  it.each<[string, RawCell, string]>([
    ['too short', '12345', REASON],
    ['0123', '0123', REASON],
    ['11 digits with an unused old prefix', '01301234567', REASON],
    ['04 is not a mobile prefix', '0412345678', REASON],
    ['too long', '098301802799', REASON],
    ['foreign number', '+1 202 555 0100', REASON],
    ['two numbers', '0983018027 - 0912345678', REASON],
    ['letters', 'ĐT: 0983018027', REASON],
    ['fractional number', 983018027.5, REASON],
    ['negative number', -983018027, REASON],
    ['NaN', Number.NaN, REASON],
    ['boolean', true, REASON],
    ['error cell', { error: '#N/A' }, 'ô đang báo lỗi #N/A'],
    ['lone space', ' ', 'ô trống'],
    ['zero-width only', '\u200B', 'ô trống'],
    ['50,000 digits', '9'.repeat(50_000), REASON],
  ])('rejects %s', (_label, cell, phrase) => {
    expectRejected(parseVietnamesePhone(cell), phrase);
  });
});

describe('formatVietnamesePhone', () => {
  it.each<[string, string]>([
    ['0983018027', '0983 018 027'],
    ['02838291234', '028 3829 1234'],
    ['02363821234', '0236 382 1234'],
    ['12345', '12345'],
  ])('%s → %s', (phone, expected) => {
    expect(formatVietnamesePhone(phone)).toBe(expected);
  });
});
