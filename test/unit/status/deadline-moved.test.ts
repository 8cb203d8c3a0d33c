import { describe, expect, it } from 'vitest';
import { ONCE_PERIOD } from '../../../functions/src/domain/periods/period-id.js';
import { periodById, periodsOf } from '../../../functions/src/domain/periods/schedule.js';
import { submissionStatus, type SubmissionFacts } from '../../../functions/src/domain/status/submission-status.js';

import { builtinForm, builtinFormDue } from '../../support/forms.js';
import { submissionId } from '../../../functions/src/domain/ids/document-ids.js';

/**
 * The rule (docs/ke-hoach.md "Những gì được đổi an toàn trong kỳ"): a unit's first completion is a fact and never
 * moves; "on time" is judged against the deadline in force when the status is computed, like DHIS2's
 * timeliness against the period's due date. Moving the deadline therefore re-judges, it never re-stamps.
 */

/** tap-huan-2024 as issued: due 10g00 15/09/2024. */
const ISSUED = builtinForm('tap-huan-2024');
/** A unit completed at 09g00 14/09/2024 ICT and has not changed its rows since. */
const FIRST_COMPLETE = new Date('2024-09-14T02:00:00.000Z');
const FACTS: SubmissionFacts = {
  unitId: 'th-a',
  periodId: ONCE_PERIOD,
  counts: { read: 2, valid: 2, rejected: 0, nil: 0 },
  complete: true,
  nil: false,
  firstCompleteAt: FIRST_COMPLETE,
  lastChangedAt: FIRST_COMPLETE,
};
const NOW = new Date('2024-09-23T03:00:00.000Z');

describe('a once plan whose deadline is moved after units submitted', () => {
  it.each([
    ['as issued (10g00 15/09/2024)', ISSUED],
    ['moved later (17/09/2024)', builtinFormDue('tap-huan-2024', '2024-09-17')],
    ['moved earlier (10/09/2024, already past)', builtinFormDue('tap-huan-2024', '2024-09-10')],
  ])('keeps one period with the same id and document id: %s', (_, spec) => {
    expect(periodsOf(spec).map((p) => p.id)).toEqual([ONCE_PERIOD]);
    expect(submissionId(spec.id, periodsOf(spec)[0]?.id ?? '', 'th-a')).toBe('tap-huan-2024~mot-lan~th-a');
  });

  it.each([
    ['as issued: completed a day before', ISSUED, { status: 'complete-on-time', onTime: true }],
    [
      'moved later: still on time',
      builtinFormDue('tap-huan-2024', '2024-09-17'),
      { status: 'complete-on-time', onTime: true },
    ],
    [
      'moved to the day it was completed (end of that day): on time',
      builtinFormDue('tap-huan-2024', '2024-09-14', '23:59'),
      { status: 'complete-on-time', onTime: true },
    ],
    [
      'moved earlier, before the first completion: late by the new deadline',
      builtinFormDue('tap-huan-2024', '2024-09-10'),
      { status: 'complete-late', onTime: false, daysLate: 4 },
    ],
  ])('judges the unchanged first completion against the deadline in force: %s', (_, spec, expected) => {
    const period = periodById(spec, ONCE_PERIOD);
    if (!period) throw new Error('the once period is gone');
    expect(submissionStatus(FACTS, period, NOW)).toEqual(expected);
  });

  it('labels the period by the deadline in force, not by its id', () => {
    expect(periodById(builtinFormDue('tap-huan-2024', '2024-09-17'), ONCE_PERIOD)?.label).toBe('hạn 17/09/2024');
    expect(periodById(ISSUED, ONCE_PERIOD)?.label).toBe('hạn 15/09/2024');
  });
});
