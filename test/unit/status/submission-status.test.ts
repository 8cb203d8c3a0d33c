import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { periodById, type Period } from '../../../functions/src/domain/periods/schedule.js';
import {
  COMPLETE_STATUSES,
  isSubmissionStatus,
  STATUS_DISPLAY,
  SUBMISSION_STATUSES,
} from '../../../functions/src/domain/status/status-kinds.js';
import {
  submissionStatus,
  type StatusResult,
  type SubmissionFacts,
} from '../../../functions/src/domain/status/submission-status.js';
import { deadlineInstant, ictInstant } from '../../../functions/src/domain/time/ict.js';

const builtins = await loadBuiltinForms();

function builtin(id: string): FormSpec {
  const found = builtins.find((s) => s.id === id);
  if (!found) throw new Error(`built-in form ${id} not loaded`);
  return found;
}

function period(formId: string, periodId: string): Period {
  const found = periodById(builtin(formId), periodId);
  if (!found) throw new Error(`no period ${periodId} in ${formId}`);
  return found;
}

/** 30-phut-bao-cao, April 2020: due on 5 May 2020, end of the day in ICT. */
const APRIL = period('30-phut-bao-cao', '2020-04');
/** tap-huan-2024: due 10g00 15/09/2024 ICT. */
const TAP_HUAN = period('tap-huan-2024', 'mot-lan');

const at = (iso: string) => new Date(iso);
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

/** A complete, valid submission first completed (and last changed) at `completedAt`. */
function complete(completedAt: Date, lastChangedAt: Date = completedAt): SubmissionFacts {
  return {
    unitId: 'dtn-so-y-te',
    periodId: '2020-04',
    counts: { read: 3, valid: 3, rejected: 0, nil: 0 },
    complete: true,
    nil: false,
    firstCompleteAt: completedAt,
    lastChangedAt,
  };
}

function partial(lastChangedAt: Date, firstCompleteAt: Date | null = null): SubmissionFacts {
  return {
    ...complete(lastChangedAt),
    counts: { read: 3, valid: 2, rejected: 1, nil: 0 },
    complete: false,
    firstCompleteAt,
  };
}

function nil(declaredAt: Date, lastChangedAt: Date = declaredAt): SubmissionFacts {
  return { ...complete(declaredAt, lastChangedAt), counts: { read: 1, valid: 1, rejected: 0, nil: 1 }, nil: true };
}

describe('the deadlines the tests rely on', () => {
  it('30-phut-bao-cao 2020-04 is due at 23:59:59.999 ICT on 05/05/2020', () => {
    expect(APRIL.due).toEqual(deadlineInstant({ date: '2020-05-05' }));
    expect(APRIL.due.toISOString()).toBe('2020-05-05T16:59:59.999Z');
  });

  it('tap-huan-2024 is due at 10g00 15/09/2024 ICT', () => {
    expect(TAP_HUAN.due).toEqual(ictInstant('2024-09-15', '10:00'));
    expect(TAP_HUAN.due.toISOString()).toBe('2024-09-15T03:00:00.000Z');
  });
});

describe('submissionStatus: nothing received', () => {
  // due = 2020-05-05T16:59:59.999Z (23:59:59.999 ICT on 5 May).
  it.each<[string, string, StatusResult]>([
    ['before the period even starts', '2020-03-20T03:00:00.000Z', { status: 'missing' }],
    ['during the month', '2020-04-15T03:00:00.000Z', { status: 'missing' }],
    ['on the due day, 17:00 ICT', '2020-05-05T10:00:00.000Z', { status: 'missing' }],
    ['at the due instant itself', '2020-05-05T16:59:59.999Z', { status: 'missing' }],
    [
      '1 ms after the due instant (00:00 ICT on 6 May)',
      '2020-05-05T17:00:00.000Z',
      { status: 'missing', daysOverdue: 1 },
    ],
    ['23:59 ICT on 6 May', '2020-05-06T16:59:00.000Z', { status: 'missing', daysOverdue: 1 }],
    // Still 6 May in UTC, already 7 May in ICT: days are counted in ICT.
    ['00:30 ICT on 7 May (6 May in UTC)', '2020-05-06T17:30:00.000Z', { status: 'missing', daysOverdue: 2 }],
    [
      '10:00 ICT on 4 June (5 May → 4 June = 30 days)',
      '2020-06-04T03:00:00.000Z',
      { status: 'missing', daysOverdue: 30 },
    ],
  ])('no submission, %s', (_, now, expected) => {
    expect(submissionStatus(undefined, APRIL, at(now))).toStrictEqual(expected);
  });

  // due = 2024-09-15T03:00:00.000Z (10g00 ICT on 15 September).
  it.each<[string, string, StatusResult]>([
    ['at 10g00 exactly', '2024-09-15T03:00:00.000Z', { status: 'missing' }],
    ['at 10g00 + 1 ms (same day: at least 1 day)', '2024-09-15T03:00:00.001Z', { status: 'missing', daysOverdue: 1 }],
    ['at 23:59 ICT on 15/09', '2024-09-15T16:59:00.000Z', { status: 'missing', daysOverdue: 1 }],
    ['at 00:00 ICT on 16/09', '2024-09-15T17:00:00.000Z', { status: 'missing', daysOverdue: 1 }],
    ['at 00:00 ICT on 17/09', '2024-09-16T17:00:00.000Z', { status: 'missing', daysOverdue: 2 }],
  ])('tap-huan-2024, no submission %s', (_, now, expected) => {
    expect(submissionStatus(undefined, TAP_HUAN, at(now))).toStrictEqual(expected);
  });

  it.each<[string, string, StatusResult]>([
    ['before the deadline', '2020-05-01T03:00:00.000Z', { status: 'missing' }],
    ['3 days after it', '2020-05-08T03:00:00.000Z', { status: 'missing', daysOverdue: 3 }],
  ])('a submission with 0 rows read (only a refused change) is missing %s', (_, now, expected) => {
    const empty: SubmissionFacts = {
      ...complete(at('2020-04-20T03:00:00.000Z')),
      counts: { read: 0, valid: 0, rejected: 0, nil: 0 },
      complete: false,
      firstCompleteAt: null,
    };
    expect(submissionStatus(empty, APRIL, at(now))).toStrictEqual(expected);
  });
});

