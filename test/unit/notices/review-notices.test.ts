import { describe, expect, it } from 'vitest';
import {
  decideReviewNotices,
  REVIEW_SUPPRESS_REASONS,
} from '../../../functions/src/domain/notices/decide-review-notices.js';
import type { LedgerEntry } from '../../../functions/src/domain/notices/notice-kinds.js';
import { renderReviewNotice } from '../../../functions/src/domain/notices/render-review-notice.js';
import type { ReviewDecision } from '../../../functions/src/domain/review/review-decision.js';
import { ALWAYS_OPEN, school, SETTINGS, TAP_HUAN } from './notice-fixtures.js';
import { reviewNoticeId } from '../../../functions/src/domain/ids/document-ids.js';

const UNIT = school('a');
const SUBMISSION = {
  id: 'tap-huan-2024~mot-lan~a',
  contentHash: 'v2',
  lastChangedAt: new Date('2024-09-12T03:00:00Z'),
};

function decision(kind: ReviewDecision['decision'], version: string, at: string, comment = ''): ReviewDecision {
  return {
    submissionId: SUBMISSION.id,
    formId: 'tap-huan-2024',
    periodId: 'mot-lan',
    unitId: 'a',
    decision: kind,
    comment,
    by: 'Quận Đoàn',
    at: new Date(at),
    submissionVersion: version,
  };
}
const ledgerOf = (...entries: LedgerEntry[]) => new Map(entries.map((e) => [e.id, e]));

describe('decideReviewNotices: one mail per decision, only while it still describes the report', () => {
  const needsMore = decision('needs-more', 'v1', '2024-09-11T03:00:00Z', 'Thiếu số điện thoại');
  const approved = decision('approved', 'v2', '2024-09-13T03:00:00Z');
  it.each([
    ['the latest decision on the current version', [needsMore, approved], ledgerOf(), [reviewNoticeId(approved)], []],
    ['a decision on a version the unit changed since', [needsMore], ledgerOf(), [], [REVIEW_SUPPRESS_REASONS.changed]],
    [
      'already sent',
      [approved],
      ledgerOf({ id: reviewNoticeId(approved), state: 'sent', attempts: 0, recipients: 1 }),
      [],
      [],
    ],
    [
      'claimed by a run killed before marking it',
      [approved],
      ledgerOf({ id: reviewNoticeId(approved), state: 'claimed', attempts: 0, recipients: 1 }),
      [],
      [],
    ],
    [
      'failed once: retried',
      [approved],
      ledgerOf({ id: reviewNoticeId(approved), state: 'failed', attempts: 1, recipients: 1 }),
      [reviewNoticeId(approved)],
      [],
    ],
    [
      'failed too often',
      [approved],
      ledgerOf({ id: reviewNoticeId(approved), state: 'failed', attempts: 5, recipients: 1 }),
      [],
      ['đã thử 5 lần không thành công'],
    ],
  ])('%s', (_name, decisions, ledger, sent, reasons) => {
    const result = decideReviewNotices({
      decisions,
      submissions: [SUBMISSION],
      units: [UNIT],
      ledger,
      policy: ALWAYS_OPEN,
    });
    expect(result.send.map((n) => n.id)).toEqual(sent);
    expect(result.suppressed.map((s) => s.reason)).toEqual(reasons);
  });

  it('sends to the unit contacts, lowercase; a unit without email gets none', () => {
    const approved2 = decision('approved', 'v2', '2024-09-13T03:00:00Z');
    expect(
      decideReviewNotices({
        decisions: [approved2],
        submissions: [SUBMISSION],
        units: [UNIT],
        ledger: ledgerOf(),
        policy: ALWAYS_OPEN,
      }).send[0]?.to,
    ).toEqual(['tpt@a.example']);
    const silent = decideReviewNotices({
      decisions: [approved2],
      submissions: [SUBMISSION],
      units: [{ ...UNIT, contacts: [] }],
      ledger: ledgerOf(),
      policy: ALWAYS_OPEN,
    });
    expect(silent.send).toEqual([]);
    expect(silent.suppressed.map((s) => s.reason)).toEqual(['đơn vị chưa có email liên hệ']);
  });
});

describe('renderReviewNotice', () => {
  const rejected = [
    {
      rowNumber: 7,
      periodId: 'mot-lan',
      cells: {},
      errors: [
        { column: 'Số điện thoại', message: "Dòng 7, cột 'Số điện thoại': '12345' không phải số điện thoại Việt Nam" },
      ],
    },
  ];
  const context = { spec: TAP_HUAN, unit: UNIT, settings: SETTINGS, sheetLink: 'tệp a.xlsx' };

  it('"Cần bổ sung": the comment, the rows still rejected and where to fix, in Vietnamese NFC', () => {
    const mail = renderReviewNotice({
      ...context,
      decision: decision('needs-more', 'v2', '2024-09-13T03:00:00Z', 'Thiếu danh sách phụ trách'),
      submission: { rejected },
    });
    expect(mail.subject).toMatch(/^\[Duyệt báo cáo\] Cần bổ sung — /);
    expect(mail.text).toContain('Thiếu danh sách phụ trách');
    expect(mail.text).toContain('Thời điểm:   10g00 13/09/2024');
    expect(mail.text).toContain("Dòng 7: ✗ Cột 'Số điện thoại': '12345' không phải số điện thoại Việt Nam");
    expect(mail.text).toContain("Nơi sửa báo cáo: tệp a.xlsx (trang 'Đăng ký tập huấn')");
    expect(mail.text).toBe(mail.text.normalize('NFC'));
    expect(mail.html).toContain('Thiếu danh sách phụ trách');
  });

  it('"Đã duyệt": short, says who and when, no list of rows', () => {
    const mail = renderReviewNotice({
      ...context,
      decision: decision('approved', 'v2', '2024-09-13T03:00:00Z'),
      submission: { rejected: [] },
    });
    expect(mail.subject).toMatch(/^\[Duyệt báo cáo\] Đã duyệt — /);
    expect(mail.text).toContain('đã được Quận Đoàn duyệt lúc 10g00 13/09/2024');
    expect(mail.text).not.toContain('Nơi sửa báo cáo');
    expect(mail.text.split('\n\n').length).toBeLessThanOrEqual(4);
  });
});
