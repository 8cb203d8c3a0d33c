import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLOUD_FUNCTIONS, type FunctionName } from '../functions/src/handlers/function-list.js';
import type { City } from './city.js';
import type { RegistryStepAnswer, RegistryStepName, RegistryStepOrder } from './large-registry-step.js';

/** One step of the large-registry run, in its own process: wall time and that process's peak RSS, in MB. */
export interface RegistryStep {
  readonly seconds: number;
  readonly peakRssMb: number;
  /** The memory the deploy plan gives the function that runs this step, in MB. */
  readonly limitMb: number;
}

export interface LargeRegistryRun {
  /** Units in the registry: the city's, plus units that never sent a file. */
  readonly registryUnits: number;
  readonly unitsWithFiles: number;
  /** The sweep function's step: sweep, statistics, summary workbook and every unit's feedback. */
  readonly daily: RegistryStep;
  /** The notices function's step, as a dry run (what is decided, not the SMTP pool). */
  readonly notices: RegistryStep & { readonly decided: number };
  /** The sheetEvent function's step: one unit sent its file again with a row changed. */
  readonly webhook: RegistryStep & { readonly statsWritten: number };
}

/** Where step 11 runs: the city, its folder and the database the earlier steps filled. */
export interface LargeRegistryPlace {
  readonly units: number;
  readonly seed: number;
  readonly emulatorHost: string;
  readonly projectId: string;
  readonly unitsDir: string;
  readonly summaryFile: string;
}

/**
 * Issue 11's "memory at 10,000 units": a registry ten times the city (the extra units never sent a file, so they are
 * expected, chased and listed everywhere), run through the daily sweep + summary + feedback, through `notify`, and
 * through one webhook ingest. Each step runs in a fresh process, as its function does, and its peak RSS is held
 * against the memory the deploy plan gives that function (functions/src/handlers/function-list.ts).
 */
export async function runLargeRegistry(
  place: LargeRegistryPlace,
  city: City,
  at: Date,
  registrySize: number,
): Promise<LargeRegistryRun> {
  const run = (step: RegistryStepName) =>
    runStepProcess({ ...place, step, registrySize, at: at.toISOString() } satisfies RegistryStepOrder);
  const daily = await run('daily');
  const notices = await run('notices');
  const webhook = await run('webhook');
  return {
    registryUnits: registrySize,
    unitsWithFiles: city.units.length,
    daily: step(daily, 'scheduledSweep'),
    notices: { ...step(notices, 'scheduledNotices'), decided: notices.count },
    webhook: { ...step(webhook, 'sheetEvent'), statsWritten: webhook.count },
  };
}

/** Fork the step's process and wait for its one answer. */
function runStepProcess(order: RegistryStepOrder): Promise<RegistryStepAnswer> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./large-registry-step.js', import.meta.url)), [JSON.stringify(order)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: RegistryStepAnswer | undefined;
    child.on('message', (message) => (answer = message as RegistryStepAnswer));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      answer && code === 0
        ? resolve(answer)
        : reject(new Error(`bench step 11 (${order.step}) ended with ${signal ?? `exit code ${code}`}`)),
    );
  });
}

function step(answer: RegistryStepAnswer, functionName: FunctionName): RegistryStep {
  return {
    seconds: Number(answer.seconds.toFixed(2)),
    peakRssMb: answer.peakRssMb,
    limitMb: memoryMb(CLOUD_FUNCTIONS.find((f) => f.name === functionName)!.memory),
  };
}

/** '512Mi' → 512, '1Gi' → 1024. */
function memoryMb(memory: string): number {
  const [, amount, unit] = /^(\d+)(Mi|Gi)$/.exec(memory) ?? [];
  if (!amount) throw new Error(`unexpected function memory '${memory}'`);
  return Number(amount) * (unit === 'Gi' ? 1024 : 1);
}

/** The step rows of the printed table. */
export function largeRegistryStepRows(r: LargeRegistryRun): string[][] {
  const n = (x: number) => x.toLocaleString('en-US');
  const rss = (step: RegistryStep) => `peak RSS ${n(step.peakRssMb)} MB of the function's ${n(step.limitMb)} MB`;
  return [
    [
      `11 daily run, ${n(r.registryUnits)}-unit registry`,
      `${r.daily.seconds.toFixed(1)} s`,
      '',
      `${n(r.unitsWithFiles)} units with files, the rest never sent one; ${rss(r.daily)}`,
    ],
    [
      `11 notify (dry run), ${n(r.registryUnits)}-unit registry`,
      `${r.notices.seconds.toFixed(1)} s`,
      '',
      `${n(r.notices.decided)} notices decided; ${rss(r.notices)}`,
    ],
    [
      `11 webhook ingest, ${n(r.registryUnits)}-unit registry`,
      `${r.webhook.seconds.toFixed(1)} s`,
      '',
      `one unit resent with a row changed, ${n(r.webhook.statsWritten)} statistics written; ${rss(r.webhook)}`,
    ],
  ];
}

/** Each step within the memory of the function that runs it, each measured in a fresh process. */
export function largeRegistryTarget(r: LargeRegistryRun): { name: string; measured: string; pass: boolean } {
  const steps = [r.daily, r.notices, r.webhook];
  return {
    name: `${r.registryUnits.toLocaleString('en-US')}-unit registry: each step within its function's memory`,
    measured: `daily run ${r.daily.peakRssMb}/${r.daily.limitMb} MB, notify ${r.notices.peakRssMb}/${r.notices.limitMb} MB, webhook ${r.webhook.peakRssMb}/${r.webhook.limitMb} MB`,
    pass: steps.every((s) => s.peakRssMb <= s.limitMb),
  };
}
