import type { FormSpec } from '../forms/form-spec.js';
import { STAGE_LABELS, type LedgerEntry } from '../notices/notice-kinds.js';
import { isShortOfCoverage, uncoveredNote } from '../rules/coverage.js';
import { STATUS_DISPLAY, SUBMISSION_STATUSES } from '../status/status-kinds.js';
import type { FormPeriodStats, GroupStats } from '../stats/form-period-stats.js';
import { subtreeStats } from '../stats/subtree-stats.js';
import { branchUnits, orgTree } from '../units/org-tree.js';
import { formatDueInstant, formatIctDate, formatIctDateTime } from '../time/ict.js';
import { DAYS_OVERDUE_HEADER } from './summary-freshness.js';
import { ARCHIVE_TAB, periodsByRecency, type PicturePeriod } from './current-periods.js';
import {
  anyApprovedBasis,
  APPROVED_BASIS_NOTE,
  AWAITING_APPROVAL_COLUMN,
  awaitingApprovalCell,
  basisLabel,
  progressCell,
} from './basis-labels.js';
import type { DistrictPicture } from './district-picture.js';
import type { SummaryCell, SummaryColumn, SummaryTab } from './summary-model.js';
import { submissionId } from '../ids/document-ids.js';
import { lowerFirst } from '../cells/sentence-case.js';

/** How the rates are computed, under every table of them. */
export const RATE_NOTES = [
  'Tỉ lệ nộp đủ = số đơn vị đã nộp đủ (kể cả báo "không phát sinh") ÷ số đơn vị phải nộp.',
  'Tỉ lệ đúng hạn (÷ phải nộp) = số đơn vị nộp đủ lần đầu trước hạn ÷ số đơn vị phải nộp.',
  'Tỉ lệ đúng hạn (÷ đã nộp) = số đơn vị nộp đủ trước hạn ÷ số đơn vị đã nộp đủ.',
  'Đúng hạn được tính theo lần đầu nộp đủ; sửa sau hạn không làm mất "đúng hạn".',
];

/** The status counts and the three rates, as columns. */
export const COUNT_COLUMNS: readonly SummaryColumn[] = [
  { header: 'Phải nộp', format: 'int', width: 9 },
  { header: 'Đã nộp đủ', format: 'int', width: 9 },
  { header: 'Đúng hạn', format: 'int', width: 9 },
  { header: 'Trễ hạn', format: 'int', width: 9 },
  { header: 'Sửa sau hạn', format: 'int', width: 9 },
  { header: 'Chưa đạt', format: 'int', width: 9 },
  { header: 'Không phát sinh', format: 'int', width: 9 },
  { header: 'Chưa nộp', format: 'int', width: 9 },
  { header: 'Tỉ lệ nộp đủ', format: 'percent', width: 9 },
  { header: 'Tỉ lệ đúng hạn (÷ phải nộp)', format: 'percent', width: 11 },
  { header: 'Tỉ lệ đúng hạn (÷ đã nộp)', format: 'percent', width: 11 },
];

/** COUNT_COLUMNS, with 'Chờ duyệt' after 'Đã nộp đủ' when a row of the table counts approved reports. */
export function countColumns(withAwaiting: boolean): SummaryColumn[] {
  return withAwaiting
    ? [...COUNT_COLUMNS.slice(0, 2), AWAITING_APPROVAL_COLUMN, ...COUNT_COLUMNS.slice(2)]
    : [...COUNT_COLUMNS];
}

/** A group's counts and rates, in countColumns order (with 'Chờ duyệt' when `withAwaiting`). */
export function countCells(
  g: GroupStats,
  stats: Pick<FormPeriodStats, 'countedOn'> = {},
  withAwaiting = false,
): SummaryCell[] {
  return [
    g.expected,
    g.complete,
    ...(withAwaiting ? [awaitingApprovalCell(g, stats)] : []),
    g.onTime,
    g.late,
    g.revisedAfterDeadline,
    g.partial,
    g.nil,
    g.missing,
    g.rates.completeness,
    g.rates.timelinessOfExpected,
    g.rates.timelinessOfSubmitted,
  ];
}

/** The rate notes under a table of these periods, with the approved-basis note when one counts approved reports. */
export function rateNotes(periods: readonly PicturePeriod[]): string[] {
  return anyApprovedBasis(periods.map((p) => p.stats)) ? [...RATE_NOTES, APPROVED_BASIS_NOTE] : [...RATE_NOTES];
}

/** Short name of a form for headers and charts: its tab name. */
export function formShortName(spec: FormSpec): string {
  return spec.tab;
}

/** Name of the summary's first tab. */
export const OVERVIEW_TAB = 'Tổng quan';

