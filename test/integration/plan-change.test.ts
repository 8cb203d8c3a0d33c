import path from 'node:path';
import type { Timestamp } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { formSpecSchema, type FormSpec, type FormSpecInput } from '../../functions/src/domain/forms/form-spec.js';
import { planVersion } from '../../functions/src/domain/plans/plan-version.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { summarize } from '../../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../support/firestore.js';
import { openWorkbook, sheetOf, titled, writeTestWorkbook } from '../support/workbooks.js';
import { testUnit, useTempDir } from '../support/builders.js';
import { loadRevisions } from '../support/revisions.js';

/**
 * Changing a live plan (issue 12): a plan defined as data is swept, then its deadline is moved both ways,
 * a column's type is changed and a header renamed, each followed by a sweep and a summary.
 */

const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const NOW = new Date('2024-09-23T02:00:00Z');
const SENT = { a: new Date('2024-09-18T02:00:00Z'), b: new Date('2024-09-19T02:00:00Z') };
const TAB = 'Trung thu';
const HEADER = ['STT', 'Tên hoạt động', 'Kinh phí'];

const COLUMNS: FormSpecInput['columns'] = [
  { key: 'stt', header: 'STT', type: 'int', counter: true },
  { key: 'tenHoatDong', header: 'Tên hoạt động', type: 'text', required: true },
  { key: 'kinhPhi', header: 'Kinh phí', type: 'text' },
];

/** The plan as a district defines it in its control workbook: once, due 20/09/2024 as issued. */
function plan(change: { due?: string; columns?: FormSpecInput['columns'] } = {}): FormSpec {
  return formSpecSchema.parse({
    id: 'bao-cao-trung-thu',
    title: 'Báo cáo Tết Trung thu',
    issuer: 'Quận Đoàn',
    kind: 'report',
    tab: TAB,
    columns: change.columns ?? COLUMNS,
    period: { type: 'once', due: { date: change.due ?? '2024-09-20' } },
    targets: { unitTypes: ['lien-doi'] },
  });
}

const school = (id: string): Unit => testUnit(id, { level: 'Tiểu học' });
const UNITS = [school('a'), school('b')];

