import { createHash } from 'node:crypto';
import { readFile, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openWorkbook, sheetOf } from '../support/workbooks.js';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { readWorkbookTabs } from '../../functions/src/adapters/xlsx/read-workbook.js';
import { FIRST_DATA_ROW } from '../../functions/src/adapters/workbook/write-form-sheet.js';
import { writeUnitWorkbook } from '../../functions/src/adapters/workbook/write-templates.js';
import { writeUnitFeedback } from '../../functions/src/adapters/workbook/write-unit-feedback.js';
import {
  STANDING_TAB,
  type TabFeedback,
  type UnitFeedback,
} from '../../functions/src/domain/feedback/unit-feedback.js';
import { STATUS_HEADER } from '../../functions/src/domain/forms/header-match.js';
import { useTempDir } from '../support/builders.js';

/** The form tab with a status column (G) and the one without (headers A–C). */
const MEMBERS = 'Danh sách đoàn viên';
const ACTIVITIES = 'Hoạt động';
const HELP = 'Hướng dẫn';
const HEADER_ROW = 5;
const DUE = new Date('2024-09-15T03:00:00Z'); // 10g00 15/09/2024 ICT
const SUBMITTED = new Date('2024-09-14T17:30:00Z'); // 00g30 15/09/2024 ICT: the ICT date differs from the UTC one
const ROLE_LIST = '"Bí thư,Phó bí thư,Đoàn viên"';

const dir = useTempDir('tonghop-feedback');
let counter = 0;

/** exceljs keeps range validations here; its typings only expose per-cell ones. */
interface RangeValidations {
  readonly dataValidations: {
    add(address: string, validation: ExcelJS.DataValidation): void;
    readonly model: Record<string, ExcelJS.DataValidation>;
  };
}