/** "Tổng quan": one row per current form and period (plans with the latest deadline first), with the rates. */
export function overviewTab(picture: DistrictPicture): SummaryTab {
  const { current } = periodsByRecency(picture);
  return {
    name: OVERVIEW_TAB,
    title: [
      `Tình hình nộp báo cáo — ${picture.settings.districtName || 'toàn quận'}`,
      `Kế hoạch đang thực hiện, tính đến ${formatIctDateTime(picture.now)}; các kỳ cũ ở trang "${ARCHIVE_TAB}".`,
    ],
    ...periodCountsTable(current),
    notes: rateNotes(current),
  };
}

/** One row per period with its plan number, deadline as plans write it, counts and rates. */
export function periodCountsTable(periods: readonly PicturePeriod[]): Pick<SummaryTab, 'columns' | 'rows'> {
  const withAwaiting = anyApprovedBasis(periods.map((p) => p.stats));
  return {
    columns: [
      { header: 'Biểu mẫu · Kỳ', format: 'text', width: 30 },
      { header: 'Kế hoạch số', format: 'text' },
      { header: 'Hạn nộp', format: 'text', width: 17 },
      ...countColumns(withAwaiting),
    ],
    rows: periods.map(({ spec, period, stats }) => [
      basisLabel(`${formShortName(spec)} · ${period.label}`, stats),
      spec.planNumber ?? '',
      formatDueInstant(period.due),
      ...countCells(stats.overall, stats, withAwaiting),
    ]),
  };
}

/** Group label of a cơ sở Đoàn's rows in "Theo cụm": its own report and its chi đoàn's, rolled up. */
export const BRANCH_GROUP = 'Cơ sở Đoàn (cả chi đoàn trực thuộc)';

/** "Theo cụm": the same counts by cụm thi đua, by unit type and by cơ sở Đoàn with its chi đoàn (the org tree), for the current periods. */
export function clusterTab(picture: DistrictPicture): SummaryTab {
  const rows: SummaryCell[][] = [];
  const tree = orgTree(picture.units);
  const branches = branchUnits(picture.units, tree);
  const { current } = periodsByRecency(picture);
  const withAwaiting = anyApprovedBasis(current.map((p) => p.stats));
  for (const { spec, period, stats } of current) {
    const label = basisLabel(`${formShortName(spec)} · ${period.label}`, stats);
    const cells = (g: GroupStats) => countCells(g, stats, withAwaiting);
    for (const [cluster, g] of Object.entries(stats.byCluster)) rows.push([label, 'Cụm thi đua', cluster, ...cells(g)]);
    for (const [type, g] of Object.entries(stats.byUnitType)) rows.push([label, 'Loại đơn vị', type, ...cells(g)]);
    // The roll-up counts the same standings, so a cơ sở's figure follows its plan's basis too.
    const rolled = branches.length ? subtreeStats(stats, tree) : new Map<string, GroupStats>();
    for (const branch of branches) {
      const g = rolled.get(branch.id);
      if (g && g.expected > 0) rows.push([label, BRANCH_GROUP, branch.name, ...cells(g)]);
    }
  }
  return {
    name: 'Theo cụm',
    title: [
      branches.length
        ? 'Tình hình nộp theo cụm thi đua, loại đơn vị và cơ sở Đoàn'
        : 'Tình hình nộp theo cụm thi đua và loại đơn vị',
      `Kế hoạch đang thực hiện, tính đến ${formatIctDateTime(picture.now)}`,
    ],
    columns: [
      { header: 'Biểu mẫu · Kỳ', format: 'text', width: 30 },
      { header: 'Phân nhóm', format: 'text' },
      { header: 'Nhóm', format: 'text' },
      ...countColumns(withAwaiting),
    ],
    rows,
    notes: rateNotes(current),
  };
}

/** "Tiến độ đơn vị": units × current (form, period), one status symbol per cell, with a legend. */
export function progressTab(picture: DistrictPicture): SummaryTab {
  const { current } = periodsByRecency(picture);
  const statusOf = new Map<string, string>();
  for (const { spec, period, stats } of current)
    for (const u of stats.units) statusOf.set(submissionId(spec.id, period.id, u.unitId), progressCell(u, stats));
  const rows = picture.units.map((unit) => [
    unit.id,
    unit.name,
    unit.cluster,
    ...current.map(({ spec, period }) => statusOf.get(submissionId(spec.id, period.id, unit.id)) ?? null),
  ]);
  return {
    name: 'Tiến độ đơn vị',
    title: ['Tiến độ nộp của từng đơn vị', 'Ô trống: đơn vị không phải nộp biểu mẫu đó trong kỳ đó.'],
    columns: [
      { header: 'Mã đơn vị', format: 'text' },
      { header: 'Tên đơn vị', format: 'text', width: 40 },
      { header: 'Cụm', format: 'text' },
      ...current.map(({ spec, period }): SummaryColumn => ({
        header: `${formShortName(spec)} · ${period.label}`,
        format: 'status',
        width: 20,
      })),
    ],
    rows,
    notes: [
      'Chú giải:',
      ...SUBMISSION_STATUSES.map((s) => `${STATUS_DISPLAY[s].symbol} ${STATUS_DISPLAY[s].label}`),
      ...(anyApprovedBasis(current.map((p) => p.stats))
        ? ['"— đã duyệt" / "— chờ duyệt": biểu mẫu tính nộp đủ theo báo cáo đã duyệt.']
        : []),
      ...uncoveredNotes(picture, current),
    ],
  };
}

