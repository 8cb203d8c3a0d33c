import { describe, expect, it } from 'vitest';
import { PLANS, pictureOf, summaryTab as tab } from '../../support/summary-picture.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { buildSummary } from '../../../functions/src/domain/summary/build-summary.js';
import { periodsByRecency } from '../../../functions/src/domain/summary/current-periods.js';
import { ONCE_PERIOD } from '../../../functions/src/domain/periods/period-id.js';

const { MONTHLY, ONCE_2020, ONCE_2014 } = PLANS;

const ids = (list: readonly { spec: FormSpec; period: { id: string } }[]) =>
  list.map((p) => `${p.spec.id}~${p.period.id}`);

describe('periodsByRecency: what is current', () => {
  it('by default, periods due within 30 days before or after now, the latest period first', () => {
    const { current, archived } = periodsByRecency(pictureOf([MONTHLY, ONCE_2020]));
    expect(ids(current)).toEqual([`${MONTHLY.id}~2022-10`, `${MONTHLY.id}~2022-09`]);
    // Everything else, latest deadline first: August's report (due 5/09) heads the archive.
    expect(ids(archived).slice(0, 2)).toEqual([`${MONTHLY.id}~2022-08`, `${MONTHLY.id}~2022-07`]);
    expect(ids(archived)).toContain(`${ONCE_2020.id}~${ONCE_PERIOD}`);
    expect(current.length + archived.length).toBe(pictureOf([MONTHLY, ONCE_2020]).periods.length);
  });

  it('follows the configured window', () => {
    expect(ids(periodsByRecency(pictureOf([MONTHLY], { currentDays: 10 })).current)).toEqual([]);
    expect(ids(periodsByRecency(pictureOf([MONTHLY], { currentDays: 50 })).current)).toEqual([
      `${MONTHLY.id}~2022-10`,
      `${MONTHLY.id}~2022-09`,
      `${MONTHLY.id}~2022-08`,
    ]);
  });

  it('keeps a period still being chased (a reminder sent within the window) current, however old', () => {
    const sentAt = new Date('2022-10-10T01:00:00.000Z');
    const chased = pictureOf([MONTHLY, ONCE_2020], {
      noticesSent: [
        {
          id: 'n',
          state: 'sent',
          attempts: 1,
          recipients: 1,
          sentAt,
          stage: 'escalation',
          unitId: 'u-a',
          formId: ONCE_2020.id,
          periodId: ONCE_PERIOD,
        },
      ],
    });
    expect(ids(periodsByRecency(chased).current)).toContain(`${ONCE_2020.id}~${ONCE_PERIOD}`);
    const longAgo = pictureOf([MONTHLY, ONCE_2020], {
      noticesSent: [
        {
          id: 'n',
          state: 'sent',
          attempts: 1,
          recipients: 1,
          sentAt: new Date('2020-05-01T01:00:00.000Z'),
          stage: 'escalation',
          unitId: 'u-a',
          formId: ONCE_2020.id,
          periodId: ONCE_PERIOD,
        },
      ],
    });
    expect(ids(periodsByRecency(longAgo).current)).not.toContain(`${ONCE_2020.id}~${ONCE_PERIOD}`);
  });

  it("moves a closed plan ('Đã đóng') out of the current views into the archive, even when due now", () => {
    const { current, archived } = periodsByRecency(pictureOf([MONTHLY], { closedFormIds: [MONTHLY.id] }));
    expect(current).toEqual([]);
    expect(ids(archived)[0]).toBe(`${MONTHLY.id}~2022-10`);
  });

  it('orders plans by their latest current deadline, each plan latest period first', () => {
    const { current } = periodsByRecency(pictureOf([ONCE_2014, MONTHLY, ONCE_2020], { currentDays: 3000 }));
    const firstOf = (formId: string) => ids(current).findIndex((id) => id.startsWith(`${formId}~`));
    expect(firstOf(MONTHLY.id)).toBe(0);
    expect(firstOf(ONCE_2020.id)).toBeGreaterThan(
      ids(current).filter((id) => id.startsWith(`${MONTHLY.id}~`)).length - 1,
    );
    const monthly = current.filter((p) => p.spec.id === MONTHLY.id).map((p) => p.period.due.getTime());
    expect(monthly).toEqual([...monthly].sort((a, b) => b - a));
  });
});

describe('buildSummary: current first', () => {
  const model = buildSummary(pictureOf([MONTHLY, ONCE_2020]));

  it('opens on the front page, keeps history in Lưu trữ near the back, old plans’ data after it', () => {
    const names = model.tabs.map((t) => t.name);
    expect(names.slice(0, 6)).toEqual([
      'Bảng điều khiển',
      'Tổng quan',
      'Tiến độ đơn vị',
      'Theo cụm',
      'Quá hạn',
      'Lỗi dữ liệu',
    ]);
    expect(names.indexOf('Báo cáo 30 phút')).toBeLessThan(names.indexOf('Lưu trữ'));
    expect(names.indexOf('Đăng ký 30 phút')).toBeGreaterThan(names.indexOf('Lưu trữ'));
  });

  it('Tổng quan and Tiến độ đơn vị show only the current periods, the latest first', () => {
    expect(tab(model, 'Tổng quan').rows.map((r) => r[0])).toEqual([
      'Báo cáo 30 phút · tháng 10/2022',
      'Báo cáo 30 phút · tháng 9/2022',
    ]);
    expect(
      tab(model, 'Tiến độ đơn vị')
        .columns.slice(3)
        .map((c) => c.header),
    ).toEqual(['Báo cáo 30 phút · tháng 10/2022', 'Báo cáo 30 phút · tháng 9/2022']);
  });

  it('Lưu trữ holds every other period, the latest deadline first', () => {
    const archive = tab(model, 'Lưu trữ');
    expect(archive.rows[0]?.[0]).toBe('Báo cáo 30 phút · tháng 8/2022');
    expect(archive.rows.at(-1)?.[0]).toBe('Đăng ký 30 phút · hạn 15/04/2020');
    expect(archive.rows).toHaveLength(model.tabs.length > 0 ? pictureOf([MONTHLY, ONCE_2020]).periods.length - 2 : 0);
  });

  it('Quá hạn lists only current periods, the most overdue first', () => {
    expect(new Set(tab(model, 'Quá hạn').rows.map((r) => r[2]))).toEqual(new Set(['Báo cáo 30 phút · tháng 9/2022']));
    const overdue = tab(buildSummary(pictureOf([MONTHLY, ONCE_2020], { currentDays: 100 })), 'Quá hạn');
    expect(new Set(overdue.rows.map((r) => r[2]))).toEqual(
      new Set(['Báo cáo 30 phút · tháng 9/2022', 'Báo cáo 30 phút · tháng 8/2022', 'Báo cáo 30 phút · tháng 7/2022']),
    );
    expect(overdue.rows[0]?.[2]).toBe('Báo cáo 30 phút · tháng 7/2022');
    const days = overdue.rows.map((r) => Number(r[5]));
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });
});