/** A unit's workbook as a person might have filled it in. */
async function buildUnitWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const members = workbook.addWorksheet(MEMBERS, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  members.getCell('A1').value = 'QUẬN ĐOÀN 1';
  members.getCell('A2').value = 'DANH SÁCH ĐOÀN VIÊN';
  members.getCell('A2').font = { bold: true, size: 14 };
  members.getCell('A3').value = 'Đơn vị: Chi đoàn A';
  members.getRow(HEADER_ROW).values = [
    'STT',
    'Số lượng',
    'Họ và tên',
    'Ngày sinh',
    'Gấp đôi',
    'Chức vụ',
    STATUS_HEADER,
  ];
  members.getRow(HEADER_ROW).font = { bold: true };
  members.getRow(6).values = [
    1,
    2,
    'Nguyễn Văn An',
    new Date(Date.UTC(2001, 4, 19)),
    { formula: 'B6*2', result: 4 },
    'Bí thư',
    '✓ Hợp lệ',
  ];
  members.getRow(7).values = [
    2,
    3,
    'Trần Thị Bình',
    'ngày 5 tháng 3',
    { formula: 'B7*2', result: 6 },
    'Đoàn viên',
    '✓ Hợp lệ',
  ];
  members.getRow(8).values = [3, 1.5, '=1+1', null, null, 'Phó bí thư', 'Thiếu họ tên'];
  members.getRow(9).values = [4, 0, '  Lê Cường ', new Date(Date.UTC(1999, 11, 31)), null, null];
  // As in the templates, data cells share one style, so the status cells share it with the unit's cells.
  for (let r = 6; r <= 9; r++) members.getRow(r).alignment = { vertical: 'top' };
  members.getCell('D6').numFmt = 'dd/mm/yyyy';
  members.getCell('D9').numFmt = 'dd/mm/yyyy';
  members.getCell('B8').numFmt = '#,##0.00';
  const styled = members.getCell('C7');
  styled.font = { bold: true, italic: true, color: { argb: 'FFC00000' } };
  styled.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  styled.border = { bottom: { style: 'double', color: { argb: 'FF0000FF' } } };
  members.getColumn(3).width = 28;
  (members as unknown as RangeValidations).dataValidations.add('F6:F100', {
    type: 'list',
    allowBlank: true,
    formulae: [ROLE_LIST],
  });
  // A bound taken from a cell: exceljs reads it back as NaN.
  (members as unknown as RangeValidations).dataValidations.add('B6:B100', {
    type: 'whole',
    operator: 'lessThanOrEqual',
    allowBlank: true,
    formulae: ['$J$1'],
  });

  const activities = workbook.addWorksheet(ACTIVITIES);
  activities.getCell('A1').value = 'HOẠT ĐỘNG THÁNG 9';
  activities.getRow(HEADER_ROW).values = ['Ngày', 'Tên hoạt động', 'Số người'];
  activities.getRow(6).values = [new Date(Date.UTC(2024, 8, 2)), 'Ra quân tình nguyện', 30];
  activities.getRow(7).values = [new Date(Date.UTC(2024, 8, 9)), 'Sinh hoạt chi đoàn', 'ba mươi'];

  const help = workbook.addWorksheet(HELP);
  help.getCell('A1').value = 'Nhập từ dòng 6.';

  counter++;
  const file = path.join(dir(), `unit-${counter}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

function tab(name: string, statuses: Record<number, string>): TabFeedback {
  return {
    tab: name,
    headerRowNumber: HEADER_ROW,
    statusByRow: new Map(Object.entries(statuses).map(([row, text]) => [Number(row), text])),
  };
}

function feedback(
  memberStatuses: Record<number, string>,
  options: { readonly standingCount?: number; readonly memberTab?: string } = {},
): UnitFeedback {
  return {
    unitId: 'cd-a',
    tabs: [
      tab(options.memberTab ?? 'DANH SACH  ĐOÀN VIEN', memberStatuses),
      tab(ACTIVITIES, { 6: '✓ Hợp lệ', 7: 'Cột C (Số người): "ba mươi" không phải số' }),
    ],
    standing: {
      title: ['Tình hình nộp báo cáo — Chi đoàn A', '=1+1 cập nhật 10g00 15/09/2024'],
      columns: [
        { header: 'Biểu mẫu', format: 'text' },
        { header: 'Hạn nộp', format: 'date' },
        { header: 'Nộp lúc', format: 'datetime' },
        { header: 'Tình trạng', format: 'status' },
        { header: 'Số dòng', format: 'int' },
        { header: 'Tỷ lệ', format: 'percent' },
        { header: 'Kinh phí', format: 'money' },
      ],
      rows: [
        ['Danh sách đoàn viên', DUE, SUBMITTED, 'complete-on-time', options.standingCount ?? 4, 0.75, 1_900_000],
        ['Hoạt động', DUE, null, 'missing', 0, 0, null],
      ],
    },
  };
}

const FIRST_FEEDBACK = { 6: '✓ Hợp lệ', 7: 'Cột D (Ngày sinh): "ngày 5 tháng 3" không phải ngày', 9: '✓ Hợp lệ' };

/** Everything about every cell of every tab except the standing tab and the given addresses ('Tab!G7'). */
function snapshot(
  workbook: ExcelJS.Workbook,
  except: ReadonlySet<string>,
  extent: ReadonlyMap<string, { rows: number; cols: number }>,
): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  for (const sheet of workbook.worksheets) {
    if (sheet.name === STANDING_TAB) continue;
    const size = extent.get(sheet.name) ?? { rows: sheet.rowCount, cols: sheet.columnCount };
    for (let r = 1; r <= size.rows; r++) {
      for (let c = 1; c <= size.cols; c++) {
        const cell = sheet.findCell(r, c);
        const key = `${sheet.name}!${cell?.address ?? `${r}:${c}`}`;
        if (except.has(key) || !cell) continue;
        cells.set(key, {
          type: cell.type,
          value: cell.value,
          formula: cell.formula,
          numFmt: cell.numFmt,
          font: cell.font,
          fill: cell.fill,
          border: cell.border,
          alignment: cell.alignment,
        });
      }
    }
  }
  return cells;
}

/** Largest used range of each tab across several opened versions of one file. */
function extentOf(...workbooks: ExcelJS.Workbook[]): Map<string, { rows: number; cols: number }> {
  const extent = new Map<string, { rows: number; cols: number }>();
  for (const workbook of workbooks) {
    for (const sheet of workbook.worksheets) {
      const known = extent.get(sheet.name) ?? { rows: 0, cols: 0 };
      extent.set(sheet.name, {
        rows: Math.max(known.rows, sheet.rowCount),
        cols: Math.max(known.cols, sheet.columnCount),
      });
    }
  }
  return extent;
}

/** Every non-empty cell of a tab as address → value. */
function valuesOf(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue> {
  const values = new Map<string, ExcelJS.CellValue>();
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      values.set(cell.address, cell.value);
    });
  });
  return values;
}

/** Every data validation of every sheet part of an .xlsx, as written: 'xl/worksheets/sheetN.xml sqref type formula1'. */
function validationsOf(zip: Buffer, sheetIds: readonly number[]): string[] {
  return sheetIds.flatMap((id) =>
    [
      ...zipEntryText(zip, `xl/worksheets/sheet${id}.xml`).matchAll(
        /<dataValidation [^>]*?type="(\w+)"[^>]*?sqref="([^"]+)"[^>]*>(?:<formula1>([^<]*)<\/formula1>)?/g,
      ),
    ].map((m) => `sheet${id} ${m[2]} ${m[1]} ${m[3] ?? ''}`),
  );
}

/** The text of one file inside a zip (.xlsx), read from the central directory; stored or deflated entries only. */
function zipEntryText(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} not in the zip`);
}

