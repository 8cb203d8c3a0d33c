import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { SheetTab } from '../../../functions/src/domain/forms/read-form-tab.js';
import { readControlTabs } from '../../../functions/src/domain/units/read-control.js';

const HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Cụm thi đua', 'Tên khác'];

/** A registry tab whose last column is headed `parentHeader`. */
function registry(parentHeader: string, ...rows: RawCell[][]): SheetTab {
  return {
    name: 'Đơn vị',
    rows: [HEADER.concat(parentHeader), ...rows].map((cells, i) => ({ rowNumber: i + 1, cells })),
  };
}

function read(parentHeader: string, ...rows: RawCell[][]) {
  const reading = readControlTabs([registry(parentHeader, ...rows)]);
  return {
    parents: Object.fromEntries(reading.units.map((u) => [u.id, u.parent ?? null])),
    problems: reading.problems,
  };
}

const BASE: RawCell[][] = [
  ['dtn-truong-a', 'Đoàn trường THPT A', 'Cơ sở Đoàn', 'Cụm 1', 'Trường A'],
  ['dtn-truong-b', 'Đoàn trường THPT B', 'Cơ sở Đoàn', 'Cụm 1', ''],
  ['lien-doi-c', 'Liên đội THCS C', 'Liên đội', 'Cụm 2', ''],
];

