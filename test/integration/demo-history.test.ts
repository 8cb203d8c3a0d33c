import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { buildDemoDistrict } from '../../functions/src/jobs/demo/demo-district.js';
import { replayDemoHistory } from '../../functions/src/jobs/demo/replay-demo-history.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../support/firestore.js';

const district = buildDemoDistrict(await loadBuiltinForms());
const root = await mkdtemp(path.join(tmpdir(), 'tonghop-perf-'));
afterAll(async () => rm(root, { recursive: true, force: true }));

describe('perf', () => {
  it('no-op', async () => {
    const t = Date.now();
    const r = await replayDemoHistory({ dir: path.join(root, 'a'), district, sweepAt: async () => {} });
    console.warn('noop', Date.now() - t, r);
    expect(r.rounds).toBeGreaterThan(0);
  }, 300_000);
  it('real', async () => {
    const fs = testFirestore('perf');
    const dir = path.join(root, 'b');
    const store = new FirestoreSweepStore(fs.db);
    const source = new UnitWorkbookFolder(path.join(dir, 'units'));
    let sweepMs = 0; let writes = 0; const parts = { load: 0, commit: 0, record: 0, read: 0 };
    const t = Date.now();
    const r = await replayDemoHistory({ dir, district, sweepAt: async (ids, now) => {
      const s = Date.now();
      const timed = {
        loadSourceStates: async () => { const a = Date.now(); const x = await store.loadSourceStates(); parts.load += Date.now() - a; return x; },
        commitUnit: async (c: Parameters<typeof store.commitUnit>[0]) => { const a = Date.now(); const x = await store.commitUnit(c); parts.commit += Date.now() - a; return x; },
        saveSourceState: (st: Parameters<typeof store.saveSourceState>[0]) => store.saveSourceState(st),
        recordSweep: async (rec: Parameters<typeof store.recordSweep>[0]) => { const a = Date.now(); await store.recordSweep(rec); parts.record += Date.now() - a; },
      };
      const src = { fingerprint: (u: Parameters<typeof source.fingerprint>[0]) => source.fingerprint(u), open: async (u: Parameters<typeof source.open>[0]) => { const o = await source.open(u); return { contentHash: o.contentHash, readTabs: async () => { const a = Date.now(); const t = await o.readTabs(); parts.read += Date.now() - a; return t; } }; } };
      const res = await sweep({ units: district.units.filter((u) => ids.includes(u.id)), forms: district.specs, source: src, store: timed, now });
      writes += res.totals.writes;
      sweepMs += Date.now() - s;
    } });
    console.warn('real', Date.now() - t, 'sweep', sweepMs, r, 'writes', writes, parts);
    expect(r.rounds).toBeGreaterThan(0);
  }, 300_000);
});
