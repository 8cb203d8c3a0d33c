import { readFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { addPlansToControlWorkbook } from '../adapters/workbook/add-control-plans.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import type { Unit } from '../domain/units/unit.js';
import type { DemoBranchDecision, DemoBranchReport } from './demo-branch-report.js';
import type { SweepIntakeAt } from './play-demo-intake.js';
import { writeUnitFileWithTab } from './write-demo-tab.js';

/**
 * Play the chi đoàn report story (and, in its shape, the cơ sở Đoàn's check of it) into the demo's folder after the
 * intake stories, before the final sweep: the district adds the plan to its control; each sender (a chi đoàn; a cơ sở
 * Đoàn for the plan it fills about its chi đoàn) saves its file with the plan's tab filled and is swept at that instant;
 * then each cơ sở Đoàn's decision is taken (`decide`), as the next summary run takes what it typed in its own summary.
 */
export async function playDemoBranchReport(options: {
  readonly controlPath: string;
  readonly unitsDir: string;
  readonly units: readonly Unit[];
  /** The plans in force before this one. */
  readonly forms: readonly FormSpec[];
  readonly story: DemoBranchReport;
  readonly sweepAt: SweepIntakeAt;
  readonly decide: (decision: DemoBranchDecision) => Promise<unknown>;
}): Promise<void> {
  const { controlPath, unitsDir, story } = options;
  await addPlansToControlWorkbook(controlPath, [story.spec]);
  await utimes(controlPath, story.issuedAt, story.issuedAt);
  const forms = [...options.forms, story.spec];
  for (const send of story.sends) {
    const unit = options.units.find((u) => u.id === send.unitId);
    if (!unit) throw new Error(`Demo: no unit ${send.unitId}`);
    const file = path.join(unitsDir, unit.source);
    await writeUnitFileWithTab(file, await readFile(file), { unit, spec: story.spec, rows: send.rows }, send.at);
    await options.sweepAt([unit], forms, send.at);
  }
  for (const decision of story.decisions) await options.decide(decision);
}