async function fingerprint(file: string): Promise<{ sha256: string; mtimeMs: number; size: number }> {
  const info = await stat(file);
  return {
    sha256: createHash('sha256')
      .update(await readFile(file))
      .digest('hex'),
    mtimeMs: info.mtimeMs,
    size: info.size,
  };
}

function statusCells(): Set<string> {
  return new Set([...[6, 7, 8, 9].map((r) => `${MEMBERS}!G${r}`), ...[5, 6, 7].map((r) => `${ACTIVITIES}!D${r}`)]);
}

describe('writeUnitFeedback', () => {
  it('writes status cells and the standing tab, and leaves every cell the unit typed as it was', async () => {
    const file = await buildUnitWorkbook();
    const before = await openWorkbook(file);

    const result = await writeUnitFeedback(file, feedback(FIRST_FEEDBACK));

    const after = await openWorkbook(file);
    expect(result.changed).toBe(true);
    const extent = extentOf(before, after);
    expect(snapshot(after, statusCells(), extent)).toEqual(snapshot(before, statusCells(), extent));

    const members = sheetOf(after, MEMBERS);
    expect(members.getCell('G6').value).toBe('✓ Hợp lệ');
    expect(members.getCell('G7').value).toBe(FIRST_FEEDBACK[7]);
    expect(members.getCell('G7').font?.color?.argb).toBe('FF9C0006');
    expect(members.getCell('G7').alignment?.wrapText).toBe(true);
    // Row 8's old status is gone: the row has no feedback any more.
    expect(members.getCell('G8').value).toBeNull();
    expect(members.getCell('G9').value).toBe('✓ Hợp lệ');
    expect(members.getCell('G9').font?.color?.argb).toBe('FF006100');
    // The unit's formula is still a formula, and its text '=1+1' still text.
    expect(members.getCell('E6').value).toEqual({ formula: 'B6*2', result: 4 });
    expect(members.getCell('C8').type).toBe(ExcelJS.ValueType.String);
    expect(members.getCell('F50').dataValidation).toMatchObject({ type: 'list', formulae: [ROLE_LIST] });
    // Written back as the one range F6:F100: exceljs alone writes F10:F100 and F6:F100, overlapping.
    const sheetXml = zipEntryText(await readFile(file), `xl/worksheets/sheet${members.id}.xml`);
    expect([...sheetXml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1])).toEqual(['F6:F100']);
    // The cell-bound rule exceljs could not read is dropped rather than written as the formula "NaN".
    expect(members.getCell('B50').dataValidation).toBeUndefined();
    expect(members.getColumn(3).width).toBe(28);
    expect(members.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });

    // cells written: G7 changed, G8 cleared, G9 new; Hoạt động: header D5 + D6 + D7; plus the standing tab's cells.
    const standingCells = valuesOf(sheetOf(after, STANDING_TAB)).size;
    expect(result.cellsWritten).toBe(3 + 3 + standingCells);
  });

  it('appends a status column after the last header of a tab that has none', async () => {
    const file = await buildUnitWorkbook();
    await writeUnitFeedback(file, feedback(FIRST_FEEDBACK));
    const activities = sheetOf(await openWorkbook(file), ACTIVITIES);
    const header = activities.getCell('D5');
    expect(header.value).toBe(STATUS_HEADER);
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } });
    expect(activities.getCell('D6').value).toBe('✓ Hợp lệ');
    expect(activities.getCell('D7').value).toBe('Cột C (Số người): "ba mươi" không phải số');
    expect(activities.getCell('E5').value).toBeNull();
    // The sweep reads the written file like any other.
    const tabs = await readWorkbookTabs(await readFile(file), 'unit.xlsx');
    expect(tabs.find((t) => t.name === ACTIVITIES)?.rows.find((r) => r.rowNumber === HEADER_ROW)?.cells).toEqual([
      'Ngày',
      'Tên hoạt động',
      'Số người',
      STATUS_HEADER,
    ]);
  });

  it('lays out the standing tab after the form tabs, with ICT dates, status symbols and colours', async () => {
    const file = await buildUnitWorkbook();
    await writeUnitFeedback(file, feedback(FIRST_FEEDBACK));
    const workbook = await openWorkbook(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([MEMBERS, ACTIVITIES, STANDING_TAB, HELP]);
    const standing = sheetOf(workbook, STANDING_TAB);
    expect(standing.getCell('A1').value).toBe('Tình hình nộp báo cáo — Chi đoàn A');
    // Text that looks like a formula stays text.
    expect(standing.getCell('A2').value).toBe('=1+1 cập nhật 10g00 15/09/2024');
    expect(standing.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(standing.getRow(3).hasValues).toBe(false);
    expect(standing.getRow(4).values).toEqual([
      undefined,
      'Biểu mẫu',
      'Hạn nộp',
      'Nộp lúc',
      'Tình trạng',
      'Số dòng',
      'Tỷ lệ',
      'Kinh phí',
    ]);
    expect(standing.getCell('B5').value).toEqual(new Date('2024-09-15T10:00:00Z'));
    expect(standing.getCell('B5').numFmt).toBe('dd/mm/yyyy');
    expect(standing.getCell('C5').value).toEqual(new Date('2024-09-15T00:30:00Z'));
    expect(standing.getCell('C5').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(standing.getCell('D5').value).toBe('✓ Đủ, đúng hạn');
    expect(standing.getCell('D5').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } });
    expect(standing.getCell('D6').value).toBe('✗ Chưa nộp');
    expect(standing.getCell('D6').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(standing.getCell('E5').value).toBe(4);
    expect(standing.getCell('F5').value).toBe(0.75);
    expect(standing.getCell('F5').numFmt).toBe('[$-42A]0.0 %');
    expect(standing.getCell('G5').value).toBe(1_900_000);
    expect(standing.getCell('G5').numFmt).toBe('[$-42A]#,##0 "đ"');
    expect(standing.getCell('C6').value).toBeNull();
  });

  it('does not save a file when nothing changed: same bytes, same mtime', async () => {
    const file = await buildUnitWorkbook();
    await writeUnitFeedback(file, feedback(FIRST_FEEDBACK));
    // Date the file in the past: a rewrite now would show in the mtime on any file system, without waiting.
    const past = new Date('2024-01-02T03:04:05Z');
    await utimes(file, past, past);
    const first = await fingerprint(file);

    expect(await writeUnitFeedback(file, feedback(FIRST_FEEDBACK))).toEqual({
      changed: false,
      cellsWritten: 0,
      tabsAdded: [],
    });
    expect(await fingerprint(file)).toEqual(first);
  });

  it('rewrites exactly the one status cell that changed', async () => {
    const file = await buildUnitWorkbook();
    await writeUnitFeedback(file, feedback(FIRST_FEEDBACK));
    const before = await openWorkbook(file);

    const result = await writeUnitFeedback(
      file,
      feedback({ ...FIRST_FEEDBACK, 9: 'Cột D: ngày sinh sau ngày vào Đoàn' }),
    );

    expect(result).toEqual({ changed: true, cellsWritten: 1, tabsAdded: [] });
    const after = await openWorkbook(file);
    const extent = extentOf(before, after);
    const except = new Set([`${MEMBERS}!G9`]);
    expect(snapshot(after, except, extent)).toEqual(snapshot(before, except, extent));
    expect(sheetOf(after, MEMBERS).getCell('G9').value).toBe('Cột D: ngày sinh sau ngày vào Đoàn');
    expect(sheetOf(after, MEMBERS).getCell('G9').font?.color?.argb).toBe('FF9C0006');
    expect(valuesOf(sheetOf(after, STANDING_TAB))).toEqual(valuesOf(sheetOf(before, STANDING_TAB)));
  });

  it('clears the status of a row whose feedback disappeared', async () => {
    const file = await buildUnitWorkbook();
    await writeUnitFeedback(file, feedback(FIRST_FEEDBACK));
    const result = await writeUnitFeedback(file, feedback({ 6: '✓ Hợp lệ', 9: '✓ Hợp lệ' }));
    expect(result).toEqual({ changed: true, cellsWritten: 1, tabsAdded: [] });
    const members = sheetOf(await openWorkbook(file), MEMBERS);
    expect(members.getCell('G7').value).toBeNull();
    expect(members.getCell('D7').value).toBe('ngày 5 tháng 3');
  });

  it('rebuilds the standing tab in place when one of its values changes', async () => {
    const file = await buildUnitWorkbook();
    await writeUnitFeedback(file, feedback(FIRST_FEEDBACK));
    const before = await openWorkbook(file);

    const result = await writeUnitFeedback(file, feedback(FIRST_FEEDBACK, { standingCount: 5 }));

    const after = await openWorkbook(file);
    expect(result.changed).toBe(true);
    expect(result.cellsWritten).toBe(valuesOf(sheetOf(after, STANDING_TAB)).size);
    expect(after.worksheets.map((w) => w.name)).toEqual([MEMBERS, ACTIVITIES, STANDING_TAB, HELP]);
    expect(sheetOf(after, STANDING_TAB).getCell('E5').value).toBe(5);
    const extent = extentOf(before, after);
    expect(snapshot(after, new Set(), extent)).toEqual(snapshot(before, new Set(), extent));
  });

  it('finds a tab whose name differs in case and accents from the feedback', async () => {
    const file = await buildUnitWorkbook();
    const result = await writeUnitFeedback(file, feedback(FIRST_FEEDBACK, { memberTab: 'danh sach doan vien' }));
    expect(result.changed).toBe(true);
    const workbook = await openWorkbook(file);
    expect(sheetOf(workbook, MEMBERS).getCell('G7').value).toBe(FIRST_FEEDBACK[7]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([MEMBERS, ACTIVITIES, STANDING_TAB, HELP]);
  });

  it('keeps the dropdowns, notes and rows of a workbook made from the templates', async () => {
    const forms = (await loadBuiltinForms()).filter(
      (f) => f.id === 'ren-luyen-2014-dang-ky' || f.id === 'ren-luyen-2014-danh-gia',
    );
    expect(forms).toHaveLength(2);
    const file = path.join(dir(), 'from-templates.xlsx');
    await writeUnitWorkbook(
      file,
      'Chi đoàn mẫu',
      forms,
      new Map([['ren-luyen-2014-danh-gia', [['Đợt I', 'Nguyễn Văn An', 'HTXS', 'HTT', null]]]]),
    );
    const before = await openWorkbook(file);
    const beforeBytes = await readFile(file);
    const tabs = forms.map((f) => tab(f.tab, { [FIRST_DATA_ROW]: 'Cột C: "HTXS" không có trong danh sách' }));

    const result = await writeUnitFeedback(file, { unitId: 'cd-mau', tabs, standing: feedback({}).standing });

    expect(result.changed).toBe(true);
    const after = await openWorkbook(file);
    const ids = before.worksheets.map((w) => w.id);
    expect(validationsOf(await readFile(file), ids)).toEqual(validationsOf(beforeBytes, ids));
    expect(validationsOf(beforeBytes, ids).length).toBeGreaterThan(0);
    const statusColumn = (f: (typeof forms)[number]): number => f.columns.length + 1;
    const except = new Set(
      forms.map((f) => `${f.tab}!${sheetOf(after, f.tab).getCell(FIRST_DATA_ROW, statusColumn(f)).address}`),
    );
    const extent = extentOf(before, after);
    expect(snapshot(after, except, extent)).toEqual(snapshot(before, except, extent));
    for (const f of forms) {
      const sheet = sheetOf(after, f.tab);
      expect(sheet.getCell(HEADER_ROW, statusColumn(f)).note).toEqual(
        sheetOf(before, f.tab).getCell(HEADER_ROW, statusColumn(f)).note,
      );
      expect(sheet.getCell(HEADER_ROW, 1).note).toEqual(sheetOf(before, f.tab).getCell(HEADER_ROW, 1).note);
      expect(sheet.getCell(FIRST_DATA_ROW, statusColumn(f)).value).toBe('Cột C: "HTXS" không có trong danh sách');
    }
    // Right after the last form tab, before the help tab (the hidden list tab sits between the form tabs).
    const names = before.worksheets.map((w) => w.name);
    const lastForm = Math.max(...forms.map((f) => names.indexOf(f.tab)));
    expect(after.worksheets.map((w) => w.name)).toEqual([
      ...names.slice(0, lastForm + 1),
      STANDING_TAB,
      ...names.slice(lastForm + 1),
    ]);
  });
});
