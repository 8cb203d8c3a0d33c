import { NIL_ROW_STATUS, rowMessage, validRowStatus } from '../feedback/build-unit-feedback.js';
import { STANDING_TAB, type UnitFeedback } from '../feedback/unit-feedback.js';
import type { FooterRow } from '../forms/footer-rows.js';
import { FOOTER_ROW_STATUS } from '../forms/footer-rows.js';
import type { SubmissionContent } from '../submissions/build-submissions.js';
import type { Unit } from '../units/unit.js';
import { formatClockAndDate } from '../time/ict.js';
import type { UnroutedRow } from './route-shared-rows.js';
import type { SharedSource } from './shared-source.js';

/** What one sweep made of a shared sheet: each unit's submissions, the rows no unit took, footers. */
export interface SharedSheetOutcome {
  readonly headerRowNumber: number;
  readonly submissions: readonly SubmissionContent[];
  readonly unrouted: readonly UnroutedRow[];
  readonly footerRows: readonly FooterRow[];
}

/**
 * The feedback written into a shared sheet: every row's status names the unit it was credited to
 * (or why none), and its "Tình hình nộp" tab counts each unit's rows. Only the system's cells are written.
 * `changedAt` is the sheet's own last change as read, never today: the feedback moves only with the sheet.
 */
export function sharedSheetFeedback(
  source: SharedSource,
  outcome: SharedSheetOutcome,
  units: readonly Unit[],
  changedAt: Date,
): UnitFeedback {
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const statusByRow = new Map<number, string>(outcome.footerRows.map((f) => [f.rowNumber, FOOTER_ROW_STATUS[f.kind]]));
  const perUnit = new Map<string, { valid: number; rejected: number }>();
  for (const s of outcome.submissions) {
    const name = nameOf.get(s.unitId) ?? s.unitId;
    for (const row of s.rows) statusByRow.set(row.rowNumber, `${validRowStatus(row.notes)} (${name})`);
    for (const rowNumber of s.nilRows) statusByRow.set(rowNumber, `${NIL_ROW_STATUS} (${name})`);
    for (const row of s.rejected) statusByRow.set(row.rowNumber, `${name}: ${rowMessage(row.errors)}`);
    const counts = perUnit.get(s.unitId) ?? { valid: 0, rejected: 0 };
    perUnit.set(s.unitId, { valid: counts.valid + s.counts.valid, rejected: counts.rejected + s.counts.rejected });
  }
  for (const row of outcome.unrouted) statusByRow.set(row.rowNumber, row.message);
  const rows = [...perUnit]
    .map(([unitId, c]) => [nameOf.get(unitId) ?? unitId, c.valid, c.rejected])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'vi'));
  if (outcome.unrouted.length) rows.push(['(chưa rõ đơn vị)', 0, outcome.unrouted.length]);
  return {
    unitId: source.id,
    tabs: [{ tab: source.tab, headerRowNumber: outcome.headerRowNumber, statusByRow }],
    standing: {
      title: [
        `${STANDING_TAB} — bảng chung '${source.file}'`,
        `Hệ thống tự cập nhật khi bảng thay đổi; số dòng của từng đơn vị theo bảng lúc ${formatClockAndDate(changedAt)}. Không sửa trang này.`,
      ],
      columns: [
        { header: 'Đơn vị', format: 'text', width: 36 },
        { header: 'Dòng hợp lệ', format: 'int' },
        { header: 'Dòng lỗi', format: 'int' },
      ],
      rows,
    },
  };
}
