import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { SheetReadError } from '../../functions/src/domain/sheets/sheet-read-error.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { testUnit, useTempDir } from '../support/builders.js';

const unit = (source: string): Unit => testUnit('u', { name: 'U', cluster: '', source });

describe('unit workbooks in a folder', () => {
  const dir = useTempDir('tonghop-folder');
  let folder: UnitWorkbookFolder;

  beforeAll(async () => {
    folder = new UnitWorkbookFolder(dir());
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Trang 1');
    sheet.getCell('A1').value = { richText: [{ text: 'Nguyễn ' }, { text: 'Văn A', font: { bold: true } }] };
    sheet.getCell('B1').value = { formula: '1+1', result: 2 };
    sheet.getCell('C1').value = { error: '#REF!' };
    sheet.getCell('D1').value = { text: 'lan@th.edu.vn', hyperlink: 'mailto:lan@th.edu.vn' };
    sheet.getCell('E1').value = new Date(Date.UTC(2024, 8, 15, 10, 0));
    sheet.getCell('A3').value = 'Quy mô tổ chức';
    sheet.mergeCells('A3:B3');
    await writeFile(path.join(dir(), 'cells.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
    await writeFile(path.join(dir(), 'empty.xlsx'), '');
    await writeFile(path.join(dir(), 'html.xlsx'), '<html><body>Lỗi tải tệp</body></html>');
  });

  it('converts exceljs values to raw cells: rich text, formula results, errors, links, dates, merged ranges once', async () => {
    const [tab] = await (await folder.open(unit('cells.xlsx'))).readTabs();
    expect(tab?.rows[0]?.cells).toEqual([
      'Nguyễn Văn A',
      2,
      { error: '#REF!' },
      'lan@th.edu.vn',
      new Date(Date.UTC(2024, 8, 15, 10, 0)),
    ]);
    expect(tab?.rows[1]).toEqual({ rowNumber: 3, cells: ['Quy mô tổ chức', null] });
  });

  it('has no fingerprint for a unit that sent nothing, and a stable content hash', async () => {
    expect(await folder.fingerprint(unit('absent.xlsx'))).toBeNull();
    const a = await folder.open(unit('cells.xlsx'));
    const b = await folder.open(unit('cells.xlsx'));
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.contentHash).toBe(b.contentHash);
  });

  it.each([
    ['empty.xlsx', 'rỗng (0 byte)'],
    ['html.xlsx', "Không đọc được tệp 'html.xlsx'"],
  ])('%s is unreadable with a Vietnamese message that says what to do', async (file, message) => {
    const opened = await folder.open(unit(file));
    const failure = opened.readTabs();
    await expect(failure).rejects.toBeInstanceOf(SheetReadError);
    await expect(failure).rejects.toThrow(message);
  });

  it('never reads outside its folder, whatever the control workbook names', async () => {
    await expect(folder.fingerprint(unit('../../etc/passwd'))).rejects.toThrow('phải nằm trong thư mục đơn vị');
  });
});
