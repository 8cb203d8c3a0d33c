import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentData, Timestamp } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { buildDemoDistrict, DEMO_NOW, type DemoDelivery, type DemoWorkbook } from '../../functions/src/jobs/demo/demo-district.js';
import { planReplayRounds } from '../../functions/src/jobs/demo/replay-demo-history.js';
import { writeDemoDistrict, type WrittenDemoDistrict } from '../../functions/src/jobs/demo/write-demo-district.js';
import { sweep, type SweepResult } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore, type TestFirestore } from '../support/firestore.js';

/** The demo's history replayed into a folder and swept, day by day, into the emulator: what the product then knows. */
const specs = await loadBuiltinForms();
const district = buildDemoDistrict(specs);
const TAP_HUAN_DUE = new Date('2024-09-15T03:00:00Z');

let root: string;
let firestore: TestFirestore;
let written: WrittenDemoDistrict;
let sweepOf: (now: Date, unitIds?: readonly string[]) => Promise<SweepResult>;
const replaySweeps: SweepResult[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'tonghop-demo-history-'));
  firestore = testFirestore('demo-history');
  const dir = path.join(root, 'demo');
  const store = new FirestoreSweepStore(firestore.db);
  const source = new UnitWorkbookFolder(path.join(dir, 'units'));
  sweepOf = (now, unitIds) => sweep({ units: unitIds ? district.units.filter((u) => unitIds.includes(u.id)) : district.units, forms: specs, source, store, now });
  written = await writeDemoDistrict(dir, district, { sweepAt: async (unitIds, now) => void replaySweeps.push(await sweepOf(now, unitIds)) });
}, 240_000);

afterAll(async () => {
  await firestore.clear();
  await rm(root, { recursive: true, force: true });
});

async function submission(formId: string, periodId: string, unitId: string): Promise<DocumentData | undefined> {
  return (await firestore.db.collection('submissions').doc(`${formId}~${periodId}~${unitId}`).get()).data();
}

const millis = (value: unknown) => (value as Timestamp | null | undefined)?.toDate().getTime() ?? null;
const clean = (type: string) => district.workbooks.filter((w) => w.scenario === 'clean' && district.units.find((u) => u.id === w.unitId)?.type === type);
const deliveriesOf = (workbooks: readonly DemoWorkbook[], formId: string): (DemoDelivery & { unitId: string })[] =>
  workbooks.flatMap((w) => w.deliveries.filter((d) => d.formId === formId).map((d) => ({ ...d, unitId: w.unitId })));

