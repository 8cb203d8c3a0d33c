import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetter } from '../../../functions/src/domain/sheets/a1.js';

describe('A1 column letters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [199, 'GR'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('column index %i is %s, and back', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it('reads lower-case letters as upper-case', () => {
    expect(columnIndex('xfd')).toBe(16_383);
  });

  it('round-trips every column a workbook can have', () => {
    for (let index = 0; index < 16_384; index++) expect(columnIndex(columnLetter(index))).toBe(index);
  });
});
