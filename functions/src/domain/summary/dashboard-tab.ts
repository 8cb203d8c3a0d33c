import { COMPLETE_STATUSES } from '../status/status-kinds.js';
import { DAY_MS, formatDueInstant, formatIctDateTime } from '../time/ict.js';
import { periodsByRecency, type PicturePeriod } from './current-periods.js';
import { sweptAtNote } from './data-age.js';
import type { DistrictPicture } from './district-picture.js';
import { formShortName } from './status-tabs.js';
import {
  anyApprovedBasis,
  APPROVED_BASIS_NOTE,
  AWAITING_APPROVAL_COLUMN,
  awaitingApprovalCell,
  basisLabel,
} from './basis-labels.js';
import type { SummaryCell, SummaryChart, SummaryTab } from './summary-model.js';

/** Name of the summary's front tab. */
export const DASHBOARD_TAB = 'Bảng điều khiển';
/** How many missing units the front page names per plan; the rest are counted. */
export const MISSING_NAMED = 5;

/**
 * "Bảng điều khiển": one printed page of today's situation. Per current plan (its latest current period):
 * the rates with their counts, how many units are still missing and the first of them, the units that
 * completed since the same time yesterday; below, completeness by cụm and one chart of it per plan.
 */
export function dashboardTab(picture: DistrictPicture): SummaryTab {
  const plans = latestPeriodPerPlan(periodsByRecency(picture).current);
  const unitName = new Map(picture.units.map((u) => [u.id, u.name]));
  const since = new Date(picture.now.getTime() - DAY_MS);
  const newlyComplete = (p: PicturePeriod) =>
    picture.submissions.filter(
      (s) =>
        s.formId === p.spec.id &&
        s.periodId === p.period.id &&
        s.firstCompleteAt !== null &&
        s.firstCompleteAt > since &&
        s.firstCompleteAt <= picture.now,
    );
  const withAwaiting = anyApprovedBasis(plans.map((p) => p.stats));
  const rows = plans.map((p): SummaryCell[] => {
    const g = p.stats.overall;
    const missing = p.stats.units
      .filter((u) => !COMPLETE_STATUSES.includes(u.status))
      .map((u) => unitName.get(u.unitId) ?? u.unitId);
    return [
      basisLabel(`${formShortName(p.spec)} · ${p.period.label}`, p.stats),
      formatDueInstant(p.period.due),
      g.expected,
      g.complete,
      ...(withAwaiting ? [awaitingApprovalCell(g, p.stats)] : []),
      g.rates.completeness,
      g.onTime,
      g.rates.timelinessOfExpected,
      missing.length,
      newlyComplete(p).length,
      namedList(missing),
    ];
  });
  const clusters = [...new Set(plans.flatMap((p) => Object.keys(p.stats.byCluster)))].sort((a, b) =>
    a.localeCompare(b, 'vi'),
  );
  const charts = plans.map((p, i): SummaryChart => ({
    title: basisLabel(`${formShortName(p.spec)}: tỉ lệ nộp đủ theo cụm`, p.stats),
    table: 1,
    categoryColumn: 0,
    seriesColumns: [i + 1],
  }));
  const news = plans.flatMap((p) => {
    const names = newlyComplete(p).map((s) => unitName.get(s.unitId) ?? s.unitId);
    return names.length === 0 ? [] : [`${formShortName(p.spec)} — mới nộp đủ: ${namedList(names)}.`];
  });
  return {
    name: DASHBOARD_TAB,
    title: [
      `Bảng điều khiển — ${picture.settings.districtName || 'toàn quận'}`,
      `Tình hình các kế hoạch đang thực hiện, tính đến ${formatIctDateTime(picture.now)}${sweptAtNote(picture.now, picture.sweptAt)}.`,
    ],
    columns: [
      { header: 'Kế hoạch · Kỳ', format: 'text', width: 30 },
      { header: 'Hạn nộp', format: 'text', width: 18 },
      { header: 'Phải nộp', format: 'int', width: 9 },
      { header: 'Đã nộp đủ', format: 'int', width: 9 },
      ...(withAwaiting ? [AWAITING_APPROVAL_COLUMN] : []),
      { header: 'Tỉ lệ nộp đủ', format: 'percent', width: 9 },
      { header: 'Đúng hạn', format: 'int', width: 9 },
      { header: 'Tỉ lệ đúng hạn', format: 'percent', width: 9 },
      { header: 'Còn thiếu', format: 'int', width: 9 },
      { header: `Mới nộp đủ từ ${formatIctDateTime(since)}`, format: 'int', width: 12 },
      { header: `Đơn vị còn thiếu (${MISSING_NAMED} đơn vị đầu)`, format: 'text', width: 60 },
    ],
    rows,
    moreTables:
      plans.length === 0
        ? []
        : [
            {
              title: 'Tỉ lệ nộp đủ theo cụm',
              columns: [
                { header: 'Cụm', format: 'text' },
                ...plans.map((p) => ({
                  header: basisLabel(formShortName(p.spec), p.stats),
                  format: 'percent' as const,
                  width: 10,
                })),
              ],
              rows: clusters.map((cluster) => [
                cluster,
                ...plans.map((p) => p.stats.byCluster[cluster]?.rates.completeness ?? null),
              ]),
            },
          ],
    notes: [
      plans.length === 0
        ? 'Không có kế hoạch nào có hạn nộp trong khoảng này; xem trang "Lưu trữ".'
        : 'Còn thiếu = chưa nộp hoặc nộp chưa đạt. Danh sách đầy đủ ở trang "Quá hạn" và "Tiến độ đơn vị".',
      ...(withAwaiting ? [APPROVED_BASIS_NOTE] : []),
      ...news,
    ],
    charts,
    onePage: true,
  };
}

/** The first period of each plan in a latest-first list: the plan's latest current period. */
function latestPeriodPerPlan(current: readonly PicturePeriod[]): PicturePeriod[] {
  const seen = new Set<string>();
  return current.filter((p) => !seen.has(p.spec.id) && seen.add(p.spec.id));
}

/** 'A; B; C' or 'A; B; C; D; E và 3 đơn vị khác', in Vietnamese alphabetical order. */
function namedList(names: readonly string[]): string {
  const sorted = [...names].sort((a, b) => a.localeCompare(b, 'vi'));
  const shown = sorted.slice(0, MISSING_NAMED).join('; ');
  return sorted.length > MISSING_NAMED ? `${shown} và ${sorted.length - MISSING_NAMED} đơn vị khác` : shown;
}
