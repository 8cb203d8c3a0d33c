import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { planReviews } from '../../../functions/src/domain/plans/plan-review-setting.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import { COLUMNS_X, COLUMNS_Y, PLAN_X, PLAN_Y, planTab } from './plan-sheet-fixture.js';

/** Plan x with the review cells given, beside plan y that says nothing. */
function readingOf(cells: Record<string, RawCell>) {
  return readPlanTabs([
    planTab('Biểu mẫu', [{ ...PLAN_X, ...cells }, PLAN_Y]),
    planTab('Cột biểu mẫu', [...COLUMNS_X, ...COLUMNS_Y]),
  ]);
}

describe("the plan tab's review cells: 'Cần duyệt' and 'Tính nộp đủ theo'", () => {
  it.each([
    ['nothing said', {}, undefined],
    ['Cần duyệt: Có', { 'Cần duyệt': 'Có' }, { review: true }],
    ['Cần duyệt: Không', { 'Cần duyệt': 'Không' }, { review: false }],
    ["the alias 'Duyệt báo cáo', lower case", { 'Duyệt báo cáo': 'có' }, { review: true }],
    [
      'Có, counted on approved reports',
      { 'Cần duyệt': 'Có', 'Tính nộp đủ theo': 'Đã duyệt' },
      { review: true, basis: 'approved' },
    ],
    ['the basis alone (review from the district setting)', { 'Tính nộp đủ theo': 'đã nộp' }, { basis: 'submitted' }],
  ])('%s', (_name, cells, setting) => {
    const reading = readingOf(cells);
    expect(reading.problems).toEqual([]);
    expect(reading.review?.get('x')).toEqual(setting);
    expect(reading.review?.has('y')).toBe(false);
  });

  it.each([
    [
      "'Đã duyệt' on a plan that is not reviewed",
      { 'Cần duyệt': 'Không', 'Tính nộp đủ theo': 'Đã duyệt' },
      'Tính nộp đủ theo',
      "'Đã duyệt' cần 'Cần duyệt' là Có",
    ],
    [
      'a word that is no basis',
      { 'Tính nộp đủ theo': 'Đã xem' },
      'Tính nộp đủ theo',
      "'Đã xem' không có trong danh sách",
    ],
    ['a word that is no yes or no', { 'Cần duyệt': 'Tùy' }, 'Cần duyệt', 'Tùy'],
  ])('names the row and column of %s', (_name, cells, header, words) => {
    const problems = readingOf(cells).problems.filter((p) => p.formId === 'x');
    expect(problems[0]).toMatchObject({ tab: 'Biểu mẫu', row: 2, header });
    expect(problems[0]?.message).toContain(words);
  });
});

describe("each plan's review: its own 'Cần duyệt', else the district-wide 'Duyệt báo cáo'", () => {
  const settings = new Map([
    ['on', { review: true, basis: 'approved' as const }],
    ['off', { review: false }],
    ['basis-only', { basis: 'approved' as const }],
  ]);
  it.each([
    [false, ['on'], { on: 'approved' }],
    [true, ['on', 'basis-only', 'silent'], { on: 'approved', 'basis-only': 'approved', silent: 'submitted' }],
  ])('district setting %s → reviewed %j', (district, reviewed, basis) => {
    const result = planReviews(['on', 'off', 'basis-only', 'silent'], settings, district);
    expect([...result.reviewed]).toEqual(reviewed);
    expect(Object.fromEntries(result.basis)).toEqual(basis);
  });
});
