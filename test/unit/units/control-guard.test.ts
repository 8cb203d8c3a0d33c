import { describe, expect, it } from 'vitest';
import { registryRefusal } from '../../../functions/src/domain/units/control-guard.js';

describe('registryRefusal: a registry that would rewrite everything from nothing stops the run', () => {
  it.each([
    [
      'no unit at all',
      { unitCount: 0, confirmed: false },
      /^Bảng điều khiển 'c\.xlsx' không có đơn vị nào .*không quét và không ghi gì/,
    ],
    ['no unit, even confirmed', { unitCount: 0, previousUnitCount: 36, confirmed: true }, /không có đơn vị nào/],
    [
      'shrank from 36 to 17',
      { unitCount: 17, previousUnitCount: 36, confirmed: false },
      /giảm từ 36 xuống 17 đơn vị \(hơn một nửa\).*chạy lại với --yes\.$/,
    ],
  ])('%s', (_, input, message) => {
    expect(registryRefusal({ ...input, control: 'c.xlsx' })).toMatch(message);
  });

  it.each([
    ['the first run', { unitCount: 3, confirmed: false }],
    ['exactly half', { unitCount: 18, previousUnitCount: 36, confirmed: false }],
    ['a shrink the district confirmed (--yes)', { unitCount: 2, previousUnitCount: 36, confirmed: true }],
    ['a registry that grew', { unitCount: 40, previousUnitCount: 36, confirmed: false }],
  ])('lets %s go on', (_, input) => {
    expect(registryRefusal({ ...input, control: 'c.xlsx' })).toBeUndefined();
  });
});
