import os from 'node:os';
import type { SweepResult } from '../functions/src/jobs/sweep/sweep.js';
import type { City } from './city.js';
import type { ColdStart } from './cold-start.js';
import { medianPair, type FloorPair } from './floor.js';
import { largeRegistryTarget, type LargeRegistryRun } from './large-registry.js';
import { googleCityVerdicts, type GoogleCity } from './google-city.js';
import type { GoogleSweep, GoogleSweeps } from './google-sweeps.js';
import type { Measured } from './measure.js';
import type { NaiveRun } from './naive.js';
import type { NextDayRuns } from './next-day.js';
import type { CityNotices } from './notify-city.js';
import type { BenchOptions } from './options.js';
import type { WrittenCity } from './write-city.js';

/** Everything one run measured, as written to bench/results.json. */
export type BenchResults = Figures & {
  readonly generatedAt: string;
  /** `loadAverage`: the 1, 5 and 15 minute load averages when the run ended (the machine is shared). */
  readonly machine: {
    readonly node: string;
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryMb: number;
    readonly loadAverage: readonly number[];
  };
  readonly options: Omit<BenchOptions, 'out' | 'keep'>;
  /** The performance targets. */
  readonly targets: readonly Verdict[];
  /** What must hold for the numbers to mean anything (a failure is a bug, and fails the run). */
  readonly checks: readonly Verdict[];
  readonly processMaxRssMb: number;
  readonly totalSeconds: number;
};

export interface GoogleSummary {
  readonly seconds: number;
  readonly requests: Readonly<Record<string, number>>;
  readonly totalRequests: number;
  readonly retries: number;
  readonly unitsRead: number;
  readonly writes: number;
  /** The same requests at Google's 300 requests a minute (project quota), and at the default 60 per user. */
  readonly minutesAt300PerMinute: number;
  readonly minutesAt60PerMinute: number;
  /** The process holds the stand-in too (every spreadsheet of the city, in memory): not a sweep's own footprint. */
  readonly peakRssMb: number;
}

export interface Verdict {
  readonly name: string;
  readonly measured: string;
  readonly pass: boolean;
}

/** The raw outcome of every step of a run. */
export interface BenchSteps {
  readonly options: BenchOptions;
  readonly city: City;
  readonly written: Measured<WrittenCity>;
  readonly cold: Measured<SweepResult>;
  readonly warm: Measured<SweepResult>;
  readonly changedUnits: number;
  readonly incremental: Measured<SweepResult>;
  /** The cold sweep and the floor, measured in pairs (floor.ts). */
  readonly floorPairs: readonly FloorPair[];
  readonly naive: Measured<NaiveRun>;
  readonly google: GoogleSweeps;
  readonly googleCity: GoogleCity;
  readonly notices: CityNotices;
  readonly nextDay: NextDayRuns;
  readonly coldStart: Readonly<Record<string, ColdStart>>;
  readonly largeRegistry: LargeRegistryRun;
  readonly totalMs: number;
}

const MB = 1024 * 1024;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const seconds = (ms: number) => round(ms / 1000, 2);

type Figures = ReturnType<typeof figuresOf>;

