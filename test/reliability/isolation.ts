import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { runDistrict, type RunDistrictResult } from '../../functions/src/jobs/sweep/run-district.js';
import { testFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { tally } from './tally.js';
import { TRAINING_HEADER, testUnit, useTempDir } from '../support/builders.js';

const TAB = 'Đăng ký tập huấn';
const FORMS = [builtinForm('tap-huan-2024')];
const SENT_AT = new Date('2024-09-14T02:00:00Z');
const NOW = new Date('2024-09-16T01:00:00Z');
const SETTINGS = { districtName: 'Quận Đoàn thử', officeEmail: '', contactName: '', contactPhone: '' };
const school = (id: string): Unit => testUnit(id, { level: 'Tiểu học' });
const person = (i: number, note: TestCell = null, phone: TestCell = '0983018027'): TestCell[] => [
  i,
  `Đội viên ${i}`,
  'TPT',
  'Nữ',
  '12/3/1990',
  phone,
  null,
  'Tập huấn',
  'Có',
  note,
];

/**
 * One unit's file must never stop the district: a submission too large for one Firestore document
 * and a unit whose handling throws are that unit's problems, while every other unit, the
 * statistics and the summary are completed — in the same run, and again on a re-run.
 */
export function describeUnitIsolation(): void {
  describe('one unit never stops the others (oversized submissions, unexpected failures)', () => {
    const firestore = testFirestore('reliability-isolation');
    const dir = useTempDir('tonghop-isolation');
    let first: RunDistrictResult;
    let second: RunDistrictResult;
    const units = ['clean-a', 'long-notes', 'long-rejects', 'explodes', 'clean-b'].map(school);
    const unitsOf = (r: RunDistrictResult) => (r.kind === 'swept' ? r.sweep.units : []);
    const outcome = (r: RunDistrictResult, id: string) => unitsOf(r).find((u) => u.unitId === id);

    beforeAll(async () => {
      const folder = path.join(dir(), 'units');
      for (const id of ['clean-a', 'clean-b', 'explodes']) {
        await writeTestWorkbook(
          path.join(folder, `${id}.xlsx`),
          [
            {
              name: TAB,
              rows: titled(
                'ĐĂNG KÝ',
                TRAINING_HEADER,
                [1, 2, 3].map((i) => person(i)),
              ),
            },
          ],
          SENT_AT,
        );
      }
      // 1,500 valid rows with 450-character notes: over Firestore's 1 MiB per document.
      await writeTestWorkbook(
        path.join(folder, 'long-notes.xlsx'),
        [
          {
            name: TAB,
            rows: titled(
              'ĐĂNG KÝ',
              TRAINING_HEADER,
              Array.from({ length: 1500 }, (_, i) => person(i + 1, 'Ghi chú rất dài. '.repeat(27).slice(0, 450))),
            ),
          },
        ],
        SENT_AT,
      );
      // 40 rejected rows, each keeping a 32,767-character cell (Excel's maximum) as the unit typed it.
      await writeTestWorkbook(
        path.join(folder, 'long-rejects.xlsx'),
        [
          {
            name: TAB,
            rows: titled(
              'ĐĂNG KÝ',
              TRAINING_HEADER,
              Array.from({ length: 40 }, (_, i) => person(i + 1, null, 'x'.repeat(32_767))),
            ),
          },
        ],
        SENT_AT,
      );

      const folderSource = new UnitWorkbookFolder(folder);
      // A unit whose handling throws something no adapter translated (a bug, a library's RangeError).
      const sheets = Object.assign(Object.create(folderSource) as UnitWorkbookFolder, {
        open: async (unit: Unit) => {
          if (unit.id === 'explodes') throw new RangeError('Invalid string length');
          return folderSource.open(unit);
        },
      });
      const run = () =>
        runDistrict({
          request: { step: 'sweep' },
          units,
          settings: SETTINGS,
          forms: FORMS,
          sheets,
          output: new SummaryWorkbookFile(path.join(dir(), 'tong-hop.xlsx')),
          sweepStore: new FirestoreSweepStore(firestore.db),
          summaryStore: new FirestoreSummaryStore(firestore.db),
          shardAbove: 1000,
          now: NOW,
        });
      tally.inputs += units.length * 2;
      try {
        first = await run();
        second = await run();
      } catch (error) {
        tally.unitsStoppedOthers++;
        throw error;
      }
      tally.unitsStoppedOthers += units.filter((u) => outcome(first, u.id) === undefined).length;
    }, 90_000);
    afterAll(async () => {
      await firestore.clear();
      await firestore.db.terminate();
    });

    it('completes the sweep, the statistics and the summary with every unit accounted for', async () => {
      expect(first.kind).toBe('swept');
      expect(
        unitsOf(first)
          .map((u) => u.unitId)
          .sort(),
      ).toEqual(units.map((u) => u.id).sort());
      expect(outcome(first, 'clean-a')).toMatchObject({ outcome: 'read', rowsValid: 3 });
      expect(outcome(first, 'clean-b')).toMatchObject({ outcome: 'read', rowsValid: 3 });
      const stats = await firestore.db.collection('stats').get();
      expect(stats.docs.map((d) => d.data().overall)).toEqual([
        expect.objectContaining({ expected: 5, complete: 2, missing: 3 }),
      ]);
      const summary = new ExcelJS.Workbook();
      await summary.xlsx.readFile(path.join(dir(), 'tong-hop.xlsx'));
      const errors = summary.getWorksheet('Lỗi dữ liệu');
      const text: string[] = [];
      errors?.eachRow((row) => text.push(row.values?.toString() ?? ''));
      expect(text.join('\n')).toMatch(/quá lớn để lưu/);
      expect(text.join('\n')).toMatch(/Hệ thống gặp lỗi khi xử lý tệp 'explodes\.xlsx'/);
    });

    it.each([
      [
        'long-notes',
        /^Trang 'Đăng ký tập huấn' \(hạn 15\/09\/2024\) trong tệp 'long-notes\.xlsx' quá lớn để lưu \([\d.]+ KB, giới hạn 900 KB\): 1\.500 dòng của kỳ này chưa được ghi nhận\. Hãy rút gọn/,
      ],
      [
        'long-rejects',
        /^Trang 'Đăng ký tập huấn' \(hạn 15\/09\/2024\) trong tệp 'long-rejects\.xlsx' quá lớn để lưu \([\d.]+ KB, giới hạn 900 KB\): 40 dòng/,
      ],
    ])(
      '%s: refused with a Vietnamese message naming the tab, the file and the fix; nothing stored for it',
      async (id, message) => {
        expect(outcome(first, id)?.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(message));
        const stored = await firestore.db.collection('submissions').where('unitId', '==', id).get();
        expect(stored.size).toBe(0);
      },
    );

    it('a unit whose handling throws is recorded as unreadable with a Vietnamese message; the run goes on', () => {
      expect(outcome(first, 'explodes')).toMatchObject({ outcome: 'unreadable' });
      expect(outcome(first, 'explodes')?.problems[0]?.message).toMatch(
        /^Hệ thống gặp lỗi khi xử lý tệp 'explodes\.xlsx' của đơn vị; dữ liệu đã lưu trước đó vẫn giữ nguyên/,
      );
    });

    it('a re-run changes nothing: no Firestore write, the same problems', () => {
      expect(second.kind).toBe('swept');
      if (second.kind !== 'swept') return;
      expect(second.sweep.totals.writes).toBe(0);
      expect(outcome(second, 'explodes')?.problems[0]?.message).toBe(outcome(first, 'explodes')?.problems[0]?.message);
    });
  });
}
