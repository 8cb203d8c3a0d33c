import type { FormPeriodStats, GroupStats, UnitStanding } from '../stats/form-period-stats.js';
import { COMPLETE_STATUSES, STATUS_DISPLAY } from '../status/status-kinds.js';
import type { SummaryColumn } from './summary-model.js';

/** What a row, a header or a chart of a plan counted on approved reports adds to its label. */
export const APPROVED_BASIS_SUFFIX = ' (tính theo đã duyệt)';

/** The column a table gains when one of its rows counts approved reports. */
export const AWAITING_APPROVAL_COLUMN: SummaryColumn = { header: 'Chờ duyệt', format: 'int', width: 9 };

/** The note under a table holding such a row: what its figures count, and what 'Chờ duyệt' is. */
export const APPROVED_BASIS_NOTE =
  'Dòng ghi "(tính theo đã duyệt)": "Đã nộp đủ", "Đúng hạn" và các tỉ lệ chỉ đếm báo cáo đã được duyệt trên bản hiện tại; "Chờ duyệt" = đã nộp đủ nhưng chưa duyệt, bị yêu cầu bổ sung hoặc sửa sau khi duyệt.';

/** A label ("Tập huấn · Năm 2024", a plan's name in a header) with the approved-basis suffix when its statistics count approved reports. */
export function basisLabel(label: string, stats: Pick<FormPeriodStats, 'countedOn'>): string {
  return stats.countedOn === 'approved' ? `${label}${APPROVED_BASIS_SUFFIX}` : label;
}

/** Whether any of these statistics count approved reports: then the table shows 'Chờ duyệt' and the note. */
export function anyApprovedBasis(stats: readonly Pick<FormPeriodStats, 'countedOn'>[]): boolean {
  return stats.some((s) => s.countedOn === 'approved');
}

/** A group's 'Chờ duyệt' figure: its count on a plan counted on approved reports, empty on one counted as submitted. */
export function awaitingApprovalCell(g: GroupStats, stats: Pick<FormPeriodStats, 'countedOn'>): number | null {
  return stats.countedOn === 'approved' ? (g.awaitingApproval ?? 0) : null;
}

/**
 * A unit's "Tiến độ đơn vị" cell: its status; on a plan counted on approved reports, a report in full reads
 * "✓ Đủ, đúng hạn — đã duyệt" or "… — chờ duyệt" (it starts with the status symbol, so it keeps the status colour).
 */
export function progressCell(standing: UnitStanding, stats: Pick<FormPeriodStats, 'countedOn'>): string {
  if (stats.countedOn !== 'approved' || !COMPLETE_STATUSES.includes(standing.status)) return standing.status;
  const { symbol, label } = STATUS_DISPLAY[standing.status];
  return `${symbol} ${label} — ${standing.awaitingApproval ? 'chờ duyệt' : 'đã duyệt'}`;
}
