import { describe, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { parseVietnameseMonth } from '../../../functions/src/domain/cells/month.js';
import { expectNoted, expectParsed, expectRejected } from './cell-expect.js';

describe('parseVietnameseMonth', () => {
  it.each<[string, RawCell, string]>([
    ['m/yyyy', '4/2020', '2020-04'],
    ['mm/yyyy', '04/2020', '2020-04'],
    ['dash', '04-2020', '2020-04'],
    ['T prefix', 'T4/2020', '2020-04'],
    ['Tháng prefix', 'Tháng 4/2020', '2020-04'],
    ['words', 'tháng 4 năm 2020', '2020-04'],
    ['NFD words', 'Tháng 12 năm 2019'.normalize('NFD'), '2019-12'],
    ['ISO', '2020-04', '2020-04'],
    ['full date', '15/04/2020', '2020-04'],
    ['Date object', new Date(Date.UTC(2020, 3, 1)), '2020-04'],
    ['date serial', 43936, '2020-04'],
    ['spaces', '  tháng  4 / 2020 ', '2020-04'],
  ])('accepts %s', (_label, cell, expected) => {
    expectParsed(parseVietnameseMonth(cell), expected);
  });

  it('completes the two-digit year of a full date and notes it', () => {
    expectNoted(parseVietnameseMonth('15/4/20'), '2020-04', 'đã hiểu năm là 2020');
  });

  it.each<[string, RawCell, string]>([
    ['bare month text', '4', 'thiếu năm (ví dụ 4/2020)'],
    ['bare month number', 4, 'thiếu năm'],
    ['Tháng 4', 'Tháng 4', 'thiếu năm'],
    ['T4', 'T4', 'thiếu năm'],
    ['month 13', '13/2020', 'không có tháng 13'],
    ['ISO month 0', '2020-00', 'không có tháng 0'],
    ['words', 'tháng tư', 'không phải tháng hợp lệ (cần tháng/năm, ví dụ 4/2020)'],
    ['NaN', Number.NaN, 'không phải tháng hợp lệ'],
    ['error cell', { error: '#REF!' }, 'ô đang báo lỗi #REF!'],
    ['lone space', ' ', 'ô trống'],
  ])('rejects %s', (_label, cell, phrase) => {
    expectRejected(parseVietnameseMonth(cell), phrase);
  });
});
