import { describe, expect, it } from 'vitest';
import { buildUnitFeedback } from '../../../functions/src/domain/feedback/build-unit-feedback.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { ONCE_PERIOD } from '../../../functions/src/domain/periods/period-id.js';
import { periodById } from '../../../functions/src/domain/periods/schedule.js';
import { formPeriodStats } from '../../../functions/src/domain/stats/form-period-stats.js';
import type { DistrictPicture } from '../../../functions/src/domain/summary/district-picture.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { feedbackHashOf } from '../../../functions/src/jobs/summarize/feedback-hash.js';
import { statsInputsHash } from '../../../functions/src/jobs/summarize/stats-inputs-hash.js';
import { builtinForm, storedSubmission } from '../../support/forms.js';

/**
 * A plan change must reach the statistics and the unit feedback even when no submission changed:
 * both skip their write when their inputs hash the same, so the plan version has to be one of the inputs.
 */

const UNIT: Unit = {
  id: 'ld-a',
  name: 'Liên đội A',
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [],
  source: 'ld-a.xlsx',
};
const NOW = new Date('2024-09-23T02:00:00.000Z');
const ISSUED = builtinForm('tap-huan-2024');
const SUBMISSION = {
  ...storedSubmission(ISSUED.id, ONCE_PERIOD, UNIT.id, {
    rows: [5],
    firstCompleteAt: '2024-09-14T02:00:00.000Z',
    lastChangedAt: '2024-09-14T02:00:00.000Z',
  }),
  planVersion: 'v1',
};

function inputs(spec: FormSpec) {
  const period = periodById(spec, ONCE_PERIOD);
  if (!period) throw new Error('no once period');
  const submissions = new Map([[UNIT.id, SUBMISSION]]);
  const stats = formPeriodStats({ spec, period, units: [UNIT], submissions, now: NOW });
  const picture: DistrictPicture = {
    settings: { districtName: 'Quận Đoàn thử', officeEmail: '', contactName: '', contactPhone: '' },
    forms: [spec],
    units: [UNIT],
    periods: [{ spec, period, stats }],
    submissions: [SUBMISSION],
    sourceProblems: [],
    now: NOW,
  };
  return {
    stats: statsInputsHash(spec, ONCE_PERIOD, [UNIT], submissions, stats),
    feedback: feedbackHashOf(buildUnitFeedback(UNIT, [], picture)),
  };
}

describe('the plan version is an input of the statistics and of the unit feedback', () => {
  it.each<[string, FormSpec]>([
    [
      'a column type changed',
      { ...ISSUED, columns: ISSUED.columns.map((c) => (c.key === 'ghiChu' ? { ...c, type: 'int' as const } : c)) },
    ],
    ['the deadline moved', { ...ISSUED, period: { type: 'once', due: { date: '2024-09-30' } } }],
  ])('the statistics inputs change when %s, with the same submissions', (_, changed) => {
    expect(ISSUED.columns.some((c) => c.key === 'ghiChu')).toBe(true);
    expect(inputs(changed).stats).not.toBe(inputs(ISSUED).stats);
  });

  it('the feedback changes when the deadline in force changes, and not when nothing did', () => {
    expect(inputs({ ...ISSUED, period: { type: 'once', due: { date: '2024-09-30' } } }).feedback).not.toBe(
      inputs(ISSUED).feedback,
    );
    expect(inputs(ISSUED)).toEqual(inputs(builtinForm('tap-huan-2024')));
  });
});
