import { describe, expect, it } from 'vitest';
import {
  LINE_HEIGHT_POINTS,
  MAX_COLUMN_WIDTH,
  printsInLandscape,
  rowHeightFor,
  summaryColumnWidths,
  wrappedLineCount,
} from '../../../functions/src/adapters/sheet-layout/summary-print-layout.js';
import { xlsxCellContent } from '../../../functions/src/adapters/sheet-layout/summary-cells.js';
import { sheetsNumberFormat } from '../../../functions/src/adapters/google/sheets-cells.js';
import type { SummaryTab } from '../../../functions/src/domain/summary/summary-model.js';

describe('summary print layout', () => {
  it.each([
    ['short text', 'Cụm 1', 10, 1],
    ['two words that do not fit together', 'Nghiêng Nghiêng', 10, 2],
    ['a word longer than the column breaks', 'x'.repeat(25), 10, 3],
    ['each paragraph starts a line', 'Một\nHai', 30, 2],
  ])('wrappedLineCount: %s', (_case, text, width, lines) => {
    expect(wrappedLineCount(text, width)).toBe(lines);
  });

  // Texts of the demo's summary as LibreOffice (DejaVu Sans, the widest of the two fonts measured) printed them: a
  // column's width counts digits, and plain Vietnamese letters and spaces are narrower than a digit; capitals wider.
  it.each([
    ['a plan · period label that fills Tổng quan’s first column', 'Kế hoạch nhỏ đợt 1 · hạn 27/09/2024', 30, 1],
    ['another one', 'Đăng ký sơ cấp cứu · hạn 21/09/2024', 30, 1],
    ['a long unit name in Tiến độ đơn vị', 'Đoàn cơ sở Công ty Cổ phần Du lịch Sài Gòn Xanh', 40, 1],
    ['a longer one that does wrap', 'Đoàn cơ sở Công ty TNHH MTV Dịch vụ Công ích Quận 1', 40, 2],
    ['capitals are wider than digits', 'MMMMMMMMMM', 12, 2],
    ['so are capitals with marks', 'ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH', 34, 2],
  ])('wrappedLineCount counts letters by their width: %s', (_case, text, width, lines) => {
    expect(wrappedLineCount(text, width)).toBe(lines);
  });

  it('bold or bigger text needs more room: fontScale narrows the column', () => {
    expect(wrappedLineCount('Kế hoạch nhỏ đợt 1 · hạn 27/09/2024', 30, 1.1)).toBe(2);
  });

  it('a row is as tall as its most wrapped cell', () => {
    expect(
      rowHeightFor(
        ['Cụm 1', 'Dòng 6, cột "Ngày tổ chức": "29/02/2023" không phải ngày có thật; năm 2023 không nhuận'],
        [10, 30],
      ),
    ).toBe(3 * LINE_HEIGHT_POINTS);
    expect(rowHeightFor(['', ''], [10, 10])).toBe(LINE_HEIGHT_POINTS);
  });

  it('a column is never narrower than its longest Vietnamese word, even with a smaller width in the model', () => {
    const tab: SummaryTab = {
      name: 't',
      title: [],
      columns: [
        { header: 'Khôngphátsinhđâu', format: 'int', width: 6 },
        { header: 'Ghi chú', format: 'text' },
      ],
      rows: [[1, 'ngắn']],
    };
    expect(summaryColumnWidths(tab)).toEqual([18, 9]);
  });

  it('counts the further tables’ columns too', () => {
    const tab: SummaryTab = {
      name: 't',
      title: [],
      columns: [{ header: 'A', format: 'text' }],
      rows: [],
      moreTables: [
        {
          title: 'x',
          columns: [
            { header: 'A', format: 'text' },
            { header: 'Tỉ lệ', format: 'percent' },
          ],
          rows: [['Cụm thi đua số 12', 0.5]],
        },
      ],
    };
    expect(summaryColumnWidths(tab)).toEqual([19, 8]);
  });

  it('prints wide tabs in landscape', () => {
    expect(printsInLandscape([40, 40, 30])).toBe(true);
    expect(printsInLandscape([40, 20, 20])).toBe(false);
  });

  it('shows a whole number in a decimal column as an integer ("4", not "4.0")', () => {
    expect(xlsxCellContent(4, 'decimal')).toMatchObject({ display: '4', numFmt: '[$-42A]#,##0' });
    expect(xlsxCellContent(1250.5, 'decimal')).toMatchObject({ display: '1.250,5', numFmt: '[$-42A]#,##0.0' });
  });

  it.each([
    ['a rate', 0.75, 'percent', '75,0 %', '[$-42A]0.0 %', '0.0 %'],
    ['money', 1_900_000, 'money', '1.900.000 đ', '[$-42A]#,##0 "đ"', '#,##0 "đ"'],
    ['a count', 12_345, 'int', '12.345', '[$-42A]#,##0', '#,##0'],
  ] as const)(
    'writes %s as a number that reads the Vietnamese way (%s)',
    (_, value, format, display, numFmt, pattern) => {
      expect(xlsxCellContent(value, format)).toMatchObject({ value, display, numFmt });
      expect(sheetsNumberFormat(format).pattern).toBe(pattern);
    },
  );
});

describe('summary column widths: bounds', () => {
  it('keeps a width the model gives above the bound for picked widths, and bounds picked ones', () => {
    const long = 'Dòng 6, cột "Ngày tổ chức": "29/02/2023" không phải ngày có thật '.repeat(2);
    const tab: SummaryTab = {
      name: 't',
      title: [],
      columns: [
        { header: 'Lỗi', format: 'text', width: 60 },
        { header: 'Ghi chú', format: 'text' },
      ],
      rows: [[long, long]],
    };
    expect(summaryColumnWidths(tab)).toEqual([60, MAX_COLUMN_WIDTH]);
  });
});
