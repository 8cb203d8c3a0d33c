import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { rawCellOf } from '../../../functions/src/adapters/workbook/exceljs-cell.js';
import {
  loadOrdinaryWorkbook,
  withoutDataValidations,
} from '../../../functions/src/adapters/workbook/workbook-fast-load.js';
import { writeUnitWorkbook } from '../../../functions/src/adapters/workbook/write-templates.js';
import { zipEntries } from '../../../functions/src/adapters/workbook/xlsx-zip-entries.js';
import { DEFAULT_SHEET_LIMITS, sheetLimits } from '../../../functions/src/domain/sheets/sheet-limits.js';
import { useTempDir } from '../../support/builders.js';
import { hostileXlsx, repeated, sharedStringsXml, sheetXml } from '../../support/hostile-xlsx.js';

const FOREIGN = path.resolve('test/fixtures/foreign');
const dir = useTempDir('tonghop-fast-load');

/** What the sweep takes from a workbook: each tab's rows of raw cells, merged cells' others blank. */
function cellsOf(workbook: ExcelJS.Workbook) {
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells = [];
      for (let column = 1; column <= row.cellCount; column++) {
        const cell = row.getCell(column);
        cells.push(cell.isMerged && cell.master !== cell ? null : rawCellOf(cell.value));
      }
      rows.push([rowNumber, cells]);
    });
    return { name: sheet.name, rows, merges: sheet.model.merges };
  });
}

