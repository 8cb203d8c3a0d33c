import { describe, expect, it } from 'vitest';
import { tabsLikeBatchGet } from '../../../functions/src/adapters/google/exported-tabs.js';
import type { SheetTab } from '../../../functions/src/domain/forms/read-form-tab.js';

describe('tabsLikeBatchGet: exported tabs as values.batchGet (UNFORMATTED_VALUE, SERIAL_NUMBER) gives them', () => {
  const tab = (name: string, rows: SheetTab['rows']): SheetTab => ({ name, rows });

  it.each([
    ['a date becomes its serial', [new Date(Date.UTC(1990, 2, 12))], [32944]],
    ['a date-time keeps its time as the fraction', [new Date(Date.UTC(2024, 8, 15, 12))], [45550.5]],
    ['trailing empty cells are dropped', ['a', null, 1, null, null], ['a', null, 1]],
    ['an empty string is an empty cell', ['', 'x', ''], [null, 'x']],
    [
      'numbers, booleans, errors and text stay as they are',
      [0, -1.5, true, false, { error: '#N/A' }, '0983018027'],
      [0, -1.5, true, false, { error: '#N/A' }, '0983018027'],
    ],
  ] as const)('%s', (_, cells, expected) => {
    const [read] = tabsLikeBatchGet([tab('Đăng ký', [{ rowNumber: 7, cells: [...cells] }])], ['Đăng ký']);
    expect(read?.rows).toEqual([{ rowNumber: 7, cells: expected }]);
  });

  it('leaves out rows with nothing in them, keeping the row numbers of the others', () => {
    const [read] = tabsLikeBatchGet(
      [
        tab('A', [
          { rowNumber: 1, cells: ['x'] },
          { rowNumber: 2, cells: [null, ''] },
          { rowNumber: 3, cells: ['y'] },
        ]),
      ],
      ['A'],
    );
    expect(read?.rows.map((r) => r.rowNumber)).toEqual([1, 3]);
  });

  it('gives the wanted tabs in the order asked, matched like the domain matches names, each once, absent ones left out', () => {
    const exported = [tab('Ghi chú', []), tab('Tình hình nộp', []), tab('Đăng ký  tập huấn', [])];
    expect(
      tabsLikeBatchGet(exported, ['đăng ký tập huấn', 'Tình hình nộp', 'Không có', 'Đăng ký tập huấn']).map(
        (t) => t.name,
      ),
    ).toEqual(['Đăng ký  tập huấn', 'Tình hình nộp']);
  });
});
