/**
 * One step of bench step 11 in a process of its own, as the deployed function runs it: a fresh process whose peak
 * RSS (the kernel's own high-water mark, module loading included) is the figure to hold against the function's
 * memory. Forked by large-registry.ts with one JSON argument; answers with one IPC message.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBuiltinForms } from '../functions/src/adapters/catalog/builtin-forms.js';
import { createFirestore } from '../functions/src/adapters/store/firestore-client.js';
import { FirestoreNoticeLedger } from '../functions/src/adapters/store/firestore-notice-ledger.js';
import { FirestoreSummaryStore } from '../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../functions/src/adapters/store/firestore-sweep-store.js';
import { SummaryWorkbookFile } from '../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../functions/src/adapters/workbook/unit-workbook-folder.js';
import { DEFAULT_NOTICE_POLICY } from '../functions/src/domain/notices/notice-kinds.js';
import { ingestUnit } from '../functions/src/jobs/ingest/ingest-unit.js';
import { notify } from '../functions/src/jobs/notify/notify.js';
import { summarize } from '../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../functions/src/jobs/sweep/sweep.js';
import { buildCity } from './city.js';
import { registryOf } from './large-registry-units.js';
import { resendWithOneRowChanged } from './write-city.js';

export type RegistryStepName = 'daily' | 'notices' | 'webhook';

/** What the parent tells the child: which step, and where the city and its database are. */
export interface RegistryStepOrder {
  readonly step: RegistryStepName;
  readonly units: number;
  readonly seed: number;
  readonly registrySize: number;
  readonly emulatorHost: string;
  readonly projectId: string;
  readonly unitsDir: string;
  readonly summaryFile: string;
  readonly at: string;
}

/** The child's answer. `count` is the step's own figure: notices decided, or statistics written. */
export interface RegistryStepAnswer {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly count: number;
}

async function runStep(order: RegistryStepOrder): Promise<RegistryStepAnswer> {
  const catalog = await loadBuiltinForms(path.resolve('sheets-templates', 'forms'));
  const city = buildCity(catalog, order.units, order.seed);
  const units = registryOf(city, order.registrySize);
  const at = new Date(order.at);
  const db = createFirestore({ projectId: order.projectId, emulatorHost: order.emulatorHost });
  const folder = new UnitWorkbookFolder(order.unitsDir);
  const started = performance.now();
  let count = 0;
  try {
    if (order.step === 'daily') {
      await sweep({ units, forms: city.specs, source: folder, store: new FirestoreSweepStore(db), now: at });
      await summarize({
        settings: city.settings,
        units,
        forms: city.specs,
        store: new FirestoreSummaryStore(db),
        output: new SummaryWorkbookFile(order.summaryFile),
        feedback: folder,
        notices: new FirestoreNoticeLedger(db),
        now: at,
      });
    } else if (order.step === 'notices') {
      const result = await notify({
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
      });
      count = result.outcomes.length;
    } else {
      const sender = city.units.find((u) => u.sentAt !== null)!;
      const resentAt = new Date(at.getTime() + 3_600_000);
      await resendWithOneRowChanged(city, order.unitsDir, sender, resentAt);
      const result = await ingestUnit({
        action: 'edit',
        unit: sender.profile.unit,
        units,
        forms: city.specs,
        settings: city.settings,
        sheets: folder,
        sweepStore: new FirestoreSweepStore(db),
        store: new FirestoreSummaryStore(db),
        now: resentAt,
      });
      count = result.statsWritten;
    }
  } finally {
    await db.terminate();
  }
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is in kibibytes: the process's high-water mark, from its start.
  return { seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), count };
}

const order = JSON.parse(process.argv[2] ?? '{}') as RegistryStepOrder;
runStep(order).then(
  (answer) => process.send!(answer, () => process.exit(0)),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
