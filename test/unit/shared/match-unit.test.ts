import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../functions/src/domain/units/edit-distance.js';
import { matchUnit, unitNameIndex } from '../../../functions/src/domain/units/match-unit.js';
import { UNITS } from './shared-fixtures.js';

const index = unitNameIndex(UNITS);

describe('matchUnit', () => {
  it.each([
    ['its full name', 'Liên đội TH Lương Thế Vinh', 'th-luong-the-vinh'],
    ['without accents, other case, extra spaces', '  lien doi   th LUONG the vinh ', 'th-luong-the-vinh'],
    ['its id', 'thcs-minh-duc', 'thcs-minh-duc'],
    ['its id typed as words', 'THCS Minh Đức', 'thcs-minh-duc'],
    ['an alias', 'trường lương thế vinh', 'th-luong-the-vinh'],
    ['a short alias', 'ltv', 'th-luong-the-vinh'],
    ['punctuation around the name', 'Liên đội TH An Bình.', 'th-an-binh'],
  ])('matches %s', (_what, typed, unitId) => {
    const match = matchUnit(index, typed);
    expect(match.kind).toBe('matched');
    expect(match.kind === 'matched' && match.unit.id).toBe(unitId);
  });

  it('lists the closest registered names, best first, for an unknown name', () => {
    const match = matchUnit(index, 'Liên đội TH An Bính 2');
    expect(match).toEqual({
      kind: 'unknown',
      closest: ['Liên đội TH An Bình', 'Liên đội THCS Minh Đức', 'Liên đội TH Lương Thế Vinh'],
    });
  });

  it('refuses a name two units share rather than guessing', () => {
    const shared = unitNameIndex([UNITS[0]!, { ...UNITS[1]!, aliases: ['LTV'] }]);
    const match = matchUnit(shared, 'LTV');
    expect(match.kind).toBe('ambiguous');
    expect(match.kind === 'ambiguous' && match.units.map((u) => u.id)).toEqual(['th-luong-the-vinh', 'thcs-minh-duc']);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['an binh', 'an binh 2', 2],
    ['same', 'same', 0],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
