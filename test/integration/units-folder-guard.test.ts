import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workbookDistrict } from '../../functions/src/app/workbook-district.js';
import { useTempDir } from '../support/builders.js';

/**
 * The units folder is checked before a sweep writes anything (sweepDistrict throws the message as a
 * ControlRefusedError, exit 2): a mistyped --units-dir, or the wrong folder picked, is not 36 units
 * that sent nothing. The e2e CLI test covers the mistyped path end to end.
 */
describe('the units folder check', () => {
  const root = useTempDir('tonghop-units-folder');
  const unusable = (unitsDir: string) =>
    workbookDistrict(path.join(root(), 'control.xlsx'), { unitsDir }).unitsUnusable?.();

  beforeAll(async () => {
    await mkdir(path.join(root(), 'rong'));
    await mkdir(path.join(root(), 'tai-lieu'));
    await writeFile(path.join(root(), 'tai-lieu', 'ghi-chu.txt'), 'không phải bảng tính');
    await writeFile(path.join(root(), 'tai-lieu', 'bao-cao.pdf'), '%PDF-1.4');
    await mkdir(path.join(root(), 'don-vi'));
    await writeFile(path.join(root(), 'don-vi', 'Ai-Mo.XLSX'), 'any bytes: the check only looks at names');
  });

  it('refuses a folder that does not exist, naming it and the option', async () => {
    const message = await unusable(path.join(root(), 'khong-co'));
    expect(message).toBe(
      `Không có thư mục tệp của các đơn vị '${path.join(root(), 'khong-co')}': không quét và không ghi gì. Hãy kiểm tra đường dẫn (--units-dir).`,
    );
  });

  it.each([
    ['an empty folder', 'rong'],
    ['a folder with files but no workbook', 'tai-lieu'],
  ])('refuses %s', async (_, folder) => {
    const message = await unusable(path.join(root(), folder));
    expect(message).toBe(
      `Thư mục '${path.join(root(), folder)}' không có tệp .xlsx nào của đơn vị: không quét và không ghi gì. Hãy kiểm tra đường dẫn (--units-dir).`,
    );
  });

  it('lets a folder with a workbook go on (the extension in any case)', async () => {
    expect(await unusable(path.join(root(), 'don-vi'))).toBeUndefined();
  });
});
