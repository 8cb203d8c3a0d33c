/**
 * `npm run bench`: the city-scale benchmark of issue 7. Builds a synthetic city, then in one run
 * against a real Firestore emulator measures the cold, warm and incremental sweeps, the floor
 * (exceljs + BulkWriter), a naive baseline, the Google adapter on the Sheets/Drive stand-in and
 * the notices through a local SMTP server; prints the tables and writes bench/results.json.
 */
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Firestore } from '@google-cloud/firestore';
import { loadBuiltinForms } from '../functions/src/adapters/catalog/builtin-forms.js';
import { FirestoreSweepStore } from '../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../functions/src/adapters/workbook/unit-workbook-folder.js';
import { createOutput, type Output } from '../functions/src/cli/output.js';
import type { Unit } from '../functions/src/domain/units/unit.js';
import { createPrng } from '../functions/src/demo/prng.js';
import { sweep, type SweepInput } from '../functions/src/jobs/sweep/sweep.js';
import { buildCity, type City } from './city.js';
import { openBenchDatabases } from './databases.js';
import { measureColdStarts } from './cold-start.js';
import { FLOOR_PAIRS, readPipelineDocuments, runFloor, type FloorPair } from './floor.js';
import { runGoogleCity } from './google-city.js';
import { runGoogleSweeps } from './google-sweeps.js';
import { runLargeRegistry } from './large-registry.js';
import { measure } from './measure.js';
import { runNaive } from './naive.js';
import { runNextDay } from './next-day.js';
import { notifyCity } from './notify-city.js';
import { BenchUsageError, parseBenchOptions, type BenchOptions } from './options.js';
import { formatResults } from './print-results.js';
import { summarize } from './results.js';
import { resendWithOneRowChanged, writeCity } from './write-city.js';

/** The city's clock (Asia/Ho_Chi_Minh = UTC+7): the cold and warm sweeps at 07g30 17/09/2024, two days after the training's deadline. */
const SWEPT_AT = new Date('2024-09-17T00:30:00Z');
/** The changed units send their file again at 10g00, swept at 11g00; the notices go out at 12g00. */
const RESENT_AT = new Date('2024-09-17T03:00:00Z');
const INCREMENTAL_AT = new Date('2024-09-17T04:00:00Z');
const NOTIFIED_AT = new Date('2024-09-17T05:00:00Z');
/**
 * The day's full run (statuses, summary, feedback) at 13g00 18/09, and again at 13g00 19/09 with nothing changed. The
 * last late file came in at 21g00 16/09 and the resends at 10g00 17/09, so neither day's "Mới nộp đủ từ hôm qua" on the
 * front page counts anything: the day after activity legitimately rewrites the summary once, to clear that count.
 */
const DAILY_AT = new Date('2024-09-18T06:00:00Z');
/** Units swept into a throw-away project first, so neither node nor the emulator's JVM is measured cold. */
const WARM_UP_UNITS = 30;

