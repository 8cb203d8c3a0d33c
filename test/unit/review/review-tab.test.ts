import { describe, expect, it } from 'vitest';
import { REVIEW_LABELS, type ReviewDecision } from '../../../functions/src/domain/review/review-decision.js';
import { reviewEntriesFromRows } from '../../../functions/src/domain/review/review-entries.js';
import { REVIEW_HEADERS, REVIEW_TAB } from '../../../functions/src/domain/review/review-tab.js';
import { completenessOn } from '../../../functions/src/domain/review/approved-completeness.js';
import { APPROVED_BASIS_NOTE } from '../../../functions/src/domain/summary/basis-labels.js';
import { buildSummary } from '../../../functions/src/domain/summary/build-summary.js';
import type { StoredSubmission } from '../../../functions/src/domain/summary/district-picture.js';
import { storedSubmission } from '../../support/forms.js';
import { PLANS, SUMMARY_UNITS, pictureOf, summaryTab } from '../../support/summary-picture.js';
import { summaryPageSetup } from '../../../functions/src/adapters/sheet-layout/summary-page-setup.js';
import { summaryColumnWidths } from '../../../functions/src/adapters/sheet-layout/summary-print-layout.js';

/** September 2022's monthly report, due 05/10/2022: u-a and u-b sent it in full on time. */
const PERIOD = '2022-09';
const sent = (unitId: string, contentHash: string): StoredSubmission => ({
  ...storedSubmission(PLANS.MONTHLY.id, PERIOD, unitId, {
    rows: [5],
    firstCompleteAt: '2022-10-01T03:00:00Z',
    lastChangedAt: '2022-10-01T03:00:00Z',
  }),
  contentHash,
});
const SUBMISSIONS = [sent('u-a', 'hash-a2'), sent('u-b', 'hash-b1')];
const decided = (unitId: string, kind: ReviewDecision['decision'], version: string, comment = ''): ReviewDecision => ({
  submissionId: `${PLANS.MONTHLY.id}~${PERIOD}~${unitId}`,
  formId: PLANS.MONTHLY.id,
  periodId: PERIOD,
  unitId,
  decision: kind,
  comment,
  by: 'Quận Đoàn',
  at: new Date('2022-10-02T03:00:00Z'),
  submissionVersion: version,
});

function reviewRows(reviews: readonly ReviewDecision[]) {
  const tab = summaryTab(buildSummary(pictureOf([PLANS.MONTHLY], { reviews }, SUBMISSIONS)), REVIEW_TAB);
  const headers = tab.columns.map((c) => c.header);
  const rows = tab.rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])));
  return { tab, rows: rows.filter((r) => r[REVIEW_HEADERS.period] === 'tháng 9/2022') };
}

