import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { DocumentData, DocumentReference, Firestore } from '@google-cloud/firestore';
import { FIRST_DATA_ROW } from '../functions/src/adapters/sheet-layout/write-sheet-layout.js';
import type { Unit } from '../functions/src/domain/units/unit.js';
import type { SweepResult } from '../functions/src/jobs/sweep/sweep.js';

/** The floor's own account: where its time went and what it wrote. */
export interface FloorRun {
  readonly files: number;
  /** Time inside `xlsx.load` alone, summed. */
  readonly parseMs: number;
  readonly documents: number;
}

/**
 * The least any pipeline could do for the same cold sweep: load every workbook with exceljs and
 * nothing else (no header matching, no validation, no hashing), and write as many documents as
 * the pipeline wrote, each unit's data rows spread over its submission documents,
 * through one unthrottled BulkWriter, loading and writing overlapped.
 */
export async function runFloor(
  db: Firestore,
  unitsDir: string,
  units: readonly Unit[],
  formTabs: ReadonlySet<string>,
  pipeline: SweepResult,
  onUnit: (done: number) => void,
): Promise<FloorRun> {
  const writer = db.bulkWriter({ throttling: false });
  const pending: Promise<unknown>[] = [];
  const set = (ref: DocumentReference, data: DocumentData) => pending.push(writer.set(ref, data));
  const byUnit = new Map(pipeline.units.map((u) => [u.unitId, u]));
  let parseMs = 0;
  let files = 0;
  let documents = 0;
  for (const [i, unit] of units.entries()) {
    const done = byUnit.get(unit.id);
    onUnit(i + 1);
    if (!done || done.writes === 0) continue;
    let rows: DocumentData[] = [];
    if (done.outcome === 'read') {
      const bytes = await readFile(path.join(unitsDir, unit.source));
      const workbook = new ExcelJS.Workbook();
      const started = performance.now();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      parseMs += performance.now() - started;
      files++;
      rows = dataRows(workbook, formTabs);
    }
    const chunks = Math.max(done.submissionsWritten, 1);
    const size = Math.ceil(rows.length / chunks);
    // A cold sweep writes first versions only, which live in the submission itself (no revision document).
    for (let k = 0; k < done.submissionsWritten; k++)
      set(db.collection('submissions').doc(`${unit.id}~${k}`), {
        unitId: unit.id,
        rows: rows.slice(k * size, (k + 1) * size),
      });
    // The rest of the unit's writes (its source state) carry no rows.
    for (let k = done.submissionsWritten; k < done.writes; k++)
      set(db.collection('sources').doc(`${unit.id}~${k}`), { unitId: unit.id, rows: rows.length });
    documents += done.writes;
  }
  // The plan versions the pipeline stored (its writes beyond the units'), then its run record.
  const unitWrites = pipeline.units.reduce((sum, u) => sum + u.writes, 0);
  for (let k = 0; k < pipeline.totals.writes - unitWrites - 1; k++)
    set(db.collection('planVersions').doc(`v${k}`), { formId: `f${k}` });
  documents += pipeline.totals.writes - unitWrites - 1;
  set(db.collection('sweeps').doc('floor'), { units: units.length });
  documents++;
  await writer.close();
  await Promise.all(pending);
  return { files, parseMs, documents };
}

/** Data rows of the form tabs as `{ c1: value, … }`, exceljs values passed on as Firestore takes them. */
function dataRows(workbook: ExcelJS.Workbook, formTabs: ReadonlySet<string>): DocumentData[] {
  const rows: DocumentData[] = [];
  for (const sheet of workbook.worksheets) {
    if (!formTabs.has(sheet.name)) continue;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber < FIRST_DATA_ROW) return;
      const cells: DocumentData = { rowNumber };
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const value = cell.value;
        cells[`c${column}`] =
          value instanceof Date || typeof value !== 'object' || value === null ? value : JSON.stringify(value);
      });
      rows.push(cells);
    });
  }
  return rows;
}
