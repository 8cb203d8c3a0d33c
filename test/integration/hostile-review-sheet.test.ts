import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReviewSheet } from '../../functions/src/adapters/workbook/read-review-sheet.js';
import { REVIEW_TAB } from '../../functions/src/domain/review/review-tab.js';
import { hostileXlsx, repeated, sheetXml } from '../support/hostile-xlsx.js';
import { useTempDir } from '../support/builders.js';

const MB = 1024 * 1024;

/** 1,048,576 empty rows in a few hundred KB: a review tab nobody could have typed. */
function millionRows(): string[] {
  return Array.from({ length: 1024 }, (_, block) =>
    Array.from({ length: 1024 }, (_, i) => `<row r="${block * 1024 + i + 1}" s="1"/>`).join(''),
  );
}

/**
 * The summary workbook is read back for its "Duyệt báo cáo" tab before it is rewritten. Whatever is put in its
 * place (a zip bomb, a million-row review tab, bytes that are no workbook) gives no decisions and a Vietnamese
 * problem the next summary shows under that tab; it never throws, so the district's run goes on.
 */
describe('a hostile summary workbook read back for its review tab', () => {
  const dir = useTempDir('tonghop-hostile-review');

  it.each([
    ['a zip bomb', () => hostileXlsx([{ name: REVIEW_TAB, sheet: sheetXml(repeated(' '.repeat(MB), 600)) }])],
    ['a million-row review tab', () => hostileXlsx([{ name: REVIEW_TAB, sheet: sheetXml(millionRows()) }])],
    ['bytes that are not a workbook', () => Buffer.from('<html><body>Phiên đăng nhập đã hết hạn</body></html>')],
  ])('%s gives no rows and a message naming the tab, without throwing', async (_, bytes) => {
    const file = path.join(dir(), 'tong-hop-bao-cao.xlsx');
    await writeFile(file, bytes());
    const read = await readReviewSheet(file);
    expect(read.rows).toEqual([]);
    expect(read.problem).toContain(`Không đọc được trang "${REVIEW_TAB}" của bảng tổng hợp`);
    expect(read.problem).toBe(read.problem?.normalize('NFC'));
  });
});
