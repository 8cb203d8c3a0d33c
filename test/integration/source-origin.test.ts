import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FieldValue } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleUnitSheets } from '../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitFolderDrop } from '../../functions/src/adapters/workbook/unit-folder-drop.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { UnitSheetSource } from '../../functions/src/jobs/sweep/ports.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../support/google.js';
import type { GoogleStandin } from '../support/google-standin/index.js';
import { titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { useTempDir } from '../support/builders.js';

/**
 * Each unit's stored source state says where its data came from (`origin`, shown by `tonghop inspect`):
 * a Google spreadsheet or an uploaded .xlsx on Drive, a workbook in the units folder, or a file that
 * came by mail (it stays 'mailbox' until the unit's file is replaced by other means).
 */

const FORMS = [builtinForm('tap-huan-2024')];
const TAB = 'Đăng ký tập huấn';
const HEADER = ['STT', 'Họ và tên', 'Chức vụ', 'Số điện thoại'];
const ROWS = titled('ĐĂNG KÝ TẬP HUẤN', HEADER, [[1, 'Nguyễn Thị Lan', 'TPT', '0983018027'] as TestCell[]]);
const NOW = new Date('2024-09-16T01:00:00Z');
const school = (id: string, source: string): Unit => ({
  id,
  name: `Liên đội ${id}`,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [],
  source,
});

describe('the source kind recorded at sweep time', () => {
  const firestore = testFirestore('source-origin');
  const origin = async (unitId: string) => (await firestore.db.collection('sources').doc(unitId).get()).data()?.origin;
  const run = (units: Unit[], source: UnitSheetSource, now = NOW) =>
    sweep({ units, forms: FORMS, source, store: new FirestoreSweepStore(firestore.db), now });

  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  describe('Google mode (stand-in)', () => {
    // Where the .xlsx to upload is written first.
    const dir = useTempDir('tonghop-origin');
    let standin: GoogleStandin;
    let units: Unit[];

    beforeAll(async () => {
      ({ standin } = await standinWithClock(new Date('2024-09-14T02:00:00Z')));
      const sheet = standin.createSpreadsheet({
        title: 'Báo cáo trang tính',
        parents: [TEST_FOLDER_ID],
        tabs: [{ name: TAB, rows: ROWS }],
      });
      await writeTestWorkbook(path.join(dir(), 'x.xlsx'), [{ name: TAB, rows: ROWS }]);
      const uploaded = standin.uploadFile({
        name: 'Báo cáo.xlsx',
        parents: [TEST_FOLDER_ID],
        bytes: new Uint8Array(await readFile(path.join(dir(), 'x.xlsx'))),
      });
      units = [school('trang-tinh', sheet), school('excel-drive', uploaded)];
    });
    afterAll(async () => {
      await standin.close();
    });

    it("records 'google-sheet' for a spreadsheet and 'drive-xlsx' for an uploaded .xlsx, with the Drive id", async () => {
      const result = await run(units, new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID));
      expect(result.units.map((u) => u.outcome)).toEqual(['read', 'read']);
      expect(await origin('trang-tinh')).toEqual({ kind: 'google-sheet', file: units[0]?.source });
      expect(await origin('excel-drive')).toEqual({ kind: 'drive-xlsx', file: units[1]?.source });
    });

    it('teaches a state stored before origins were recorded its kind: one Firestore write, no read of the file', async () => {
      await firestore.db.collection('sources').doc('excel-drive').update({ origin: FieldValue.delete() });
      standin.clearLog();
      const result = await run(units, new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID));
      expect(result.units.map((u) => u.outcome)).toEqual(['unchanged', 'unchanged']);
      // The unit's state, plus the sweep's run record (any sweep that writes records itself).
      expect(result.units.map((u) => u.writes)).toEqual([0, 1]);
      expect(result.totals.writes).toBe(2);
      expect(standin.requests.map((r) => r.kind)).toEqual(['files.list']);
      expect(await origin('excel-drive')).toEqual({ kind: 'drive-xlsx', file: units[1]?.source });
      expect((await run(units, new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID))).totals.writes).toBe(0);
    });
  });

  describe('workbook mode, with a file that came by mail', () => {
    const dir = useTempDir('tonghop-origin');
    const unit = school('thu-dien-tu', 'thu-dien-tu.xlsx');
    const other = school('thu-muc', 'thu-muc.xlsx');

    beforeAll(async () => {
      await writeTestWorkbook(
        path.join(dir(), other.source),
        [{ name: TAB, rows: ROWS }],
        new Date('2024-09-14T02:00:00Z'),
      );
    });

    it("records 'mailbox' for the file the mailbox job placed, and keeps it when the scheduled sweep finds the same file", async () => {
      await writeTestWorkbook(path.join(dir(), 'attachment.xlsx'), [{ name: TAB, rows: ROWS }]);
      const drop = new UnitFolderDrop(dir());
      await drop.place(
        unit,
        'Báo cáo tháng 9.xlsx',
        await readFile(path.join(dir(), 'attachment.xlsx')),
        new Date('2024-09-15T03:00:00Z'),
      );
      expect((await run([unit], drop.sheets)).units[0]?.outcome).toBe('read');
      expect(await origin(unit.id)).toEqual({ kind: 'mailbox', file: unit.source });

      const scheduled = await run([unit, other], new UnitWorkbookFolder(dir()));
      expect(scheduled.units.map((u) => u.outcome)).toEqual(['unchanged', 'read']);
      expect(await origin(unit.id)).toEqual({ kind: 'mailbox', file: unit.source });
      expect(await origin(other.id)).toEqual({ kind: 'workbook', file: other.source });
    });

    it("becomes 'workbook' once the unit's file is replaced in the folder by other means", async () => {
      await writeTestWorkbook(
        path.join(dir(), unit.source),
        [{ name: TAB, rows: titled('ĐĂNG KÝ TẬP HUẤN', HEADER, [[1, 'Trần Văn Minh', 'TPT', '0983018028']]) }],
        new Date('2024-09-15T05:00:00Z'),
      );
      expect((await run([unit], new UnitWorkbookFolder(dir()))).units[0]?.outcome).toBe('read');
      expect(await origin(unit.id)).toEqual({ kind: 'workbook', file: unit.source });
    });
  });
});