describe('"Duyệt báo cáo" tab', () => {
  it('is absent when the district does not review, so other summaries keep their tabs', () => {
    expect(buildSummary(pictureOf([PLANS.MONTHLY], {}, SUBMISSIONS)).tabs.map((t) => t.name)).not.toContain(REVIEW_TAB);
  });

  it('prints one page wide, without the ids the next run reads back (they stay on screen)', () => {
    const { tab } = reviewRows([decided('u-b', 'needs-more', 'hash-b1', 'Thiếu danh sách')]);
    const setup = summaryPageSetup(tab, summaryColumnWidths(tab));
    // Before: 10 columns 212 wide, and the rates table widened two more, printed at 60 % across two pages.
    expect(setup).toMatchObject({ orientation: 'landscape', fit: 'width', printedColumns: 8 });
    expect(setup.printTitlesColumn).toBeUndefined();
    expect(tab.columns.slice(setup.printedColumns).map((c) => c.header)).toEqual([
      REVIEW_HEADERS.submissionId,
      REVIEW_HEADERS.version,
    ]);
  });

  it('lists each current submission with its review standing; a stale approval leaves the input columns empty', () => {
    const { tab, rows } = reviewRows([
      decided('u-a', 'approved', 'hash-a1'),
      decided('u-b', 'needs-more', 'hash-b1', 'Thiếu danh sách'),
    ]);
    expect(tab.columns.find((c) => c.header === REVIEW_HEADERS.decision)?.choices).toEqual(['Đã duyệt', 'Cần bổ sung']);
    expect(rows).toEqual([
      expect.objectContaining({
        [REVIEW_HEADERS.unit]: 'Đoàn cơ sở An Bình',
        [REVIEW_HEADERS.standing]: 'Đã sửa sau khi duyệt — chờ duyệt lại',
        [REVIEW_HEADERS.decision]: null,
        [REVIEW_HEADERS.version]: 'hash-a2',
      }),
      expect.objectContaining({
        [REVIEW_HEADERS.unit]: 'Đoàn cơ sở Bến Nghé',
        [REVIEW_HEADERS.standing]: 'Cần bổ sung: Thiếu danh sách',
        [REVIEW_HEADERS.decision]: 'Cần bổ sung',
        [REVIEW_HEADERS.comment]: 'Thiếu danh sách',
        [REVIEW_HEADERS.submissionId]: `${PLANS.MONTHLY.id}~${PERIOD}~u-b`,
      }),
    ]);
  });

  it("lists units by Vietnamese name, not the statistics' order, each decision on its own unit's row", () => {
    // Statistics list u-a, u-b, u-c; by name (Á before B before T) it is u-b, u-c, u-a, and by code point u-c, u-a, u-b.
    const units = SUMMARY_UNITS.map((u) => ({
      ...u,
      name:
        { 'u-a': 'Đoàn cơ sở Tân Định', 'u-b': 'Đoàn cơ sở Ánh Sáng', 'u-c': 'Đoàn cơ sở Bến Nghé' }[u.id] ?? u.name,
    }));
    const reviews = [decided('u-b', 'needs-more', 'hash-b1', 'Thiếu danh sách')];
    const picture = pictureOf([PLANS.MONTHLY], { reviews, units }, [...SUBMISSIONS, sent('u-c', 'hash-c1')]);
    const tab = summaryTab(buildSummary(picture), REVIEW_TAB);
    const headers = tab.columns.map((c) => c.header);
    const september = tab.rows
      .map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] === null ? '' : String(row[i])])))
      .filter((r) => r[REVIEW_HEADERS.period] === 'tháng 9/2022');
    expect(september.map((r) => [r[REVIEW_HEADERS.unit], r[REVIEW_HEADERS.decision]])).toEqual([
      ['Đoàn cơ sở Ánh Sáng', 'Cần bổ sung'],
      ['Đoàn cơ sở Bến Nghé', ''],
      ['Đoàn cơ sở Tân Định', ''],
    ]);
    // Read back as the next run does: the decision still names u-b's report, wherever its row now stands.
    expect(reviewEntriesFromRows(september).entries.map((e) => e.submissionId)).toEqual([
      `${PLANS.MONTHLY.id}~${PERIOD}~u-b`,
    ]);
  });

  it('counts completeness on both bases, labelled, the approved one only for current approvals', () => {
    const { tab } = reviewRows([decided('u-a', 'approved', 'hash-a1'), decided('u-b', 'approved', 'hash-b1')]);
    const rates = tab.moreTables?.[0];
    expect(rates?.columns.map((c) => c.header)).toContain('Tỉ lệ nộp đủ (tính theo đã duyệt)');
    expect(rates?.rows.find((r) => r[1] === 'tháng 9/2022')).toEqual([
      PLANS.MONTHLY.title,
      'tháng 9/2022',
      3,
      2,
      2 / 3,
      1,
      1 / 3,
      'Tỉ lệ nộp đủ (tính theo đã nộp)',
    ]);
  });

  it("says which rate is the plan's own ('Tính nộp đủ theo: Đã duyệt'), and Tổng quan counts and notes it", () => {
    const model = buildSummary(
      pictureOf(
        [PLANS.MONTHLY],
        { reviews: [], reviewedFormIds: [PLANS.MONTHLY.id], reviewBasis: { [PLANS.MONTHLY.id]: 'approved' } },
        SUBMISSIONS,
      ),
    );
    expect(summaryTab(model, REVIEW_TAB).moreTables?.[0]?.rows.map((r) => r.at(-1))).toContain(
      'Tỉ lệ nộp đủ (tính theo đã duyệt)',
    );
    const overview = summaryTab(model, 'Tổng quan');
    expect(overview.notes?.at(-1)).toBe(APPROVED_BASIS_NOTE);
    const september = overview.rows.find((r) => String(r[0]).includes('tháng 9/2022'));
    const headers = overview.columns.map((c) => c.header);
    expect(september?.[0]).toContain('(tính theo đã duyệt)');
    expect(september?.[headers.indexOf('Đã nộp đủ')]).toBe(0);
    expect(september?.[headers.indexOf('Chờ duyệt')]).toBe(2);
  });

  it("lists only the plans under review ('Cần duyệt: Không' leaves a plan out)", () => {
    const model = buildSummary(pictureOf([PLANS.MONTHLY], { reviews: [], reviewedFormIds: [] }, SUBMISSIONS));
    expect(summaryTab(model, REVIEW_TAB).rows).toEqual([]);
    expect(summaryTab(model, 'Tổng quan').notes?.join(' ')).not.toContain('đã duyệt');
  });

  it('reads typed entries back by header; an empty decision is no entry, an unknown word a problem', () => {
    const row = (decision: string, comment = '') => ({
      [REVIEW_HEADERS.unit]: 'Trường A',
      [REVIEW_HEADERS.form]: 'Báo cáo',
      [REVIEW_HEADERS.period]: 'Tháng 09/2022',
      [REVIEW_HEADERS.decision]: decision,
      [REVIEW_HEADERS.comment]: comment,
      [REVIEW_HEADERS.submissionId]: 'f~p~u',
      [REVIEW_HEADERS.version]: 'v1',
    });
    const { entries, problems } = reviewEntriesFromRows([
      row(''),
      row(` ${REVIEW_LABELS['needs-more']} `, ' Thiếu '),
      row('Duyệt rồi'),
    ]);
    expect(entries).toEqual([
      {
        submissionId: 'f~p~u',
        shownVersion: 'v1',
        decision: 'needs-more',
        comment: 'Thiếu',
        label: 'Trường A — Báo cáo — Tháng 09/2022',
      },
    ]);
    expect(problems).toEqual([
      "Quyết định 'Duyệt rồi' cho Trường A — Báo cáo — Tháng 09/2022 không được ghi nhận: hãy chọn 'Đã duyệt' hoặc 'Cần bổ sung'.",
    ]);
  });

  it('never counts more than expected on the approved basis', () => {
    const stats = pictureOf([PLANS.MONTHLY], {}, SUBMISSIONS).periods.find((p) => p.period.id === PERIOD)?.stats;
    if (!stats) throw new Error('no September stats');
    expect(completenessOn(stats, 'approved', new Set(['u-a', 'u-b', 'u-c', 'u-x']))).toMatchObject({
      expected: 3,
      complete: 2,
      rate: 2 / 3,
    });
  });
});
