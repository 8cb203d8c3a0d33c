import { describe, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { parseVietnameseDateTime } from '../../../functions/src/domain/cells/datetime.js';
import { expectNoted, expectParsed, expectRejected } from './cell-expect.js';

describe('parseVietnameseDateTime', () => {
  it.each<[string, RawCell, string]>([
    ['time first, g', '10g00 15/09/2024', '2024-09-15T10:00'],
    ['words', '10 giờ 00 ngày 15/9/2024', '2024-09-15T10:00'],
    ['date then colon time', '15/09/2024 10:00', '2024-09-15T10:00'],
    ['date then h time', '15/9/2024 14h30', '2024-09-15T14:30'],
    ['official style', '10 giờ 00, thứ Hai, ngày 16/9/2024', '2024-09-16T10:00'],
    ['date with dash connector', '15/09/2024 - 2 giờ chiều', '2024-09-15T14:00'],
    ['ISO', '2024-09-15T10:00', '2024-09-15T10:00'],
    ['NFD', '10 giờ ngày 15 tháng 9 năm 2024'.normalize('NFD'), '2024-09-15T10:00'],
    ['date alone', '15/09/2024', '2024-09-15T00:00'],
    ['serial with fraction', 45550.4166667, '2024-09-15T10:00'],
    ['whole serial', 45550, '2024-09-15T00:00'],
    ['serial just before midnight rounds to next day', 45550.99999, '2024-09-16T00:00'],
    ['Date object', new Date(Date.UTC(2024, 8, 15, 10, 0)), '2024-09-15T10:00'],
    ['Date with float error', new Date(Date.UTC(2024, 8, 15, 9, 59, 59, 998)), '2024-09-15T10:00'],
  ])('accepts %s', (_label, cell, expected) => {
    expectParsed(parseVietnameseDateTime(cell), expected);
  });

  it.each<[string, RawCell, string, string]>([
    ['two-digit year with a time', '10g00 15/9/24', '2024-09-15T10:00', 'đã hiểu năm là 2024'],
    ['two-digit year alone', '15/9/24', '2024-09-15T00:00', 'đã hiểu năm là 2024'],
  ])('completes a two-digit year and notes it: %s', (_label, cell, expected, note) => {
    expectNoted(parseVietnameseDateTime(cell), expected, note);
  });

  it.each<[string, RawCell, string]>([
    ['time only', '10:00', 'thiếu ngày'],
    ['month first', '9/15/2024 10:00', 'không có tháng 15'],
    ['bad hour', '15/09/2024 25:00', 'không có 25 giờ'],
    ['junk after date', '15/09/2024 sáng sớm', 'giờ không hợp lệ'],
    ['missing year', '10:00 15/09', 'không phải ngày hợp lệ'],
    ['serial below 1', 0.5, 'không phải ngày giờ hợp lệ (cần giờ và ngày, ví dụ 10:00 15/09/2024)'],
    ['Infinity', Number.NEGATIVE_INFINITY, 'không phải ngày giờ hợp lệ'],
    ['invalid Date', new Date(Number.NaN), 'không phải ngày giờ hợp lệ'],
    ['error cell', { error: '#VALUE!' }, 'ô đang báo lỗi #VALUE!'],
    ['zero-width only', '\u200B', 'ô trống'],
    ['boolean', false, 'không phải ngày giờ hợp lệ'],
  ])('rejects %s', (_label, cell, phrase) => {
    expectRejected(parseVietnameseDateTime(cell), phrase);
  });
});
