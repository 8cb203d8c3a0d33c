import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { DocumentData, Firestore } from '@google-cloud/firestore';
import type { Measured } from './measure.js';
import type { Unit } from '../functions/src/domain/units/unit.js';
import type { SweepResult } from '../functions/src/jobs/sweep/sweep.js';

/** The floor's own account: where its time went and what it wrote. */
export interface FloorRun {
  readonly files: number;
  /** Time inside `xlsx.load` alone, summed. */
  readonly parseMs: number;
  readonly documents: number;
}

/** How many times the cold sweep and the floor are measured, one right after the other. */
export const FLOOR_PAIRS = 3;

/** A cold sweep's wall time and the floor measured right after it. */
export interface FloorPair {
  readonly coldMs: number;
  /** What that cold sweep wrote: each must be step 1's count, or it did not do the same work. */
  readonly coldWrites: number;
  readonly floor: Measured<FloorRun>;
}

/** The pair whose ratio is the median of the pairs' ratios. */
export function medianPair(pairs: readonly FloorPair[]): FloorPair & { readonly ratio: number } {
  const ranked = pairs.map((p) => ({ ...p, ratio: p.coldMs / p.floor.ms })).sort((a, b) => a.ratio - b.ratio);
  const median = ranked[Math.floor((ranked.length - 1) / 2)];
  if (!median) throw new Error('No floor pair was measured');
  return median;
}

/** One stored document: its path from the database root and its fields as Firestore gave them back. */
interface StoredDocument {
  readonly path: string;
  readonly data: DocumentData;
}

/** Every document a sweep stored, by the unit it belongs to; `rest`: the plan versions and the run record. */
export interface PipelineDocuments {
  readonly byUnit: ReadonlyMap<string, readonly StoredDocument[]>;
  readonly rest: readonly StoredDocument[];
  readonly count: number;
}

/**
 * Read back everything in the pipeline's database (right after its cold sweep, outside any measured step), so
 * the floor writes the very documents the pipeline wrote: same fields, same sizes. A document of a unit is one
 * whose `unitId` field names it, or its `sources/{unit}` state. A cold sweep writes no sub-collection (a first
 * version lives in its submission); were one written, the floor's document count would fall short and the
 * bench's check "floor: as many documents as the pipeline" would fail.
 */
export async function readPipelineDocuments(db: Firestore): Promise<PipelineDocuments> {
  const byUnit = new Map<string, StoredDocument[]>();
  const rest: StoredDocument[] = [];
  let count = 0;
  for (const collection of await db.listCollections()) {
    for (const doc of (await collection.get()).docs) {
      const data = doc.data();
      const unitId = collection.id === 'sources' ? doc.id : typeof data.unitId === 'string' ? data.unitId : undefined;
      const stored = { path: doc.ref.path, data };
      if (unitId === undefined) rest.push(stored);
      else byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), stored]);
      count++;
    }
  }
  return { byUnit, rest, count };
}

/**
 * The least any pipeline could do for the same cold sweep: load every workbook the pipeline read with exceljs
 * and nothing else (no header matching, no validation, no hashing), and write the documents the pipeline wrote,
 * as they are, through one unthrottled BulkWriter, loading and writing overlapped.
 */
export async function runFloor(
  db: Firestore,
  unitsDir: string,
  units: readonly Unit[],
  pipeline: SweepResult,
  documents: PipelineDocuments,
  onUnit: (done: number) => void,
): Promise<FloorRun> {
  const writer = db.bulkWriter({ throttling: false });
  const pending: Promise<unknown>[] = [];
  const write = (stored: readonly StoredDocument[]) => {
    for (const { path: docPath, data } of stored) pending.push(writer.set(db.doc(docPath), data));
    return stored.length;
  };
  const outcomes = new Map(pipeline.units.map((u) => [u.unitId, u.outcome]));
  let parseMs = 0;
  let files = 0;
  let written = 0;
  for (const [i, unit] of units.entries()) {
    onUnit(i + 1);
    if (outcomes.get(unit.id) === 'read') {
      const bytes = await readFile(path.join(unitsDir, unit.source));
      const started = performance.now();
      await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
      parseMs += performance.now() - started;
      files++;
    }
    written += write(documents.byUnit.get(unit.id) ?? []);
  }
  written += write(documents.rest);
  await writer.close();
  await Promise.all(pending);
  return { files, parseMs, documents: written };
}
