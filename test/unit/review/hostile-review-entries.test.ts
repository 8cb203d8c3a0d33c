import { describe, expect, it } from 'vitest';
import { REVIEW_LABELS } from '../../../functions/src/domain/review/review-decision.js';
import { MAX_REVIEW_COMMENT, reviewEntriesFromRows } from '../../../functions/src/domain/review/review-entries.js';
import { REVIEW_HEADERS, REVIEW_TAB, SHOWN_REFUSALS } from '../../../functions/src/domain/review/review-tab.js';
import { buildSummary } from '../../../functions/src/domain/summary/build-summary.js';
import { PLANS, pictureOf, summaryTab } from '../../support/summary-picture.js';

/** A row of "Duyệt báo cáo" as typed; every cell may be replaced. */
const row = (cells: Partial<Record<keyof typeof REVIEW_HEADERS, string>> = {}) => ({
  [REVIEW_HEADERS.unit]: cells.unit ?? 'Chi đoàn Khu phố 1',
  [REVIEW_HEADERS.form]: cells.form ?? 'Đánh giá đoàn viên',
  [REVIEW_HEADERS.period]: cells.period ?? 'Đợt I',
  [REVIEW_HEADERS.decision]: cells.decision ?? REVIEW_LABELS.approved,
  [REVIEW_HEADERS.comment]: cells.comment ?? '',
  [REVIEW_HEADERS.submissionId]: cells.submissionId ?? 'f~p~u',
  [REVIEW_HEADERS.version]: cells.version ?? 'v1',
});
const CELL_LIMIT = 32_767;

describe('what a reviewer with edit access types cannot flood the run', () => {
  it('one report on two rows with different decisions records neither, and says so', () => {
    const { entries, problems } = reviewEntriesFromRows([
      row({ decision: REVIEW_LABELS.approved }),
      row({ decision: REVIEW_LABELS['needs-more'], comment: 'Thiếu' }),
      row({ submissionId: 'f~p~other' }),
    ]);
    expect(entries.map((e) => e.submissionId)).toEqual(['f~p~other']);
    expect(problems).toEqual([
      'Báo cáo Chi đoàn Khu phố 1 — Đánh giá đoàn viên — Đợt I có 2 dòng với quyết định hoặc nhận xét khác nhau ở trang Duyệt báo cáo: không quyết định nào được ghi nhận. Hãy để mỗi báo cáo một dòng.',
    ]);
  });

  it('10,000 pasted copies of one row are one entry, not 10,000 decisions', () => {
    const { entries, problems } = reviewEntriesFromRows(Array.from({ length: 10_000 }, () => row()));
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it("refuses a 'Nhận xét' longer than the unit's note and mail should carry, naming its length", () => {
    const comment = 'x'.repeat(CELL_LIMIT);
    const { entries, problems } = reviewEntriesFromRows([
      row({ decision: REVIEW_LABELS['needs-more'], comment }),
      row({ submissionId: 'f~p~v', decision: REVIEW_LABELS['needs-more'], comment: 'y'.repeat(MAX_REVIEW_COMMENT) }),
    ]);
    expect(entries.map((e) => e.submissionId)).toEqual(['f~p~v']);
    expect(problems).toEqual([
      "Quyết định 'Cần bổ sung' cho Chi đoàn Khu phố 1 — Đánh giá đoàn viên — Đợt I không được ghi nhận: 'Nhận xét' dài 32.767 ký tự; hãy viết gọn trong 2.000 ký tự.",
    ]);
  });

  it('quotes at most 120 characters of each typed cell in a message, on one line', () => {
    const long = `=HYPERLINK("http://x")\n${'Đ'.repeat(CELL_LIMIT)}`;
    const { problems } = reviewEntriesFromRows([row({ unit: long, form: long, period: long, decision: long })]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.length).toBeLessThan(700);
    expect(problems[0]).not.toContain('\n');
    expect(problems[0]).toContain('=HYPERLINK("http://x") ĐĐĐ');
  });

  it('shows a page of refusals under the tab, then how many more', () => {
    const refusals = Array.from({ length: 10_000 }, (_, i) => `Từ chối ${i + 1}.`);
    const tab = summaryTab(
      buildSummary(pictureOf([PLANS.MONTHLY], { reviews: [], reviewRefusals: refusals })),
      REVIEW_TAB,
    );
    expect(tab.notes).toHaveLength(SHOWN_REFUSALS + 1);
    expect(tab.notes?.slice(0, 2)).toEqual(['Từ chối 1.', 'Từ chối 2.']);
    expect(tab.notes?.at(-1)).toBe(
      'Còn 9.980 quyết định khác không được ghi nhận (không liệt kê hết ở đây); hãy sửa các dòng trên trước.',
    );
  });
});