async function exceljsLoad(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('loadOrdinaryWorkbook', () => {
  it('reads a unit workbook exactly as exceljs does: dates, numbers, text with diacritics, merged titles', async () => {
    const forms = (await loadBuiltinForms()).filter((f) => f.id === 'tap-huan-2024' || f.id === '30-phut-bao-cao');
    const rows = new Map(
      forms.map((f) => [
        f.id,
        [
          f.columns.map((c, i) =>
            c.type === 'date'
              ? new Date(Date.UTC(2024, 8, 5 + i))
              : c.type === 'int' || c.type === 'decimal' || c.type === 'money'
                ? 40 + i
                : `Nguyễn Thị Ánh ${i}`,
          ),
        ],
      ]),
    );
    const file = path.join(dir(), 'unit.xlsx');
    await writeUnitWorkbook(file, 'Liên đội Tiểu học Kim Đồng', forms, rows);
    const bytes = await readFile(file);

    const quick = await loadOrdinaryWorkbook(bytes, DEFAULT_SHEET_LIMITS);

    expect(quick).toBeDefined();
    expect(cellsOf(quick as ExcelJS.Workbook)).toEqual(cellsOf(await exceljsLoad(bytes)));
    expect((quick as ExcelJS.Workbook).worksheets.length).toBeGreaterThan(1);
  });

  it('leaves our template re-saved by openpyxl (notes moved to /xl/comments/) to the careful path', async () => {
    const bytes = await readFile(path.join(FOREIGN, 'openpyxl-resaved-template.xlsx'));
    const quick = await loadOrdinaryWorkbook(bytes, DEFAULT_SHEET_LIMITS);
    // Its notes sit at /xl/comments/: normalizeForExceljs must move them, so the quick path declines.
    expect(quick).toBeUndefined();
  });

  it.each(['libreoffice-1904.xlsx', 'openpyxl-comments-formulas.xlsx'])(
    'leaves %s (which normalizeForExceljs rewrites) to the careful path',
    async (name) => {
      expect(
        await loadOrdinaryWorkbook(await readFile(path.join(FOREIGN, name)), DEFAULT_SHEET_LIMITS),
      ).toBeUndefined();
    },
  );

  it.each(['libreoffice-excel97.xls', 'libreoffice-ods-renamed.xlsx'])(
    'leaves %s (not an .xlsx) to the careful path',
    async (name) => {
      expect(
        await loadOrdinaryWorkbook(await readFile(path.join(FOREIGN, name)), DEFAULT_SHEET_LIMITS),
      ).toBeUndefined();
    },
  );

  const KB = 1024;
  const row = (r: number, cells: number) =>
    `<row r="${r}">${Array.from({ length: cells }, (_, c) => `<c><v>${c}</v></c>`).join('')}</row>`;
  const rows = (count: number, cells = 1) => Array.from({ length: count }, (_, i) => row(i + 1, cells));
  const limits = sheetLimits({
    maxUnzippedBytes: 1024 * KB,
    maxPartBytes: 512 * KB,
    maxSharedStringsBytes: 64 * KB,
    maxRowsPerTab: 100,
    maxCellsPerTab: 500,
    maxCellsPerFile: 800,
    maxColumns: 30,
  });

  it.each([
    ['more rows than the limit', hostileXlsx([{ name: 'Dối', sheet: sheetXml(rows(101), 'A1:A2') }])],
    [
      'a cell past the last column',
      hostileXlsx([{ name: 'Rộng', sheet: sheetXml(['<row r="1"><c r="A1"/><c r="XFD1"/></row>']) }]),
    ],
    ['more cells in a tab than the limit', hostileXlsx([{ name: 'Ô', sheet: sheetXml(rows(26, 20)) }])],
    [
      'more cells in the file than the limit',
      hostileXlsx([
        { name: 'Một', sheet: sheetXml(rows(25, 20)) },
        { name: 'Hai', sheet: sheetXml(rows(16, 20)) },
      ]),
    ],
    [
      'a worksheet inflating past the part cap',
      hostileXlsx([{ name: 'Bom', sheet: sheetXml(repeated(' '.repeat(64 * KB), 9)) }]),
    ],
    [
      'shared strings past their cap',
      hostileXlsx(
        [{ name: 'Tab', sheet: sheetXml(rows(1)) }],
        sharedStringsXml(repeated(`<si><t>${'Văn '.repeat(250)}</t></si>`, 70)),
      ),
    ],
    [
      'parts together past the package cap',
      hostileXlsx(
        Array.from({ length: 3 }, (_, i) => ({ name: `T${i}`, sheet: sheetXml(repeated(' '.repeat(100 * KB), 4)) })),
      ),
    ],
  ])('leaves a file over a limit to the size gate: %s', async (_, bytes) => {
    expect(await loadOrdinaryWorkbook(bytes, limits)).toBeUndefined();
  });

  it('reads a file just within every limit', async () => {
    const cells = (r: number) =>
      `<row r="${r}">${['A', 'B', 'C', 'D', 'E'].map((c, i) => `<c r="${c}${r}"${i === 0 ? ' t="s"><v>0' : `><v>${r * i}`}</v></c>`).join('')}</row>`;
    const bytes = hostileXlsx(
      [{ name: 'Tab', sheet: sheetXml(Array.from({ length: 100 }, (_, i) => cells(i + 1))) }],
      sharedStringsXml(['<si><t>Lan</t></si>']),
    );
    const quick = await loadOrdinaryWorkbook(bytes, limits);
    expect(quick?.worksheets.map((s) => [s.name, s.rowCount])).toEqual([['Tab', 100]]);
    expect(cellsOf(quick as ExcelJS.Workbook)).toEqual(cellsOf(await exceljsLoad(bytes)));
  });
});

describe('zipEntries', () => {
  it('lists a package in directory order and declines what is not a zip', () => {
    const bytes = hostileXlsx([{ name: 'Tab', sheet: sheetXml(['<row r="1"><c><v>1</v></c></row>']) }]);
    expect(zipEntries(bytes)?.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    expect(zipEntries(Buffer.from('không phải tệp zip'))).toBeNull();
    expect(zipEntries(bytes.subarray(0, bytes.length - 40))).toBeNull();
  });
});

describe('withoutDataValidations', () => {
  it('drops the validations and nothing else', () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><dataValidations count="1"><dataValidation type="whole" sqref="A6:A500"><formula1>1</formula1></dataValidation></dataValidations><pageMargins left="0.7"/></worksheet>';
    expect(withoutDataValidations(xml)).toBe(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><pageMargins left="0.7"/></worksheet>',
    );
    expect(withoutDataValidations('<worksheet><dataValidations count="0"/><x/></worksheet>')).toBe(
      '<worksheet><x/></worksheet>',
    );
  });
});