/** The figures of each step. */
function figuresOf(steps: BenchSteps) {
  const { city, written, cold, warm, incremental, naive, google, notices } = steps;
  const { floor, ratio: pipelineOverFloor } = medianPair(steps.floorPairs);
  const lienDoi = city.units.filter((u) => u.profile.unit.type === 'lien-doi').length;
  const coldRows = cold.value.totals.rowsRead;
  const naiveMsPerRow = naive.value.rows === 0 ? 0 : naive.ms / naive.value.rows;
  const naiveCityMs = naiveMsPerRow * coldRows;
  const pipelineWritesOverRuns = cold.value.totals.writes + warm.value.totals.writes + incremental.value.totals.writes;
  const sendingMs = notices.sendingMs;
  return {
    city: {
      units: city.units.length,
      lienDoi,
      coSoDoan: city.units.length - lienDoi,
      workbooks: written.value.files,
      missing: city.units.filter((u) => u.delivery === 'missing').length,
      late: city.units.filter((u) => u.delivery === 'late').length,
      rows: written.value.rows,
      mistypedRows: written.value.mistyped,
      megabytes: round(written.value.bytes / MB, 1),
      generateSeconds: seconds(written.ms),
    },
    cold: {
      seconds: seconds(cold.ms),
      rows: coldRows,
      rowsPerSecond: Math.round(coldRows / (cold.ms / 1000)),
      rowsRejected: cold.value.totals.rowsRejected,
      workbooksParsed: cold.value.totals.unitsRead,
      submissionsWritten: cold.value.totals.submissionsWritten,
      writes: cold.value.totals.writes,
      peakRssMb: Math.round(cold.peakRssBytes / MB),
      startRssMb: Math.round(cold.startRssBytes / MB),
    },
    warm: {
      seconds: seconds(warm.ms),
      shareOfCold: round(warm.ms / cold.ms, 4),
      writes: warm.value.totals.writes,
      workbooksParsed: warm.value.totals.unitsRead,
    },
    incremental: {
      seconds: seconds(incremental.ms),
      changedUnits: steps.changedUnits,
      changedSubmissions: steps.changedUnits,
      workbooksParsed: incremental.value.totals.unitsRead,
      submissionsWritten: incremental.value.totals.submissionsWritten,
      writes: incremental.value.totals.writes,
    },
    floor: {
      seconds: seconds(floor.ms),
      exceljsLoadSeconds: seconds(floor.value.parseMs),
      workbooks: floor.value.files,
      documents: floor.value.documents,
      pipelineOverFloor: round(pipelineOverFloor),
      pairs: steps.floorPairs.map((p) => ({
        coldSeconds: seconds(p.coldMs),
        floorSeconds: seconds(p.floor.ms),
        pipelineOverFloor: round(p.coldMs / p.floor.ms),
      })),
    },
    naive: {
      sampleUnits: naive.value.units,
      sampleRows: naive.value.rows,
      sampleSeconds: seconds(naive.ms),
      cityWrites: coldRows,
      citySecondsExtrapolated: seconds(naiveCityMs),
      timeOverPipeline: round(naiveCityMs / cold.ms),
      writesOverPipeline: round(coldRows / cold.value.totals.writes),
      writesOverPipelineColdWarmIncremental: round((3 * coldRows) / pipelineWritesOverRuns),
    },
    google: {
      spreadsheets: google.spreadsheets,
      latencyMs: google.latencyMs,
      cold: googleSummary(google.cold),
      warm: googleSummary(google.warm),
    } as const,
    googleCity: steps.googleCity,
    /** Import of functions/lib/index.js per FUNCTION_TARGET, ms; the handler's own code loads on its first call. */
    coldStart: Object.fromEntries(Object.entries(steps.coldStart).map(([name, c]) => [name, c.importMs])),
    firstCallLoad: Object.fromEntries(Object.entries(steps.coldStart).map(([name, c]) => [name, c.handlerLoadMs])),
    notices: {
      seconds: seconds(notices.run.ms),
      sendingSeconds: seconds(sendingMs),
      notices: notices.notices,
      overdueUnits: notices.overdueUnits,
      messagesAccepted: notices.accepted,
      messagesPerSecond: sendingMs === 0 ? 0 : round(notices.accepted / (sendingMs / 1000), 1),
      messagesPerSecondWholeRun: round(notices.accepted / (notices.run.ms / 1000), 1),
    },
    nextDay: steps.nextDay,
    largeRegistry: steps.largeRegistry,
  };
}

