import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { parseVietnameseDate } from '../../../functions/src/domain/cells/date.js';
import { expectNoted, expectParsed, expectRejected } from './cell-expect.js';

const NBSP = '\u00A0';

describe('parseVietnameseDate', () => {
  it.each<[string, RawCell, string]>([
    ['d/m/yyyy', '15/9/2024', '2024-09-15'],
    ['dd/mm/yyyy', '15/09/2024', '2024-09-15'],
    ['dashes', '15-09-2024', '2024-09-15'],
    ['dots', '15.09.2024', '2024-09-15'],
    ['ISO year first', '2024-09-15', '2024-09-15'],
    ['ISO with time', '2024-09-15T10:00:00', '2024-09-15'],
    ['words', 'ngày 15 tháng 9 năm 2024', '2024-09-15'],
    ['capitalised words, padded month', 'Ngày 15 tháng 09 năm 2024', '2024-09-15'],
    ['words with comma', '15 tháng 9, 2024', '2024-09-15'],
    ['words typed without accents', 'ngay 15 thang 9 nam 2024', '2024-09-15'],
    ['NFD words', 'Ngày 15 tháng 9 năm 2024'.normalize('NFD'), '2024-09-15'],
    ['surrounding spaces and NBSP', `${NBSP} 15/09/2024 ${NBSP}`, '2024-09-15'],
    ['zero-width space inside', '15/09/\u200B2024', '2024-09-15'],
    ['time after the date is ignored', '15/09/2024 10:00', '2024-09-15'],
    ['Vietnamese time after the date', '15/09/2024 14g30', '2024-09-15'],
    ['weekday before the date', 'Thứ Hai, ngày 16/9/2024', '2024-09-16'],
    ['weekday in brackets after the date', '16/09/2024 (thứ 2)', '2024-09-16'],
    ['29 February in a leap year', '29/02/2024', '2024-02-29'],
    ['serial number', 45550, '2024-09-15'],
    ['serial with a time fraction', 45550.75, '2024-09-15'],
    ['serial 1', 1, '1899-12-31'],
    ['last serial', 2958465, '9999-12-31'],
    ['Date at midnight UTC', new Date(Date.UTC(2024, 8, 15)), '2024-09-15'],
    ['Date with wall-clock time in UTC fields', new Date(Date.UTC(2024, 8, 15, 23, 30)), '2024-09-15'],
    ['year 2000 leap day', '29/2/2000', '2000-02-29'],
  ])('accepts %s', (_label, cell, expected) => {
    expectParsed(parseVietnameseDate(cell), expected);
  });

  it.each<[string, RawCell, string, string]>([
    ['two-digit year', '15/9/24', '2024-09-15', 'đã hiểu năm là 2024'],
    ['two-digit year 29 is this century', '1/1/29', '2029-01-01', 'đã hiểu năm là 2029'],
    ['two-digit year 30 is the last century, as in spreadsheets', '12/3/90', '1990-03-12', 'đã hiểu năm là 1990'],
    ['two-digit year 00', '29/2/00', '2000-02-29', 'đã hiểu năm là 2000'],
    ['two-digit year with a time', '15/9/24 10:00', '2024-09-15', 'đã hiểu năm là 2024'],
  ])('completes a two-digit year and notes it: %s', (_label, cell, expected, note) => {
    expectNoted(parseVietnameseDate(cell), expected, note);
  });

  it.each<[string, RawCell, string]>([
    [
      'thứ Hai on a Tuesday',
      'Thứ Hai, ngày 17/9/2024',
      'ngày 17/09/2024 là thứ Ba, không phải thứ Hai (kiểm tra lại ngày)',
    ],
    ['thứ 7 in brackets on a Monday', '16/09/2024 (thứ 7)', 'ngày 16/09/2024 là thứ Hai, không phải thứ Bảy'],
    ['CN on a Monday', 'CN 16/9/2024', 'ngày 16/09/2024 là thứ Hai, không phải Chủ nhật'],
    ['chủ nhật spelled out, without accents', 'chu nhat 16/9/2024', 'không phải Chủ nhật'],
  ])('asks when the weekday written contradicts the date: %s', (_label, cell, phrase) => {
    expectRejected(parseVietnameseDate(cell), phrase);
  });

  it.each<[string, RawCell, string]>([
    ['thứ Hai on a Monday', 'Thứ Hai, 16/9/2024', '2024-09-16'],
    ['thứ 2 on a Monday', '16/09/2024 (thứ 2)', '2024-09-16'],
    ['Chủ nhật on a Sunday', 'Chủ nhật 15/9/2024', '2024-09-15'],
    ['thứ Tư on a Wednesday', 'thứ Tư 18/9/2024', '2024-09-18'],
  ])('accepts a weekday that matches the date: %s', (_label, cell, expected) => {
    expectParsed(parseVietnameseDate(cell), expected);
  });

  it.each<[string, RawCell, string]>([
    ['month first', '9/15/2024', 'không có tháng 15'],
    ['month first hint', '9/15/2024', 'ghi ngày trước, tháng sau'],
    ['month first February', '02/30/2024', 'không có tháng 30'],
    ['31 April', '31/04/2024', 'tháng 4 không có ngày 31'],
    ['29 February in a common year', '29/02/2023', 'năm 2023 không nhuận'],
    ['29 February 1900', '29/02/1900', 'không nhuận'],
    ['day 0', '0/09/2024', 'tháng 9 không có ngày 0'],
    ['missing year', '15/09', 'thiếu năm'],
    ['missing year in words', 'ngày 15 tháng 9', 'thiếu năm'],
    ['three-digit year', '15/09/202', 'không phải ngày hợp lệ (cần ngày/tháng/năm, ví dụ 15/09/2024)'],
    ['words', 'mười lăm tháng chín', 'không phải ngày hợp lệ'],
    ['trailing junk', '15/09/2024 abc', 'không phải ngày hợp lệ'],
    ['impossible time after the date', '15/09/2024 25:00', 'không phải ngày hợp lệ'],
    ['serial 0', 0, 'không ứng với ngày nào'],
    ['negative serial', -5, 'không ứng với ngày nào'],
    ['serial beyond 9999', 2958466, 'không ứng với ngày nào'],
    ['NaN', Number.NaN, 'không phải ngày hợp lệ'],
    ['Infinity', Number.POSITIVE_INFINITY, 'không phải ngày hợp lệ'],
    ['invalid Date', new Date(Number.NaN), 'không phải ngày hợp lệ'],
    ['boolean', true, 'không phải ngày hợp lệ'],
    ['error cell', { error: '#REF!' }, 'ô đang báo lỗi #REF! (kiểm tra lại công thức)'],
    ['lone space', ' ', 'ô trống'],
    ['NBSP only', NBSP, 'ô trống'],
    ['zero-width only', '\u200B\uFEFF', 'ô trống'],
    ['null', null, 'ô trống'],
    ['50,000 characters', '1'.repeat(50_000), 'không phải ngày hợp lệ'],
    ['two dates', '15/09/2024 16/09/2024', 'không phải ngày hợp lệ'],
  ])('rejects %s', (_label, cell, phrase) => {
    expectRejected(parseVietnameseDate(cell), phrase);
  });

  it('never throws on control characters or odd objects', () => {
    const odd = ['\u0000\u0001', '15/09/2024\u0007', {} as unknown as RawCell, [] as unknown as RawCell, -0];
    for (const cell of odd) expect(() => parseVietnameseDate(cell)).not.toThrow();
    expectParsed(parseVietnameseDate('15/09/2024\u0007'), '2024-09-15');
  });
});