describe('submissionStatus: partial (errors or too few rows)', () => {
  it.each<[string, SubmissionFacts, string, StatusResult]>([
    ['before the deadline', partial(at('2020-04-28T03:00:00.000Z')), '2020-05-02T03:00:00.000Z', { status: 'partial' }],
    ['at the deadline', partial(at('2020-04-28T03:00:00.000Z')), '2020-05-05T16:59:59.999Z', { status: 'partial' }],
    [
      '2 ICT days after the deadline',
      partial(at('2020-04-28T03:00:00.000Z')),
      '2020-05-07T03:00:00.000Z',
      { status: 'partial', daysOverdue: 2 },
    ],
    // Complete once, broken again later: what counts is how it stands now.
    [
      'complete on time once, broken since',
      partial(at('2020-05-06T03:00:00.000Z'), at('2020-05-01T03:00:00.000Z')),
      '2020-05-10T03:00:00.000Z',
      { status: 'partial', daysOverdue: 5 },
    ],
  ])('%s', (_, facts, now, expected) => {
    expect(submissionStatus(facts, APRIL, at(now))).toStrictEqual(expected);
  });
});

describe('submissionStatus: nil ("không phát sinh")', () => {
  it.each<[string, SubmissionFacts, string, StatusResult]>([
    [
      'declared before the deadline',
      nil(at('2020-05-02T03:00:00.000Z')),
      '2020-05-03T03:00:00.000Z',
      { status: 'nil', onTime: true },
    ],
    ['declared at the due instant', nil(APRIL.due), '2020-05-20T03:00:00.000Z', { status: 'nil', onTime: true }],
    ['declared 1 ms late', nil(ms(APRIL.due, 1)), '2020-05-20T03:00:00.000Z', { status: 'nil', onTime: false }],
    [
      'declared on time, edited after the deadline',
      nil(at('2020-05-02T03:00:00.000Z'), at('2020-05-09T03:00:00.000Z')),
      '2020-05-20T03:00:00.000Z',
      { status: 'nil', onTime: true },
    ],
  ])('%s', (_, facts, now, expected) => {
    expect(submissionStatus(facts, APRIL, at(now))).toStrictEqual(expected);
  });
});

describe('submissionStatus: complete', () => {
  const later = '2020-06-01T03:00:00.000Z';

  it.each<[string, SubmissionFacts, StatusResult]>([
    [
      'completed well before the deadline',
      complete(at('2020-04-28T03:00:00.000Z')),
      { status: 'complete-on-time', onTime: true },
    ],
    ['completed at exactly the due instant', complete(APRIL.due), { status: 'complete-on-time', onTime: true }],
    [
      'completed 1 ms after the due instant',
      complete(ms(APRIL.due, 1)),
      { status: 'complete-late', onTime: false, daysLate: 1 },
    ],
    [
      'completed 09:00 ICT on 12/05 (5 May → 12 May)',
      complete(at('2020-05-12T02:00:00.000Z')),
      { status: 'complete-late', onTime: false, daysLate: 7 },
    ],
    // 7 May in UTC, already 8 May in ICT.
    [
      'completed 00:30 ICT on 08/05',
      complete(at('2020-05-07T17:30:00.000Z')),
      { status: 'complete-late', onTime: false, daysLate: 3 },
    ],
    [
      'completed on time, changed at the due instant',
      complete(at('2020-05-01T03:00:00.000Z'), APRIL.due),
      { status: 'complete-on-time', onTime: true },
    ],
    [
      'completed on time, changed 1 ms after the deadline',
      complete(at('2020-05-01T03:00:00.000Z'), ms(APRIL.due, 1)),
      { status: 'revised-after-deadline', onTime: true },
    ],
    [
      'completed on time, changed 2 weeks later',
      complete(at('2020-05-01T03:00:00.000Z'), at('2020-05-19T03:00:00.000Z')),
      { status: 'revised-after-deadline', onTime: true },
    ],
    // Timeliness keeps the first completion: 3 days late, whatever happened after.
    [
      'completed late, changed again later',
      complete(at('2020-05-08T03:00:00.000Z'), at('2020-05-20T03:00:00.000Z')),
      { status: 'complete-late', onTime: false, daysLate: 3 },
    ],
  ])('%s', (_, facts, expected) => {
    expect(submissionStatus(facts, APRIL, at(later))).toStrictEqual(expected);
  });

  it('without a frozen firstCompleteAt, judges by the last change', () => {
    const facts: SubmissionFacts = { ...complete(at('2020-05-09T03:00:00.000Z')), firstCompleteAt: null };
    expect(submissionStatus(facts, APRIL, at(later))).toStrictEqual({
      status: 'complete-late',
      onTime: false,
      daysLate: 4,
    });
  });

  it('a complete submission never carries daysOverdue, even long after the deadline', () => {
    expect(
      submissionStatus(complete(at('2020-05-08T03:00:00.000Z')), APRIL, at('2021-01-01T03:00:00.000Z')).daysOverdue,
    ).toBeUndefined();
  });
});

