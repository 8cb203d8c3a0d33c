import { describe, expect, it } from 'vitest';
import { approvedUnitIds, countedPicture } from '../../../functions/src/domain/review/counted-picture.js';
import { countedStats, standingsOnBasis } from '../../../functions/src/domain/review/counted-stats.js';
import type { ReviewDecision } from '../../../functions/src/domain/review/review-decision.js';
import type { UnitStanding } from '../../../functions/src/domain/stats/form-period-stats.js';
import type { SubmissionStatus } from '../../../functions/src/domain/status/status-kinds.js';
import type { StoredSubmission } from '../../../functions/src/domain/summary/district-picture.js';
import { storedSubmission } from '../../support/forms.js';
import { PLANS, pictureOf } from '../../support/summary-picture.js';

const standing = (unitId: string, status: SubmissionStatus): UnitStanding => ({
  unitId,
  status,
  ...(status === 'missing' || status === 'partial' ? {} : { onTime: status !== 'complete-late' }),
});

describe('standingsOnBasis: what awaits approval', () => {
  it.each([
    // status, approved?, awaits approval on 'approved'
    ['complete-on-time', false, true],
    ['complete-on-time', true, false],
    ['complete-late', false, true],
    ['revised-after-deadline', false, true],
    ['nil', false, true],
    ['nil', true, false],
    // Not in full: it owes the report, not an approval, whatever was decided.
    ['partial', true, false],
    ['partial', false, false],
    ['missing', false, false],
  ] as const)('%s, approved %s → awaiting %s', (status, approved, awaiting) => {
    const ids = new Set(approved ? ['u'] : []);
    const [onApproved] = standingsOnBasis([standing('u', status)], 'approved', ids);
    expect(onApproved?.awaitingApproval === true).toBe(awaiting);
    const [onSubmitted] = standingsOnBasis([standing('u', status)], 'submitted', ids);
    expect(onSubmitted).toEqual(standing('u', status));
  });
});

/** September 2022's monthly report (due 05/10/2022): u-a, u-b sent in full on time, u-c nothing. */
const PERIOD = '2022-09';
const sent = (unitId: string, contentHash: string): StoredSubmission => ({
  ...storedSubmission(PLANS.MONTHLY.id, PERIOD, unitId, {
    rows: [5],
    firstCompleteAt: '2022-10-01T03:00:00Z',
    lastChangedAt: '2022-10-01T03:00:00Z',
  }),
  contentHash,
});
const SUBMISSIONS = [sent('u-a', 'hash-a1'), sent('u-b', 'hash-b2')];
const decided = (
  unitId: string,
  decision: ReviewDecision['decision'],
  version: string,
  at = '2022-10-02T03:00:00Z',
): ReviewDecision => ({
  submissionId: `${PLANS.MONTHLY.id}~${PERIOD}~${unitId}`,
  formId: PLANS.MONTHLY.id,
  periodId: PERIOD,
  unitId,
  decision,
  comment: decision === 'needs-more' ? 'Thiếu danh sách' : '',
  by: 'Quận Đoàn',
  at: new Date(at),
  submissionVersion: version,
});

describe('approvedUnitIds: approved on the current version, by the latest decision', () => {
  it.each([
    ['nothing decided', [], []],
    ['approved', [decided('u-a', 'approved', 'hash-a1')], ['u-a']],
    ['sent back ("Cần bổ sung")', [decided('u-a', 'needs-more', 'hash-a1')], []],
    [
      'approved, then sent back',
      [decided('u-a', 'approved', 'hash-a1'), decided('u-a', 'needs-more', 'hash-a1', '2022-10-03T03:00:00Z')],
      [],
    ],
    ['approved, then changed by the unit', [decided('u-b', 'approved', 'hash-b1')], []],
    ['approved on the version stored now', [decided('u-b', 'approved', 'hash-b2')], ['u-b']],
  ] as const)('%s', (_, reviews, expected) => {
    expect([...approvedUnitIds({ reviews, submissions: SUBMISSIONS }, PLANS.MONTHLY.id, PERIOD)].sort()).toEqual(
      expected,
    );
  });
});

describe('countedStats and countedPicture', () => {
  const september = (basis: 'approved' | undefined, reviews: readonly ReviewDecision[]) => {
    const picture = countedPicture(
      pictureOf(
        [PLANS.MONTHLY],
        { reviews, ...(basis ? { reviewBasis: { [PLANS.MONTHLY.id]: basis } } : {}) },
        SUBMISSIONS,
      ),
    );
    const stats = picture.periods.find((p) => p.period.id === PERIOD)?.stats;
    if (!stats) throw new Error('no September stats');
    return stats;
  };

  it.each([
    // basis, decisions, complete, on time, awaiting, completeness, Cụm 1's completeness
    [undefined, [], 2, 2, undefined, 2 / 3, 1],
    [undefined, [decided('u-a', 'approved', 'hash-a1')], 2, 2, undefined, 2 / 3, 1],
    ['approved', [], 0, 0, 2, 0, 0],
    ['approved', [decided('u-a', 'approved', 'hash-a1')], 1, 1, 1, 1 / 3, 1 / 2],
    [
      'approved',
      [decided('u-a', 'approved', 'hash-a1'), decided('u-b', 'approved', 'hash-b2')],
      2,
      2,
      undefined,
      2 / 3,
      1,
    ],
  ] as const)('basis %s, %j', (basis, reviews, complete, onTime, awaiting, rate, cluster1) => {
    const stats = september(basis, reviews);
    expect(stats.overall).toMatchObject({ expected: 3, complete, onTime, missing: 1 });
    expect(stats.overall.awaitingApproval).toBe(awaiting);
    expect(stats.overall.rates.completeness).toBeCloseTo(rate);
    expect(stats.byCluster['Cụm 1']?.rates.completeness).toBeCloseTo(cluster1);
    expect(stats.countedOn).toBe(basis);
    // DHIS2: every figure stays a share of the expected reports.
    expect(stats.overall.complete + (stats.overall.awaitingApproval ?? 0) + stats.overall.missing).toBe(3);
  });

  it('returns the statistics untouched on the submitted basis', () => {
    const picture = pictureOf([PLANS.MONTHLY], {}, SUBMISSIONS);
    const stats = picture.periods[0]?.stats;
    if (!stats) throw new Error('no stats');
    expect(countedStats(stats, picture.units, 'submitted', new Set())).toBe(stats);
    expect(countedPicture(picture)).toBe(picture);
  });

  it('never counts above the expected reports, even when units outside the period are approved', () => {
    const picture = pictureOf([PLANS.MONTHLY], {}, SUBMISSIONS);
    const stats = picture.periods.find((p) => p.period.id === PERIOD)?.stats;
    if (!stats) throw new Error('no September stats');
    const counted = countedStats(stats, picture.units, 'approved', new Set(['u-a', 'u-b', 'u-c', 'u-x']));
    expect(counted.overall).toMatchObject({ expected: 3, complete: 2 });
    expect(counted.overall.rates.completeness).toBeLessThanOrEqual(1);
  });
});
