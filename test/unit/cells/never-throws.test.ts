import { describe, expect, it } from 'vitest';
import { PENDING_FORMULA_REASON, type CellParse, type RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { parseText } from '../../../functions/src/domain/cells/text.js';
import { parseVietnameseDate } from '../../../functions/src/domain/cells/date.js';
import { parseVietnameseTime } from '../../../functions/src/domain/cells/time.js';
import { parseVietnameseDateTime } from '../../../functions/src/domain/cells/datetime.js';
import { parseVietnameseMonth } from '../../../functions/src/domain/cells/month.js';
import { parseDecimal, parseInteger } from '../../../functions/src/domain/cells/number.js';
import { parseVietnameseMoney } from '../../../functions/src/domain/cells/money.js';
import { parseVietnamesePhone } from '../../../functions/src/domain/cells/phone.js';
import { parseEmail } from '../../../functions/src/domain/cells/email.js';
import { parseVietnameseBool } from '../../../functions/src/domain/cells/bool.js';
import { matchEnumOption, matchMultiEnum } from '../../../functions/src/domain/cells/enum.js';
import { displayCell } from '../../../functions/src/domain/cells/cell-display.js';
import { isBlankCell } from '../../../functions/src/domain/cells/blank.js';

const OPTIONS = [
  { value: 'Tổng phụ trách Đội', aliases: ['TPT'] },
  { value: 'Bí thư', aliases: [] },
];

const PARSERS: ReadonlyArray<readonly [string, (cell: RawCell) => CellParse<unknown>]> = [
  ['parseText', (c) => parseText(c, { maxLength: 100 })],
  ['parseVietnameseDate', parseVietnameseDate],
  ['parseVietnameseTime', parseVietnameseTime],
  ['parseVietnameseDateTime', parseVietnameseDateTime],
  ['parseVietnameseMonth', parseVietnameseMonth],
  ['parseInteger', (c) => parseInteger(c, { min: 0, max: 10 })],
  ['parseDecimal', parseDecimal],
  ['parseVietnameseMoney', parseVietnameseMoney],
  ['parseVietnamesePhone', parseVietnamesePhone],
  ['parseEmail', parseEmail],
  ['parseVietnameseBool', parseVietnameseBool],
  ['matchEnumOption', (c) => matchEnumOption(c, OPTIONS)],
  ['matchMultiEnum', (c) => matchMultiEnum(c, OPTIONS)],
];

const NASTY: ReadonlyArray<readonly [string, RawCell]> = [
  ['null', null],
  ['undefined', undefined],
  ['empty', ''],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['-0', -0],
  ['MAX_VALUE', Number.MAX_VALUE],
  ['tiny negative', -Number.MIN_VALUE],
  ['invalid Date', new Date(Number.NaN)],
  ['latest Date', new Date(8.64e15)],
  ['earliest Date', new Date(-8.64e15)],
  ['error cell', { error: '#REF!' }],
  ['error cell with a huge code', { error: '#'.repeat(10_000) }],
  ['plain object', {} as unknown as RawCell],
  ['array', [] as unknown as RawCell],
  ['object with a non-string error', { error: 5 } as unknown as RawCell],
  ['formula without result', { formula: 'SUM(F4:F6)' }],
  ['formula without result, huge', { formula: 'A1+'.repeat(10_000) }],
  ['object with a non-string formula', { formula: 5 } as unknown as RawCell],
  ['50,000 letters', 'a'.repeat(50_000)],
  ['50,000 digits and dots', '1.'.repeat(25_000)],
  ['50,000 digits and spaces', '1 '.repeat(25_000)],
  ['repeated dates', '15/09/'.repeat(8_000)],
  ['repeated options', 'TPT, '.repeat(10_000)],
  ['control characters', '\u0000\u0001\u0007\u001B'.repeat(100)],
  ['NFD text', 'Ngày 15 tháng 9 năm 2024, 1.900.000 đồng'.normalize('NFD').repeat(500)],
  ['lone surrogate', '\uD800'],
  ['emoji', '👍🏽 ✅'],
  ['only separators', ',;/+\n'.repeat(1_000)],
];

describe('every parser on hostile input', () => {
  for (const [name, parse] of PARSERS) {
    it.each(NASTY)(`${name} handles %s`, (_label, cell) => {
      const result = parse(cell);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) {
        expect(result.reason.length).toBeGreaterThan(0);
        expect(result.reason).toBe(result.reason.normalize('NFC'));
      }
    });
  }

  it.each(NASTY)('displayCell and isBlankCell handle %s', (_label, cell) => {
    expect(displayCell(cell).length).toBeLessThanOrEqual(61);
    expect(typeof isBlankCell(cell)).toBe('boolean');
  });
});

describe('a formula saved without its result (openpyxl)', () => {
  it.each(PARSERS)('%s refuses it with the fix, never as a blank cell', (_name, parse) => {
    expect(parse({ formula: 'SUM(F4:F6)' })).toEqual({ ok: false, reason: PENDING_FORMULA_REASON });
  });

  it('is quoted as its formula and is not blank', () => {
    expect(displayCell({ formula: 'SUM(F4:F6)' })).toBe('=SUM(F4:F6)');
    expect(isBlankCell({ formula: 'SUM(F4:F6)' })).toBe(false);
  });
});
