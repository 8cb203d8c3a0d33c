import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LINE_HEIGHT_POINTS,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
} from '../../functions/src/adapters/sheet-layout/summary-print-layout.js';
import { MIN_PRINT_SCALE } from '../../functions/src/adapters/sheet-layout/summary-page-setup.js';
import {
  renderSummaryWorkbook,
  writeSummaryWorkbook,
} from '../../functions/src/adapters/workbook/write-summary-workbook.js';
import { STATUS_DISPLAY } from '../../functions/src/domain/status/status-kinds.js';
import type { SummaryModel, SummaryTab } from '../../functions/src/domain/summary/summary-model.js';
import { useTempDir } from '../support/builders.js';

const GENERATED_AT = new Date('2024-09-15T03:05:00Z');
const INJECTIONS = ['=1+1', '+84983018027', '-5', '@SUM(A1)', '=HYPERLINK("http://x","y")'] as const;
const LONG_TEXT = 'Thiếu cột “Số đoàn viên tham gia”; dòng 7 ghi ngày 31/02/2024 không hợp lệ. '.repeat(3);
const NFD_NAME = 'Chi đoàn Nguyễn Trãi'.normalize('NFD');

const overview: SummaryTab = {
  name: 'Tổng quan',
  title: [
    'Tổng hợp báo cáo — Quận Đoàn 1',
    'Cập nhật lúc 10:05 ngày 15/09/2024',
    'Tỷ lệ hoàn thành = số đơn vị nộp đủ ÷ số đơn vị phải nộp',
  ],
  columns: [
    { header: 'Biểu mẫu', format: 'text' },
    { header: 'Kỳ', format: 'text' },
    { header: 'Phải nộp', format: 'int' },
    { header: 'Nộp đủ', format: 'int' },
    { header: 'Tỷ lệ hoàn thành', format: 'percent' },
    { header: 'Tỷ lệ đúng hạn', format: 'percent' },
    { header: 'Kinh phí', format: 'money' },
    { header: 'Bình quân', format: 'decimal' },
    { header: 'Cập nhật', format: 'datetime' },
  ],
  rows: [
    ['Sinh hoạt chi đoàn', 'Tháng 9/2024', 12, 9, 0.75, 0.5, 1_900_000, 2.5, new Date('2024-09-15T03:00:00Z')],
    ['Đoàn phí', 'Quý 3/2024', 12, 12, 1, 0.9167, 24_000_000, 3.25, new Date('2024-09-14T17:00:00Z')],
  ],
  notes: ['Tỷ lệ không vượt quá 100 %.', 'Nguồn: hệ thống tonghop'],
  charts: [{ title: 'Tỷ lệ hoàn thành theo biểu mẫu', table: 0, categoryColumn: 0, seriesColumns: [4, 5] }],
};

const progress: SummaryTab = {
  name: 'Tiến độ đơn vị',
  title: ['Tiến độ nộp báo cáo theo đơn vị'],
  columns: [
    { header: 'Đơn vị', format: 'text' },
    { header: 'Hạn nộp', format: 'date' },
    { header: 'Trạng thái', format: 'status' },
    { header: 'Có minh chứng', format: 'text', width: 30 },
  ],
  rows: [
    [NFD_NAME, new Date('2024-09-14T17:00:00Z'), 'complete-on-time', true],
    ['Liên đội Kim Đồng', new Date('2024-09-30T16:59:00Z'), 'missing', false],
    ['Chi đoàn 11B', null, 'trang-thai-la', null],
  ],
  notes: ['✓ Đủ, đúng hạn; ✗ Chưa nộp'],
};

const errors: SummaryTab = {
  name: 'Lỗi dữ liệu',
  title: [],
  columns: [
    { header: 'Đơn vị', format: 'text' },
    { header: 'Dòng', format: 'int' },
    { header: 'Nội dung', format: 'text' },
  ],
  rows: [...INJECTIONS.map((text, i) => ['Chi đoàn 12C', i + 6, text]), ['=cmd|"/c calc"!A1', '-5', LONG_TEXT]],
  notes: ['=SUM(1,2)'],
};

