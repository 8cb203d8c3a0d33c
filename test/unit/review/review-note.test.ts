import { describe, expect, it } from 'vitest';
import { buildUnitFeedback } from '../../../functions/src/domain/feedback/build-unit-feedback.js';
import type { ReviewDecision } from '../../../functions/src/domain/review/review-decision.js';
import { storedSubmission } from '../../support/forms.js';
import { PLANS, pictureOf, SUMMARY_UNITS } from '../../support/summary-picture.js';

const PERIOD = '2022-09';
const SUBMISSION = {
  ...storedSubmission(PLANS.MONTHLY.id, PERIOD, 'u-a', {
    rows: [5],
    firstCompleteAt: '2022-10-01T03:00:00Z',
    lastChangedAt: '2022-10-01T03:00:00Z',
  }),
  contentHash: 'v2',
};
const decided = (decision: ReviewDecision['decision'], version: string, comment = ''): ReviewDecision => ({
  submissionId: SUBMISSION.id,
  formId: PLANS.MONTHLY.id,
  periodId: PERIOD,
  unitId: 'u-a',
  decision,
  comment,
  by: 'Quận Đoàn',
  at: new Date('2022-10-02T03:00:00Z'),
  submissionVersion: version,
});

function septemberNote(reviews?: ReviewDecision[]): unknown {
  const unit = SUMMARY_UNITS[0];
  if (!unit) throw new Error('no unit');
  const feedback = buildUnitFeedback(unit, [], pictureOf([PLANS.MONTHLY], reviews ? { reviews } : {}, [SUBMISSION]));
  return feedback.standing.rows.find((row) => row[1] === 'tháng 9/2022')?.[4];
}

describe('the unit sees the review in its "Tình hình nộp" note', () => {
  it.each([
    ['no review at all', undefined, ''],
    ['no decision yet', [], ''],
    ['approved', [decided('approved', 'v2')], 'Đã duyệt'],
    [
      'sent back with a comment',
      [decided('needs-more', 'v2', 'Thiếu danh sách đoàn viên')],
      'Cần bổ sung: Thiếu danh sách đoàn viên',
    ],
    ['approved, then changed', [decided('approved', 'v1')], 'Đã sửa sau khi duyệt — chờ duyệt lại'],
  ])('%s', (_name, reviews, note) => {
    expect(septemberNote(reviews)).toBe(note);
  });
});
