import { describe, expect, it } from 'vitest';
import { storedSubmission } from '../../support/forms.js';
import { PLANS, pictureOf } from '../../support/summary-picture.js';
import { dashboardTab } from '../../../functions/src/domain/summary/dashboard-tab.js';
import { summaryTabLayout } from '../../../functions/src/domain/summary/summary-model.js';

const { MONTHLY, ONCE_2020 } = PLANS;
const SEPTEMBER = '2022-09';

// An on time for September (done 01/10); B completed September late, this morning (an hour ago).
const SUBMISSIONS = [
  storedSubmission(MONTHLY.id, SEPTEMBER, 'u-a', {
    rows: [3],
    firstCompleteAt: '2022-10-01T02:00:00.000Z',
    lastChangedAt: '2022-10-01T02:00:00.000Z',
  }),
  storedSubmission(MONTHLY.id, SEPTEMBER, 'u-b', {
    rows: [3],
    firstCompleteAt: '2022-10-20T02:00:00.000Z',
    lastChangedAt: '2022-10-20T02:00:00.000Z',
  }),
];

describe('Bảng điều khiển', () => {
  const dashboard = dashboardTab(pictureOf([MONTHLY, ONCE_2020], {}, SUBMISSIONS));

  it('is one printed page with today’s instant in its title', () => {
    expect(dashboard.name).toBe('Bảng điều khiển');
    expect(dashboard.onePage).toBe(true);
    expect(dashboard.title[1]).toBe('Tình hình các kế hoạch đang thực hiện, tính đến 10g00 20/10/2022.');
  });

  it('has one row per current plan, its latest current period, with counts beside the rates', () => {
    // October's report (due 5/11) is the plan's latest current period; nobody has sent it yet.
    expect(dashboard.rows).toEqual([
      [
        'Báo cáo 30 phút · tháng 10/2022',
        'hết ngày 05/11/2022',
        3,
        0,
        0,
        0,
        0,
        3,
        0,
        'Đoàn cơ sở An Bình; Đoàn cơ sở Bến Nghé; Đoàn cơ sở Cầu Kho',
      ],
    ]);
    expect(dashboard.columns.map((c) => c.format)).toEqual([
      'text',
      'text',
      'int',
      'int',
      'percent',
      'int',
      'percent',
      'int',
      'int',
      'text',
    ]);
    expect(dashboard.columns[8]?.header).toBe('Mới nộp đủ từ 10g00 19/10/2022');
  });

  it('names nobody as new when no unit completed the period since yesterday', () => {
    expect(dashboard.notes).toEqual([
      'Còn thiếu = chưa nộp hoặc nộp chưa đạt. Danh sách đầy đủ ở trang "Quá hạn" và "Tiến độ đơn vị".',
    ]);
  });

  it('charts completeness by cụm, one chart per plan over the table below', () => {
    expect(dashboard.moreTables?.[0]?.title).toBe('Tỉ lệ nộp đủ theo cụm');
    expect(dashboard.moreTables?.[0]?.rows).toEqual([
      ['Cụm 1', 0],
      ['Cụm 2', 0],
    ]);
    expect(dashboard.charts).toEqual([
      { title: 'Báo cáo 30 phút: tỉ lệ nộp đủ theo cụm', table: 1, categoryColumn: 0, seriesColumns: [1] },
    ]);
    const layout = summaryTabLayout(dashboard);
    expect(layout.moreTables[0]?.headerRow).toBeGreaterThan(layout.lastDataRow + 1);
    expect(layout.chartRow).toBeGreaterThan(layout.firstNoteRow);
  });

  it('says so when no plan is current', () => {
    const quiet = dashboardTab(pictureOf([ONCE_2020], {}, []));
    expect(quiet.rows).toEqual([]);
    expect(quiet.charts).toEqual([]);
    expect(quiet.notes?.[0]).toContain('Lưu trữ');
  });
});

describe('Bảng điều khiển: the day’s changes', () => {
  it('counts and names the units that completed the period since the same time yesterday', () => {
    // A 15-day window: September (due 5/10, 15 days ago) is current, October (due 5/11, 16 days ahead) not yet.
    const dashboard = dashboardTab(pictureOf([MONTHLY], { currentDays: 15 }, SUBMISSIONS));
    expect(dashboard.rows.map((r) => [r[0], r[3], r[7], r[8]])).toEqual([['Báo cáo 30 phút · tháng 9/2022', 2, 1, 1]]);
    expect(dashboard.notes).toContain('Báo cáo 30 phút — mới nộp đủ: Đoàn cơ sở Bến Nghé.');
  });
});
