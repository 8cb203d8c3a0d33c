import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import { readWorkbookTabs } from '../functions/src/adapters/xlsx/read-workbook.js';
import { compileForm } from '../functions/src/domain/forms/compile-form.js';
import type { FormSpec } from '../functions/src/domain/forms/form-spec.js';
import { findTab, readFormTab } from '../functions/src/domain/forms/read-form-tab.js';
import { formsForUnit } from '../functions/src/domain/units/targets.js';
import type { Unit } from '../functions/src/domain/units/unit.js';

export interface NaiveRun {
  readonly units: number;
  readonly rows: number;
  readonly writes: number;
}

/**
 * The naive way to store the same sweep: the same reader and the same validation, then one
 * document per row, each written with its own awaited `set()`. No batching and no change
 * detection: every run writes every row again.
 */
export async function runNaive(
  db: Firestore,
  unitsDir: string,
  sample: readonly Unit[],
  specs: readonly FormSpec[],
  onUnit: (done: number) => void,
): Promise<NaiveRun> {
  const compiled = new Map(specs.map((spec) => [spec.id, compileForm(spec)]));
  const rowsCollection = db.collection('rows');
  let rows = 0;
  for (const [i, unit] of sample.entries()) {
    const tabs = await readWorkbookTabs(await readFile(path.join(unitsDir, unit.source)), unit.source);
    for (const spec of formsForUnit(specs, unit, [])) {
      const form = compiled.get(spec.id);
      const tab = findTab(tabs, spec.tab);
      if (!form || !tab) continue;
      const reading = readFormTab(form, tab);
      const docs = [
        ...reading.valid.map((row) => ({
          rowNumber: row.rowNumber,
          periodId: row.periodId,
          values: row.values,
          valid: true,
        })),
        ...reading.rejected.map((row) => ({
          rowNumber: row.rowNumber,
          periodId: row.periodId,
          cells: row.cells,
          errors: row.errors,
          valid: false,
        })),
        ...reading.nil.map((row) => ({
          rowNumber: row.rowNumber,
          periodId: row.periodId,
          cells: row.cells,
          nil: true,
        })),
      ];
      for (const doc of docs) {
        await rowsCollection
          .doc(`${unit.id}~${spec.id}~${doc.rowNumber}`)
          .set({ unitId: unit.id, formId: spec.id, ...doc });
        rows++;
      }
    }
    onUnit(i + 1);
  }
  return { units: sample.length, rows, writes: rows };
}
