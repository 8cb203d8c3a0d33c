import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleUnitSheets } from '../../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';
import { sheetLimits } from '../../../functions/src/domain/sheets/sheet-limits.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { sweep, type SweepResult } from '../../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../../support/firestore.js';
import { builtinForm } from '../../support/forms.js';
import { standinApis, TEST_FOLDER_ID } from '../../support/google.js';
import { startGoogleStandin, type GoogleStandin } from '../../support/google-standin/index.js';
import { titled, type TestCell } from '../../support/workbooks.js';
import { TRAINING_HEADER, testUnit } from '../../support/builders.js';

const TAB = 'Đăng ký tập huấn';
const person = (i: number): TestCell[] => [
  i,
  `Đội viên ${i}`,
  'TPT',
  'Nữ',
  '12/3/1990',
  '0983018027',
  null,
  'Tập huấn',
  'Có',
  null,
];
/** Small limits, so oversized spreadsheets stay small: 50 rows, 20 columns, 300 cells a tab, 64 KB a part (and a batchGet answer). */
const LIMITS = sheetLimits({
  maxRowsPerTab: 50,
  maxColumns: 20,
  maxCellsPerTab: 300,
  maxCellsPerFile: 400,
  maxPartBytes: 64 * 1024,
});
/** A row whose note is 30,000 characters (Sheets allows 50,000 a cell): three fit every row and column limit. */
const verbose = (i: number): TestCell[] => [...person(i).slice(0, 9), `Ghi chú ${i} `.padEnd(30_000, 'x')];

describe('Google: a spreadsheet over the limits is refused from a bounded read (rows, columns, cells)', () => {
  const firestore = testFirestore('google-oversized');
  let standin: GoogleStandin;
  let result: SweepResult | undefined;
  const outcome = (id: string) => result?.units.find((u) => u.unitId === id);

  beforeAll(async () => {
    standin = await startGoogleStandin();
    const spreadsheet = (id: string, rows: TestCell[][]) =>
      standin.createSpreadsheet({
        title: id,
        parents: [TEST_FOLDER_ID],
        tabs: [
          { name: TAB, rows },
          { name: STANDING_TAB, rows: [] },
        ],
      });
    const school = (id: string, source: string): Unit => testUnit(id, { level: 'Tiểu học', source });
    const wideRow = [...person(3), ...Array<TestCell>(10).fill(null), 'ô ở cột U'];
    const units = [
      school('clean', spreadsheet('clean', titled('ĐĂNG KÝ', TRAINING_HEADER, [person(1), person(2)]))),
      school(
        'tall',
        spreadsheet(
          'tall',
          titled(
            'ĐĂNG KÝ',
            TRAINING_HEADER,
            Array.from({ length: 60 }, (_, i) => person(i + 1)),
          ),
        ),
      ),
      school('wide', spreadsheet('wide', titled('ĐĂNG KÝ', TRAINING_HEADER, [person(1), person(2), wideRow]))),
      school(
        'dense',
        spreadsheet(
          'dense',
          titled(
            'ĐĂNG KÝ',
            TRAINING_HEADER,
            Array.from({ length: 40 }, (_, i) => person(i + 1)),
          ),
        ),
      ),
      school(
        'verbose',
        spreadsheet('verbose', titled('ĐĂNG KÝ', TRAINING_HEADER, [verbose(1), verbose(2), verbose(3)])),
      ),
    ];
    standin.clearLog();
    result = await sweep({
      units,
      forms: [builtinForm('tap-huan-2024')],
      source: new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID, LIMITS),
      store: new FirestoreSweepStore(firestore.db),
      now: new Date('2024-09-16T01:00:00Z'),
    });
  });
  afterAll(async () => {
    await standin.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('exports each one; only those the workbook reader refuses are read again from Sheets, one row and one column more than the limits', () => {
    expect(standin.count('files.export')).toBe(5);
    const queries = standin.requests
      .filter((r) => r.kind === 'values.batchGet')
      .map((r) => decodeURIComponent(r.query));
    expect(queries).toHaveLength(4);
    for (const query of queries) expect(query).toContain(`ranges='${TAB}'!A1:U51`);
  });

  it.each([
    ['tall', /^Trang 'Đăng ký tập huấn' trong bảng tính của Liên đội tall có hơn 50 dòng, vượt giới hạn mỗi trang\./],
    [
      'wide',
      /^Trang 'Đăng ký tập huấn' trong bảng tính của Liên đội wide có dữ liệu ở cột U trở đi, vượt giới hạn 20 cột\./,
    ],
    [
      'dense',
      /^Trang 'Đăng ký tập huấn' trong bảng tính của Liên đội dense có 3\d\d ô có dữ liệu, vượt giới hạn 300 ô mỗi trang\./,
    ],
  ])('%s: refused with a Vietnamese message naming the unit and the tab', (id, message) => {
    expect(outcome(id)?.outcome).toBe('unreadable');
    expect(outcome(id)?.problems[0]?.message).toMatch(message);
  });

  it('verbose: a batchGet answer over the byte cap is dropped unparsed, and the unit is told why', () => {
    expect(outcome('verbose')?.outcome).toBe('unreadable');
    expect(outcome('verbose')?.problems[0]?.message).toMatch(
      /^Bảng tính báo cáo của Liên đội verbose \(mã bảng tính [\w-]+\) chứa quá nhiều dữ liệu để đọc, thường vì có ô chứa văn bản rất dài/,
    );
  });

  it('reads the unit within the limits', () => {
    expect(outcome('clean')).toMatchObject({ outcome: 'read', rowsValid: 2 });
  });
});