/** Units a coverage plan still finds short ("còn 12 đoàn viên chưa đánh giá"), one line each; nothing when there are none. */
function uncoveredNotes(picture: DistrictPicture, current: readonly PicturePeriod[]): string[] {
  const names = new Map(picture.units.map((u) => [u.id, u.name]));
  const lines = current.flatMap(({ spec, period, stats }) =>
    stats.units.flatMap((u) =>
      isShortOfCoverage(u)
        ? [
            `${names.get(u.unitId) ?? u.unitId} · ${formShortName(spec)} · ${period.label}: ${lowerFirst(uncoveredNote(spec, u, picture.forms))}`,
          ]
        : [],
    ),
  );
  return lines.length > 0 ? ['Chưa đủ theo danh sách của biểu mẫu khác:', ...lines] : [];
}

/** "Quá hạn": every unit still missing or incomplete after a current deadline, most overdue first, with what it was sent and its contacts. */
export function overdueTab(picture: DistrictPicture): SummaryTab {
  const unitById = new Map(picture.units.map((u) => [u.id, u]));
  const sent = noticesByItem(picture.noticesSent ?? []);
  const rows = periodsByRecency(picture)
    .current.flatMap(({ spec, period, stats }) =>
      stats.units.flatMap((standing) => {
        if (standing.daysOverdue === undefined) return [];
        const unit = unitById.get(standing.unitId);
        const contact = unit?.contacts[0];
        const reminded = sent.get(submissionId(spec.id, period.id, standing.unitId)) ?? '';
        return [
          [
            unit?.name ?? standing.unitId,
            unit?.cluster ?? '',
            `${formShortName(spec)} · ${period.label}`,
            formatDueInstant(period.due),
            standing.status,
            standing.daysOverdue,
            reminded,
            contact?.name ?? '',
            contact?.email ?? '',
            contact?.phone ?? '',
          ] as SummaryCell[],
        ];
      }),
    )
    // Most overdue first: the units the district has waited for longest (older periods are in the archive).
    .sort((a, b) => Number(b[5]) - Number(a[5]) || String(a[0]).localeCompare(String(b[0]), 'vi'));
  return {
    name: 'Quá hạn',
    title: [
      'Đơn vị quá hạn (chưa nộp hoặc nộp chưa đạt)',
      `Kế hoạch đang thực hiện, tính đến ${formatIctDateTime(picture.now)}`,
    ],
    columns: [
      // Widths that print on one landscape page at a legible scale; longer texts wrap.
      { header: 'Đơn vị', format: 'text', width: 36 },
      { header: 'Cụm', format: 'text' },
      { header: 'Biểu mẫu · Kỳ', format: 'text', width: 30 },
      { header: 'Hạn nộp', format: 'text', width: 17 },
      { header: 'Tình trạng', format: 'status', width: 22 },
      { header: DAYS_OVERDUE_HEADER, format: 'int', width: 9 },
      { header: 'Đã nhắc', format: 'text', width: 30 },
      // The contacts are for calling from the screen; the meeting's printout leaves them out.
      { header: 'Người liên hệ', format: 'text', screenOnly: true },
      { header: 'Email', format: 'text', screenOnly: true },
      { header: 'Điện thoại', format: 'text', screenOnly: true },
    ],
    rows,
  };
}

/** What was sent for each (form, period, unit): "Quá hạn 17/09/2024; Quá hạn lâu, báo Quận Đoàn 23/09/2024". */
function noticesByItem(entries: readonly LedgerEntry[]): Map<string, string> {
  const byItem = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    if (!e.formId || !e.periodId || !e.unitId || !e.stage || !e.sentAt) continue;
    const key = submissionId(e.formId, e.periodId, e.unitId);
    byItem.set(key, [...(byItem.get(key) ?? []), e]);
  }
  return new Map(
    [...byItem.entries()].map(([key, list]) => [
      key,
      list
        .sort((a, b) => (a.sentAt?.getTime() ?? 0) - (b.sentAt?.getTime() ?? 0))
        .map((e) => `${e.stage ? STAGE_LABELS[e.stage] : ''} ${e.sentAt ? formatIctDate(e.sentAt) : ''}`)
        .join('; '),
    ]),
  );
}
