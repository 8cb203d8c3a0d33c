import { describe, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { parseVietnameseTime } from '../../../functions/src/domain/cells/time.js';
import { expectParsed, expectRejected } from './cell-expect.js';

describe('parseVietnameseTime', () => {
  it.each<[string, RawCell, string]>([
    ['14g00', '14g00', '14:00'],
    ['14g', '14g', '14:00'],
    ['14G30', '14G30', '14:30'],
    ['14h00', '14h00', '14:00'],
    ['14h', '14h', '14:00'],
    ['14h30p', '14h30p', '14:30'],
    ['14:00', '14:00', '14:00'],
    ['9:05', '9:05', '09:05'],
    ['seconds dropped', '07:30:45', '07:30'],
    ['colon with trailing h', '14:00h', '14:00'],
    ['colon with sáng', '7:30 sáng', '07:30'],
    ['14 giờ 30', '14 giờ 30', '14:30'],
    ['14 giờ', '14 giờ', '14:00'],
    ['14 giờ 30 phút', '14 giờ 30 phút', '14:30'],
    ['NFD giờ', '14 giờ 30'.normalize('NFD'), '14:30'],
    ['2 giờ chiều', '2 giờ chiều', '14:00'],
    ['7 giờ sáng', '7 giờ sáng', '07:00'],
    ['8 giờ tối', '8 giờ tối', '20:00'],
    ['7h30 tối', '7h30 tối', '19:30'],
    ['2 giờ rưỡi chiều', '2 giờ rưỡi chiều', '14:30'],
    ['lúc prefix', 'lúc 9h', '09:00'],
    ['14 giờ chiều stays 14', '14 giờ chiều', '14:00'],
    ['serial 0.5', 0.5, '12:00'],
    ['serial 0', 0, '00:00'],
    ['serial rounded to nearest minute', 0.4166666, '10:00'],
    ['serial 10:29:40 rounds up', (10 * 3600 + 29 * 60 + 40) / 86400, '10:30'],
    ['Date object', new Date(Date.UTC(1899, 11, 30, 14, 30)), '14:30'],
    ['Date 9:59:59.999 rounds', new Date(Date.UTC(2024, 8, 15, 9, 59, 59, 999)), '10:00'],
    ['NBSP around', '\u00A014:00\u00A0', '14:00'],
  ])('accepts %s', (_label, cell, expected) => {
    expectParsed(parseVietnameseTime(cell), expected);
  });

  it.each<[string, RawCell, string]>([
    ['25:00', '25:00', 'không có 25 giờ'],
    ['24:00', '24:00', 'không có 24 giờ'],
    ['14:60', '14:60', 'không có 60 phút'],
    ['one-digit minutes', '9:5', 'không phải giờ hợp lệ (cần giờ:phút, ví dụ 14:00 hoặc 14g00)'],
    ['negative text', '-5:00', 'không phải giờ hợp lệ'],
    ['negative serial', -0.25, 'không phải giờ hợp lệ'],
    ['serial of a whole day', 1, 'ô chứa một số, không phải giờ'],
    ['14 giờ sáng is a contradiction', '14 giờ sáng', 'không có 14 giờ'],
    ['words', 'buổi sáng', 'không phải giờ hợp lệ'],
    ['NaN', Number.NaN, 'không phải giờ hợp lệ'],
    ['invalid Date', new Date('x'), 'không phải giờ hợp lệ'],
    ['error cell', { error: '#N/A' }, 'ô đang báo lỗi #N/A'],
    ['lone space', ' ', 'ô trống'],
    ['long text', '1'.repeat(50_000), 'không phải giờ hợp lệ'],
  ])('rejects %s', (_label, cell, phrase) => {
    expectRejected(parseVietnameseTime(cell), phrase);
  });
});
