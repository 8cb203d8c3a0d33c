import type { Firestore } from '@google-cloud/firestore';
import { FirestoreNoticeLedger } from '../functions/src/adapters/store/firestore-notice-ledger.js';
import { FirestoreSummaryStore } from '../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../functions/src/adapters/store/firestore-sweep-store.js';
import { SummaryWorkbookFile } from '../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../functions/src/adapters/workbook/unit-workbook-folder.js';
import { DEFAULT_NOTICE_POLICY } from '../functions/src/domain/notices/notice-kinds.js';
import type { Unit } from '../functions/src/domain/units/unit.js';
import { ingestUnit } from '../functions/src/jobs/ingest/ingest-unit.js';
import { notify } from '../functions/src/jobs/notify/notify.js';
import { summarize } from '../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../functions/src/jobs/sweep/sweep.js';
import type { City } from './city.js';
import { measure } from './measure.js';
import { resendWithOneRowChanged } from './write-city.js';

/** One step of the large-registry run: wall time, peak RSS and RSS at its start, in MB. */
export interface RegistryStep {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly startRssMb: number;
}

export interface LargeRegistryRun {
  /** Units in the registry: the city's, plus units that never sent a file. */
  readonly registryUnits: number;
  readonly unitsWithFiles: number;
  /** The sweep function's step: sweep, statistics, summary workbook and every unit's feedback. */
  readonly daily: RegistryStep;
  /** The notices function's step, as a dry run (what is decided, not the SMTP pool). */
  readonly notices: RegistryStep & { readonly decided: number };
  /** The sheetEvent function's step (512 MiB): one unit sent its file again with a row changed. */
  readonly webhook: RegistryStep & { readonly statsWritten: number };
}

const MB = 1024 * 1024;

/**
 * Issue 11's "memory at 10,000 units": a registry ten times the city (the extra units never sent a
 * file, so they are expected, chased and listed everywhere), run through the daily sweep + summary +
 * feedback, through `notify`, and through one webhook ingest. Each step's peak RSS is compared with the function memory the
 * deploy plan gives it (functions/src/handlers/function-list.ts: the sweep 1 GiB, notices 512 MiB).
 */
export async function runLargeRegistry(
  db: Firestore,
  city: City,
  unitsDir: string,
  summaryFile: string,
  at: Date,
  registrySize: number,
): Promise<LargeRegistryRun> {
  const cityUnits = city.units.map((u) => u.profile.unit);
  const units = [...cityUnits, ...silentUnits(cityUnits, registrySize - cityUnits.length)];
  const folder = new UnitWorkbookFolder(unitsDir);
  const daily = await measure(async () => {
    await sweep({ units, forms: city.specs, source: folder, store: new FirestoreSweepStore(db), now: at });
    await summarize({
      settings: city.settings,
      units,
      forms: city.specs,
      store: new FirestoreSummaryStore(db),
      output: new SummaryWorkbookFile(summaryFile),
      feedback: folder,
      notices: new FirestoreNoticeLedger(db),
      now: at,
    });
  });
  const notices = await measure(() =>
    notify({
      settings: city.settings,
      units,
      forms: city.specs,
      store: new FirestoreSummaryStore(db),
      ledger: new FirestoreNoticeLedger(db),
      mailer: {
        description: 'none (dry run)',
        send: () => Promise.reject(new Error('dry run sends nothing')),
        close: () => Promise.resolve(),
      },
      policy: DEFAULT_NOTICE_POLICY,
      now: at,
      dryRun: true,
      sheetLinkOf: (unit) => `tệp ${unit.source}`,
    }),
  );
  const sender = city.units.find((u) => u.sentAt !== null)!;
  const resentAt = new Date(at.getTime() + 3_600_000);
  await resendWithOneRowChanged(city, unitsDir, sender, resentAt);
  const webhook = await measure(() =>
    ingestUnit({
      action: 'edit',
      unit: sender.profile.unit,
      units,
      forms: city.specs,
      settings: city.settings,
      sheets: folder,
      sweepStore: new FirestoreSweepStore(db),
      store: new FirestoreSummaryStore(db),
      now: resentAt,
    }),
  );
  return {
    registryUnits: units.length,
    unitsWithFiles: cityUnits.length,
    daily: step(daily),
    notices: { ...step(notices), decided: notices.value.outcomes.length },
    webhook: { ...step(webhook), statsWritten: webhook.value.statsWritten },
  };
}

/** `count` more units shaped like the city's (types, levels, clusters in turn), each with a file name no file has. */
function silentUnits(like: readonly Unit[], count: number): Unit[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => {
    const model = like[i % like.length]!;
    const id = `khong-gui-${i + 1}`;
    return {
      ...model,
      id,
      name: `${model.name} (bản sao ${i + 1})`,
      aliases: undefined,
      parent: undefined,
      source: `${id}.xlsx`,
      contacts: [{ name: '', email: `${id}@example.invalid` }],
    };
  });
}

function step(m: { ms: number; peakRssBytes: number; startRssBytes: number }): RegistryStep {
  return {
    seconds: Number((m.ms / 1000).toFixed(2)),
    peakRssMb: Math.round(m.peakRssBytes / MB),
    startRssMb: Math.round(m.startRssBytes / MB),
  };
}

/** The step rows of the printed table. */
export function largeRegistryStepRows(r: LargeRegistryRun): string[][] {
  const n = (x: number) => x.toLocaleString('en-US');
  const rss = (step: RegistryStep) => `peak RSS ${n(step.peakRssMb)} MB (${n(step.startRssMb)} MB at start)`;
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
      `${n(r.notices.decided)} notices decided; ${rss(r.notices)}, after step 11's daily run in this process`,
    ],
    [
      `11 webhook ingest, ${n(r.registryUnits)}-unit registry`,
      `${r.webhook.seconds.toFixed(1)} s`,
      '',
      `one unit resent with a row changed, ${n(r.webhook.statsWritten)} statistics written; ${rss(r.webhook)}, after the steps above`,
    ],
  ];
}

/**
 * The sweep function's step within its memory (1 GiB). Notify and the webhook run after it in the same
 * process, whose RSS does not shrink, so their peaks are printed but not judged here.
 */
export function largeRegistryTarget(r: LargeRegistryRun): { name: string; measured: string; pass: boolean } {
  return {
    name: `${r.registryUnits.toLocaleString('en-US')}-unit registry: daily run ≤ 1,024 MB peak RSS`,
    measured: `${r.daily.peakRssMb} MB (${r.daily.startRssMb} MB at start)`,
    pass: r.daily.peakRssMb <= 1024,
  };
}
