import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleUnitSheets, tabsHash } from '../../../functions/src/adapters/google/google-unit-sheets.js';
import { readSpreadsheetTabs } from '../../../functions/src/adapters/google/spreadsheet-tabs.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { sweep } from '../../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../../support/firestore.js';
import { builtinForm } from '../../support/forms.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../../support/google.js';
import type { GoogleStandin } from '../../support/google-standin/index.js';
import { titled, type TestCell } from '../../support/workbooks.js';

const TAB = 'Đăng ký tập huấn';
const HEADER = [
  'STT',
  'Họ và tên',
  'Chức vụ',
  'Giới tính',
  'Ngày sinh',
  'Số điện thoại',
  'Email',
  'Nội dung tham gia',
  'Đã đóng kinh phí',
  'Ghi chú',
];
const FORMS = [builtinForm('tap-huan-2024')];
const NOW = new Date('2024-09-16T01:00:00Z');
const person = (stt: number, name: string): TestCell[] => [
  stt,
  name,
  'TPT',
  'Nữ',
  new Date(Date.UTC(1990, 2, 12)),
  '0983018027',
  null,
  'Tập huấn',
  'Có',
  null,
];
const school = (id: string, source: string): Unit => ({
  id,
  name: `Liên đội ${id}`,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [],
  source,
});