const model: SummaryModel = {
  title: 'Tổng hợp báo cáo — Quận Đoàn 1',
  generatedAt: GENERATED_AT,
  footer: { district: 'Quận Đoàn 1 & 3', asOf: 'tính đến 10:05 15/09/2024' },
  tabs: [overview, progress, errors],
};

/** The entries of a zip (.xlsx) file, uncompressed, read from its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const entries = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function entry(entries: Map<string, Buffer>, name: string): string {
  const data = entries.get(name);
  if (!data) throw new Error(`${name} missing; entries: ${[...entries.keys()].join(', ')}`);
  return data.toString('utf8');
}

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`tab ${name} missing; tabs: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  return sheet;
}

function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number, columns: number): unknown[] {
  return Array.from({ length: columns }, (_, c) => sheet.getCell(rowNumber, c + 1).value);
}

let bytes: Buffer;
let workbook: ExcelJS.Workbook;
const dir = useTempDir('tonghop-summary');

beforeAll(async () => {
  bytes = await renderSummaryWorkbook(model);
  workbook = await read(bytes);
});

describe('renderSummaryWorkbook', () => {
  it('writes one tab per model tab, in order, with the workbook properties of the model', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng quan', 'Tiến độ đơn vị', 'Lỗi dữ liệu']);
    expect(workbook.creator).toBe('tonghop');
    expect(workbook.title).toBe(model.title);
    expect(workbook.created).toEqual(GENERATED_AT);
    expect(workbook.modified).toEqual(GENERATED_AT);
  });

  it('puts the title lines on top, an empty row, then the header row and the data', () => {
    const sheet = sheetOf(workbook, 'Tổng quan');
    expect(rowValues(sheet, 1, 1)).toEqual(['Tổng hợp báo cáo — Quận Đoàn 1']);
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getCell('A2').font).toMatchObject({ italic: true, color: { argb: 'FF7F7F7F' } });
    expect(sheet.getCell('A3').value).toBe(overview.title[2]);
    expect(sheet.getRow(4).cellCount).toBe(0);
    expect(rowValues(sheet, 5, 9)).toEqual(overview.columns.map((c) => c.header));
    const header = sheet.getCell('E5');
    expect(header.font).toMatchObject({ bold: true });
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(header.border).toMatchObject({
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    });
    expect(header.alignment).toMatchObject({ wrapText: true });
    expect(sheet.getCell('A6').value).toBe('Sinh hoạt chi đoàn');
    expect(sheet.getCell('A7').value).toBe('Đoàn phí');

    const progressSheet = sheetOf(workbook, 'Tiến độ đơn vị');
    expect(progressSheet.getCell('A1').value).toBe('Tiến độ nộp báo cáo theo đơn vị');
    expect(rowValues(progressSheet, 3, 4)).toEqual(['Đơn vị', 'Hạn nộp', 'Trạng thái', 'Có minh chứng']);
    // Without title lines the header is the first row.
    expect(rowValues(sheetOf(workbook, 'Lỗi dữ liệu'), 1, 3)).toEqual(['Đơn vị', 'Dòng', 'Nội dung']);
  });

  it('freezes the header row (and the first column of wide tabs) and filters header + data', () => {
    const wide = sheetOf(workbook, 'Tổng quan');
    expect(wide.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 5, topLeftCell: 'B6' });
    expect(wide.autoFilter).toBe('A5:I7');
    const narrow = sheetOf(workbook, 'Tiến độ đơn vị');
    expect(narrow.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, topLeftCell: 'A4' });
    expect(narrow.views[0]?.state === 'frozen' ? (narrow.views[0].xSplit ?? 0) : -1).toBe(0);
    expect(narrow.autoFilter).toBe('A3:D6');
    expect(sheetOf(workbook, 'Lỗi dữ liệu').autoFilter).toBe('A1:C7');
  });

  it('formats each column by its type: text, int, percent as fractions, money, decimal, ICT date-times', () => {
    const sheet = sheetOf(workbook, 'Tổng quan');
    // Numbers carry the Vietnamese locale ([$-42A]): LibreOffice shows "75,0 %" and "1.900.000 đ" whatever its own locale.
    const formats = [
      '@',
      '@',
      '[$-42A]#,##0',
      '[$-42A]#,##0',
      '[$-42A]0.0 %',
      '[$-42A]0.0 %',
      '[$-42A]#,##0 "đ"',
      '[$-42A]#,##0.0',
      'dd/mm/yyyy hh:mm',
    ];
    expect(rowValues(sheet, 6, 9).map((_, c) => sheet.getCell(6, c + 1).numFmt)).toEqual(formats);
    expect(rowValues(sheet, 7, 9).map((_, c) => sheet.getCell(7, c + 1).numFmt)).toEqual(formats);
    expect(sheet.getCell('C6').value).toBe(12);
    expect(sheet.getCell('E6').value).toBe(0.75);
    expect(sheet.getCell('F7').value).toBe(0.9167);
    expect(sheet.getCell('G6').value).toBe(1_900_000);
    expect(sheet.getCell('H7').value).toBe(3.25);
    // 03:00 UTC is 10:00 in Hồ Chí Minh City; Excel has no time zones, so the stored wall clock is 10:00.
    const updated = sheet.getCell('I6').value;
    expect(updated).toBeInstanceOf(Date);
    expect((updated as Date).toISOString()).toBe('2024-09-15T10:00:00.000Z');
    expect((sheet.getCell('I7').value as Date).toISOString()).toBe('2024-09-15T00:00:00.000Z');
    expect(sheet.getCell('A6').type).toBe(ExcelJS.ValueType.String);

    const progressSheet = sheetOf(workbook, 'Tiến độ đơn vị');
    expect(progressSheet.getCell('B4').numFmt).toBe('dd/mm/yyyy');
    expect((progressSheet.getCell('B4').value as Date).toISOString()).toBe('2024-09-15T00:00:00.000Z');
    expect((progressSheet.getCell('B5').value as Date).toISOString()).toBe('2024-09-30T23:59:00.000Z');
  });

  it('shows statuses as "symbol label" on their colour, unknown statuses as plain text, booleans as Có/Không, null as empty', () => {
    const sheet = sheetOf(workbook, 'Tiến độ đơn vị');
    expect(sheet.getCell('C4').value).toBe('✓ Đủ, đúng hạn');
    expect(sheet.getCell('C4').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: `FF${STATUS_DISPLAY['complete-on-time'].color}` },
    });
    expect(sheet.getCell('C5').value).toBe(`${STATUS_DISPLAY.missing.symbol} ${STATUS_DISPLAY.missing.label}`);
    expect(sheet.getCell('C5').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(sheet.getCell('C6').value).toBe('trang-thai-la');
    expect(JSON.stringify(sheet.getCell('C6').fill ?? {})).not.toContain('solid');
    expect(rowValues(sheet, 4, 4)[3]).toBe('Có');
    expect(rowValues(sheet, 5, 4)[3]).toBe('Không');
    expect(sheet.getCell('B6').value).toBeNull();
    expect(sheet.getCell('D6').value).toBeNull();
    // Vietnamese typed on a Mac arrives decomposed; the summary shows the composed form.
    expect(sheet.getCell('A4').value).toBe('Chi đoàn Nguyễn Trãi'.normalize('NFC'));
  });

  it('keeps user text that starts with = + - @ as text, never as a formula', () => {
    const sheet = sheetOf(workbook, 'Lỗi dữ liệu');
    INJECTIONS.forEach((text, i) => {
      const cell = sheet.getCell(i + 2, 3);
      expect(cell.value).toBe(text);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
    });
    for (const address of ['A7', 'B7', 'A9']) {
      const cell = sheet.getCell(address);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe('@');
    }
    expect(sheet.getCell('A7').value).toBe('=cmd|"/c calc"!A1');
    expect(sheet.getCell('B7').value).toBe('-5');
    expect(sheet.getCell('A9').value).toBe('=SUM(1,2)');
    // No formula element anywhere in the file.
    const entries = unzip(bytes);
    const sheetXml = [...entries.keys()].filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheetXml).toHaveLength(3);
    for (const name of sheetXml) expect(entry(entries, name)).not.toMatch(/<f[\s>]/);
  });

  it('fits column widths to the content within bounds, keeps a given width and wraps longer cells', () => {
    for (const sheet of workbook.worksheets) {
      const tab = model.tabs.find((t) => t.name === sheet.name);
      tab?.columns.forEach((column, c) => {
        const width = sheet.getColumn(c + 1).width ?? 0;
        if (column.width !== undefined) expect(width).toBe(column.width);
        else {
          expect(width).toBeGreaterThanOrEqual(MIN_COLUMN_WIDTH);
          expect(width).toBeLessThanOrEqual(MAX_COLUMN_WIDTH);
        }
      });
    }
    const errorSheet = sheetOf(workbook, 'Lỗi dữ liệu');
    expect(errorSheet.getColumn(2).width).toBe(MIN_COLUMN_WIDTH);
    expect(errorSheet.getColumn(3).width).toBe(MAX_COLUMN_WIDTH);
    expect(errorSheet.getCell('C7').alignment).toMatchObject({ wrapText: true });
    expect(errorSheet.getCell('C2').alignment?.wrapText ?? false).toBe(false);
    // 'Sinh hoạt chi đoàn' (18 characters) is the longest in its column.
    expect(sheetOf(workbook, 'Tổng quan').getColumn(1).width).toBe(20);
    // '24,000,000 đ' is 12 characters.
    expect(sheetOf(workbook, 'Tổng quan').getColumn(7).width).toBe(14);
    expect(sheetOf(workbook, 'Tiến độ đơn vị').getColumn(4).width).toBe(30);
  });

  it('writes the notes below the table after an empty row, each across the table’s width so it prints whole', () => {
    const overviewSheet = sheetOf(workbook, 'Tổng quan');
    expect(overviewSheet.getRow(8).cellCount).toBe(0);
    expect(rowValues(overviewSheet, 9, 1)).toEqual(['Tỷ lệ không vượt quá 100 %.']);
    expect(rowValues(overviewSheet, 10, 1)).toEqual(['Nguồn: hệ thống tonghop']);
    expect(overviewSheet.getCell('I9').isMerged).toBe(true);
    expect(overviewSheet.getCell('A9').alignment).toMatchObject({ wrapText: true });
    expect(overviewSheet.getCell('A9').border?.top).toBeUndefined();
    expect(overviewSheet.getCell('A7').border?.top).toMatchObject({ style: 'thin' });
    const progressSheet = sheetOf(workbook, 'Tiến độ đơn vị');
    expect(progressSheet.getRow(7).cellCount).toBe(0);
    expect(progressSheet.getCell('A8').value).toBe('✓ Đủ, đúng hạn; ✗ Chưa nộp');
    expect(progressSheet.rowCount).toBe(8);
  });

  it('adds a bar chart of the declared columns to the tab that declares one, below its notes', () => {
    const entries = unzip(bytes);
    const charts = [...entries.keys()].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(1);
    const chart = entry(entries, charts[0] ?? '');
    expect(chart).toContain('barChart');
    expect(chart).toContain('Tỷ lệ hoàn thành theo biểu mẫu');
    for (const range of ['$A$6:$A$7', '$E$6:$E$7', '$F$6:$F$7']) expect(chart).toContain(range);
    expect(entry(entries, '[Content_Types].xml')).toContain('drawingml.chart+xml');
    // The chart hangs on the first sheet only, from column A of the row after the notes' empty row (row 12, 0-based 11).
    const drawingRels = [...entries.keys()].filter(
      (name) => /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(name) && entry(entries, name).includes('/drawing'),
    );
    expect(drawingRels).toEqual(['xl/worksheets/_rels/sheet1.xml.rels']);
    const drawing = [...entries.keys()].find((name) => /^xl\/drawings\/drawing\d+\.xml$/.test(name));
    expect(entry(entries, drawing ?? '')).toMatch(
      /<xdr:from>\s*<xdr:col>0<\/xdr:col>\s*<xdr:colOff>0<\/xdr:colOff>\s*<xdr:row>11<\/xdr:row>/,
    );
  });

  it('renders the same sheets and properties from the same model', async () => {
    const again = unzip(await renderSummaryWorkbook(model));
    const first = unzip(bytes);
    expect([...again.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, data] of first) expect(again.get(name)?.equals(data), name).toBe(true);
  });

  it('leaves out the chart of a tab without rows and filters its header alone', async () => {
    const empty: SummaryTab = { ...overview, rows: [], notes: [] };
    const rendered = await renderSummaryWorkbook({ ...model, tabs: [empty] });
    expect([...unzip(rendered).keys()].some((name) => name.startsWith('xl/charts/'))).toBe(false);
    const sheet = sheetOf(await read(rendered), 'Tổng quan');
    expect(sheet.autoFilter).toBe('A5:I5');
    // Only the header 'Cập nhật' (8 characters) is left to measure.
    expect(sheet.getColumn(9).width).toBe(10);
  });

  it('drops characters an .xlsx file cannot hold and leaves non-finite numbers empty', async () => {
    const tab: SummaryTab = {
      name: 'Ký tự',
      title: [],
      columns: [
        { header: 'Chữ', format: 'text' },
        { header: 'Số', format: 'percent' },
      ],
      rows: [['Chi\u0007 đoàn\u0000 \uD800A', Number.NaN]],
    };
    const sheet = sheetOf(await read(await renderSummaryWorkbook({ ...model, tabs: [tab] })), 'Ký tự');
    expect(sheet.getCell('A2').value).toBe('Chi đoàn A');
    expect(sheet.getCell('B2').value).toBeNull();
  });

  it('refuses tab names .xlsx cannot hold, rows longer than the columns and charts of missing columns', async () => {
    const tooLong = 'Tổng hợp chỉ số hoạt động theo từng cụm thi đua';
    await expect(renderSummaryWorkbook({ ...model, tabs: [{ ...errors, name: tooLong }] })).rejects.toThrow(RangeError);
    await expect(
      renderSummaryWorkbook({ ...model, tabs: [errors, { ...progress, name: 'LỖI DỮ LIỆU' }] }),
    ).rejects.toThrow('appears twice');
    await expect(renderSummaryWorkbook({ ...model, tabs: [{ ...errors, name: 'Lỗi: dữ liệu' }] })).rejects.toThrow(
      RangeError,
    );
    await expect(
      renderSummaryWorkbook({ ...model, tabs: [{ ...errors, rows: [['a', 1, 'b', 'c']] }] }),
    ).rejects.toThrow('has 4 cells');
    await expect(
      renderSummaryWorkbook({
        ...model,
        tabs: [{ ...overview, charts: [{ title: 'x', table: 0, categoryColumn: 0, seriesColumns: [9] }] }],
      }),
    ).rejects.toThrow('uses column 9');
    await expect(
      renderSummaryWorkbook({
        ...model,
        tabs: [{ ...overview, charts: [{ title: 'x', table: 1, categoryColumn: 0, seriesColumns: [1] }] }],
      }),
    ).rejects.toThrow('uses table 1');
  });
});

describe('renderSummaryWorkbook: ready to print', () => {
  const dashboard: SummaryTab = {
    name: 'Bảng điều khiển',
    title: ['Bảng điều khiển — Quận Đoàn 1'],
    columns: [
      { header: 'Kế hoạch · Kỳ', format: 'text', width: 30 },
      { header: 'Phải nộp', format: 'int', width: 9 },
      { header: 'Tỉ lệ nộp đủ', format: 'percent', width: 9 },
    ],
    rows: [['Đăng ký tập huấn · hạn 15/09/2024', 20, 0.75]],
    moreTables: [
      {
        title: 'Tỉ lệ nộp đủ theo cụm',
        columns: [
          { header: 'Cụm', format: 'text' },
          { header: 'Đăng ký tập huấn', format: 'percent' },
        ],
        rows: [
          ['Cụm 1', 0.5],
          ['Cụm 2', 1],
        ],
      },
    ],
    notes: ['Còn thiếu = chưa nộp hoặc nộp chưa đạt.'],
    charts: [{ title: 'Đăng ký tập huấn: tỉ lệ nộp đủ theo cụm', table: 1, categoryColumn: 0, seriesColumns: [1] }],
    onePage: true,
  };
  let printed: ExcelJS.Workbook;
  let printedBytes: Buffer;

  beforeAll(async () => {
    printedBytes = await renderSummaryWorkbook({ ...model, tabs: [dashboard, ...model.tabs] });
    printed = await read(printedBytes);
  });

  it('fits every tab to the page width only, on A4, landscape when wide, portrait when narrow', () => {
    const wide = sheetOf(printed, 'Tổng quan').pageSetup;
    expect(wide).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheetOf(printed, 'Tiến độ đơn vị').pageSetup).toMatchObject({
      orientation: 'portrait',
      fitToWidth: 1,
      fitToHeight: 0,
    });
  });

  it('prints the front page on exactly one page', () => {
    expect(sheetOf(printed, 'Bảng điều khiển').pageSetup).toMatchObject({
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
    });
  });

  it('repeats the header row on every printed page', () => {
    expect(sheetOf(printed, 'Tổng quan').pageSetup.printTitlesRow).toBe('5:5');
    expect(sheetOf(printed, 'Lỗi dữ liệu').pageSetup.printTitlesRow).toBe('1:1');
  });

  it('numbers the pages, with the district and the instant in the footer (a literal & doubled)', () => {
    for (const sheet of printed.worksheets)
      expect(sheet.headerFooter.oddFooter).toBe('&LQuận Đoàn 1 && 3&CTrang &P/&N&Rtính đến 10:05 15/09/2024');
  });

  it('sets the height of rows whose cells wrap, and of wrapped headers', () => {
    const errorSheet = sheetOf(printed, 'Lỗi dữ liệu');
    // LONG_TEXT (about 240 characters) in a 60-wide column: several lines, one 15-point line each.
    expect(errorSheet.getRow(7).height).toBeGreaterThanOrEqual(4 * LINE_HEIGHT_POINTS);
    expect(errorSheet.getRow(2).height ?? LINE_HEIGHT_POINTS).toBe(LINE_HEIGHT_POINTS);
    // 'Tỉ lệ nộp đủ' in a 9-wide column takes two lines.
    expect(sheetOf(printed, 'Bảng điều khiển').getRow(3).height).toBe(2 * LINE_HEIGHT_POINTS);
  });

  it('writes the further table under its own title and header, and charts it below the notes', () => {
    const sheet = sheetOf(printed, 'Bảng điều khiển');
    // Title row 1, empty, header 3, data 4; empty, table title 6, header 7, data 8–9; empty, note 11; empty, chart from row 13.
    expect(sheet.getCell('A6').value).toBe('Tỉ lệ nộp đủ theo cụm');
    expect(rowValues(sheet, 7, 2)).toEqual(['Cụm', 'Đăng ký tập huấn']);
    expect(rowValues(sheet, 9, 2)).toEqual(['Cụm 2', 1]);
    expect(sheet.getCell('A11').value).toBe('Còn thiếu = chưa nộp hoặc nộp chưa đạt.');
    const entries = unzip(printedBytes);
    const charts = [...entries.keys()]
      .filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))
      .map((name) => entry(entries, name));
    const cluster = charts.find((xml) => xml.includes('theo cụm'));
    expect(cluster).toContain('$A$8:$A$9');
    expect(cluster).toContain('$B$8:$B$9');
  });
});

describe('renderSummaryWorkbook: what goes on paper (sheet XML re-read)', () => {
  const LONG_TITLE = `Kinh phí ${'Đăng ký tham gia tập huấn nghiệp vụ công tác Đoàn – Đội khu vực trường học '.repeat(2)}: đối chiếu`;
  const narrow: SummaryTab = {
    name: 'Kinh phí',
    title: [LONG_TITLE, 'Phải nộp = số người × 1.900.000 đ.'],
    columns: [
      { header: 'Đơn vị', format: 'text', width: 34 },
      { header: 'Phải nộp', format: 'money', width: 16 },
    ],
    rows: [['Liên đội Kim Đồng', 1_900_000]],
    notes: ['Biên lai lấy từ bảng thu kinh phí.'],
  };
  // 30 columns of 12: 360 characters, which fitted to one landscape width would print at about 40 %.
  const wide: SummaryTab = {
    name: 'Tiến độ đơn vị',
    title: ['Tiến độ nộp của từng đơn vị'],
    columns: Array.from({ length: 30 }, (_, c) => ({
      header: c === 0 ? 'Tên đơn vị' : `Kế hoạch ${c}`,
      format: 'text' as const,
      width: 12,
    })),
    rows: [Array.from({ length: 30 }, (_, c) => (c === 0 ? 'Chi đoàn 12C' : '✓ Đủ'))],
  };
  const reference: SummaryTab = {
    name: 'Đăng ký tập huấn',
    title: ['Đăng ký tham gia tập huấn', 'Trang tham khảo (300 dòng): xem trên màn hình; bản in chỉ gồm phần đầu này.'],
    columns: [
      { header: 'Mã đơn vị', format: 'text' },
      { header: 'Tên đơn vị', format: 'text', width: 36 },
      { header: 'Họ và tên', format: 'text', width: 30 },
      { header: 'Email', format: 'text', width: 40 },
      { header: 'Ghi chú', format: 'text', width: 60 },
    ],
    rows: Array.from({ length: 300 }, (_, r) => [
      `th-${r}`,
      `Liên đội số ${r}`,
      `Đoàn viên ${r}`,
      `dv${r}@example.com`,
      r % 7 === 0 ? LONG_TEXT : '',
    ]),
    reference: true,
  };
  let entries: Map<string, Buffer>;
  let paper: ExcelJS.Workbook;

  beforeAll(async () => {
    const rendered = await renderSummaryWorkbook({ ...model, tabs: [narrow, wide, reference] });
    entries = unzip(rendered);
    paper = await read(rendered);
  });

  /** The XML of the n-th tab (1-based), as exceljs writes them in order. */
  const sheetXml = (n: number) => entry(entries, `xl/worksheets/sheet${n}.xml`);
  const definedName = (name: string, tab: number) => {
    const match = new RegExp(`<definedName name="${name}" localSheetId="${tab}">([^<]*)</definedName>`).exec(
      entry(entries, 'xl/workbook.xml'),
    );
    return match?.[1]?.replace(/&apos;/g, "'");
  };

  it('fits a tab to the page width only, on A4, centred, with the tab name in the header and Trang &P/&N in the footer', () => {
    const xml = sheetXml(1);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(xml).toMatch(/<pageSetup paperSize="9" orientation="portrait"[^>]* fitToWidth="1" fitToHeight="0"\/>/);
    expect(xml).toContain('<printOptions horizontalCentered="1"/>');
    expect(xml).toContain('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>');
    expect(xml).toContain('<oddHeader>&amp;L&amp;A&amp;RTổng hợp báo cáo — Quận Đoàn 1</oddHeader>');
    expect(xml).toContain('&amp;CTrang &amp;P/&amp;N');
  });

  it('sets the print area to the tables and notes, and repeats the header row', () => {
    // Titles 1–2, empty, header 4, data 5; empty, note 7.
    expect(definedName('_xlnm.Print_Area', 0)).toBe("'Kinh phí'!$A$1:$B$7");
    expect(definedName('_xlnm.Print_Titles', 0)).toBe("'Kinh phí'!$4:$4");
  });

  it('wraps a title longer than the printed columns across them, its row as tall as its lines, so print does not cut it', () => {
    const sheet = sheetOf(paper, 'Kinh phí');
    expect(sheet.getCell('B1').isMerged).toBe(true);
    expect(sheet.getCell('A1').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getRow(1).height).toBeGreaterThanOrEqual(3 * LINE_HEIGHT_POINTS);
    expect(sheet.getCell('A1').value).toBe(LONG_TITLE);
    // A title that fits stays one unmerged line.
    expect(sheet.getCell('B2').isMerged).toBe(false);
  });

  it('prints a tab too wide to fit legibly at the smallest legible scale, across pages, its first column repeated', () => {
    const xml = sheetXml(2);
    expect(xml).not.toContain('fitToPage="1"');
    expect(xml).toMatch(new RegExp(`<pageSetup paperSize="9" orientation="landscape"[^>]* scale="${MIN_PRINT_SCALE}"`));
    expect(definedName('_xlnm.Print_Titles', 1)).toBe("'Tiến độ đơn vị'!$A:$A,'Tiến độ đơn vị'!$3:$3");
    expect(definedName('_xlnm.Print_Area', 1)).toBe("'Tiến độ đơn vị'!$A$1:$AD$4");
  });

  it('prints only the title lines of a reference tab, over the columns one page holds, fitted as the whole table would be', () => {
    // The whole table (177 characters) fits the width legibly; the title lines take the columns a page holds at 100 %:
    // Mã đơn vị (11), Tên đơn vị (36), Họ và tên (30) make 77 of 110, Email (40) would not fit.
    expect(definedName('_xlnm.Print_Area', 2)).toBe("'Đăng ký tập huấn'!$A$1:$C$2");
    expect(definedName('_xlnm.Print_Titles', 2)).toBeUndefined();
    expect(sheetXml(3)).toMatch(
      /<pageSetup paperSize="9" orientation="landscape"[^>]* fitToWidth="1" fitToHeight="0"\/>/,
    );
  });

  it('keeps every value of every tab on screen: nothing is dropped for print', () => {
    for (const tab of [narrow, wide, reference]) {
      const sheet = sheetOf(paper, tab.name);
      const headerRow = tab.title.length + 2;
      expect(rowValues(sheet, headerRow, tab.columns.length)).toEqual(tab.columns.map((c) => c.header));
      tab.rows.forEach((row, r) => {
        const shown = rowValues(sheet, headerRow + 1 + r, tab.columns.length).map((v) => v ?? '');
        expect(shown).toEqual(row.map((v) => (typeof v === 'string' ? v.normalize('NFC') : v)));
      });
      expect(sheet.columns.slice(0, tab.columns.length).every((column) => column.hidden !== true)).toBe(true);
    }
  });
});

