import { describe, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { parseVietnameseBool } from '../../../functions/src/domain/cells/bool.js';
import { expectParsed, expectRejected } from './cell-expect.js';

describe('parseVietnameseBool', () => {
  it.each<[RawCell, boolean]>([
    [true, true],
    [1, true],
    ['Có', true],
    ['có', true],
    ['co', true],
    ['x', true],
    ['X', true],
    ['✓', true],
    ['✔', true],
    ['Rồi', true],
    ['Đã', true],
    ['Đã đóng', true],
    ['ĐÃ ĐÓNG'.normalize('NFD'), true],
    ['yes', true],
    ['true', true],
    [' Có. ', true],
    [false, false],
    [0, false],
    ['Không', false],
    ['không', false],
    ['khong', false],
    ['k', false],
    ['Chưa', false],
    ['no', false],
    ['false', false],
    ['Chưa đóng', false],
  ])('%s → %s', (cell, expected) => {
    expectParsed(parseVietnameseBool(cell), expected);
  });

  it.each<[RawCell, string]>([
    ['Có thể', "cần 'Có' hoặc 'Không'"],
    [2, "cần 'Có' hoặc 'Không'"],
    [Number.NaN, "cần 'Có' hoặc 'Không'"],
    [new Date(0), "cần 'Có' hoặc 'Không'"],
    [' ', 'ô trống'],
    [{ error: '#REF!' }, 'ô đang báo lỗi #REF!'],
  ])('rejects %s', (cell, phrase) => {
    expectRejected(parseVietnameseBool(cell), phrase);
  });
});
