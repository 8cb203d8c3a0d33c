/**
 * `npm run bench:pipeline`: only the cold sweep and its floor (steps 1 and 4 of `npm run bench`), to study the
 * pipeline's ratio without the rest of the benchmark: same city, clock and warm-up. Prints both times, their
 * ratio and the CPU each took in this process; `--cpu-prof` on the node line shows where the sweep's time goes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import { loadBuiltinForms } from '../functions/src/adapters/catalog/builtin-forms.js';
import { FirestoreSweepStore } from '../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../functions/src/adapters/workbook/unit-workbook-folder.js';
import { createOutput } from '../functions/src/cli/output.js';
import type { Unit } from '../functions/src/domain/units/unit.js';
import { sweep } from '../functions/src/jobs/sweep/sweep.js';
import { buildCity } from './city.js';
import { openBenchDatabases } from './databases.js';
import { readPipelineDocuments, runFloor } from './floor.js';
import { measure } from './measure.js';
import { parseBenchOptions } from './options.js';
import { writeCity } from './write-city.js';

/** The same instants as `npm run bench` (run.ts). */
const SWEPT_AT = new Date('2024-09-17T00:30:00Z');
const WARM_UP_UNITS = 30;

const options = parseBenchOptions(process.argv.slice(2));
const city = buildCity(await loadBuiltinForms(path.resolve('sheets-templates', 'forms')), options.units, options.seed);
const databases = await openBenchDatabases();
const { database } = databases;
/** A step's time and the CPU this process spent on it (all its threads), which load from elsewhere inflates less. */
const timed = async <T>(work: () => Promise<T>) => {
  const cpu = process.cpuUsage();
  const step = await measure(work);
  const { user, system } = process.cpuUsage(cpu);
  return { ...step, cpuMs: (user + system) / 1000 };
};
const dir = await mkdtemp(path.join(tmpdir(), 'tonghop-bench-'));
try {
  const { unitsDir } = await writeCity(city, dir, () => undefined);
  const units = city.units.map((u) => u.profile.unit);
  const sweepInto = (db: Firestore, only: readonly Unit[]) =>
    sweep({
      units: only,
      forms: city.specs,
      source: new UnitWorkbookFolder(unitsDir),
      store: new FirestoreSweepStore(db),
      now: SWEPT_AT,
    });
  await sweepInto(database('warmup'), units.slice(0, WARM_UP_UNITS));
  const pipeline = database('workbooks');
  const cold = await timed(() => sweepInto(pipeline, units));
  const documents = await readPipelineDocuments(pipeline);
  const floor = await timed(() => runFloor(database('floor'), unitsDir, units, cold.value, documents, () => undefined));
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  createOutput({ json: false }).print(
    `${units.length} units: cold sweep ${s(cold.ms)} (CPU ${s(cold.cpuMs)}, ${cold.value.totals.writes} writes), ` +
      `floor ${s(floor.ms)} (CPU ${s(floor.cpuMs)}, exceljs load ${s(floor.value.parseMs)}, ${floor.value.documents} writes); ` +
      `pipeline ÷ floor ${(cold.ms / floor.ms).toFixed(2)} × (CPU ${(cold.cpuMs / floor.cpuMs).toFixed(2)} ×)`,
  );
} finally {
  await databases.close();
  await rm(dir, { recursive: true, force: true });
}
