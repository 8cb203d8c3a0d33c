import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentData, Timestamp } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { readControlWorkbook } from '../../functions/src/adapters/workbook/read-control-workbook.js';
import { readWorkbookTabs } from '../../functions/src/adapters/xlsx/read-workbook.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { compileForm } from '../../functions/src/domain/forms/compile-form.js';
import { findTab, readFormTab } from '../../functions/src/domain/forms/read-form-tab.js';
import {
  buildDemoDistrict,
  DEMO_NOW,
  type DemoDelivery,
  type DemoWorkbook,
} from '../../functions/src/demo/demo-district.js';
import { planReplayRounds, replayDemoHistory } from '../../functions/src/demo/replay-demo-history.js';
import {
  demoDistrictWritten,
  REPLAY_MARKER,
  writeDemoDistrict,
  type WrittenDemoDistrict,
} from '../../functions/src/demo/write-demo-district.js';
import { sweep, type SweepResult } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore, type TestFirestore } from '../support/firestore.js';
import { useTempDir } from '../support/builders.js';

/** The demo's history replayed into a folder and swept, day by day, into the emulator: what the product then knows. */
const specs = await loadBuiltinForms();
const district = buildDemoDistrict(specs);
const TAP_HUAN_DUE = new Date('2024-09-15T03:00:00Z');

const root = useTempDir('tonghop-demo-history');
let dir: string;
let firestore: TestFirestore;
let written: WrittenDemoDistrict;
let finalOnly: WrittenDemoDistrict;
let sweepOf: (now: Date, unitIds?: readonly string[]) => Promise<SweepResult>;
const replaySweeps: SweepResult[] = [];
/** What each replay sweep saw when it started: the sending units' files and their mtimes, and the control's. */
const calls: { unitIds: readonly string[]; now: Date; mtimes: (number | null)[]; controlAt: number | null }[] = [];
const replayProgress: [number, number][] = [];
const mtimeOf = (file: string) =>
  stat(file).then(
    (s) => s.mtime.getTime(),
    () => null,
  );

/**
 * One history replay serves both describes below (the replay is the slow part of the demo): each round's sweep is
 * recorded as the folder stood, then run into the emulator.
 */
beforeAll(async () => {
  firestore = testFirestore('demo-history');
  dir = path.join(root(), 'demo');
  const store = new FirestoreSweepStore(firestore.db);
  const source = new UnitWorkbookFolder(path.join(dir, 'units'));
  sweepOf = (now, unitIds) =>
    sweep({
      units: unitIds ? district.units.filter((u) => unitIds.includes(u.id)) : district.units,
      forms: specs,
      source,
      store,
      now,
    });
  finalOnly = await writeDemoDistrict(path.join(root(), 'final-only'), district);
  written = await writeDemoDistrict(dir, district, {
    onProgress: (done, total) => replayProgress.push([done, total]),
    sweepAt: async (unitIds, now) => {
      // What the sweep would see right now: each sending unit's file and its mtime.
      const mtimes = await Promise.all(unitIds.map((id) => mtimeOf(path.join(dir, 'units', `${id}.xlsx`))));
      calls.push({ unitIds, now, mtimes, controlAt: await mtimeOf(path.join(dir, 'control.xlsx')) });
      replaySweeps.push(await sweepOf(now, unitIds));
    },
  });
}, 240_000);

afterAll(async () => {
  await firestore.clear();
});

async function submission(formId: string, periodId: string, unitId: string): Promise<DocumentData | undefined> {
  return (await firestore.db.collection('submissions').doc(`${formId}~${periodId}~${unitId}`).get()).data();
}

const millis = (value: unknown) => (value as Timestamp | null | undefined)?.toDate().getTime() ?? null;
const clean = (type: string) =>
  district.workbooks.filter(
    (w) => w.scenario === 'clean' && district.units.find((u) => u.id === w.unitId)?.type === type,
  );
const deliveriesOf = (workbooks: readonly DemoWorkbook[], formId: string): (DemoDelivery & { unitId: string })[] =>
  workbooks.flatMap((w) => w.deliveries.filter((d) => d.formId === formId).map((d) => ({ ...d, unitId: w.unitId })));

