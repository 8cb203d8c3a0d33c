import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { formatVietnamesePhone, parseVietnamesePhone } from '../../../functions/src/domain/cells/phone.js';
import { expectNoted, expectParsed, expectRejected } from './cell-expect.js';

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
    ['landline', '028 3829 1234', '02838291234'],
    ['landline with +84', '+84 28 3829 1234', '02838291234'],
    ['landline, zero lost', 2838291234, '02838291234'],
  ])('accepts %s', (_label, cell, expected) => {
    expectParsed(parseVietnamesePhone(cell), expected);
  });

  it.each<[string, RawCell, string, string]>([
    ['old 0168', '01683 018 027', '0383018027', 'đã đổi số cũ 0168 301 8027 thành 0383 018 027'],
    ['old 0168 from the issue', '0168 901 2345', '0389012345', 'đã đổi số cũ 0168 901 2345 thành 0389 012 345'],
    ['old 0162', '0162.345.6789', '0323456789', 'đã đổi số cũ 0162 345 6789 thành 0323 456 789'],
    ['old 0120', '01201234567', '0701234567', 'đã đổi số cũ 0120 123 4567 thành 0701 234 567'],
    ['old 0123', '01231234567', '0831234567', 'đã đổi số cũ 0123 123 4567 thành 0831 234 567'],
    ['old 0127', '01271234567', '0811234567', 'đã đổi số cũ 0127 123 4567 thành 0811 234 567'],
    ['old 0186', '01861234567', '0561234567', 'đã đổi số cũ 0186 123 4567 thành 0561 234 567'],
    ['old 0199', '01991234567', '0591234567', 'đã đổi số cũ 0199 123 4567 thành 0591 234 567'],
    ['old number, zero lost', 1683018027, '0383018027', 'đã đổi số cũ 0168 301 8027 thành 0383 018 027'],
    ['note in brackets', '0983 018 027 (Zalo)', '0983018027', 'đã hiểu SĐT là 0983 018 027'],
    ['label ĐT:', 'ĐT: 0983 018 027', '0983018027', 'đã hiểu SĐT là 0983 018 027'],
    ['label SĐT glued', 'SĐT:0983.018.027', '0983018027', 'đã hiểu SĐT là 0983 018 027'],
    ['NFD label', 'SĐT 0983018027'.normalize('NFD'), '0983018027', 'đã hiểu SĐT là 0983 018 027'],
    ['label Zalo', 'Zalo 0983018027', '0983018027', 'đã hiểu SĐT là 0983 018 027'],
    ['note (nhà riêng) on a landline', '028 3829 1234 (nhà riêng)', '02838291234', 'đã hiểu SĐT là 028 3829 1234'],
    ['person after a dash', '0983018027 - cô Lan', '0983018027', 'đã hiểu SĐT là 0983 018 027'],
    ['+84 after a label', 'ĐT: +84 983 018 027', '0983018027', 'đã hiểu SĐT là 0983 018 027'],
    ['(+84) after a label', 'ĐT (+84) 983 018 027', '0983018027', 'đã hiểu SĐT là 0983 018 027'],
    ['short numbers in the note are the note', '0983018027 (gọi sau 17h)', '0983018027', 'đã hiểu SĐT là 0983 018 027'],
    ['the same number twice', '0983018027 / 0983.018.027 (Zalo)', '0983018027', 'đã hiểu SĐT là 0983 018 027'],
    [
      'old number with a note says the renumbering',
      '0168 901 2345 (cũ)',
      '0389012345',
      'đã đổi số cũ 0168 901 2345 thành 0389 012 345',
    ],
    ['line break before the note', '0983018027\nnhà riêng', '0983018027', 'đã hiểu SĐT là 0983 018 027'],
  ])('takes the number and notes it: %s', (_label, cell, expected, note) => {
    expectNoted(parseVietnamesePhone(cell), expected, note);
  });

  it.each<[string, RawCell, string]>([
    ['too short', '12345', REASON],
    ['0123', '0123', REASON],
    ['11 digits with an unused old prefix', '01301234567', REASON],
    ['04 is not a mobile prefix', '0412345678', REASON],
    ['too long', '098301802799', REASON],
    ['foreign number', '+1 202 555 0100', REASON],
    ['letters only', 'không có', REASON],
    ['a label and a short number', 'ĐT: 12345', REASON],
    [
      'a note and a long wrong number',
      '0983018027 (cũ 12345678)',
      "ngoài số 0983 018 027 còn có '12345678' không phải số điện thoại; hãy để một số trong ô này",
    ],
    ['200 characters of note', `0983018027 ${'ghi chú '.repeat(25)}`, REASON],
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

  it.each<[string, RawCell, string]>([
    [
      'dash between',
      '0983018027 - 0912345678',
      'có 2 số điện thoại (0983 018 027 và 0912 345 678); hãy để một số trong ô này',
    ],
    [
      'slash between, grouped',
      '0983 018 027/0912 345 678',
      'có 2 số điện thoại (0983 018 027 và 0912 345 678); hãy để một số trong ô này',
    ],
    ['only spaces between', '0983 018 027 0912 345 678', 'có 2 số điện thoại (0983 018 027 và 0912 345 678)'],
    ['labelled numbers', 'SĐT 1: 0983018027, SĐT 2: 0912345678', 'có 2 số điện thoại (0983 018 027 và 0912 345 678)'],
    ['hoặc', '0983018027 hoặc 028 3829 1234', 'có 2 số điện thoại (0983 018 027 và 028 3829 1234)'],
    [
      'three numbers',
      '0983018027; 0912345678; 0388123456',
      'có 3 số điện thoại (0983 018 027, 0912 345 678 và 0388 123 456)',
    ],
  ])('asks which number when a cell holds several: %s', (_label, cell, phrase) => {
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