async function main(options: BenchOptions, out: Output): Promise<boolean> {
  const started = performance.now();
  const formsDir = path.resolve('sheets-templates', 'forms');
  await access(formsDir).catch(() => {
    throw new BenchUsageError(`No ${formsDir}: run the benchmark from the repository root, with npm run bench.`);
  });
  const catalog = await loadBuiltinForms(formsDir);
  const city = buildCity(catalog, options.units, options.seed);
  out.log(`Starting the Firestore emulator (or using FIRESTORE_EMULATOR_HOST)…`);
  const databases = await openBenchDatabases();
  const { emulator, database } = databases;
  let dir: string | undefined;
  try {
    const cityDir = (dir = await mkdtemp(path.join(tmpdir(), 'tonghop-bench-')));
    const written = await measure(() =>
      withProgress(out, `Writing ${city.units.length} unit workbooks`, city.units.length, (tick) =>
        writeCity(city, cityDir, tick),
      ),
    );
    const { unitsDir } = written.value;
    const units = city.units.map((u) => u.profile.unit);
    const sweepInto = (db: Firestore, label: string, now: Date, only: readonly Unit[] = units) =>
      withProgress(out, label, only.length, (tick) =>
        sweep({
          units: only,
          forms: city.specs,
          source: new UnitWorkbookFolder(unitsDir),
          store: new FirestoreSweepStore(db),
          now,
          onUnitDone: tick,
        } satisfies SweepInput),
      );

    await sweepInto(database('warmup'), 'Warm-up sweep (not measured)', SWEPT_AT, units.slice(0, WARM_UP_UNITS));
    const pipeline = database('workbooks');
    const pipelineProjectId = databases.projectIdOf(pipeline);
    const cold = await measure(() => sweepInto(pipeline, '1 cold sweep', SWEPT_AT));
    // What the cold sweep stored, read back before anything else writes: the floor writes these very documents.
    const coldDocuments = await readPipelineDocuments(pipeline);
    const warm = await measure(() => sweepInto(pipeline, '2 warm sweep', SWEPT_AT));
    const changed = changedUnits(city, options);
    for (const cityUnit of changed) await resendWithOneRowChanged(city, unitsDir, cityUnit, RESENT_AT);
    const incremental = await measure(() =>
      sweepInto(pipeline, `3 incremental sweep (${changed.length} units changed)`, INCREMENTAL_AT),
    );

    // On 2 cores shared with the emulator's JVM the ratio moves by ±0.2 from one run to the next: three pairs, each a
    // cold sweep (the first is step 1's; the others into a fresh project) and right after it the floor; the median pair
    // is the one judged.
    const floorPairs: FloorPair[] = [];
    for (let k = 0; k < FLOOR_PAIRS; k++) {
      const pair = `(${k + 1}/${FLOOR_PAIRS})`;
      const coldAgain =
        k === 0
          ? cold
          : await measure(() => sweepInto(database(`workbooks-${k}`), `4 cold sweep again ${pair}`, SWEPT_AT));
      const floor = await measure(() =>
        withProgress(out, `4 floor (exceljs + BulkWriter) ${pair}`, units.length, (tick) =>
          runFloor(database(`floor-${k}`), unitsDir, units, cold.value, coldDocuments, tick),
        ),
      );
      floorPairs.push({ coldMs: coldAgain.ms, coldWrites: coldAgain.value.totals.writes, floor });
    }
    const naiveDb = database('naive');
    naiveDb.settings({ ignoreUndefinedProperties: true });
    const sample = naiveSample(city, options.naiveSample);
    const naive = await measure(() =>
      withProgress(out, `5 naive baseline (${sample.length} units)`, sample.length, (tick) =>
        runNaive(naiveDb, unitsDir, sample, city.specs, tick),
      ),
    );

    const google = await runGoogleSweeps(database('google'), city, unitsDir, options.latencyMs, {
      seeded: progressTicker(out, '6 seeding the Sheets/Drive stand-in', city.units.length),
      swept: (label) => progressTicker(out, `6 ${label}`, units.length),
    });
    // Twice the bench city: the issue's 2,000 units at the default --units 1000.
    const googleCity = await runGoogleCity(database('google-city'), city, unitsDir, options.units * 2, {
      seeded: progressTicker(out, '6b seeding the Google city', options.units * 2),
      swept: (label) => progressTicker(out, `6b ${label}`, options.units * 2),
    });
    out.log('7 notices through a local SMTP server…');
    const notices = await notifyCity(pipeline, city, NOTIFIED_AT);
    const nextDay = await runNextDay(pipeline, city, unitsDir, path.join(cityDir, 'tong-hop.xlsx'), DAILY_AT, (label) =>
      out.log(`${label}…`),
    );
    out.log('10 cold start: importing functions/lib/index.js per function target…');
    const coldStart = await measureColdStarts(process.cwd());
    out.log(
      `11 a registry of ${options.units * 10} units (the city's, and units that never sent a file): daily run and notify…`,
    );
    const largeRegistry = await runLargeRegistry(
      {
        units: options.units,
        seed: options.seed,
        emulatorHost: emulator.host,
        projectId: pipelineProjectId,
        unitsDir,
        summaryFile: path.join(cityDir, 'tong-hop-large-registry.xlsx'),
      },
      city,
      DAILY_AT,
      options.units * 10,
    );

    const results = summarize({
      options,
      city,
      written,
      cold,
      warm,
      changedUnits: changed.length,
      incremental,
      floorPairs,
      naive,
      google,
      googleCity,
      notices,
      nextDay,
      coldStart,
      largeRegistry,
      totalMs: performance.now() - started,
    });
    out.print(formatResults(results));
    await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    await writeFile(options.out, `${JSON.stringify(results, null, 2)}\n`);
    out.print(`Results written to ${options.out}${options.keep ? `; the city is kept in ${dir}` : ''}.`);
    return results.checks.every((c) => c.pass);
  } finally {
    await databases.close();
    if (dir !== undefined && !options.keep) await rm(dir, { recursive: true, force: true });
  }
}

/** The units that send their file again: 5 % of the city, drawn among those that sent one. */
function changedUnits(city: City, options: BenchOptions) {
  const sent = city.units.filter((u) => u.sentAt !== null);
  return createPrng(options.seed + 7).sample(sent, Math.max(1, Math.round(city.units.length * options.changedShare)));
}

/** Every k-th unit that sent a file, so the sample has the city's mix of unit types. */
function naiveSample(city: City, size: number): Unit[] {
  const sent = city.units.filter((u) => u.sentAt !== null).map((u) => u.profile.unit);
  const step = Math.max(1, Math.floor(sent.length / size));
  return sent.filter((_, i) => i % step === 0).slice(0, size);
}

function progressTicker(out: Output, label: string, total: number): (done: number) => void {
  const progress = out.progress(label, total);
  return (done) => {
    progress.tick(done);
    if (done === total) progress.stop();
  };
}

async function withProgress<T>(
  out: Output,
  label: string,
  total: number,
  work: (tick: (done: number) => void) => Promise<T>,
): Promise<T> {
  const progress = out.progress(label, total);
  try {
    return await work((done) => progress.tick(done));
  } finally {
    progress.stop();
  }
}

const out = createOutput({ json: false });
try {
  const ok = await main(parseBenchOptions(process.argv.slice(2)), out);
  if (!ok) {
    out.log('A check failed (see the Check table): the figures above are not to be trusted.');
    process.exitCode = 1;
  }
} catch (error) {
  out.log(
    error instanceof BenchUsageError ? error.message : `Benchmark failed: ${(error as Error).stack ?? String(error)}`,
  );
  process.exitCode = 1;
}
