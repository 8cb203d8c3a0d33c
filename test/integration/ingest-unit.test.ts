import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { ingestUnit } from '../../functions/src/jobs/ingest/ingest-unit.js';
import { summarize } from '../../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../support/firestore.js';
import { openWorkbook, sheetOf, titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { TRAINING_HEADER, trainingRow, useTempDir } from '../support/builders.js';

const NOW = new Date('2024-09-20T01:00:00Z');
const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const school = (id: string): Unit => ({
  id,
  name: `Liên đội ${id}`,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [{ name: 'TPT', email: `${id}@example.com` }],
  members: 500,
  source: `${id}.xlsx`,
});
const UNITS = [school('som'), school('tre'), school('loi')];
const tab = (rows: TestCell[][]) => [
  { name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', TRAINING_HEADER, rows) },
];

/** The webhook's job: one unit swept, and only the statistics its change touches recomputed. */
describe('ingestUnit', () => {
  const firestore = testFirestore('ingest-unit');
  const dir = useTempDir('tonghop-ingest');
  let forms: FormSpec[];
  let folder: UnitWorkbookFolder;
  const store = () => new FirestoreSummaryStore(firestore.db);
  const ingest = (unit: Unit, now = NOW) =>
    ingestUnit({
      action: 'edit',
      unit,
      units: UNITS,
      forms,
      settings: SETTINGS,
      sheets: folder,
      sweepStore: new FirestoreSweepStore(firestore.db),
      store: store(),
      now,
    });

  beforeAll(async () => {
    folder = new UnitWorkbookFolder(dir());
    // Every built-in plan: many (form, period) pairs exist, the unit's edit touches one.
    forms = await loadBuiltinForms();
    await writeTestWorkbook(
      path.join(dir(), 'som.xlsx'),
      tab([trainingRow(1, 'Nguyễn Thị Lan')]),
      new Date('2024-09-14T02:00:00Z'),
    );
    await writeTestWorkbook(
      path.join(dir(), 'tre.xlsx'),
      tab([trainingRow(1, 'Lê Thu Hà')]),
      new Date('2024-09-14T02:00:00Z'),
    );
    await sweep({ units: UNITS, forms, source: folder, store: new FirestoreSweepStore(firestore.db), now: NOW });
    await summarize({ settings: SETTINGS, units: UNITS, forms, store: store(), feedback: folder, now: NOW });
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('recomputes only the statistics of the (form, period) the unit changed, exactly as the full summary would', async () => {
    await writeTestWorkbook(
      path.join(dir(), 'tre.xlsx'),
      tab([trainingRow(1, 'Lê Thu Hà'), trainingRow(2, 'Đỗ Minh Khoa')]),
      new Date('2024-09-19T02:00:00Z'),
    );
    const result = await ingest(UNITS[1]!);
    expect(result.sweep.totals.unitsRead).toBe(1);
    expect(result.statsComputed).toBe(1);
    expect(result.statsWritten).toBe(1);
    expect(result.reply.message).toMatch(/^Đã kiểm tra: 2 dòng hợp lệ, 0 dòng lỗi/);
    const stats = (await firestore.db.collection('stats').where('formId', '==', 'tap-huan-2024').get()).docs[0];
    expect(stats?.get('units')).toEqual(
      expect.arrayContaining([expect.objectContaining({ unitId: 'tre', status: 'revised-after-deadline' })]),
    );
    // The full run finds the statistics it would write already there.
    const full = await summarize({ settings: SETTINGS, units: UNITS, forms, store: store(), now: NOW });
    expect(full.statsComputed).toBeGreaterThan(10);
    expect(full.statsWritten).toBe(0);
    // The unit's own rows got their statuses.
    const sheet = sheetOf(await openWorkbook(path.join(dir(), 'tre.xlsx')), 'Đăng ký tập huấn');
    expect(sheet.getCell(6, 11).value).toBe('✓ Hợp lệ');
  });

  it('an unchanged sheet recomputes and writes nothing', async () => {
    const result = await ingest(UNITS[1]!);
    expect(result.sweep.totals.writes).toBe(0);
    expect(result.statsComputed).toBe(0);
    expect(result.statsWritten).toBe(0);
  });
});