describe('demo history replayed into Firestore', () => {
  it('swept once per day with sends, reading every send', () => {
    const rounds = planReplayRounds(district);
    expect(written.history).toEqual({ rounds: rounds.length, sends: rounds.reduce((n, r) => n + r.sends.length, 0) });
    // Plus the sweeps, of no unit, when Hội đồng Đội and then the finance desk saved their books.
    expect(replaySweeps).toHaveLength(rounds.length + 2);
    // Every send changed its file; each was read (or found unreadable, the corrupt one) by the sweep of its day.
    expect(replaySweeps.reduce((n, r) => n + r.totals.unitsRead + r.totals.unitsUnreadable, 0)).toBe(
      written.history?.sends,
    );
    expect(replaySweeps.every((r) => r.totals.rowsRead === r.totals.rowsValid + r.totals.rowsRejected)).toBe(true);
  });

  it("judges the training registration by each unit's own send: on time before 10g00 15/09/2024, late after", async () => {
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
    expect(
      millis((await submission('tap-huan-2024', 'mot-lan', first?.unitId ?? ''))?.firstCompleteAt),
    ).toBeLessThanOrEqual(TAP_HUAN_DUE.getTime());
    expect(millis((await submission('tap-huan-2024', 'mot-lan', last?.unitId ?? ''))?.firstCompleteAt)).toBeGreaterThan(
      TAP_HUAN_DUE.getTime(),
    );
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
    for (const d of [
      ...deliveriesOf(clean('chi-doan'), 'ren-luyen-2014-danh-gia'),
      ...deliveriesOf(clean('lien-doi'), 'ke-hoach-nho-65-nam'),
    ]) {
      const doc = await submission(d.formId, d.periodId, d.unitId);
      expect(millis(doc?.firstCompleteAt), `${d.unitId} ${d.periodId}`).toBe(d.sentAt.getTime());
    }
  });

  it('leaves each unit file dated its last send', async () => {
    for (const w of district.workbooks) {
      const file = path.join(written.unitsDir, `${w.unitId}.xlsx`);
      const mtime = await stat(file).then(
        (s) => s.mtime.getTime(),
        () => null,
      );
      expect(mtime, w.unitId).toBe(w.sends.at(-1)?.at.getTime() ?? null);
    }
  });

  it('needs nothing more at DEMO_NOW: a full sweep only notes the units that never sent, a second one writes nothing', async () => {
    const first = await sweepOf(DEMO_NOW);
    const missing = district.workbooks.filter((w) => w.scenario === 'missing').length;
    expect(first.totals).toMatchObject({
      units: district.units.length,
      unitsRead: 0,
      unitsMissing: missing,
      submissionsWritten: 0,
    });
    const second = await sweepOf(DEMO_NOW);
    expect(second.totals.writes).toBe(0);
    expect(second.totals.unitsUnchanged).toBe(district.units.length);
    expect(second.sweepId).toBeUndefined();
  });
});

