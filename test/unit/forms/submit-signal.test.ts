import { describe, expect, it } from 'vitest';
import {
  asksToSubmit,
  findSubmitSignal,
  submittedSignalText,
} from '../../../functions/src/domain/forms/submit-signal.js';
import type { SheetTab } from '../../../functions/src/domain/forms/read-form-tab.js';

const tab = (rows: SheetTab['rows']): SheetTab => ({ name: 'Đăng ký tập huấn', rows });

describe('the workbook "Nộp báo cáo" signal cell', () => {
  it.each([
    ['Có', true],
    ['có', true],
    [' CO ', true],
    ['x', true],
    [true, true],
    [1, true],
    ['Không', false],
    ['Đã nộp lúc 08:05 12/09/2024', false],
    [null, false],
    [false, false],
    [0, false],
  ] as const)('%j asks to submit: %s', (cell, expected) => {
    expect(asksToSubmit(cell)).toBe(expected);
  });

  it('is the cell right of the label "Nộp báo cáo" above the header row (label matched without accents or case)', () => {
    const found = findSubmitSignal(
      tab([
        { rowNumber: 1, cells: ['ĐĂNG KÝ'] },
        { rowNumber: 2, cells: [null, 'nop bao cao:', 'Có'] },
        { rowNumber: 4, cells: ['STT', 'Họ và tên'] },
      ]),
      4,
    );
    expect(found).toEqual({ rowNumber: 2, column: 3, requested: true });
  });

  it('is not looked for at or below the header row (a data cell saying "Nộp báo cáo" is data)', () => {
    expect(
      findSubmitSignal(
        tab([
          { rowNumber: 3, cells: ['STT', 'Nộp báo cáo', 'Có'] },
          { rowNumber: 5, cells: [1, 'Nộp báo cáo', 'Có'] },
        ]),
        3,
      ),
    ).toBeUndefined();
  });

  it('says when the snapshot was submitted, in ICT, dd/mm/yyyy', () => {
    expect(submittedSignalText(new Date('2024-09-12T01:05:00Z'))).toBe('Đã nộp lúc 08:05 12/09/2024');
  });
});
