import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { isBlankCell } from '../../../functions/src/domain/cells/blank.js';
import { cleanText } from '../../../functions/src/domain/cells/fold.js';

describe('isBlankCell', () => {
  it.each<[string, RawCell]>([
    ['null', null],
    ['undefined', undefined],
    ['empty string', ''],
    ['lone space', ' '],
    ['NBSP', '\u00A0'],
    ['zero-width space', '\u200B'],
    ['BOM', '\uFEFF'],
    ['tabs and newlines', '\t\n\r\n'],
    ['ideographic space', '\u3000'],
    ['mixture', ' \u00A0\u200B\t\u3000\n '],
  ])('%s is blank', (_label, cell) => {
    expect(isBlankCell(cell)).toBe(true);
  });

  it.each<[string, RawCell]>([
    ['zero', 0],
    ['NaN', Number.NaN],
    ['false', false],
    ['Date', new Date(0)],
    ['invalid Date', new Date(Number.NaN)],
    ['error cell', { error: '#N/A' }],
    ['a dot', '.'],
    ['a dash', '-'],
    ['text with spaces', ' x '],
  ])('%s is not blank', (_label, cell) => {
    expect(isBlankCell(cell)).toBe(false);
  });

  it.each([
    ' ',
    '\u00A0\u202F\u2007',
    '\u200B\u200C\u200D\u2060\u00AD',
    '\u200E\u200F\u202A',
    '\u0000\u0007\u001F\u007F\u0085',
    '\u2028\u2029\r',
    ' a ',
    '\u0301',
    '\u200Bx\u200B',
    'Tổng cộng',
    '\u3000.\u3000',
  ])('agrees with cleanText on %j (blank exactly when cleaning leaves nothing)', (text) => {
    expect(isBlankCell(text)).toBe(cleanText(text) === '');
  });
});
