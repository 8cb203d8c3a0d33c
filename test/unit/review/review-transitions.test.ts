import { describe, expect, it } from 'vitest';
import { settingIsOn } from '../../../functions/src/domain/units/read-control.js';
import { acceptReviewEntry, type ReviewEntry } from '../../../functions/src/domain/review/accept-review-entry.js';
import {
  latestDecisions,
  parseReviewDecision,
  type ReviewDecision,
} from '../../../functions/src/domain/review/review-decision.js';
import {
  reviewStanding,
  STALE_AFTER_APPROVAL_TEXT,
  STALE_AFTER_NEEDS_MORE_TEXT,
} from '../../../functions/src/domain/review/review-standing.js';

const NOW = new Date('2024-09-20T03:00:00Z');
const SUBMISSION = {
  id: 'f~p~u',
  formId: 'f',
  periodId: 'p',
  unitId: 'u',
  contentHash: 'v2',
  lastChangedAt: new Date('2024-09-18T03:00:00Z'),
};
const LABEL = 'Trường A — Đăng ký — Năm 2024';

function decision(
  kind: ReviewDecision['decision'],
  version: string,
  comment = '',
  at = '2024-09-19T03:00:00Z',
): ReviewDecision {
  return {
    submissionId: 'f~p~u',
    formId: 'f',
    periodId: 'p',
    unitId: 'u',
    decision: kind,
    comment,
    by: 'Quận Đoàn',
    at: new Date(at),
    submissionVersion: version,
  };
}
function entry(kind: ReviewEntry['decision'], shownVersion: string, comment = ''): ReviewEntry {
  return { submissionId: 'f~p~u', shownVersion, decision: kind, comment, label: LABEL };
}

describe('review standing: a change after a decision waits for a new one', () => {
  it.each([
    ['no decision', undefined, 'pending', 'Chờ duyệt'],
    ['approved, this version', decision('approved', 'v2'), 'approved', 'Đã duyệt'],
    [
      'needs more, this version',
      decision('needs-more', 'v2', 'Thiếu số điện thoại'),
      'needs-more',
      'Cần bổ sung: Thiếu số điện thoại',
    ],
    ['approved, then the unit changed its file', decision('approved', 'v1'), 'stale', STALE_AFTER_APPROVAL_TEXT],
    [
      'needs more, then the unit changed its file',
      decision('needs-more', 'v1', 'Thiếu'),
      'stale',
      STALE_AFTER_NEEDS_MORE_TEXT,
    ],
  ])('%s', (_name, latest, state, text) => {
    expect(reviewStanding(latest, SUBMISSION)).toEqual({ state, text });
  });

  it('says the stale state in Vietnamese', () => {
    expect(STALE_AFTER_APPROVAL_TEXT).toBe('Đã sửa sau khi duyệt — chờ duyệt lại');
  });
});

describe('a typed entry becomes a decision, is already recorded, or is refused', () => {
  it('records a decision on the latest version, by whom and when', () => {
    expect(acceptReviewEntry(entry('approved', 'v2'), SUBMISSION, undefined, 'Quận Đoàn', NOW)).toEqual({
      kind: 'new',
      decision: { ...decision('approved', 'v2'), at: NOW },
    });
  });

  it.each([
    ['the same decision read again', decision('approved', 'v2'), entry('approved', 'v2'), 'same'],
    [
      'a new comment on the same decision',
      decision('needs-more', 'v2', 'Thiếu'),
      entry('needs-more', 'v2', 'Thiếu ngày sinh'),
      'new',
    ],
    [
      'approval after "cần bổ sung" on the same version',
      decision('needs-more', 'v2', 'Thiếu'),
      entry('approved', 'v2'),
      'new',
    ],
    [
      'the same words on a new version (after a stale approval)',
      decision('approved', 'v1'),
      entry('approved', 'v2'),
      'new',
    ],
    [
      'the recorded approval echoed by its row after the report changed',
      decision('approved', 'v1'),
      entry('approved', 'v1'),
      'same',
    ],
  ])('%s', (_name, latest, typed, kind) => {
    expect(acceptReviewEntry(typed, SUBMISSION, latest, 'Quận Đoàn', NOW).kind).toBe(kind);
  });

  it.each([
    [
      'a version that is not the latest',
      entry('approved', 'v1'),
      SUBMISSION,
      'đơn vị đã sửa báo cáo sau khi bảng tổng hợp được lập',
    ],
    ['"Cần bổ sung" without a comment', entry('needs-more', 'v2'), SUBMISSION, "hãy ghi ở cột 'Nhận xét'"],
    ['a report that no longer exists', entry('approved', 'v2'), undefined, 'không còn báo cáo này'],
  ])('refuses %s, naming the report', (_name, typed, submission, reason) => {
    const outcome = acceptReviewEntry(typed, submission, undefined, 'Quận Đoàn', NOW);
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.message).toContain(reason);
    expect(outcome.kind === 'refused' && outcome.message).toContain(LABEL);
  });
});

describe('decision words and the latest decision', () => {
  it.each([
    ['Đã duyệt', 'approved'],
    ['  đã   DUYỆT ', 'approved'],
    ['Cần bổ sung', 'needs-more'],
    ['Ca\u0302̀n bổ sung'.normalize('NFD'), 'needs-more'],
    ['OK', undefined],
    ['', undefined],
  ])('%j → %s', (text, kind) => {
    expect(parseReviewDecision(text)).toBe(kind);
  });

  it('keeps the latest decision of each submission', () => {
    const first = decision('needs-more', 'v2', 'Thiếu', '2024-09-19T01:00:00Z');
    const second = decision('approved', 'v2', '', '2024-09-19T05:00:00Z');
    expect(latestDecisions([second, first]).get('f~p~u')).toBe(second);
  });
});

describe('the control setting "Duyệt báo cáo" switches review on', () => {
  it.each([
    ['Có', true],
    [' có ', true],
    ['CO', true],
    ['Không', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (value, on) => {
    expect(settingIsOn(value)).toBe(on);
  });
});