describe('readControlTabs: the "Đơn vị cấp trên" column builds the org tree', () => {
  it.each(['Đơn vị cấp trên', 'cap tren', 'Trực thuộc'])(
    'reads parents by id, name or alias under the header %s, accents and case aside',
    (header) => {
      const { parents, problems } = read(
        header,
        ...BASE,
        ['cd-10a1', 'Chi đoàn 10A1', 'Chi đoàn', 'Cụm 1', '', 'DTN-TRUONG-A'],
        ['cd-10a2', 'Chi đoàn 10A2', 'Chi đoàn', 'Cụm 1', '', 'doan truong thpt a'],
        ['cd-11b1', 'Chi đoàn 11B1', 'Chi đoàn', 'Cụm 1', '', 'Trường A'],
        ['cd-12b', 'Chi đoàn 12B', 'Chi đoàn', 'Cụm 1', '', 'Đoàn trường THPT B'],
      );
      expect(problems).toEqual([]);
      expect(parents).toEqual({
        'dtn-truong-a': null,
        'dtn-truong-b': null,
        'lien-doi-c': null,
        'cd-10a1': 'dtn-truong-a',
        'cd-10a2': 'dtn-truong-a',
        'cd-11b1': 'dtn-truong-a',
        'cd-12b': 'dtn-truong-b',
      });
    },
  );

  it('resolves a parent listed below its child', () => {
    const { parents, problems } = read(
      'Đơn vị cấp trên',
      ['cd-1', 'Chi đoàn 1', 'Chi đoàn', '', '', 'dtn-x'],
      ['dtn-x', 'Đoàn X', 'Cơ sở Đoàn', '', '', ''],
    );
    expect(problems).toEqual([]);
    expect(parents['cd-1']).toBe('dtn-x');
  });

  it('refuses an unknown parent with the closest names, and keeps the unit under the district', () => {
    const { parents, problems } = read('Đơn vị cấp trên', ...BASE, [
      'cd-1',
      'Chi đoàn 1',
      'Chi đoàn',
      '',
      '',
      'Đoàn trường THPT Z',
    ]);
    expect(parents['cd-1']).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Trang 'Đơn vị', dòng 5, cột 'Đơn vị cấp trên': không có đơn vị nào tên 'Đoàn trường THPT Z' \(gần nhất: 'Đoàn trường THPT A', 'Đoàn trường THPT B'/,
    );
    expect(problems[0]).toContain('tạm được xếp trực thuộc Quận Đoàn');
  });

  it('refuses a unit that is its own parent', () => {
    const { parents, problems } = read('Đơn vị cấp trên', ...BASE.slice(0, 2), [
      'lien-doi-c',
      'Liên đội THCS C',
      'Liên đội',
      '',
      '',
      'Liên đội THCS C',
    ]);
    expect(parents['lien-doi-c']).toBeNull();
    expect(problems).toEqual([
      expect.stringMatching(
        /^Trang 'Đơn vị', dòng 4, cột 'Đơn vị cấp trên': đơn vị 'Liên đội THCS C' không thể là cấp trên của chính nó/,
      ),
    ]);
  });

  it('refuses any unit under a chi đoàn (a chi đoàn has no children)', () => {
    const { parents, problems } = read(
      'Đơn vị cấp trên',
      ...BASE,
      ['cd-1', 'Chi đoàn 1', 'Chi đoàn', '', '', 'dtn-truong-a'],
      ['lien-doi-d', 'Liên đội D', 'Liên đội', '', '', 'cd-1'],
      ['dtn-e', 'Đoàn E', 'Cơ sở Đoàn', '', '', 'Chi đoàn 1'],
    );
    expect(parents).toMatchObject({ 'cd-1': 'dtn-truong-a', 'lien-doi-d': null, 'dtn-e': null });
    expect(problems).toEqual([
      expect.stringMatching(
        /^Trang 'Đơn vị', dòng 6, cột 'Đơn vị cấp trên': 'Chi đoàn 1' là chi đoàn, mà chi đoàn không có đơn vị trực thuộc/,
      ),
      expect.stringMatching(/^Trang 'Đơn vị', dòng 7, cột 'Đơn vị cấp trên': 'Chi đoàn 1' là chi đoàn/),
    ]);
  });

  it('breaks a cycle: every unit on it goes back under the district, named with the cycle; the rest of the tree stays', () => {
    const { parents, problems } = read(
      'Đơn vị cấp trên',
      ['dtn-a', 'Đoàn A', 'Cơ sở Đoàn', '', '', 'dtn-b'],
      ['dtn-b', 'Đoàn B', 'Cơ sở Đoàn', '', '', 'dtn-a'],
      ['dtn-c', 'Đoàn C', 'Cơ sở Đoàn', '', '', ''],
      ['cd-1', 'Chi đoàn 1', 'Chi đoàn', '', '', 'dtn-a'],
      ['cd-2', 'Chi đoàn 2', 'Chi đoàn', '', '', 'dtn-c'],
    );
    expect(parents).toEqual({ 'dtn-a': null, 'dtn-b': null, 'dtn-c': null, 'cd-1': 'dtn-a', 'cd-2': 'dtn-c' });
    expect(problems).toEqual([
      "Trang 'Đơn vị', dòng 2, cột 'Đơn vị cấp trên': cấp trên tạo thành vòng lặp 'Đoàn A' → 'Đoàn B' → 'Đoàn A'; đơn vị này tạm được xếp trực thuộc Quận Đoàn tới khi sửa. Hãy sửa để mỗi chuỗi cấp trên kết thúc ở một đơn vị để trống cột này.",
      "Trang 'Đơn vị', dòng 3, cột 'Đơn vị cấp trên': cấp trên tạo thành vòng lặp 'Đoàn A' → 'Đoàn B' → 'Đoàn A'; đơn vị này tạm được xếp trực thuộc Quận Đoàn tới khi sửa. Hãy sửa để mỗi chuỗi cấp trên kết thúc ở một đơn vị để trống cột này.",
    ]);
    expect(problems.every((p) => p === p.normalize('NFC'))).toBe(true);
  });

  it('a registry without the column is flat', () => {
    const reading = readControlTabs([
      { name: 'Đơn vị', rows: [HEADER, ...BASE].map((cells, i) => ({ rowNumber: i + 1, cells })) },
    ]);
    expect(reading.problems).toEqual([]);
    expect(reading.units.every((u) => u.parent === undefined)).toBe(true);
  });
});
