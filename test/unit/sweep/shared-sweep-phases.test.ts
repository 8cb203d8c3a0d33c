import { describe, expect, it } from 'vitest';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { sharedSourceId, type SharedSource } from '../../../functions/src/domain/shared/shared-source.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import type { SourceState } from '../../../functions/src/jobs/sweep/ports.js';
import { hashesReferencedElsewhere } from '../../../functions/src/jobs/sweep/referenced-elsewhere.js';
import { sharedSweepPhases } from '../../../functions/src/jobs/sweep/shared-sheet-rules.js';
import { rulePlans } from '../rules/rule-plans.js';

/**
 * Seed 003's registration and evaluation, each either in the units' own files or in a shared sheet: a rule
 * must see the other form as the same sweep stores it, so the sheet it refers to is swept before it.
 */

const { registration, evaluation } = rulePlans();
const FORMS = [registration, evaluation];
const shared = (formId: string): SharedSource => ({
  id: sharedSourceId(formId),
  formId,
  file: `${formId}.xlsx`,
  tab: 'Câu trả lời',
  unitColumn: 'Đơn vị',
  timeColumn: 'Dấu thời gian',
  rowNumber: 2,
});
const ids = (sources: readonly SharedSource[]) => sources.map((s) => s.formId);

describe('sharedSweepPhases', () => {
  it.each([
    ['registration shared, evaluation in own files', [registration.id], [registration.id], []],
    ['evaluation shared, registration in own files', [evaluation.id], [], [evaluation.id]],
    ['both shared', [evaluation.id, registration.id], [evaluation.id, registration.id], []],
  ])('%s', (_, sharedIds, before, after) => {
    const phases = sharedSweepPhases(sharedIds.map(shared), FORMS);
    expect(ids(phases.before)).toEqual(before);
    expect(ids(phases.after)).toEqual(after);
  });

  it('a shared sheet referring to one that waits for the own files waits too', () => {
    // A third plan refers to the shared evaluation, which refers to the registration in the own files.
    const review: FormSpec = {
      ...evaluation,
      id: 'xet-ren-luyen',
      coverage: undefined,
      columns: evaluation.columns.map((c) =>
        c.mustExistIn ? { ...c, mustExistIn: { formId: evaluation.id, column: 'Họ và tên' } } : c,
      ),
    };
    const phases = sharedSweepPhases([shared(review.id), shared(evaluation.id)], [...FORMS, review]);
    expect(ids(phases.before)).toEqual([]);
    expect(ids(phases.after)).toEqual([review.id, evaluation.id]);
  });
});

describe('hashesReferencedElsewhere', () => {
  const unit = (id: string): Unit => ({
    id,
    name: id,
    type: 'chi-doan',
    level: '',
    cluster: '',
    contacts: [],
    source: `${id}.xlsx`,
  });
  const state = (id: string, submissionHashes: Record<string, string>) =>
    [id, { unitId: id, submissionHashes } as unknown as SourceState] as const;
  const states = new Map([
    state(sharedSourceId(registration.id), {
      [`${registration.id}~mot-lan~cd-b`]: 'h2',
      [`${registration.id}~mot-lan~cd-a`]: 'h1',
    }),
    state('cd-a', { [`${evaluation.id}~dot-1~cd-a`]: 'e1' }),
  ]);

  it("a unit's own forms referring to a shared form: its submissions of that form, wherever stored", () => {
    const of = hashesReferencedElsewhere([evaluation], states, []);
    expect(of(unit('cd-a'))).toEqual([`${registration.id}~mot-lan~cd-a=h1`]);
    // Nothing registered yet is a value too: registering later changes it.
    expect(of(unit('cd-c'))).toEqual([]);
  });

  it('own forms referring only to each other: undefined, so stored states stay valid', () => {
    expect(hashesReferencedElsewhere(FORMS, states, [])(unit('cd-a'))).toBeUndefined();
  });
});
