import { readFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { addPlansToControlWorkbook } from '../adapters/workbook/add-control-plans.js';
import { addSharedSourceToControlWorkbook } from '../adapters/workbook/add-control-shared-source.js';
import { writeTableWorkbook } from '../adapters/workbook/write-table-workbook.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import { submittedSignalText } from '../domain/forms/submit-signal.js';
import type { Unit } from '../domain/units/unit.js';
import { SHARED_BOOK_FILE, SHARED_BOOK_TAB, type DemoIntake } from './demo-intake.js';
import { writeUnitFileWithTab } from './write-demo-tab.js';

/** Sweep these units with these plans at `now` (the demo's replay sweep, no shared sheet). */
export type SweepIntakeAt = (units: readonly Unit[], forms: readonly FormSpec[], now: Date) => Promise<unknown>;

/**
 * Play the demo's intake stories into its folder after the replayed history, before the final sweep:
 * the district adds both plans to the control (the shared one with its "Nguồn dữ liệu" row) and the
 * responses workbook lands in the units folder; the cơ sở Đoàn fills its "Bấm nộp" tab, picks "Có" and
 * saves (one sweep of that unit submits it), then adds a row and saves again without submitting: the
 * final sweep sees a draft. The shared workbook needs no sweep here: each row carries its own time.
 */
export async function playDemoIntake(options: {
  readonly controlPath: string;
  readonly unitsDir: string;
  readonly units: readonly Unit[];
  /** The plans in force after the replay; the story's plan is added to them for its sweep. */
  readonly forms: readonly FormSpec[];
  readonly intake: DemoIntake;
  readonly sweepAt: SweepIntakeAt;
}): Promise<void> {
  const { controlPath, unitsDir, intake } = options;
  const { explicit, shared } = intake;
  await addPlansToControlWorkbook(controlPath, [shared.spec, explicit.spec]);
  await addSharedSourceToControlWorkbook(controlPath, {
    formId: shared.spec.id,
    file: SHARED_BOOK_FILE,
    tab: SHARED_BOOK_TAB,
  });
  await utimes(controlPath, intake.issuedAt, intake.issuedAt);
  const book = path.join(unitsDir, SHARED_BOOK_FILE);
  await writeTableWorkbook(book, SHARED_BOOK_TAB, shared.header, shared.rows);
  await utimes(book, shared.lastAnswerAt, shared.lastAnswerAt);

  const unit = options.units.find((u) => u.id === explicit.unitId);
  if (!unit) throw new Error(`Demo: no unit ${explicit.unitId}`);
  const file = path.join(unitsDir, unit.source);
  const original = await readFile(file);
  await writeUnitFileWithTab(
    file,
    original,
    { unit, spec: explicit.spec, rows: explicit.submittedRows, signal: 'Có' },
    explicit.submittedAt,
  );
  await options.sweepAt([unit], [...options.forms, shared.spec, explicit.spec], explicit.submittedAt);
  await writeUnitFileWithTab(
    file,
    original,
    { unit, spec: explicit.spec, rows: explicit.draftRows, signal: submittedSignalText(explicit.submittedAt) },
    explicit.editedAt,
  );
}