/** An .xlsx as a unit's Excel would save it (exceljs, independent of the stand-in's export). */
async function xlsxBytes(rows: readonly (readonly TestCell[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(TAB);
  rows.forEach((cells, i) => cells.forEach((cell, j) => cell !== null && (sheet.getCell(i + 1, j + 1).value = cell)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('Google spreadsheets read through Drive export (stand-in, real googleapis client)', () => {
  const firestore = testFirestore('drive-export');
  let standin: GoogleStandin;
  let setClock: (at: Date) => void;

  beforeAll(async () => {
    ({ standin, setClock } = await standinWithClock(new Date('2024-09-14T02:00:00Z')));
  });
  afterAll(async () => {
    await standin.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('gives the same tabs, cell for cell, and the same content hash as values.batchGet', async () => {
    const rows: TestCell[][] = [
      ['ĐĂNG KÝ THAM GIA TẬP HUẤN'],
      [],
      [...HEADER],
      [
        1,
        'Nguyễn Thị Lan',
        'TPT',
        'Nữ',
        new Date(Date.UTC(1990, 2, 12)),
        '0983018027',
        null,
        'Tập huấn',
        true,
        null,
        null,
      ],
      [
        2,
        'Trần Văn Minh',
        null,
        'Nam',
        new Date(Date.UTC(2024, 8, 15, 7, 30, 15)),
        983018028,
        'a@b.vn',
        null,
        false,
        12.5,
      ],
      [],
      [3, '  Lê  Hà ', 'Ủy viên', null, 45_000, '', null, null, null, -0.25],
    ];
    const id = standin.createSpreadsheet({
      title: 'Báo cáo so sánh',
      parents: [TEST_FOLDER_ID],
      tabs: [
        { name: TAB, rows },
        { name: STANDING_TAB, rows: [['Tình hình nộp'], [null, 'x']] },
        { name: 'Ghi chú', rows: [['khác']] },
      ],
    });
    standin.editCells(id, TAB, 'K4', [[{ formula: '=A4*2', value: 2 }, { formula: '=VLOOKUP(1)' }]]);
    const api = standinApis(standin);
    const viaBatchGet = await readSpreadsheetTabs(api, id, [TAB, STANDING_TAB]);
    const source = new GoogleUnitSheets(api, TEST_FOLDER_ID);
    const unit = school('so-sanh', id);
    await source.prepare({ forms: FORMS });
    await source.fingerprint(unit);
    standin.clearLog();
    const opened = await source.open(unit);
    const viaExport = await opened.readTabs();
    expect(standin.requests.map((r) => r.kind)).toEqual(['files.export']);
    expect(viaExport).toEqual(viaBatchGet);
    expect(opened.contentHash).toBe(tabsHash(viaBatchGet));
    // What that equality covers: serials for dates (and date-times), numbers, booleans, formulas' values and errors.
    expect(viaExport[0]?.rows.find((r) => r.rowNumber === 4)?.cells).toEqual([
      1,
      'Nguyễn Thị Lan',
      'TPT',
      'Nữ',
      32944,
      '0983018027',
      null,
      'Tập huấn',
      true,
      null,
      2,
      { error: '#NAME?' },
    ]);
    expect(viaExport[0]?.rows.find((r) => r.rowNumber === 5)?.cells[4]).toBeCloseTo(45550.3126736, 6);
  });

  it('falls back to one bounded values.batchGet when Drive refuses the export as too large (403 exportSizeLimitExceeded)', async () => {
    const id = standin.createSpreadsheet({
      title: 'Báo cáo lớn',
      parents: [TEST_FOLDER_ID],
      tabs: [
        { name: TAB, rows: titled('ĐĂNG KÝ', HEADER, [person(1, 'Phạm An'), person(2, 'Võ Bình')]) },
        { name: STANDING_TAB, rows: [] },
      ],
    });
    standin.exportLimitBytes = 1000;
    try {
      standin.clearLog();
      const result = await sweep({
        units: [school('lon', id)],
        forms: FORMS,
        source: new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID),
        store: new FirestoreSweepStore(firestore.db),
        now: NOW,
      });
      expect(standin.requests.filter((r) => r.fileId === id).map((r) => [r.kind, r.status])).toEqual([
        ['files.export', 403],
        ['values.batchGet', 200],
      ]);
      expect(JSON.stringify(standin.requests.find((r) => r.kind === 'values.batchGet')?.query)).toContain('A1%3AGS');
      expect(result.units[0]).toMatchObject({ outcome: 'read', rowsValid: 2 });
    } finally {
      standin.exportLimitBytes = 10 * 1024 * 1024;
    }
  });

  describe('an .xlsx a unit uploaded into the folder', () => {
    let id: string;
    const unit = () => school('excel', id);
    const run = (source: GoogleUnitSheets, now = NOW) =>
      sweep({ units: [unit()], forms: FORMS, source, store: new FirestoreSweepStore(firestore.db), now });

    beforeAll(async () => {
      id = standin.uploadFile({
        name: 'Báo cáo Liên đội excel.xlsx',
        parents: [TEST_FOLDER_ID],
        bytes: await xlsxBytes(
          titled('ĐĂNG KÝ', HEADER, [person(1, 'Đỗ Cúc'), person(2, 'Hồ Dung'), person(3, 'Lý Em')]),
        ),
      });
    });

    it('is listed with the folder, downloaded once (files.get?alt=media) and read by the workbook reader; no Sheets request', async () => {
      standin.clearLog();
      const source = new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID);
      const result = await run(source);
      expect(result.units[0]).toMatchObject({ outcome: 'read', rowsValid: 3 });
      expect(standin.requests.map((r) => r.kind)).toEqual(['files.list', 'files.download']);
      expect(source.sourceKind(unit())).toBe('drive-xlsx');
      const stored = (await firestore.db.doc('submissions/tap-huan-2024~mot-lan~excel').get()).data();
      expect(stored?.rows[0].values).toMatchObject({
        hoTen: 'Đỗ Cúc',
        ngaySinh: '1990-03-12',
        soDienThoai: '0983018027',
      });
    });

    it('costs only the listing when unchanged, and is downloaded again when the unit uploads a new version', async () => {
      standin.clearLog();
      expect((await run(new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID))).totals.unitsRead).toBe(0);
      expect(standin.requests.map((r) => r.kind)).toEqual(['files.list']);
      setClock(new Date('2024-09-15T03:00:00Z'));
      standin.replaceFileContent(id, await xlsxBytes(titled('ĐĂNG KÝ', HEADER, [person(1, 'Đỗ Cúc')])));
      standin.clearLog();
      const result = await run(
        new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID),
        new Date('2024-09-16T02:00:00Z'),
      );
      expect(result.units[0]).toMatchObject({ outcome: 'read', rowsValid: 1 });
      expect(standin.count('files.download')).toBe(1);
    });

    it('gets no feedback written into it: write() refuses and says why in Vietnamese', async () => {
      const source = new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID);
      await source.prepare({ forms: FORMS });
      const fingerprint = await source.fingerprint(unit());
      const before = standin.fileOf(id).version;
      standin.clearLog();
      const written = await source.write(
        unit(),
        { unitId: 'excel', tabs: [], standing: { title: [], columns: [], rows: [] } },
        fingerprint ?? { modifiedAt: NOW, revision: 0 },
      );
      expect(written).toEqual({
        outcome: 'refused',
        message: expect.stringMatching(/^Liên đội excel nộp tệp Excel trên Drive .*không ghi trạng thái từng dòng/),
      });
      expect(standin.count()).toBe(0);
      expect(standin.fileOf(id).version).toBe(before);
    });
  });
});