describe('writeDemoDistrict with a sweep: the history replayed', () => {
  const rounds = planReplayRounds(district);
  // The replay of this file's beforeAll: the same sweeps that filled Firestore above.
  let replayDir: string;
  let replayed: WrittenDemoDistrict;

  beforeAll(() => {
    replayDir = dir;
    replayed = written;
  });

  it('sweeps once per ICT day with sends, only the units that sent that day, each file dated its send', () => {
    expect(replayed.created).toBe(true);
    expect(replayed.history).toEqual({
      rounds: rounds.length,
      sends: district.workbooks.reduce((n, w) => n + w.sends.length, 0),
    });
    // One more sweep, of no unit, the moment each shared book is saved: Hội đồng Đội's (16g30 31/05/2023), then the
    // finance desk's (16g30 12/09/2024, before the 7g30 13/09 notice run).
    const bookCalls = calls.flatMap((c, i) => (c.unitIds.length === 0 ? [i] : []));
    expect(bookCalls.map((i) => calls[i]?.now)).toEqual([district.council.at, district.finance.at]);
    for (const i of bookCalls) {
      const at = calls[i]?.now.getTime() ?? 0;
      expect(calls[i + 1]?.now.getTime()).toBeGreaterThan(at);
      expect(calls[i - 1]?.now.getTime()).toBeLessThan(at);
    }
    const unitCalls = calls.filter((_, i) => !bookCalls.includes(i));
    expect(unitCalls.map((c) => c.now)).toEqual(rounds.map((r) => r.sweepAt));
    unitCalls.forEach((call, i) => {
      const round = rounds[i];
      expect(call.unitIds).toEqual(round?.sends.map((s) => s.workbook.unitId));
      expect(call.mtimes).toEqual(round?.sends.map((s) => s.send.at.getTime()));
      expect(call.now <= DEMO_NOW).toBe(true);
      // The control workbook is there from the first sweep on; dated when Hội đồng Đội's books, the receipts plan, then
      // the new plan, were added.
      const controlAt =
        call.now > district.issued.at
          ? district.issued.at
          : call.now > district.finance.at
            ? district.finance.at
            : call.now > district.council.at
              ? district.council.at
              : district.controlModifiedAt;
      expect(call.controlAt).toBe(controlAt.getTime());
    });
    expect(replayProgress.at(-1)).toEqual([rounds.length, rounds.length]);
  });

  it('ends with the same folder as writing the final files only: same files, content and mtimes, no marker left', async () => {
    expect((await readdir(replayDir)).sort()).toEqual(['control.xlsx', 'units']);
    expect(replayed.files.map((f) => path.relative(replayDir, f))).toEqual(
      finalOnly.files.map((f) => path.relative(path.dirname(finalOnly.controlPath), f)),
    );
    const names = (await readdir(finalOnly.unitsDir)).sort();
    expect((await readdir(replayed.unitsDir)).sort()).toEqual(names);
    for (const name of names) {
      const [mine, theirs] = [path.join(replayed.unitsDir, name), path.join(finalOnly.unitsDir, name)];
      expect(await mtimeOf(mine), name).toBe(await mtimeOf(theirs));
      const [a, b] = [await readFile(mine), await readFile(theirs)];
      if (a.subarray(0, 2).toString('latin1') !== 'PK') expect(a.equals(b), name).toBe(true);
      else expect(await readWorkbookTabs(a, name), name).toEqual(await readWorkbookTabs(b, name));
    }
    expect(await mtimeOf(replayed.controlPath)).toBe(district.issued.at.getTime());
    expect((await readControlWorkbook(replayed.controlPath)).plans.plans.map((p) => p.id)).toEqual(
      [...district.specs, district.finance.spec, district.issued.spec].map((p) => p.id),
    );
  });

  it('writes each send as the workbook stood then: earlier files have only the tabs and rows sent by then', async () => {
    const unit = district.workbooks.find((w) => w.scenario === 'clean' && w.unitId.startsWith('csd-'));
    const send = unit?.sends[3];
    if (!unit || !send) throw new Error('no clean cơ sở Đoàn with 4 sends');
    const early = path.join(root(), 'early');
    // Replay that unit alone (one round per send) and stop right after its 4th sweep: the file is as the sweep read it.
    const stop = new Error('stop');
    let done = 0;
    await expect(
      replayDemoHistory({
        dir: early,
        district: { ...district, workbooks: [unit] },
        sweepAt: async () => {
          if (++done === 4) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    const file = path.join(early, 'units', `${unit.unitId}.xlsx`);
    expect(await mtimeOf(file)).toBe(send.at.getTime());
    const tabs = await readWorkbookTabs(await readFile(file), 'x.xlsx');
    for (const spec of specs.filter((s) => s.targets.unitTypes.includes('co-so-doan'))) {
      const rows = send.rowsByFormId.get(spec.id);
      const tab = findTab(tabs, spec.tab);
      if (!rows) {
        expect(tab, spec.id).toBeUndefined();
        continue;
      }
      if (!tab) throw new Error(`tab ${spec.tab} missing`);
      expect(readFormTab(compileForm(spec), tab).rowsRead, spec.id).toBe(rows.length);
    }
    expect(send.rowsByFormId.get('30-phut-bao-cao')?.length).toBeLessThan(
      unit.rowsByFormId.get('30-phut-bao-cao')?.length ?? 0,
    );
  });

  it('starts over when a replay died half-way, and leaves a finished one alone', async () => {
    const broken = path.join(root(), 'broken');
    const small = { ...district, workbooks: district.workbooks.filter((w) => w.unitId.startsWith('cd-')) };
    let sweeps = 0;
    const failing = async () => {
      if (++sweeps === 3) throw new Error('Firestore went away');
    };
    await expect(writeDemoDistrict(broken, small, { sweepAt: failing })).rejects.toThrow('Firestore went away');
    expect((await readdir(broken)).sort()).toEqual([REPLAY_MARKER, 'control.xlsx', 'units'].sort());
    expect(await demoDistrictWritten(broken)).toBe(false);

    const calls: number[] = [];
    const again = await writeDemoDistrict(broken, small, { sweepAt: async (ids) => void calls.push(ids.length) });
    expect(again.created).toBe(true);
    expect(calls).toHaveLength(planReplayRounds(small).length);
    expect((await readdir(broken)).sort()).toEqual(['control.xlsx', 'units']);
    expect(await demoDistrictWritten(broken)).toBe(true);
    const third = await writeDemoDistrict(broken, small, {
      sweepAt: async () => expect.fail('a finished demo is not replayed again'),
    });
    expect(third.created).toBe(false);
    expect(third.history).toBeUndefined();
  });
});