/** Turn the steps into the figures, the targets and the checks. */
export function summarize(steps: BenchSteps): BenchResults {
  const { options, city, written, google, notices } = steps;
  const { floor } = medianPair(steps.floorPairs);
  const results = figuresOf(steps);
  const coldRows = results.cold.rows;
  const listingPages = Math.ceil(google.spreadsheets / 1000);

  const ratio = (n: number) => `${n.toFixed(2)} ×`;
  const targets: Verdict[] = [
    {
      name: 'pipeline ≤ 1.3 × floor',
      measured: ratio(results.floor.pipelineOverFloor),
      pass: results.floor.pipelineOverFloor <= 1.3,
    },
    {
      name: 'warm ≤ 5 % of cold',
      measured: `${(results.warm.shareOfCold * 100).toFixed(1)} %`,
      pass: results.warm.shareOfCold <= 0.05,
    },
    {
      name: '≥ 10 × fewer writes than naive',
      measured: ratio(results.naive.writesOverPipeline),
      pass: results.naive.writesOverPipeline >= 10,
    },
    {
      name: `peak RSS ≤ 512 MB (cold sweep, ${city.units.length.toLocaleString('en-US')} units)`,
      measured: `${results.cold.peakRssMb} MB`,
      pass: results.cold.peakRssMb <= 512,
    },
    {
      name: 'Sheets requests, cold ≤ 1 listing/1,000 files + 1/spreadsheet',
      measured: `${google.cold.totalRequests} ≤ ${listingPages} + ${google.spreadsheets}`,
      pass:
        google.cold.totalRequests <= listingPages + google.spreadsheets &&
        (google.cold.requests['files.list'] ?? 0) <= listingPages,
    },
    nextDayTarget(steps.nextDay),
    googleCityVerdicts(steps.googleCity).target,
    {
      name: 'cold start import < 400 ms',
      measured: `${Math.max(...Object.values(results.coldStart))} ms (slowest target)`,
      pass: Object.values(results.coldStart).every((ms) => ms < 400),
    },
    largeRegistryTarget(steps.largeRegistry),
  ];
  const checks: Verdict[] = [
    {
      name: 'cold: every generated row read',
      measured: `${coldRows} of ${written.value.rows}`,
      pass: coldRows === written.value.rows,
    },
    {
      name: 'cold: every mistyped row rejected, no other',
      measured: `${results.cold.rowsRejected} of ${written.value.mistyped}`,
      pass: results.cold.rowsRejected === written.value.mistyped,
    },
    { name: 'warm: no write', measured: String(results.warm.writes), pass: results.warm.writes === 0 },
    {
      name: 'warm: no workbook parsed',
      measured: String(results.warm.workbooksParsed),
      pass: results.warm.workbooksParsed === 0,
    },
    {
      name: 'incremental: only changed workbooks parsed; submissions written = changed',
      measured: `${results.incremental.workbooksParsed}; ${results.incremental.submissionsWritten} = ${steps.changedUnits}`,
      pass:
        results.incremental.submissionsWritten === steps.changedUnits &&
        results.incremental.workbooksParsed === steps.changedUnits,
    },
    {
      // Each changed submission was at its first version: revision 1 joins the trail, then revision 2 and the submission.
      name: 'incremental: writes = 3 per first change + 1 per unit + run record',
      measured: `${results.incremental.writes} = ${4 * steps.changedUnits + 1}`,
      pass: results.incremental.writes === 4 * steps.changedUnits + 1,
    },
    {
      name: 'floor: as many documents as the pipeline',
      measured: `${floor.value.documents} = ${results.cold.writes}`,
      pass: floor.value.documents === results.cold.writes,
    },
    {
      name: 'floor pairs: every cold sweep wrote as many documents as step 1',
      measured: steps.floorPairs.map((p) => p.coldWrites).join(' / '),
      pass: steps.floorPairs.every((p) => p.coldWrites === results.cold.writes),
    },
    {
      name: 'Google: cold reads every spreadsheet, warm none and writes nothing',
      measured: `${results.google.cold.unitsRead} / ${results.google.warm.unitsRead} / ${results.google.warm.writes}`,
      pass:
        results.google.cold.unitsRead === google.spreadsheets &&
        results.google.warm.unitsRead === 0 &&
        results.google.warm.writes === 0,
    },
    googleCityVerdicts(steps.googleCity).check,
    {
      name: 'notices: every one accepted, plus the digest',
      measured: `${notices.accepted} = ${notices.notices} + 1`,
      pass: notices.accepted === notices.notices + 1 && notices.run.value.outcomes.every((o) => o.result === 'sent'),
    },
    nextDayCheck(steps.nextDay),
  ];

  return {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '',
      memoryMb: Math.round(os.totalmem() / MB),
      loadAverage: os.loadavg().map((l) => round(l, 1)),
    },
    options: {
      units: options.units,
      seed: options.seed,
      changedShare: options.changedShare,
      naiveSample: options.naiveSample,
      latencyMs: options.latencyMs,
    },
    ...results,
    targets,
    checks,
    processMaxRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
    totalSeconds: seconds(steps.totalMs),
  };
}

function googleSummary(run: GoogleSweep): GoogleSummary {
  return {
    seconds: seconds(run.run.ms),
    requests: run.requests,
    totalRequests: run.totalRequests,
    retries: run.retries,
    unitsRead: run.run.value.totals.unitsRead,
    writes: run.run.value.totals.writes,
    minutesAt300PerMinute: round(run.totalRequests / 300, 2),
    minutesAt60PerMinute: round(run.totalRequests / 60, 2),
    peakRssMb: Math.round(run.run.peakRssBytes / MB),
  };
}

/** Issue 17: a day later with nothing changed, the daily run writes nothing at all. */
function nextDayTarget({ nextDay }: NextDayRuns): Verdict {
  const writes = nextDay.firestoreDocs + nextDay.workbookWrites;
  return {
    name: 'next day, nothing changed: 0 writes',
    measured: `${nextDay.firestoreDocs} Firestore docs + ${nextDay.workbookWrites} workbooks (${nextDay.filesTouched} files touched)`,
    pass: writes === 0 && nextDay.filesTouched === 0,
  };
}

/** The day before must have written the feedback, or the next day's 0 proves nothing. */
function nextDayCheck({ day }: NextDayRuns): Verdict {
  return {
    name: 'daily run: summary and unit feedback written',
    measured: `${day.workbookWrites} workbooks, ${day.filesTouched} files touched`,
    pass: day.workbookWrites > 1 && day.filesTouched === day.workbookWrites,
  };
}
