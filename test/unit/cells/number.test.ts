import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { parseDecimal, parseInteger } from '../../../functions/src/domain/cells/number.js';
import { formatVietnameseNumber } from '../../../functions/src/domain/cells/number-format.js';
import { expectNoted, expectParsed, expectRejected } from './cell-expect.js';

describe('parseInteger', () => {
  it.each<[string, RawCell, number]>([
    ['number', 25, 25],
    ['number with .0', 25.0, 25],
    ['float error from a formula', 2.9999999999999996, 3],
    ['-0', -0, 0],
    ['string', '25', 25],
    ['padded string', ' 25 ', 25],
    ['thousands dot', '1.200', 1200],
    ['several groups', '1.234.567', 1234567],
    ['space groups with NBSP', '1\u00A0200', 1200],
    ['unit word người', '25 người', 25],
    ['unit word ĐVTN', '25 ĐVTN', 25],
    ['unit word em', '25 em', 25],
    ['glued unit word', '25người', 25],
    ['decimal comma zero', '25,0', 25],
    ['negative without bounds', '-3', -3],
    ['leading zeros', '007', 7],
    ['-0 text', '-0', 0],
  ])('accepts %s', (_label, cell, expected) => {
    expectParsed(parseInteger(cell), expected);
  });

  it.each<[string, RawCell, number, string]>([
    ['thousands comma, a decimal comma to a Vietnamese reader', '1,200', 1200, 'đã hiểu là 1.200'],
    ['khoảng: an estimate is the number meant', 'khoảng 30', 30, 'đã hiểu là 30'],
    ['tầm … người', 'tầm 30 người', 30, 'đã hiểu là 30'],
    ['a label with a colon', 'Tổng số: 25 ĐVTN', 25, 'đã hiểu là 25'],
    ['a note in brackets', '25 người (cả giáo viên)', 25, 'đã hiểu là 25'],
    ['a note after a dash', '25 - cả giáo viên', 25, 'đã hiểu là 25'],
  ])('takes the number and notes it: %s', (_label, cell, expected, note) => {
    expectNoted(parseInteger(cell), expected, note);
  });

  it.each<[string, RawCell, string]>([
    ['fractional number', 25.5, 'phải là số nguyên'],
    ['decimal comma', '25,5', 'phải là số nguyên'],
    ['decimal dot', '2.5', 'phải là số nguyên'],
    ['NaN', Number.NaN, 'không phải số (cần một số nguyên, ví dụ 25)'],
    ['Infinity', Number.POSITIVE_INFINITY, 'không phải số'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'không phải số'],
    ['words', 'hai mươi', 'không phải số'],
    ['range', '25 - 30', 'có 2 số (25 và 30); hãy để một số trong ô này'],
    ['a second number in a note', '25 em, trong đó 10 nữ', 'có 2 số (25 và 10)'],
    ['a bound', 'trên 30', 'không phải một số cụ thể; hãy ghi số chính xác (cần một số nguyên, ví dụ 25)'],
    ['hơn', 'hơn 30 người', 'không phải một số cụ thể'],
    ['a word before without a colon', 'tổng 30', 'không phải số'],
    ['bad grouping', '1.20.0', 'nhóm chữ số không đúng'],
    ['multiplier word', '2 nghìn', 'cần viết đủ chữ số'],
    ['abbreviation tr', '25 tr', 'cần viết đủ chữ số'],
    ['too large', '12345678901234567890', 'số quá lớn'],
    ['unsafe number', 2 ** 60, 'số quá lớn'],
    ['boolean', true, 'không phải số'],
    ['Date', new Date(Date.UTC(2024, 0, 1)), 'không phải số'],
    ['error cell', { error: '#DIV/0!' }, 'ô đang báo lỗi #DIV/0!'],
    ['lone space', ' ', 'ô trống'],
    ['50,000 characters', '9'.repeat(50_000), 'không phải số'],
  ])('rejects %s', (_label, cell, phrase) => {
    expectRejected(parseInteger(cell), phrase);
  });

  it.each<[string, RawCell, { min?: number; max?: number }, string]>([
    ['below min', -1, { min: 0 }, 'phải từ 0 trở lên'],
    ['above max', 6, { max: 5 }, 'không được lớn hơn 5'],
    ['max formatted Vietnamese-style', '1.201', { max: 1200 }, 'không được lớn hơn 1.200'],
  ])('checks bounds: %s', (_label, cell, bounds, phrase) => {
    expectRejected(parseInteger(cell, bounds), phrase);
  });

  it('accepts values on the bounds', () => {
    expectParsed(parseInteger('0', { min: 0, max: 5 }), 0);
    expectParsed(parseInteger(5, { min: 0, max: 5 }), 5);
    expectParsed(parseInteger(3, { min: undefined, max: undefined }), 3);
  });
});

describe('parseDecimal', () => {
  it.each<[string, RawCell, number]>([
    ['decimal comma', '2,5', 2.5],
    ['decimal dot', '2.5', 2.5],
    ['dot with 3 digits is thousands', '1.234', 1234],
    ['dot with 4 digits is decimal', '1234.567', 1234.567],
    ['0.500 is a decimal', '0.500', 0.5],
    ['Vietnamese grouping and decimal', '1.234,5', 1234.5],
    ['English grouping and decimal', '1,234.5', 1234.5],
    ['single comma is always decimal', '1,234', 1.234],
    ['number', 2.75, 2.75],
    ['negative', '-2,5', -2.5],
    ['unit word', '3,5 km', 3.5],
    ['-0', -0, 0],
  ])('accepts %s', (_label, cell, expected) => {
    expectParsed(parseDecimal(cell), expected);
  });

  it('takes an estimate and notes it', () => {
    expectNoted(parseDecimal('khoảng 2,5'), 2.5, 'đã hiểu là 2,5');
  });

  it.each<[string, RawCell, string]>([
    ['two decimal commas', '1,2,3.4,5', 'nhóm chữ số không đúng'],
    ['letters first without a colon', 'dài 2,5', 'không phải số (cần một số, ví dụ 2,5)'],
    ['NaN', Number.NaN, 'không phải số'],
    ['percent', '2,5%', 'không phải số'],
    ['error cell', { error: '#NUM!' }, 'ô đang báo lỗi #NUM!'],
  ])('rejects %s', (_label, cell, phrase) => {
    expectRejected(parseDecimal(cell), phrase);
  });

  it('checks bounds with Vietnamese decimals', () => {
    expectRejected(parseDecimal('10,5', { max: 10 }), 'không được lớn hơn 10');
    expectRejected(parseDecimal('0,5', { min: 1.5 }), 'phải từ 1,5 trở lên');
  });
});

describe('formatVietnameseNumber', () => {
  it.each<[number, string]>([
    [1200, '1.200'],
    [2.5, '2,5'],
    [-1234.5, '-1.234,5'],
    [12345678901, '12.345.678.901'],
    [1e21, '1.000.000.000.000.000.000.000'],
    [1e-7, '0,0000001'],
    [-0, '0'],
    [Number.NaN, 'NaN'],
  ])('%s → %s', (n, expected) => {
    expect(formatVietnameseNumber(n)).toBe(expected);
  });
});