describe('changing a live plan: deadline, column type, header', () => {
  const firestore = testFirestore('plan-change');
  const submissions = firestore.db.collection('submissions');
  const dir = useTempDir('tonghop-plan-change');
  let folder: UnitWorkbookFolder;

  const runSweep = (spec: FormSpec) =>
    sweep({ units: UNITS, forms: [spec], source: folder, store: new FirestoreSweepStore(firestore.db), now: NOW });
  const runSummary = (spec: FormSpec) =>
    summarize({
      settings: SETTINGS,
      units: UNITS,
      forms: [spec],
      store: new FirestoreSummaryStore(firestore.db),
      feedback: folder,
      now: NOW,
    });
  const doc = async (unitId: string) =>
    (await submissions.doc(`bao-cao-trung-thu~mot-lan~${unitId}`).get()).data() ?? {};
  const revisions = async (unitId: string) =>
    (await loadRevisions(submissions.doc(`bao-cao-trung-thu~mot-lan~${unitId}`))).length;
  const millis = (t: unknown) => (t as Timestamp).toMillis();
  const standings = async (spec: FormSpec) => {
    const { picture } = await runSummary(spec);
    return Object.fromEntries((picture.periods[0]?.stats.units ?? []).map((u) => [u.unitId, u.status]));
  };

  beforeAll(async () => {
    folder = new UnitWorkbookFolder(dir());
    const tab = (rows: (string | number)[][]) => [{ name: TAB, rows: titled('BÁO CÁO TẾT TRUNG THU', HEADER, rows) }];
    await writeTestWorkbook(
      path.join(dir(), 'a.xlsx'),
      tab([
        [1, 'Rước đèn', '1.500.000'],
        [2, 'Phá cỗ', 'chưa rõ'],
      ]),
      SENT.a,
    );
    await writeTestWorkbook(path.join(dir(), 'b.xlsx'), tab([[1, 'Văn nghệ', '2.000.000']]), SENT.b);
    await runSweep(plan());
  });
  afterAll(async () => {
    await firestore.db.terminate();
  });

  it('stores each submission with its plan version and the definition once, in planVersions', async () => {
    const version = planVersion(plan());
    expect((await doc('a')).planVersion).toBe(version);
    expect((await doc('b')).planVersion).toBe(version);
    const stored = (await firestore.db.collection('planVersions').get()).docs;
    expect(stored.map((d) => d.id)).toEqual([version]);
    expect(formSpecSchema.parse(JSON.parse(String(stored[0]?.get('definition'))))).toEqual(plan());
  });

  it('writes nothing when swept again with the same definition', async () => {
    const again = await runSweep(plan());
    expect(again.sweepId).toBeUndefined();
    expect(again.totals.writes).toBe(0);
  });

  it('keeps the first completion when the deadline moves earlier or later, and judges on time by the deadline in force', async () => {
    const firstA = millis((await doc('a')).firstCompleteAt);
    const firstB = millis((await doc('b')).firstCompleteAt);
    expect([firstA, firstB]).toEqual([SENT.a.getTime(), SENT.b.getTime()]);
    expect(await standings(plan())).toEqual({ a: 'complete-on-time', b: 'complete-on-time' });

    for (const [due, expected] of [
      ['2024-09-17', { a: 'complete-late', b: 'complete-late' }],
      ['2024-09-18', { a: 'complete-on-time', b: 'complete-late' }],
      ['2024-09-30', { a: 'complete-on-time', b: 'complete-on-time' }],
    ] as const) {
      const moved = plan({ due });
      const swept = await runSweep(moved);
      // Every sheet is read again under the new definition, and nothing it holds has changed.
      expect(swept.totals).toMatchObject({ unitsRead: 2, submissionsWritten: 0 });
      expect(millis((await doc('a')).firstCompleteAt)).toBe(firstA);
      expect(millis((await doc('b')).firstCompleteAt)).toBe(firstB);
      expect([await revisions('a'), await revisions('b')]).toEqual([1, 1]);
      expect(await standings(moved)).toEqual(expected);
    }
    // The rows are still the ones validated under the first version; each new version is stored once.
    expect((await doc('a')).planVersion).toBe(planVersion(plan()));
    expect((await firestore.db.collection('planVersions').get()).size).toBe(4);
  });

  it('re-validates the rows when a column changes type, keeps the first completion, and tells the unit what changed', async () => {
    const money = plan({
      due: '2024-09-30',
      columns: COLUMNS.map((c) => (c.key === 'kinhPhi' ? { ...c, type: 'money' as const } : c)),
    });
    const firstA = millis((await doc('a')).firstCompleteAt);
    const swept = await runSweep(money);
    expect(swept.totals).toMatchObject({ rowsValid: 2, rowsRejected: 1, submissionsWritten: 2 });

    const a = await doc('a');
    expect(a.counts).toMatchObject({ valid: 1, rejected: 1 });
    expect(a.rows[0].values.kinhPhi).toBe(1_500_000);
    expect(a.rejected[0].errors[0].message).toContain("'chưa rõ'");
    // The rows were last validated under the plan as issued (the deadline moves rewrote nothing).
    expect(a).toMatchObject({ planVersion: planVersion(money), planChangedFrom: planVersion(plan()), revision: 2 });
    expect(millis(a.firstCompleteAt)).toBe(firstA);
    expect((await doc('b')).rows[0].values.kinhPhi).toBe(2_000_000);

    expect(await standings(money)).toEqual({ a: 'partial', b: 'complete-on-time' });
    const standing = sheetOf(await openWorkbook(path.join(dir(), 'a.xlsx')), 'Tình hình nộp');
    const notes: string[] = [];
    standing.eachRow((row) =>
      notes.push(...(row.values as unknown[]).filter((v): v is string => typeof v === 'string')),
    );
    expect(notes).toContainEqual(expect.stringContaining("Kế hoạch đã đổi: cột 'Kinh phí' nay là kiểu Số tiền"));
    const statuses = sheetOf(await openWorkbook(path.join(dir(), 'a.xlsx')), TAB)
      .getColumn(HEADER.length + 1)
      .values.map(String);
    expect(statuses.some((s) => s.startsWith('✗'))).toBe(true);
  });

  it('keeps the data of a renamed header through its alias (Tên khác), under the new column key', async () => {
    const renamed = COLUMNS.map((c) =>
      c.key === 'kinhPhi'
        ? { ...c, type: 'money' as const }
        : c.key === 'tenHoatDong'
          ? {
              key: 'noiDungHoatDong',
              header: 'Nội dung hoạt động',
              aliases: ['Tên hoạt động'],
              type: 'text' as const,
              required: true,
            }
          : c,
    );
    const spec = plan({ due: '2024-09-30', columns: renamed });
    const swept = await runSweep(spec);
    expect(swept.totals).toMatchObject({ rowsRead: 3, rowsValid: 2, rowsRejected: 1 });
    expect((await doc('b')).rows[0].values).toEqual({ stt: 1, noiDungHoatDong: 'Văn nghệ', kinhPhi: 2_000_000 });
    expect((await doc('a')).rows.map((r: { values: Record<string, unknown> }) => r.values.noiDungHoatDong)).toEqual([
      'Rước đèn',
    ]);
    expect(await standings(spec)).toEqual({ a: 'partial', b: 'complete-on-time' });
    const standing = sheetOf(await openWorkbook(path.join(dir(), 'b.xlsx')), 'Tình hình nộp');
    const notes: string[] = [];
    standing.eachRow((row) =>
      notes.push(...(row.values as unknown[]).filter((v): v is string => typeof v === 'string')),
    );
    expect(notes).toContain("Kế hoạch đã đổi: cột 'Tên hoạt động' nay có tiêu đề 'Nội dung hoạt động'");
  });
});
