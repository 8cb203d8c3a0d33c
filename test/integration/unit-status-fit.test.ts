import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openWorkbook, sheetOf } from '../support/workbooks.js';
import { builtinForm } from '../support/forms.js';
import { STATUS_MAX_LINES } from '../../functions/src/adapters/workbook/status-cell-fit.js';
import {
  LINE_HEIGHT_POINTS,
  wrappedLineCount,
} from '../../functions/src/adapters/sheet-layout/summary-print-layout.js';
import { HELP_SHEET } from '../../functions/src/adapters/workbook/write-help-sheet.js';
import { writeUnitWorkbook } from '../../functions/src/adapters/workbook/write-templates.js';
import { writeUnitFeedback } from '../../functions/src/adapters/workbook/write-unit-feedback.js';
import type { UnitFeedback } from '../../functions/src/domain/feedback/unit-feedback.js';
import { STATUS_HEADER } from '../../functions/src/domain/forms/header-match.js';
import { useTempDir } from '../support/builders.js';

const TAB = 'Danh sách';
const HEADER_ROW = 5;
const TWO_ERRORS =
  "✗ Cột 'Họ và tên': chưa nhập (cột bắt buộc).\n✗ Cột 'Số điện thoại': '12345' không phải số điện thoại Việt Nam (cần 10 chữ số, bắt đầu bằng 0, ví dụ 0983 018 027).";
const MANY_ERRORS = Array.from(
  { length: 20 },
  (_, i) => `✗ Cột số ${i + 1}: giá trị không hợp lệ, hãy nhập lại theo hướng dẫn ở trang “Hướng dẫn”.`,
).join('\n');

const dir = useTempDir('tonghop-status-fit');
let counter = 0;

/** A unit's file with a status column 30 wide and two rows; `statuses` already written in it (as an older sweep did, without heights). */
async function unitFile(statuses: readonly string[] = []): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(TAB);
  sheet.getRow(HEADER_ROW).values = ['STT', 'Họ và tên', STATUS_HEADER];
  sheet.getColumn(3).width = 30;
  sheet.getRow(6).values = [1, null, statuses[0] ?? null];
  sheet.getRow(7).values = [2, 'Nguyễn Văn An', statuses[1] ?? null];
  const file = path.join(dir(), `unit-${++counter}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

function feedback(row6: string, row7 = '✓ Hợp lệ'): UnitFeedback {
  return {
    unitId: 'u',
    tabs: [
      {
        tab: TAB,
        headerRowNumber: HEADER_ROW,
        statusByRow: new Map([
          [6, row6],
          [7, row7],
        ]),
      },
    ],
    standing: { title: ['Tình hình nộp'], columns: [{ header: 'Biểu mẫu', format: 'text' }], rows: [] },
  };
}

describe('a status cell shows every message', () => {
  it('grows the row to the lines of all its errors, wrapped, and leaves a one-line row alone', async () => {
    const file = await unitFile();
    await writeUnitFeedback(file, feedback(TWO_ERRORS));
    const sheet = sheetOf(await openWorkbook(file), TAB);
    expect(sheet.getCell('C6').value).toBe(TWO_ERRORS);
    expect(sheet.getCell('C6').alignment.wrapText).toBe(true);
    const lines = wrappedLineCount(TWO_ERRORS, 30);
    expect(lines).toBeGreaterThanOrEqual(5);
    expect(sheet.getRow(6).height).toBe(lines * LINE_HEIGHT_POINTS);
    expect(sheet.getCell('C6').note).toBeUndefined();
    expect(sheet.getRow(7).height ?? LINE_HEIGHT_POINTS).toBe(LINE_HEIGHT_POINTS);
  });

  it('puts a status taller than the tallest row whole in the cell note, and is idempotent', async () => {
    const file = await unitFile();
    await writeUnitFeedback(file, feedback(MANY_ERRORS));
    const cell = sheetOf(await openWorkbook(file), TAB).getCell('C6');
    expect(cell.value).toBe(MANY_ERRORS);
    expect(cell.worksheet.getRow(6).height).toBe(STATUS_MAX_LINES * LINE_HEIGHT_POINTS);
    const note = cell.note;
    const noteText = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    expect(noteText).toBe(MANY_ERRORS);
    expect(await writeUnitFeedback(file, feedback(MANY_ERRORS))).toEqual({
      changed: false,
      cellsWritten: 0,
      tabsAdded: [],
    });

    // Once the errors are fixed, the note of ours goes away with them.
    await writeUnitFeedback(file, feedback('✓ Hợp lệ'));
    expect(sheetOf(await openWorkbook(file), TAB).getCell('C6').note).toBeUndefined();
  });

  it('fits a status an older sweep wrote without a height, though its text is unchanged', async () => {
    const file = await unitFile([TWO_ERRORS, '✓ Hợp lệ']);
    expect((await writeUnitFeedback(file, feedback(TWO_ERRORS))).changed).toBe(true);
    expect(sheetOf(await openWorkbook(file), TAB).getRow(6).height).toBe(
      wrappedLineCount(TWO_ERRORS, 30) * LINE_HEIGHT_POINTS,
    );
    expect(await writeUnitFeedback(file, feedback(TWO_ERRORS))).toEqual({
      changed: false,
      cellsWritten: 0,
      tabsAdded: [],
    });
  });
});

describe('the "Hướng dẫn" tab prints well', () => {
  it('is A4, fit to one page width only, with a footer and rows as tall as their wrapped text', async () => {
    const file = path.join(dir(), 'help.xlsx');
    const spec = builtinForm('tap-huan-2024');
    await writeUnitWorkbook(file, 'Liên đội A', [spec], new Map());
    const sheet = sheetOf(await openWorkbook(file), HELP_SHEET);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.headerFooter.oddFooter).toContain('&P');
    const widths = [1, 2, 3, 4].map((c) => sheet.getColumn(c).width ?? 0);
    // About one portrait page wide, so the fit does not shrink the text much.
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(115);
    let checked = 0;
    sheet.eachRow((row) => {
      const texts = [1, 2, 3, 4].map((c) => String(row.getCell(c).value ?? ''));
      if (row.getCell(1).isMerged || texts.every((t) => t === '')) return;
      const lines = Math.max(...texts.map((t, c) => (t === '' ? 1 : wrappedLineCount(t, widths[c] ?? 10))));
      if (lines > 1) {
        expect(row.height, texts[0]).toBe(lines * LINE_HEIGHT_POINTS);
        expect(row.getCell(2).alignment?.wrapText).toBe(true);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(3);
  });
});
