import { lstat, mkdir, readFile, readlink, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import type { UnitFeedback } from '../../functions/src/domain/feedback/unit-feedback.js';
import type { SweepResult } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../support/firestore.js';
import { hostileXlsx, repeated, sharedStringsXml, sheetXml } from '../support/hostile-xlsx.js';
import { titled, writeTestWorkbook } from '../support/workbooks.js';
import { countedSweep, person, school, SENT_AT, TAB } from './counted-sweep.js';
import { TRAINING_HEADER, useTempDir } from '../support/builders.js';
import { tally } from './tally.js';

const MB = 1024 * 1024;
const NO_FEEDBACK: UnitFeedback = { unitId: 'symlink', tabs: [], standing: { title: [], columns: [], rows: [] } };
/** What reading every hostile file may add to the test process's memory (the unbounded reader took 0.95–3.2 GB). */
const MEMORY_BOUND = 300 * MB;

/** 1,048,576 formatted empty rows, as Excel leaves them down to the bottom of a sheet, in segments of 1,024 (each row has its `r`, as exceljs requires). */
function millionRows(): string[] {
  return Array.from({ length: 1024 }, (_, block) =>
    Array.from({ length: 1024 }, (_, i) => `<row r="${block * 1024 + i + 1}" s="1"/>`).join(''),
  );
}

/**
 * Files built to exhaust the reader — a zip bomb, a sheet lying about its size, 16,384 columns,
 * 100 MB of shared strings, a 2.1 GiB file, symlinks — each refused with a Vietnamese message
 * naming the unit's file, beside a clean unit read in full, with the process's memory bounded.
 */
export function describeHostileInputs(): void {
  describe('hostile files: refused before parsing, memory bounded, the other units go on', () => {
    const firestore = testFirestore('reliability-hostile');
    const dir = useTempDir('tonghop-hostile');
    let folder: string;
    let result: SweepResult | undefined;
    let rssGrowth = 0;
    let peakGrowth = 0;
    const outcome = (id: string) => result?.units.find((u) => u.unitId === id);

    beforeAll(async () => {
      folder = path.join(dir(), 'units');
      await writeTestWorkbook(
        path.join(folder, 'clean.xlsx'),
        [
          {
            name: TAB,
            rows: titled(
              'ĐĂNG KÝ',
              TRAINING_HEADER,
              [1, 2, 3, 4, 5].map((i) => person(i)),
            ),
          },
        ],
        SENT_AT,
      );
      const files: Record<string, Buffer> = {
        // One worksheet inflating to 600 MB from ≈ 600 KB.
        'bomb.xlsx': hostileXlsx([{ name: TAB, sheet: sheetXml(repeated(' '.repeat(MB), 600)) }]),
        'lying-dimension.xlsx': hostileXlsx([{ name: TAB, sheet: sheetXml(millionRows(), 'A1:A2') }]),
        // 1,000 rows × 16,384 styled cells.
        'wide.xlsx': hostileXlsx([
          {
            name: TAB,
            sheet: sheetXml(
              Array.from({ length: 1000 }, (_, i) => [
                `<row r="${i + 1}">`,
                '<c s="0"/>'.repeat(16_383),
                `<c r="XFD${i + 1}" s="0"/></row>`,
              ]).flat(),
            ),
          },
        ]),
        // ≈ 100 MB of shared strings (Vietnamese text, 1 KB per string).
        'shared-strings.xlsx': hostileXlsx(
          [{ name: TAB, sheet: sheetXml(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']) }],
          sharedStringsXml(repeated(`<si><t>${'Nguyễn Văn An '.repeat(70)}</t></si>`.repeat(100), 1000)),
        ),
      };
      for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(folder, name), bytes);
      // Sparse: 2.1 GiB on paper, no disk used.
      await writeFile(path.join(folder, 'sparse.xlsx'), '');
      await truncate(path.join(folder, 'sparse.xlsx'), Math.round(2.1 * 1024) * MB);
      // A symlink to a workbook outside the folder (the control workbook, as the defect had it).
      await writeTestWorkbook(
        path.join(dir(), 'control.xlsx'),
        [{ name: TAB, rows: titled('ĐĂNG KÝ', TRAINING_HEADER, [person(1)]) }],
        SENT_AT,
      );
      await symlink(path.join(dir(), 'control.xlsx'), path.join(folder, 'symlink.xlsx'));

      const units = ['clean', 'bomb', 'lying-dimension', 'wide', 'shared-strings', 'sparse', 'symlink'].map((id) =>
        school(id),
      );
      const rssBefore = process.memoryUsage().rss;
      const peakBefore = process.resourceUsage().maxRSS * 1024;
      result = await countedSweep(units, new UnitWorkbookFolder(folder), firestore.db, new Map([['clean', 5]]));
      rssGrowth = process.memoryUsage().rss - rssBefore;
      peakGrowth = process.resourceUsage().maxRSS * 1024 - peakBefore;
    }, 60_000);
    afterAll(async () => {
      await firestore.clear();
      await firestore.db.terminate();
    });

    it('reads the clean unit in full', () => {
      expect(result?.totals).toMatchObject({ units: 7, unitsRead: 1, unitsUnreadable: 6 });
      expect(outcome('clean')).toMatchObject({ outcome: 'read', rowsValid: 5, rowsRejected: 0 });
    });

    it.each([
      [
        'bomb',
        /^Trang 'Đăng ký tập huấn' trong tệp 'bomb\.xlsx' khi giải nén lớn hơn 50 MB, vượt giới hạn mỗi trang\. Hãy xóa/,
      ],
      [
        'lying-dimension',
        /^Trang 'Đăng ký tập huấn' trong tệp 'lying-dimension\.xlsx' có 1\.048\.576 dòng, vượt giới hạn 20\.000 dòng mỗi trang\. Hãy xóa/,
      ],
      [
        'wide',
        /^Trang 'Đăng ký tập huấn' trong tệp 'wide\.xlsx' có ô \(dữ liệu hoặc định dạng\) ở cột [A-Z]+ \(cột thứ [\d.]+\), vượt giới hạn 200 cột\. Hãy xóa các cột thừa/,
      ],
      [
        'shared-strings',
        /^Phần chữ của tệp 'shared-strings\.xlsx' \(nội dung các ô văn bản\) lớn hơn 20 MB, vượt giới hạn của hệ thống\. Hãy xóa/,
      ],
      ['sparse', /^Tệp 'sparse\.xlsx' nặng 2\.150 MB, vượt giới hạn 20 MB mỗi tệp\. Hãy xóa/],
      [
        'symlink',
        /^'symlink\.xlsx' không phải là một tệp thật nằm trong thư mục báo cáo của đơn vị .*Hãy đặt chính tệp \.xlsx/,
      ],
    ])('%s: the unit is told in Vietnamese, naming its file, what is wrong and what to do', (id, message) => {
      expect(outcome(id)?.outcome).toBe('unreadable');
      expect(outcome(id)?.problems[0]?.message).toMatch(message);
    });

    it('keeps the process within a bounded amount of memory while refusing them', () => {
      expect(rssGrowth).toBeLessThan(MEMORY_BOUND);
      expect(peakGrowth).toBeLessThan(MEMORY_BOUND);
    });

    it('never writes row statuses through a symlink: the link and its target stay as they were', async () => {
      const target = path.join(dir(), 'control.xlsx');
      const targetBefore = await readFile(target);
      const written = await new UnitWorkbookFolder(folder).write(school('symlink'), NO_FEEDBACK, {
        modifiedAt: new Date(0),
        revision: 0,
      });
      expect(written).toMatchObject({
        outcome: 'refused',
        message: expect.stringMatching(/^'symlink\.xlsx' không phải là một tệp thật/),
      });
      expect((await lstat(path.join(folder, 'symlink.xlsx'))).isSymbolicLink()).toBe(true);
      expect(await readlink(path.join(folder, 'symlink.xlsx'))).toBe(target);
      expect(await readFile(target)).toEqual(targetBefore);
    });

    it('refuses a folder named like a unit file, and a file reached through a symlinked folder', async () => {
      await mkdir(path.join(folder, 'a-folder.xlsx'));
      await symlink(dir(), path.join(folder, 'outside'));
      const source = new UnitWorkbookFolder(folder);
      tally.inputs += 2;
      await expect(source.fingerprint(school('a-folder'))).rejects.toThrow(
        /^'a-folder\.xlsx' không phải là một tệp thật/,
      );
      await expect(source.open(school('x', 'outside/control.xlsx'))).rejects.toThrow(
        /^'outside\/control\.xlsx' không phải là một tệp thật/,
      );
    });
  });
}
