// One sheetEvent ingest on a 300-unit city, before (sweep the unit + the district-wide summarize)
// and after (ingestUnit: only the unit's documents and the statistics it touches). Each mode runs
// in its own process so its peak RSS (VmHWM) is its own:
//   node .tonghop/bench-build/bench/webhook-call.js setup            → prints "<dir> <projectId>"
//   node .tonghop/bench-build/bench/webhook-call.js old|new <dir> <projectId> <unit index>
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBuiltinForms } from '../functions/src/adapters/catalog/builtin-forms.js';
import { createFirestore } from '../functions/src/adapters/store/firestore-client.js';
import { FirestoreNoticeLedger } from '../functions/src/adapters/store/firestore-notice-ledger.js';
import { FirestoreSummaryStore } from '../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../functions/src/adapters/store/firestore-sweep-store.js';
import { readControlWorkbook } from '../functions/src/adapters/workbook/read-control-workbook.js';
import { UnitWorkbookFolder } from '../functions/src/adapters/workbook/unit-workbook-folder.js';
import { formsInUse } from '../functions/src/domain/plans/plans-in-use.js';
import { ingestUnit } from '../functions/src/jobs/ingest/ingest-unit.js';
import { summarize } from '../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../functions/src/jobs/sweep/sweep.js';
import { buildCity } from './city.js';
import { resendWithOneRowChanged, writeCity } from './write-city.js';

const UNITS = 300;
const SEED = 7;
const SWEPT_AT = new Date('2024-09-17T00:30:00Z');
const CALLED_AT = new Date('2024-09-17T03:00:00Z');
const host = process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8790';
const memory = async () => {
  const status = await readFile('/proc/self/status', 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
};

const [mode = 'setup', dirArg, projectArg, indexArg] = process.argv.slice(2);
const catalog = await loadBuiltinForms(path.resolve('sheets-templates', 'forms'));
const city = buildCity(catalog, UNITS, SEED);
if (mode === 'setup') {
  const dir = await mkdtemp(path.join(tmpdir(), 'tonghop-webhook-bench-'));
  await writeCity(city, dir, () => undefined);
  const projectId = `demo-bench-webhook-${Date.now().toString(36)}`;
  const db = createFirestore({ projectId, emulatorHost: host });
  const control = await readControlWorkbook(path.join(dir, 'control.xlsx'));
  const forms = formsInUse(control.plans);
  const folder = new UnitWorkbookFolder(path.join(dir, 'units'));
  await sweep({ units: control.units, forms, source: folder, store: new FirestoreSweepStore(db), now: SWEPT_AT });
  await summarize({
    settings: control.settings,
    units: control.units,
    forms,
    store: new FirestoreSummaryStore(db),
    feedback: folder,
    now: SWEPT_AT,
  });
  const submissions = (await db.collection('submissions').count().get()).data().count;
  process.stdout.write(`${dir} ${projectId} ${submissions}\n`);
  await db.terminate();
} else {
  const dir = dirArg!;
  const db = createFirestore({ projectId: projectArg!, emulatorHost: host });
  const cityUnit = city.units.filter((u) => u.sentAt)[Number(indexArg ?? 0)]!;
  await resendWithOneRowChanged(city, path.join(dir, 'units'), cityUnit, CALLED_AT);
  const start = await memory();
  const t0 = performance.now();
  const control = await readControlWorkbook(path.join(dir, 'control.xlsx'));
  const forms = formsInUse(control.plans);
  const tControl = performance.now() - t0;
  const unit = cityUnit.profile.unit;
  const folder = new UnitWorkbookFolder(path.join(dir, 'units'));
  const sweepStore = new FirestoreSweepStore(db);
  const t1 = performance.now();
  let statsWritten: number;
  if (mode === 'old') {
    await sweep({ units: [unit], forms, source: folder, store: sweepStore, now: CALLED_AT });
    const summary = await summarize({
      settings: control.settings,
      units: control.units,
      forms,
      store: new FirestoreSummaryStore(db),
      feedback: folder,
      feedbackFor: new Set([unit.id]),
      notices: new FirestoreNoticeLedger(db),
      now: CALLED_AT,
    });
    statsWritten = summary.statsWritten;
  } else {
    const result = await ingestUnit({
      action: 'edit',
      unit,
      units: control.units,
      forms,
      settings: control.settings,
      sheets: folder,
      sweepStore,
      store: new FirestoreSummaryStore(db),
      now: CALLED_AT,
    });
    statsWritten = result.statsWritten;
  }
  const tJob = performance.now() - t1;
  const end = await memory();
  process.stdout.write(
    `${mode}: control ${tControl.toFixed(0)} ms, job ${tJob.toFixed(0)} ms, stats written ${statsWritten}, RSS ${start.rss.toFixed(0)} → ${end.rss.toFixed(0)} MB, peak ${end.peak.toFixed(0)} MB\n`,
  );
  await db.terminate();
}
