import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tooLargeMessage } from '../../../functions/src/adapters/xlsx/too-large-message.js';
import { checkXlsxSize } from '../../../functions/src/adapters/workbook/xlsx-size-gate.js';
import { sheetLimits } from '../../../functions/src/domain/sheets/sheet-limits.js';
import { hostileXlsx, repeated, sharedStringsXml, sheetXml } from '../../support/hostile-xlsx.js';

const KB = 1024;
const MB = 1024 * KB;
const row = (r: number, cells: number) =>
  `<row r="${r}">${Array.from({ length: cells }, (_, c) => `<c><v>${c}</v></c>`).join('')}</row>`;
const rows = (count: number, cells = 1) => Array.from({ length: count }, (_, i) => row(i + 1, cells));
/** Small limits, so each case is a few KB. */
const limits = sheetLimits({
  maxUnzippedBytes: MB,
  maxPartBytes: 512 * KB,
  maxSharedStringsBytes: 64 * KB,
  maxRowsPerTab: 100,
  maxCellsPerTab: 500,
  maxCellsPerFile: 800,
  maxColumns: 30,
});

describe('checkXlsxSize', () => {
  it.each([
    [
      'a sheet within every limit',
      hostileXlsx([{ name: 'Tab', sheet: sheetXml(rows(100, 5)) }], sharedStringsXml(['<si><t>Lan</t></si>'])),
      null,
    ],
    [
      'more rows than the limit, whatever <dimension> says',
      hostileXlsx([{ name: 'Dối', sheet: sheetXml(rows(101), 'A1:A2') }]),
      { kind: 'rows', tab: 'Dối', rows: 101, limit: 100 },
    ],
    [
      'a cell past the last column',
      hostileXlsx([{ name: 'Rộng', sheet: sheetXml(['<row r="1"><c r="A1"/><c r="XFD1"/></row>']) }]),
      { kind: 'columns', tab: 'Rộng', column: 16_384, limit: 30 },
    ],
    [
      'cells without a reference, past the last column',
      hostileXlsx([{ name: 'Rộng', sheet: sheetXml([row(1, 31)]) }]),
      { kind: 'columns', tab: 'Rộng', column: 31, limit: 30 },
    ],
    [
      'more cells in a tab than the limit',
      hostileXlsx([{ name: 'Ô', sheet: sheetXml(rows(26, 20)) }]),
      { kind: 'cells', tab: 'Ô', cells: 520, limit: 500 },
    ],
    [
      'more cells in the file than the limit',
      hostileXlsx([
        { name: 'Một', sheet: sheetXml(rows(25, 20)) },
        { name: 'Hai', sheet: sheetXml(rows(16, 20)) },
      ]),
      { kind: 'file-cells', cells: 820, limit: 800 },
    ],
    [
      'a worksheet inflating past the part cap',
      hostileXlsx([{ name: 'Bom', sheet: sheetXml(repeated(' '.repeat(64 * KB), 9)) }]),
      { kind: 'part', part: 'xl/worksheets/sheet1.xml', tab: 'Bom', limit: 512 * KB },
    ],
    [
      'shared strings past their cap',
      hostileXlsx(
        [{ name: 'Tab', sheet: sheetXml(rows(1)) }],
        sharedStringsXml(repeated(`<si><t>${'Văn '.repeat(250)}</t></si>`, 70)),
      ),
      { kind: 'shared-strings', limit: 64 * KB },
    ],
    [
      'parts each within the part cap, together past the package cap',
      hostileXlsx(
        Array.from({ length: 3 }, (_, i) => ({ name: `T${i}`, sheet: sheetXml(repeated(' '.repeat(100 * KB), 4)) })),
      ),
      { kind: 'unzipped', limit: MB },
    ],
  ])('%s', async (_, bytes, refusal) => {
    expect(await checkXlsxSize(bytes, limits)).toEqual(refusal);
  });

  it('stops a 600 MB zip bomb at the cap, within the defaults', async () => {
    const bomb = hostileXlsx([{ name: 'Bom', sheet: sheetXml(repeated(' '.repeat(MB), 600)) }]);
    expect(bomb.length).toBeLessThan(MB);
    expect(await checkXlsxSize(bomb, sheetLimits())).toMatchObject({ kind: 'part', tab: 'Bom', limit: 50 * MB });
  });

  it('does not trust the sizes a zip declares: a part claiming 10 bytes is still measured', async () => {
    const honest = hostileXlsx([{ name: 'Tab', sheet: sheetXml(repeated(' '.repeat(64 * KB), 9)) }]);
    // Declared uncompressed size of the worksheet, in its local header and the central directory, set to 10.
    const lying = Buffer.from(honest);
    let patched = 0;
    for (const [signature, offset] of [
      [0x04034b50, 22],
      [0x02014b50, 24],
    ] as const) {
      for (
        let at = lying.indexOf(Buffer.from('xl/worksheets/sheet1.xml'));
        at > 0;
        at = lying.indexOf(Buffer.from('xl/worksheets/sheet1.xml'), at + 1)
      ) {
        const header = at - (signature === 0x04034b50 ? 30 : 46);
        if (lying.readUInt32LE(header) === signature) {
          lying.writeUInt32LE(10, header + offset);
          patched++;
        }
      }
    }
    expect(patched).toBe(2);
    expect(await checkXlsxSize(lying, limits)).toMatchObject({ kind: 'part', tab: 'Tab' });
  });

  it('lets a package that is not a zip through (the reader says it is corrupt)', async () => {
    expect(await checkXlsxSize(Buffer.from('%PDF-1.7'), limits)).toBeNull();
  });

  it('reads a workbook exceljs wrote, tabs named from workbook.xml', async () => {
    const zip = new JSZip();
    const bytes = await zip
      .loadAsync(hostileXlsx([{ name: 'Đăng ký', sheet: sheetXml(rows(101)) }]))
      .then((z) => z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(await checkXlsxSize(bytes, limits)).toMatchObject({ kind: 'rows', tab: 'Đăng ký' });
  });
});

describe('tooLargeMessage', () => {
  it.each([
    [{ kind: 'unzipped', limit: 200 * MB } as const, "Tệp 'a.xlsx' khi giải nén lớn hơn 200 MB"],
    [
      { kind: 'part', part: 'xl/media/image1.png', tab: undefined, limit: 50 * MB } as const,
      "Phần 'xl/media/image1.png' trong tệp 'a.xlsx' khi giải nén lớn hơn 50 MB",
    ],
    [
      { kind: 'part', part: 'xl/worksheets/sheet1.xml', tab: 'Tập huấn', limit: 50 * MB } as const,
      "Trang 'Tập huấn' trong tệp 'a.xlsx' khi giải nén lớn hơn 50 MB",
    ],
    [
      { kind: 'shared-strings', limit: 20 * MB } as const,
      "Phần chữ của tệp 'a.xlsx' (nội dung các ô văn bản) lớn hơn 20 MB",
    ],
    [
      { kind: 'rows', tab: 'Tập huấn', rows: 1_048_576, limit: 20_000 } as const,
      "Trang 'Tập huấn' trong tệp 'a.xlsx' có 1.048.576 dòng, vượt giới hạn 20.000 dòng mỗi trang",
    ],
    [
      { kind: 'columns', tab: 'Tập huấn', column: 16_384, limit: 200 } as const,
      "Trang 'Tập huấn' trong tệp 'a.xlsx' có ô (dữ liệu hoặc định dạng) ở cột XFD (cột thứ 16.384), vượt giới hạn 200 cột",
    ],
    [
      { kind: 'cells', tab: 'Tập huấn', cells: 1_000_001, limit: 1_000_000 } as const,
      "Trang 'Tập huấn' trong tệp 'a.xlsx' có 1.000.001 ô có dữ liệu hoặc định dạng, vượt giới hạn 1.000.000 ô mỗi trang",
    ],
    [
      { kind: 'file-cells', cells: 1_200_000, limit: 1_000_000 } as const,
      "Tệp 'a.xlsx' có tổng cộng 1.200.000 ô có dữ liệu hoặc định dạng, vượt giới hạn 1.000.000 ô mỗi tệp",
    ],
  ])('%o: names the file, the tab and the limit in Vietnamese (NFC), and says what to do', (refusal, start) => {
    const message = tooLargeMessage('a.xlsx', refusal);
    expect(message.startsWith(start)).toBe(true);
    expect(message).toMatch(/Hãy xóa/);
    expect(message).toBe(message.normalize('NFC'));
  });
});
