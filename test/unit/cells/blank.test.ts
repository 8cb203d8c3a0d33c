import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { isBlankCell } from '../../../functions/src/domain/cells/blank.js';

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
});
