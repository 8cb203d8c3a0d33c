import { describe, expect, it } from 'vitest';
import {
  LANDSCAPE_PAGE_WIDTH,
  lastPrintedRow,
  MIN_PRINT_SCALE,
  summaryPageSetup,
} from '../../../functions/src/adapters/sheet-layout/summary-page-setup.js';
import { summaryColumnWidths } from '../../../functions/src/adapters/sheet-layout/summary-print-layout.js';
import type { SummaryColumn, SummaryTab } from '../../../functions/src/domain/summary/summary-model.js';
import { pageFooter } from '../../../functions/src/adapters/workbook/write-summary-workbook.js';

const text = (header: string, width: number, more: Partial<SummaryColumn> = {}): SummaryColumn => ({
  header,
  format: 'text',
  width,
  ...more,
});
const tabOf = (columns: SummaryColumn[], more: Partial<SummaryTab> = {}): SummaryTab => ({
  name: 't',
  title: ['Tiêu đề', 'Dòng hai'],
  columns,
  rows: [columns.map(() => 'x')],
  ...more,
});
const setupOf = (tab: SummaryTab) => summaryPageSetup(tab, summaryColumnWidths(tab));

describe('summaryPageSetup', () => {
  it.each([
    ['narrow: portrait, fitted to the width', [text('A', 30), text('B', 30)], 'portrait', 'width'],
    [
      'wide but legible when fitted: landscape, fitted to the width',
      [text('A', 60), text('B', 60)],
      'landscape',
      'width',
    ],
    [
      'too wide to fit legibly: the smallest legible scale',
      Array.from({ length: 10 }, (_, i) => text(`C${i}`, 20)),
      'landscape',
      { scale: MIN_PRINT_SCALE },
    ],
  ])('%s', (_case, columns, orientation, fit) => {
    expect(setupOf(tabOf(columns))).toMatchObject({ orientation, fit });
  });

  it('fits a tab whose width is just legible, and not one a column wider', () => {
    const limit = Math.floor((LANDSCAPE_PAGE_WIDTH * 100) / MIN_PRINT_SCALE);
    expect(setupOf(tabOf([text('A', limit - 40), text('B', 40)])).fit).toBe('width');
    expect(setupOf(tabOf([text('A', limit - 40), text('B', 41)])).fit).toEqual({ scale: MIN_PRINT_SCALE });
  });

  it('repeats the header row, and the first column when the tab spills across pages', () => {
    // Titles 1–2, empty, header 4.
    expect(setupOf(tabOf([text('A', 30)]))).toMatchObject({ printTitlesRow: '4:4' });
    expect(setupOf(tabOf([text('A', 30)])).printTitlesColumn).toBeUndefined();
    expect(setupOf(tabOf(Array.from({ length: 10 }, (_, i) => text(`C${i}`, 20))))).toMatchObject({
      printTitlesRow: '4:4',
      printTitlesColumn: 'A:A',
    });
  });

  it('leaves trailing screen-only columns out of the print area and the fit, but prints one that a printed column follows', () => {
    const contacts = [text('Người liên hệ', 30, { screenOnly: true }), text('Email', 30, { screenOnly: true })];
    expect(setupOf(tabOf([text('Đơn vị', 30), text('Đã nhắc', 30), ...contacts]))).toMatchObject({
      printArea: 'A1:B5',
      printedColumns: 2,
      orientation: 'portrait',
    });
    expect(setupOf(tabOf([text('Đơn vị', 30), ...contacts, text('Đã nhắc', 30)]))).toMatchObject({
      printArea: 'A1:D5',
      printedColumns: 4,
    });
    expect(setupOf(tabOf([text('Email', 30, { screenOnly: true })])).printedColumns).toBe(1);
  });

  it('prints only the title lines of a reference tab, at full size, over the columns one page holds', () => {
    const tab = tabOf([text('Mã', 50), text('Tên', 50), text('Ghi chú', 50)], {
      reference: true,
      rows: Array.from({ length: 500 }, () => ['a', 'b', 'c']),
    });
    expect(setupOf(tab)).toEqual({ orientation: 'landscape', fit: 'width', printArea: 'A1:B2', printedColumns: 2 });
  });

  it('gives a reference tab too wide to fit legibly the smallest legible scale, and as many title columns as that scale holds', () => {
    const tab = tabOf(
      Array.from({ length: 12 }, (_, i) => text(`C${i}`, 20)),
      { reference: true },
    );
    const setup = setupOf(tab);
    expect(setup).toMatchObject({ orientation: 'landscape', fit: { scale: MIN_PRINT_SCALE } });
    expect(setup.printedColumns).toBe(Math.floor((LANDSCAPE_PAGE_WIDTH * 100) / MIN_PRINT_SCALE / 20));
    expect(setup.printTitlesRow).toBeUndefined();
  });

  it('prints the front page on one page, charts included', () => {
    const front = tabOf([text('Kế hoạch', 30)], {
      onePage: true,
      charts: [{ title: 'c', table: 0, categoryColumn: 0, seriesColumns: [0] }],
    });
    expect(setupOf(front)).toMatchObject({ fit: 'page', printArea: `A1:A${lastPrintedRow(front)}` });
    // Header 4, data 5; empty; charts from row 7, 14 rows and a gap.
    expect(lastPrintedRow(front)).toBe(7 + 15 - 1);
  });

  it('ends the print area at the last note', () => {
    expect(setupOf(tabOf([text('A', 30)], { notes: ['một', 'hai'] })).printArea).toBe('A1:A8');
  });
});

describe('pageFooter', () => {
  it.each([
    ['a district name leaves the centre free', 'Quận Đoàn 1', '&LQuận Đoàn 1&CTrang &P/&N&Rtính đến 08:00 23/09/2024'],
    [
      "a cơ sở Đoàn's long name moves the page number to the right",
      'Đoàn cơ sở Ủy ban nhân dân phường Đa Kao',
      '&LĐoàn cơ sở Ủy ban nhân dân phường Đa Kao&RTrang &P/&N · tính đến 08:00 23/09/2024',
    ],
  ])('%s', (_case, district, expected) => {
    expect(pageFooter({ district, asOf: 'tính đến 08:00 23/09/2024' })).toBe(expected);
  });

  it('writes a literal & twice and numbers pages without a footer model', () => {
    expect(pageFooter({ district: 'A & B', asOf: 'x' })).toBe('&LA && B&CTrang &P/&N&Rx');
    expect(pageFooter(undefined)).toBe('&CTrang &P/&N');
  });
});
