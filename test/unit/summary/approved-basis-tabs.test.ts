import { describe, expect, it } from 'vitest';
import { buildUnitFeedback } from '../../../functions/src/domain/feedback/build-unit-feedback.js';
import type { ReviewDecision } from '../../../functions/src/domain/review/review-decision.js';
import { APPROVED_BASIS_NOTE } from '../../../functions/src/domain/summary/basis-labels.js';
import { buildSummary } from '../../../functions/src/domain/summary/build-summary.js';
import { DASHBOARD_TAB } from '../../../functions/src/domain/summary/dashboard-tab.js';
import type { DistrictPicture, StoredSubmission } from '../../../functions/src/domain/summary/district-picture.js';
import { BRANCH_GROUP } from '../../../functions/src/domain/summary/status-tabs.js';
import { subtreePicture } from '../../../functions/src/domain/summary/subtree-picture.js';
import type { SummaryTab } from '../../../functions/src/domain/summary/summary-model.js';
import { storedSubmission } from '../../support/forms.js';
import { PLANS, pictureOf, SUMMARY_UNITS, summaryTab } from '../../support/summary-picture.js';

/*
 * One plan counted on approved reports ('Tính nộp đủ theo: Đã duyệt') read through every tab that shows
 * completeness: u-a and u-b sent October's monthly report (the dashboard's latest period) in full, only u-a is approved.
 */
const PERIOD = '2022-10';
const SUBMISSIONS: StoredSubmission[] = ['u-a', 'u-b'].map((unitId) => ({
  ...storedSubmission(PLANS.MONTHLY.id, PERIOD, unitId, {
    rows: [5],
    firstCompleteAt: '2022-10-15T03:00:00Z',
    lastChangedAt: '2022-10-15T03:00:00Z',
  }),
  contentHash: `hash-${unitId}`,
}));
const APPROVED_A: ReviewDecision = {
  submissionId: `${PLANS.MONTHLY.id}~${PERIOD}~u-a`,
  formId: PLANS.MONTHLY.id,
  periodId: PERIOD,
  unitId: 'u-a',
  decision: 'approved',
  comment: '',
  by: 'Quận Đoàn',
  at: new Date('2022-10-16T03:00:00Z'),
  submissionVersion: 'hash-u-a',
};
// u-b and u-c are chi đoàn-like members under u-a, so "Theo cụm" rolls the plan up for the cơ sở u-a.
const TREE_UNITS = SUMMARY_UNITS.map((u) => (u.id === 'u-a' ? u : { ...u, parent: 'u-a' }));
const picture = (basis: 'approved' | undefined): DistrictPicture =>
  pictureOf(
    [PLANS.MONTHLY],
    {
      units: TREE_UNITS,
      reviews: [APPROVED_A],
      ...(basis ? { reviewedFormIds: [PLANS.MONTHLY.id], reviewBasis: { [PLANS.MONTHLY.id]: basis } } : {}),
    },
    SUBMISSIONS,
  );
const record = (tab: SummaryTab, row: readonly unknown[] | undefined) =>
  Object.fromEntries(tab.columns.map((c, i) => [c.header, row?.[i]]));
const october = (tab: SummaryTab) => tab.rows.filter((r) => String(r[0]).includes('tháng 10/2022'));

