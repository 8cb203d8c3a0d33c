import path from 'node:path';
import { loadBuiltinForms } from '../adapters/catalog/builtin-forms.js';
import { FirestoreSweepStore } from '../adapters/store/firestore-sweep-store.js';
import { readControlWorkbook } from '../adapters/workbook/read-control-workbook.js';
import { UnitWorkbookFolder } from '../adapters/workbook/unit-workbook-folder.js';
import type { Config } from '../config.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import { applyFormOverrides, type ControlReading } from '../domain/units/read-control.js';
import { sweep, type SweepResult } from '../jobs/sweep/sweep.js';
import { openFirestore } from './firestore-session.js';
import type { Output } from './output.js';

export interface SweepRun {
  readonly control: ControlReading;
  readonly forms: readonly FormSpec[];
  readonly result: SweepResult;
  readonly firestore: string;
  readonly unitsDir: string;
}

/** Sweep a folder of unit workbooks described by a control workbook, into the configured Firestore. */
export async function runWorkbookSweep(options: { config: Config; out: Output; controlPath: string; unitsDir?: string; now: Date }): Promise<SweepRun> {
  const { config, out, controlPath, now } = options;
  const unitsDir = options.unitsDir ?? path.join(path.dirname(controlPath), 'units');
  const control = await readControlWorkbook(controlPath);
  const overridden = applyFormOverrides(await loadBuiltinForms(), control.overrides);
  const allProblems = [...control.problems, ...overridden.problems];
  const session = await openFirestore(config, out);
  let result: SweepResult | undefined;
  try {
    const progress = out.progress('Sweeping units', control.units.length);
    try {
      result = await sweep({
        units: control.units,
        forms: overridden.specs,
        source: new UnitWorkbookFolder(unitsDir),
        store: new FirestoreSweepStore(session.db),
        now,
        onUnitDone: (done) => progress.tick(done),
      });
    } finally {
      progress.stop();
    }
  } finally {
    await session.close({ persist: (result?.totals.writes ?? 0) > 0 });
  }
  return { control: { ...control, problems: allProblems }, forms: overridden.specs, result, firestore: session.description, unitsDir };
}