describe('writeSummaryWorkbook', () => {
  it('writes the file through a temporary file in the same folder, replacing an older summary', async () => {
    const file = path.join(dir(), 'out', 'tong-hop.xlsx');
    await writeSummaryWorkbook(file, { ...model, tabs: [errors] });
    await writeFile(path.join(dir(), 'out', 'other.txt'), 'x');
    await writeSummaryWorkbook(file, model);
    expect((await readdir(path.join(dir(), 'out'))).sort()).toEqual(['other.txt', 'tong-hop.xlsx']);
    const written = await read(await readFile(file));
    expect(written.worksheets.map((w) => w.name)).toEqual(['Tổng quan', 'Tiến độ đơn vị', 'Lỗi dữ liệu']);
    expect(sheetOf(written, 'Tổng quan').getCell('E6').value).toBe(0.75);
  });

  it('leaves the previous file untouched when rendering fails', async () => {
    const file = path.join(dir(), 'keep.xlsx');
    await writeSummaryWorkbook(file, model);
    const before = await readFile(file);
    await expect(writeSummaryWorkbook(file, { ...model, tabs: [{ ...errors, name: 'a/b' }] })).rejects.toThrow(
      RangeError,
    );
    expect((await readFile(file)).equals(before)).toBe(true);
    expect((await readdir(dir())).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
