import path from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import { workbookDistrict } from '../../functions/src/app/workbook-district.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import {
  writeControlWorkbook,
  type ControlSettings,
} from '../../functions/src/adapters/workbook/write-control-workbook.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import { formsInUse } from '../../functions/src/domain/plans/plans-in-use.js';
import type { ControlReading } from '../../functions/src/domain/units/read-control.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { titled, writeTestWorkbook, type TestCell } from './workbooks.js';

/** One unit of a test district: what its workbook holds and when it was saved (no workbook when `sentAt` is absent). */
export interface TestUnitFile {
  readonly unit: Unit;
  readonly tab?: string;
  readonly header?: readonly string[];
  readonly rows?: readonly (readonly TestCell[])[];
  readonly sentAt?: Date;
}

/**
 * A district in workbook mode, as `tonghop sweep` sees it: a control workbook written with its
 * settings, registry and plans, one workbook per unit that sent one, then one sweep at `now`.
 */
export async function sweptDistrict(input: {
  readonly dir: string;
  readonly db: Firestore;
  readonly settings: ControlSettings;
  readonly plans: readonly FormSpec[];
  readonly files: readonly TestUnitFile[];
  readonly now: Date;
}): Promise<{ readonly control: ControlReading; readonly forms: readonly FormSpec[]; readonly controlPath: string }> {
  const controlPath = path.join(input.dir, 'control.xlsx');
  await writeControlWorkbook(controlPath, {
    settings: input.settings,
    units: input.files.map((f) => f.unit),
    plans: input.plans,
  });
  for (const f of input.files) {
    if (!f.sentAt || !f.tab || !f.header) continue;
    await writeTestWorkbook(
      path.join(input.dir, 'units', f.unit.source),
      [{ name: f.tab, rows: titled(f.tab.toUpperCase(), f.header, f.rows ?? []) }],
      f.sentAt,
    );
  }
  const district = workbookDistrict(controlPath);
  const control = await district.readControl();
  const forms = formsInUse(control.plans);
  await sweep({
    units: control.units,
    forms,
    source: district.units,
    store: new FirestoreSweepStore(input.db),
    now: input.now,
  });
  return { control, forms, controlPath };
}
