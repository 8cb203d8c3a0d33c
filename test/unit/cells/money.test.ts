import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { formatVietnameseMoney, parseVietnameseMoney } from '../../../functions/src/domain/cells/money.js';
import { expectNoted, expectParsed, expectRejected } from './cell-expect.js';

describe('parseVietnameseMoney', () => {
  it.each<[string, RawCell, number]>([
    ['number', 1900000, 1900000],
    ['number with .0', 1900000.0, 1900000],
    ['zero', 0, 0],
    ['-0', -0, 0],
    ['dot groups', '1.900.000', 1900000],
    ['comma groups', '1,900,000', 1900000],
    ['plain digits', '1900000', 1900000],
    ['space groups', '1 900 000', 1900000],
    ['NBSP groups', '1\u00A0900\u00A0000', 1900000],
    ['đ with space', '1.900.000 đ', 1900000],
    ['đ glued', '1.900.000đ', 1900000],
    ['đồng', '1.900.000 đồng', 1900000],
    ['NFD đồng', '1.900.000 đồng'.normalize('NFD'), 1900000],
    ['VNĐ', '1.900.000 VNĐ', 1900000],
    ['vnd', '1.900.000 vnd', 1900000],
    ['₫ sign', '1.900.000₫', 1900000],
    ['decimal comma triệu', '1,9 triệu', 1900000],
    ['decimal dot triệu', '1.9 triệu', 1900000],
    ['tr glued', '1,9tr', 1900000],
    ['tr with digits glued after', '1tr9', 1900000],
    ['2 triệu', '2 triệu', 2000000],
    ['triệu đồng', '2 triệu đồng', 2000000],
    ['500 nghìn', '500 nghìn', 500000],
    ['500 ngàn', '500 ngàn', 500000],
    ['500k', '500k', 500000],
    ['500K', '500K', 500000],
    ['1 tỷ', '1 tỷ', 1000000000],
    ['1,5 tỷ', '1,5 tỷ', 1500000000],
    ['Vietnamese decimals of zero', '1.900.000,00', 1900000],
    ['trailing dot after currency', '1.900.000 đ.', 1900000],
  ])('accepts %s', (_label, cell, expected) => {
    expectParsed(parseVietnameseMoney(cell), expected);
  });

  it.each<[string, RawCell, number, string]>([
    ['per person, đồng', '1.900.000 đồng/người', 1900000, 'đã hiểu số tiền là 1.900.000 đ'],
    ['per person, đ', '1.900.000 đ/người', 1900000, 'đã hiểu số tiền là 1.900.000 đ'],
    ['per person after triệu', '1,9 triệu/người', 1900000, 'đã hiểu số tiền là 1.900.000 đ'],
    ['per month, glued', '500.000đ/tháng', 500000, 'đã hiểu số tiền là 500.000 đ'],
    ['per one person', '500.000đ/1 người', 500000, 'đã hiểu số tiền là 500.000 đ'],
    ['mỗi người', '500.000 đồng mỗi người', 500000, 'đã hiểu số tiền là 500.000 đ'],
    ['note in brackets', '1.900.000 (đã đóng đủ)', 1900000, 'đã hiểu số tiền là 1.900.000 đ'],
    ['note after a dash', '1.900.000đ - chuyển khoản', 1900000, 'đã hiểu số tiền là 1.900.000 đ'],
    ['label before', 'Kinh phí: 1.900.000 đ', 1900000, 'đã hiểu số tiền là 1.900.000 đ'],
    ['estimate', 'khoảng 2 triệu', 2000000, 'đã hiểu số tiền là 2.000.000 đ'],
    ['single comma with 3 digits read as thousands', '1,900', 1900, 'đã hiểu số tiền là 1.900 đ'],
  ])('takes the amount and notes it: %s', (_label, cell, expected, note) => {
    expectNoted(parseVietnameseMoney(cell), expected, note);
  });

  it.each<[string, RawCell, string]>([
    [
      'two amounts with hoặc',
      '1.900.000 hoặc 2.000.000',
      'có 2 số tiền (1.900.000 đ và 2.000.000 đ); hãy để một số tiền trong ô này',
    ],
    ['a range', '1,5 triệu - 2 triệu', 'có 2 số tiền (1.500.000 đ và 2.000.000 đ)'],
    ['two amounts in brackets', '1.900.000đ (đã đóng 500.000đ)', 'có 2 số tiền (1.900.000 đ và 500.000 đ)'],
    ['a bound', 'trên 1 triệu', 'không phải một số tiền cụ thể'],
    ['a rate times a count', '500.000đ/tháng x 3 tháng', 'không phải số tiền hợp lệ'],
    ['a foreign currency with a note', '100 USD (khoảng)', 'không phải số tiền hợp lệ'],
    ['đô is not đồng', '100 đô', 'không phải số tiền hợp lệ'],
  ])('asks or refuses: %s', (_label, cell, phrase) => {
    expectRejected(parseVietnameseMoney(cell), phrase);
  });

  it.each<[string, RawCell, string]>([
    ['negative number', -1900000, 'số tiền không được âm'],
    ['negative text', '-1.900.000', 'số tiền không được âm'],
    ['bad grouping', '1.900.00', 'nhóm chữ số không đúng'],
    ['words', 'một triệu', 'không viết bằng chữ'],
    ['fractional đồng number', 1900000.5, 'số đồng chẵn'],
    ['fractional đồng text', '1.900.000,5', 'số đồng chẵn'],
    ['fractional đồng from a multiplier', '1,2345678 triệu', 'số đồng chẵn'],
    [
      'unknown currency',
      '100 USD',
      'không phải số tiền hợp lệ (cần số tiền bằng chữ số, ví dụ 1.900.000 hoặc 1,9 triệu)',
    ],
    ['NaN', Number.NaN, 'không phải số tiền hợp lệ'],
    ['Infinity', Number.POSITIVE_INFINITY, 'không phải số tiền hợp lệ'],
    ['too large', '1.000.000.000.000 tỷ', 'số tiền quá lớn'],
    ['boolean', true, 'không phải số tiền hợp lệ'],
    ['Date', new Date(Date.UTC(2024, 8, 15)), 'không phải số tiền hợp lệ'],
    ['error cell', { error: '#REF!' }, 'ô đang báo lỗi #REF! (kiểm tra lại công thức)'],
    ['lone space', ' ', 'ô trống'],
    ['NBSP only', '\u00A0', 'ô trống'],
    ['zero-width only', '\u200B', 'ô trống'],
    ['50,000 characters', '1'.repeat(50_000), 'không phải số tiền hợp lệ'],
  ])('rejects %s', (_label, cell, phrase) => {
    expectRejected(parseVietnameseMoney(cell), phrase);
  });
});

describe('formatVietnameseMoney', () => {
  it.each<[number, string]>([
    [1900000, '1.900.000 đ'],
    [0, '0 đ'],
    [500, '500 đ'],
    [1234567.6, '1.234.568 đ'],
  ])('%s → %s', (n, expected) => {
    expect(formatVietnameseMoney(n)).toBe(expected);
  });
});
