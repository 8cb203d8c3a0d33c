import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { displayCell } from '../../../functions/src/domain/cells/cell-display.js';

describe('displayCell', () => {
  it.each<[string, RawCell, string]>([
    ['text cleaned', '  Nguyễn\u00A0Văn   A ', 'Nguyễn Văn A'],
    ['NFD text made NFC', 'Đoàn'.normalize('NFD'), 'Đoàn'],
    ['newlines become spaces', 'dòng 1\ndòng 2', 'dòng 1 dòng 2'],
    ['exactly 60 characters kept', 'a'.repeat(60), 'a'.repeat(60)],
    ['long text cut to 60 with …', 'b'.repeat(50_000), `${'b'.repeat(60)}…`],
    ['integer Vietnamese-style', 1900000, '1.900.000'],
    ['decimal Vietnamese-style', 2.5, '2,5'],
    ['large number without exponent', 12345678901, '12.345.678.901'],
    ['-0', -0, '0'],
    ['astronomical number stays short', 1.5e300, '1,5e+300'],
    ['NaN', Number.NaN, 'NaN'],
    ['date', new Date(Date.UTC(2024, 8, 15)), '15/09/2024'],
    ['date with time', new Date(Date.UTC(2024, 8, 15, 10, 5)), '15/09/2024 10:05'],
    ['invalid date', new Date(Number.NaN), 'ngày không hợp lệ'],
    ['true', true, 'TRUE'],
    ['false', false, 'FALSE'],
    ['error cell', { error: '#REF!' }, '#REF!'],
    ['null', null, ''],
  ])('%s', (_label, cell, expected) => {
    expect(displayCell(cell)).toBe(expected);
  });
});
