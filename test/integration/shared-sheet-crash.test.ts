import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { sharedSourceId, type SharedSource } from '../../functions/src/domain/shared/shared-source.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { SweepStore } from '../../functions/src/jobs/sweep/ports.js';
import { sweepWithShared } from '../../functions/src/jobs/sweep/sweep-with-shared.js';
import { testUnit, useTempDir } from '../support/builders.js';
import { testFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { writeTestWorkbook } from '../support/workbooks.js';

/** A sweep dying between two schools' commits of one shared sheet: the next sweep stores what is missing, nothing twice. */

const FORMS = [builtinForm('tap-huan-2024')];
const NOW = new Date('2024-09-16T01:00:00Z');
const school = (id: string, name: string): Unit => testUnit(id, { name, level: 'Tiểu học' });
const UNITS = [
  school('th-luong-the-vinh', 'Liên đội TH Lương Thế Vinh'),
  school('th-an-binh', 'Liên đội TH An Bình'),
  school('thcs-minh-duc', 'Liên đội THCS Minh Đức'),
];
const SOURCE: SharedSource = {
  id: sharedSourceId('tap-huan-2024'),
  formId: 'tap-huan-2024',
  file: 'chung.xlsx',
  tab: 'Câu trả lời',
  unitColumn: 'Đơn vị',
  timeColumn: 'Dấu thời gian',
  rowNumber: 2,
};

/** The real store, whose second commit of a run fails as a lost connection would (after the first was stored). */
function storeFailingOnSecondCommit(store: SweepStore): SweepStore {
  let commits = 0;
  return {
    loadSourceStates: () => store.loadSourceStates(),
    saveSourceState: (state) => store.saveSourceState(state),
    recordSweep: (record) => store.recordSweep(record),
    savePlanVersions: (records) => store.savePlanVersions(records),
    commitUnit: async (commit) => {
      if (++commits === 2) throw new Error('connection lost');
      return store.commitUnit(commit);
    },
  };
}

describe('a shared sheet swept again after a sweep died half-way', () => {
  const firestore = testFirestore('shared-sheet-crash');
  const dir = useTempDir('tonghop-shared-crash');
  const run = (store: SweepStore) =>
    sweepWithShared({
      units: UNITS,
      forms: FORMS,
      source: new UnitWorkbookFolder(dir()),
      store,
      now: NOW,
      shared: { sources: [SOURCE], sheets: new UnitWorkbookFolder(dir()), registry: UNITS },
    });

  beforeAll(async () => {
    const rows = [
      ['Dấu thời gian', 'Đơn vị', 'Họ và tên', 'Chức vụ', 'Số điện thoại'],
      ['14/09/2024 09:30:00', 'Liên đội TH Lương Thế Vinh', 'Nguyễn Thị Lan', 'TPT', '0983018027'],
      ['14/09/2024 09:40:00', 'Liên đội TH An Bình', 'Trần Văn Minh', 'TPT', '0983018028'],
      ['14/09/2024 09:50:00', 'Liên đội THCS Minh Đức', 'Lê Thu Hà', 'TPT', '0983018029'],
    ];
    await writeTestWorkbook(
      path.join(dir(), SOURCE.file),
      [{ name: SOURCE.tab, rows }],
      new Date('2024-09-14T05:00:00Z'),
    );
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('loses no row and stores none twice', async () => {
    const store = new FirestoreSweepStore(firestore.db);
    await expect(run(storeFailingOnSecondCommit(store))).rejects.toThrow('connection lost');
    const afterCrash = await firestore.db.collection('submissions').get();
    expect(afterCrash.docs.map((d) => d.data().unitId)).toEqual(['th-luong-the-vinh']);

    const again = await run(store);
    expect(again.units.find((u) => u.unitId === SOURCE.id)).toMatchObject({ outcome: 'read', submissionsWritten: 2 });
    const stored = (await firestore.db.collection('submissions').get()).docs
      .map((d) => [d.data().unitId, d.data().revision, d.data().counts.valid])
      .sort();
    expect(stored).toEqual([
      ['th-an-binh', 1, 1],
      ['th-luong-the-vinh', 1, 1],
      ['thcs-minh-duc', 1, 1],
    ]);
    expect((await run(store)).units.find((u) => u.unitId === SOURCE.id)?.outcome).toBe('unchanged');
  });
});
