import { describe, expect, it } from 'vitest';
import {
  digestId,
  formPeriodId,
  mailboxReplyId,
  noticeId,
  parseDigestId,
  parseFormPeriodId,
  parseMailboxReplyId,
  parseNoticeId,
  parseReviewNoticeId,
  parseRevisionDocId,
  parseSubmissionId,
  reviewNoticeId,
  revisionDocId,
  submissionId,
} from '../../../functions/src/domain/ids/document-ids.js';
import { NOTICE_STAGES } from '../../../functions/src/domain/notices/notice-kinds.js';

// Period ids of every kind of period rule: once, monthly, weekly, school year, phase, unassigned, and the pre-2026 due date.
const PERIODS = ['mot-lan', '2020-04', '2020-W15', '2022-2023', 'dot-1', 'chua-xac-dinh', '2024-09-15'];

describe('document ids', () => {
  it.each(PERIODS)('a submission id round-trips (period %s)', (periodId) => {
    const id = submissionId('tap-huan-2024', periodId, 'thcs-le-loi');
    expect(parseSubmissionId(id)).toEqual({ formId: 'tap-huan-2024', periodId, unitId: 'thcs-le-loi' });
  });

  it('keeps the stored format: {form}~{period}~{unit}, {form}~{period}, {form}~{period}~{unit}~{stage}', () => {
    expect(submissionId('f', '2020-04', 'u1')).toBe('f~2020-04~u1');
    expect(formPeriodId('f', '2020-04')).toBe('f~2020-04');
    expect(noticeId('f', '2020-04', 'u1', 'overdue')).toBe('f~2020-04~u1~overdue');
    expect(digestId('2024-09-23')).toBe('digest~2024-09-23');
    expect(reviewNoticeId({ submissionId: 'f~mot-lan~u1', at: new Date(1726452000000) })).toBe(
      'review~f~mot-lan~u1~1726452000000',
    );
    expect(mailboxReplyId('ab12')).toBe('mailbox~ab12');
    expect(revisionDocId(12)).toBe('000012');
  });

  it('a statistics id round-trips', () => {
    for (const periodId of PERIODS)
      expect(parseFormPeriodId(formPeriodId('ke-hoach-nho', periodId))).toEqual({ formId: 'ke-hoach-nho', periodId });
  });

  it.each(NOTICE_STAGES)('a notice id round-trips (stage %s)', (stage) => {
    expect(parseNoticeId(noticeId('f', '2020-W15', 'u-2', stage))).toEqual({
      formId: 'f',
      periodId: '2020-W15',
      unitId: 'u-2',
      stage,
    });
  });

  it('a digest, review and mailbox id round-trip, and none is taken for another kind', () => {
    const at = new Date('2024-09-16T02:00:00Z');
    const review = reviewNoticeId({ submissionId: submissionId('f', 'mot-lan', 'u1'), at });
    expect(parseReviewNoticeId(review)).toEqual({ submission: { formId: 'f', periodId: 'mot-lan', unitId: 'u1' }, at });
    expect(parseDigestId(digestId('2024-09-23'))).toBe('2024-09-23');
    expect(parseMailboxReplyId(mailboxReplyId('9f3c'))).toBe('9f3c');
    expect(parseNoticeId(review)).toBeUndefined();
    expect(parseNoticeId(digestId('2024-09-23'))).toBeUndefined();
    expect(parseSubmissionId(noticeId('f', 'p', 'u', 'due'))).toBeUndefined();
    expect(parseDigestId(formPeriodId('f', 'p'))).toBeUndefined();
  });

  it.each([1, 2, 999_999, 1_000_000])('revision %i round-trips', (n) => {
    expect(parseRevisionDocId(revisionDocId(n))).toBe(n);
  });

  it('revision ids sort in number order up to 999,999', () => {
    const ids = [10, 2, 100, 1].map(revisionDocId).sort();
    expect(ids.map(parseRevisionDocId)).toEqual([1, 2, 10, 100]);
  });

  it.each([
    ['a part holding ~', () => submissionId('f~x', 'p', 'u')],
    ['an empty part', () => noticeId('f', '', 'u', 'due')],
    ['a unit named with ~', () => formPeriodId('f', 'p~q')],
    ['a review of something not a submission', () => reviewNoticeId({ submissionId: 'f~p', at: new Date(0) })],
    ['revision 0', () => revisionDocId(0)],
  ])('refuses to build an ambiguous id: %s', (_, build) => {
    expect(build).toThrow(/id|revision/);
  });

  it.each(['', 'f', 'f~p', 'f~~u', 'f~p~u~x', 'f~p~u~'])('does not parse %j as a submission id', (id) => {
    expect(parseSubmissionId(id)).toBeUndefined();
  });

  it('keeps odd but legal characters of a part (Vietnamese, spaces, dots)', () => {
    const key = { formId: 'Đăng ký', periodId: '2024.09', unitId: 'chi đoàn 1' };
    expect(parseSubmissionId(submissionId(key.formId, key.periodId, key.unitId))).toEqual(key);
  });
});