describe('demo history replayed into Firestore', () => {
  it('swept once per day with sends, reading every send', () => {
    const rounds = planReplayRounds(district);
    expect(written.history).toEqual({ rounds: rounds.length, sends: rounds.reduce((n, r) => n + r.sends.length, 0) });
    // Plus the sweep, of no unit, when the finance desk saved its book.
    expect(replaySweeps).toHaveLength(rounds.length + 1);
    // Every send changed its file; each was read (or found unreadable, the corrupt one) by the sweep of its day.
    expect(replaySweeps.reduce((n, r) => n + r.totals.unitsRead + r.totals.unitsUnreadable, 0)).toBe(written.history?.sends);
    expect(replaySweeps.every((r) => r.totals.rowsRead === r.totals.rowsValid + r.totals.rowsRejected)).toBe(true);
  });

  it('judges the training registration by each unit\'s own send: on time before 10g00 15/09/2024, late after', async () => {
    const sent = deliveriesOf(clean('lien-doi'), 'tap-huan-2024');
    const onTime = sent.filter((d) => !d.late);
    const late = sent.filter((d) => d.late);
    expect(onTime.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    for (const d of sent) {
      const doc = await submission('tap-huan-2024', 'mot-lan', d.unitId);
      expect(doc?.complete, d.unitId).toBe(true);
      expect(millis(doc?.firstCompleteAt), d.unitId).toBe(d.sentAt.getTime());
    }
    const first = onTime[0];
    const last = late[0];
    expect(millis((await submission('tap-huan-2024', 'mot-lan', first?.unitId ?? ''))?.firstCompleteAt)).toBeLessThanOrEqual(TAP_HUAN_DUE.getTime());
    expect(millis((await submission('tap-huan-2024', 'mot-lan', last?.unitId ?? ''))?.firstCompleteAt)).toBeGreaterThan(TAP_HUAN_DUE.getTime());
  });

  it('judges each month of "30 phút" by the send that brought it, a nil month included, and keeps the stopped unit\'s later months missing', async () => {
    const units = clean('co-so-doan');
    const april = deliveriesOf(units, '30-phut-bao-cao').find((d) => d.periodId === '2020-04' && !d.late);
    const aprilDoc = await submission('30-phut-bao-cao', '2020-04', april?.unitId ?? '');
    expect(millis(aprilDoc?.firstCompleteAt)).toBeLessThanOrEqual(Date.parse('2020-05-05T16:59:59.999Z'));

    const months = deliveriesOf(units, '30-phut-bao-cao');
    const docs = await Promise.all(months.map((d) => submission(d.formId, d.periodId, d.unitId)));
    months.forEach((d, i) => {
      const doc = docs[i];
      expect(doc?.complete, `${d.unitId} ${d.periodId}`).toBe(true);
      expect(millis(doc?.firstCompleteAt), `${d.unitId} ${d.periodId}`).toBe(d.sentAt.getTime());
      expect((millis(doc?.firstCompleteAt) ?? 0) > d.dueAt.getTime(), `${d.unitId} ${d.periodId}`).toBe(d.late);
      // Sent once and never changed after.
      expect(doc?.revision, `${d.unitId} ${d.periodId}`).toBe(1);
      if (d.nil) expect(doc?.counts, `${d.unitId} ${d.periodId}`).toMatchObject({ read: 1, valid: 1, rejected: 0 });
    });
    expect(months.some((d) => d.late) && months.some((d) => d.nil)).toBe(true);

    const stopped = units.find((w) => !w.deliveries.some((d) => d.periodId === '2022-12'));
    expect(stopped).toBeDefined();
    expect(await submission('30-phut-bao-cao', '2022-06', stopped?.unitId ?? '')).toBeDefined();
    expect(await submission('30-phut-bao-cao', '2022-07', stopped?.unitId ?? '')).toBeUndefined();
  });

  it('keeps the first completion of a school year sent in batches, and the last change when the last batch came late', async () => {
    for (const d of deliveriesOf(clean('lien-doi'), 'lien-tich-2022-2023')) {
      const doc = await submission(d.formId, d.periodId, d.unitId);
      expect(millis(doc?.firstCompleteAt), d.unitId).toBe(d.firstSentAt.getTime());
      expect(millis(doc?.lastChangedAt), d.unitId).toBe(d.sentAt.getTime());
    }
  });

  it('judges each phase evaluation and the Kế hoạch nhỏ report by their own sends', async () => {
    for (const d of [...deliveriesOf(clean('chi-doan'), 'ren-luyen-2014-danh-gia'), ...deliveriesOf(clean('lien-doi'), 'ke-hoach-nho-65-nam')]) {
      const doc = await submission(d.formId, d.periodId, d.unitId);
      expect(millis(doc?.firstCompleteAt), `${d.unitId} ${d.periodId}`).toBe(d.sentAt.getTime());
    }
  });

  it('leaves each unit file dated its last send', async () => {
    for (const w of district.workbooks) {
      const file = path.join(written.unitsDir, `${w.unitId}.xlsx`);
      const mtime = await stat(file).then((s) => s.mtime.getTime(), () => null);
      expect(mtime, w.unitId).toBe(w.sends.at(-1)?.at.getTime() ?? null);
    }
  });

  it('needs nothing more at DEMO_NOW: a full sweep only notes the units that never sent, a second one writes nothing', async () => {
    const first = await sweepOf(DEMO_NOW);
    const missing = district.workbooks.filter((w) => w.scenario === 'missing').length;
    expect(first.totals).toMatchObject({ units: district.units.length, unitsRead: 0, unitsMissing: missing, submissionsWritten: 0 });
    const second = await sweepOf(DEMO_NOW);
    expect(second.totals.writes).toBe(0);
    expect(second.totals.unitsUnchanged).toBe(district.units.length);
    expect(second.sweepId).toBeUndefined();
  });
});