describe('a plan counted on approved reports, in every tab that shows completeness', () => {
  it('Tổng quan counts approved reports, labels the row and notes the basis', () => {
    const tab = summaryTab(buildSummary(picture('approved')), 'Tổng quan');
    const [row] = october(tab);
    expect(row?.[0]).toBe(`${PLANS.MONTHLY.tab} · tháng 10/2022 (tính theo đã duyệt)`);
    expect(record(tab, row)).toMatchObject({
      'Phải nộp': 3,
      'Đã nộp đủ': 1,
      'Chờ duyệt': 1,
      'Đúng hạn': 1,
      'Chưa nộp': 1,
    });
    expect(record(tab, row)['Tỉ lệ nộp đủ']).toBeCloseTo(1 / 3);
    expect(tab.notes).toContain(APPROVED_BASIS_NOTE);
  });

  it('Bảng điều khiển counts approved reports in its plan table and its cụm chart, labelled', () => {
    const tab = summaryTab(buildSummary(picture('approved')), DASHBOARD_TAB);
    const row = record(tab, tab.rows[0]);
    expect(String(row['Kế hoạch · Kỳ'])).toContain('(tính theo đã duyệt)');
    expect(row).toMatchObject({ 'Phải nộp': 3, 'Đã nộp đủ': 1, 'Chờ duyệt': 1 });
    expect(row['Tỉ lệ nộp đủ']).toBeCloseTo(1 / 3);
    const clusters = tab.moreTables?.[0];
    expect(clusters?.columns[1]?.header).toContain('(tính theo đã duyệt)');
    expect(clusters?.rows.find((r) => r[0] === 'Cụm 1')?.[1]).toBeCloseTo(1 / 2);
    expect(tab.charts?.[0]?.title).toContain('(tính theo đã duyệt)');
  });

  it("Theo cụm counts approved reports for each cụm and for a cơ sở's roll-up of its subtree", () => {
    const tab = summaryTab(buildSummary(picture('approved')), 'Theo cụm');
    const rows = october(tab).map((r) => record(tab, r));
    expect(rows.find((r) => r['Nhóm'] === 'Cụm 1')).toMatchObject({ 'Đã nộp đủ': 1, 'Chờ duyệt': 1 });
    const branch = rows.find((r) => r['Phân nhóm'] === BRANCH_GROUP);
    expect(branch).toMatchObject({ 'Phải nộp': 3, 'Đã nộp đủ': 1, 'Chờ duyệt': 1 });
    expect(String(branch?.['Biểu mẫu · Kỳ'])).toContain('(tính theo đã duyệt)');
  });

  it("a cơ sở's own summary counts its subtree's approved reports the same way", () => {
    const branch = TREE_UNITS.find((u) => u.id === 'u-a');
    if (!branch) throw new Error('no u-a');
    const tab = summaryTab(buildSummary(subtreePicture(picture('approved'), branch)), 'Tổng quan');
    expect(record(tab, october(tab)[0])).toMatchObject({ 'Phải nộp': 3, 'Đã nộp đủ': 1, 'Chờ duyệt': 1 });
  });

  it('Tiến độ đơn vị says "đã duyệt" or "chờ duyệt" after the status of a report in full', () => {
    const tab = summaryTab(buildSummary(picture('approved')), 'Tiến độ đơn vị');
    const column = tab.columns.findIndex((c) => c.header.includes('tháng 10/2022'));
    const cell = (unitId: string) => tab.rows.find((r) => r[0] === unitId)?.[column];
    expect(cell('u-a')).toBe('✓ Đủ, đúng hạn — đã duyệt');
    expect(cell('u-b')).toBe('✓ Đủ, đúng hạn — chờ duyệt');
    expect(cell('u-c')).toBe('missing');
    const submitted = summaryTab(buildSummary(picture(undefined)), 'Tiến độ đơn vị');
    expect(submitted.rows.find((r) => r[0] === 'u-a')?.[column]).toBe('complete-on-time');
  });

  it('the unit\'s own "Tình hình nộp" says whether its report in full is approved yet', () => {
    const [a, b] = ['u-a', 'u-b'].map((id) => TREE_UNITS.find((u) => u.id === id));
    if (!a || !b) throw new Error('no units');
    const status = (unit: typeof a, basis: 'approved' | undefined) =>
      buildUnitFeedback(unit, [], picture(basis)).standing.rows.find((r) => r[1] === 'tháng 10/2022')?.[3];
    expect(status(a, 'approved')).toBe('✓ Đủ, đúng hạn — đã duyệt');
    expect(status(b, 'approved')).toBe('✓ Đủ, đúng hạn — chờ duyệt');
    expect(status(b, undefined)).toBe('complete-on-time');
  });

  it('a plan counted on submitted reports is unchanged: no suffix, no Chờ duyệt, no note', () => {
    const model = buildSummary(picture(undefined));
    for (const name of ['Tổng quan', 'Theo cụm', DASHBOARD_TAB]) {
      const tab = summaryTab(model, name);
      expect(tab.columns.map((c) => c.header)).not.toContain('Chờ duyệt');
      expect(JSON.stringify(tab)).not.toContain('đã duyệt');
    }
    const tab = summaryTab(model, 'Tổng quan');
    expect(record(tab, october(tab)[0])).toMatchObject({ 'Phải nộp': 3, 'Đã nộp đủ': 2, 'Chưa nộp': 1 });
  });
});
