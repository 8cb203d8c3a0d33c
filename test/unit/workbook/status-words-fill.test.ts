import { describe, expect, it } from 'vitest';
import { xlsxCellContent } from '../../../functions/src/adapters/sheet-layout/summary-cells.js';
import { STATUS_DISPLAY } from '../../../functions/src/domain/status/status-kinds.js';

const fillOf = (value: string) => {
  const { fill } = xlsxCellContent(value, 'status');
  return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
};

describe('a status column cell in words (a plan counted on approved reports)', () => {
  it.each([
    ['✓ Đủ, đúng hạn — chờ duyệt', STATUS_DISPLAY['complete-on-time'].color],
    ['✓! Đủ, trễ hạn — đã duyệt', STATUS_DISPLAY['complete-late'].color],
    ['○ Không phát sinh — chờ duyệt', STATUS_DISPLAY.nil.color],
    ['complete-on-time', STATUS_DISPLAY['complete-on-time'].color],
  ])("'%s' gets the colour of the status it starts with", (value, color) => {
    expect(fillOf(value)).toBe(`FF${color}`);
    expect(xlsxCellContent(value, 'status').display).toContain(value === 'complete-on-time' ? '✓ Đủ' : value);
  });

  it('text that starts with no status symbol gets no colour', () => {
    expect(fillOf('Ghi chú')).toBeUndefined();
  });
});