describe('submissionStatus: the tap-huan-2024 10g00 15/09/2024 boundary', () => {
  it.each<[string, StatusResult]>([
    ['2024-09-14T10:00:00.000Z', { status: 'complete-on-time', onTime: true }],
    ['2024-09-15T02:59:59.999Z', { status: 'complete-on-time', onTime: true }],
    ['2024-09-15T03:00:00.000Z', { status: 'complete-on-time', onTime: true }],
    ['2024-09-15T03:00:00.001Z', { status: 'complete-late', onTime: false, daysLate: 1 }],
    ['2024-09-15T16:59:59.999Z', { status: 'complete-late', onTime: false, daysLate: 1 }],
    ['2024-09-16T17:00:00.000Z', { status: 'complete-late', onTime: false, daysLate: 2 }],
  ])('completed at %s', (completedAt, expected) => {
    const facts: SubmissionFacts = { ...complete(at(completedAt)), periodId: 'mot-lan' };
    expect(submissionStatus(facts, TAP_HUAN, at('2024-09-20T03:00:00.000Z'))).toStrictEqual(expected);
  });
});

describe('submissionStatus: one unit over time', () => {
  // The same unit and month seen at successive sweeps.
  const first = at('2020-04-27T03:00:00.000Z');
  it.each<[string, SubmissionFacts | undefined, string, StatusResult]>([
    ['nothing yet, month running', undefined, '2020-04-20T03:00:00.000Z', { status: 'missing' }],
    ['rows with an error, before the deadline', partial(first), '2020-04-28T03:00:00.000Z', { status: 'partial' }],
    [
      'error fixed on 30/04',
      complete(at('2020-04-30T03:00:00.000Z')),
      '2020-05-01T03:00:00.000Z',
      { status: 'complete-on-time', onTime: true },
    ],
    [
      'a row edited on 07/05',
      complete(at('2020-04-30T03:00:00.000Z'), at('2020-05-07T03:00:00.000Z')),
      '2020-05-08T03:00:00.000Z',
      { status: 'revised-after-deadline', onTime: true },
    ],
    [
      'the edit broke a row',
      partial(at('2020-05-09T03:00:00.000Z'), at('2020-04-30T03:00:00.000Z')),
      '2020-05-10T03:00:00.000Z',
      { status: 'partial', daysOverdue: 5 },
    ],
  ])('%s', (_, facts, now, expected) => {
    expect(submissionStatus(facts, APRIL, at(now))).toStrictEqual(expected);
  });
});

describe('status kinds', () => {
  it('lists the six statuses of DESIGN "Statuses"', () => {
    expect([...SUBMISSION_STATUSES]).toEqual([
      'missing',
      'partial',
      'nil',
      'complete-on-time',
      'complete-late',
      'revised-after-deadline',
    ]);
  });

  it('counts nil as a complete report, partial and missing not', () => {
    expect([...COMPLETE_STATUSES].sort()).toEqual([
      'complete-late',
      'complete-on-time',
      'nil',
      'revised-after-deadline',
    ]);
  });

  it('gives every status a distinct Vietnamese label and symbol', () => {
    const labels = SUBMISSION_STATUSES.map((s) => STATUS_DISPLAY[s].label);
    const symbols = SUBMISSION_STATUSES.map((s) => STATUS_DISPLAY[s].symbol);
    expect(new Set(labels).size).toBe(6);
    expect(new Set(symbols).size).toBe(6);
    expect(STATUS_DISPLAY.missing.label).toBe('Chưa nộp');
    expect(STATUS_DISPLAY['complete-late'].label).toBe('Đủ, trễ hạn');
  });

  it.each<[unknown, boolean]>([
    ['missing', true],
    ['revised-after-deadline', true],
    ['complete', false],
    ['Missing', false],
    [undefined, false],
    [3, false],
  ])('isSubmissionStatus(%j) = %s', (value, expected) => {
    expect(isSubmissionStatus(value)).toBe(expected);
  });
});
