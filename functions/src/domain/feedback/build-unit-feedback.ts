import { FOOTER_ROW_STATUS, type FooterRow } from '../forms/footer-rows.js';
import { NIL_PHRASE } from '../forms/nil-declaration.js';
import type { CellNote, RowError } from '../forms/compile-form.js';
import type { DistrictPicture, StoredSubmission } from '../summary/district-picture.js';
import type { SummaryCell } from '../summary/summary-model.js';
import type { StatusResult } from '../status/submission-status.js';
import type { Deadline, FormSpec } from '../forms/form-spec.js';
import { isShortOfCoverage, uncoveredNote } from '../rules/coverage.js';
import { dateLabel } from '../periods/period-id.js';
import { formatClockAndDate, formatDueInstant } from '../time/ict.js';
import { describePlanChange, planChangeNote } from '../plans/plan-change.js';
import type { Unit } from '../units/unit.js';
import { plansToRollOut } from './plans-to-roll-out.js';
import { submittedSignalText } from '../forms/submit-signal.js';
import type { ExplicitFormState } from '../submissions/explicit-submission.js';
import { draftNote } from './draft-note.js';
import { isRenamedTab, renamedTabMessage } from '../forms/renamed-tabs.js';
import { latestChangeShown } from './latest-change-shown.js';
import { latestDecisions } from '../review/review-decision.js';
import { countedPicture } from '../review/counted-picture.js';
import { reviewNote } from '../review/review-note.js';
import { progressCell } from '../summary/basis-labels.js';
import { STANDING_TAB, type TabFeedback, type UnitFeedback } from './unit-feedback.js';

/** Where a form's tab and header row are in the unit's sheet (from the last sweep). */
export interface FeedbackTab {
  readonly formId: string;
  readonly tab: string;
  readonly headerRowNumber: number;
  readonly footerRows?: readonly FooterRow[];
  readonly submitCell?: { readonly rowNumber: number; readonly column: number };
}

export const VALID_ROW_STATUS = '✓ Hợp lệ';
export const NIL_ROW_STATUS = `✓ Đã ghi nhận: ${NIL_PHRASE.toLowerCase()}`;

/** Status of a row changed after the form was locked. */
export function lockedRowStatus(lockAfter: Deadline): string {
  const when = lockAfter.time
    ? `từ ${lockAfter.time.replace(':', 'g')} ngày ${dateLabel(lockAfter.date)}`
    : `sau ngày ${dateLabel(lockAfter.date)}`;
  return `⚠ Đã khóa sổ ${when}: thay đổi đã được ghi nhận nhưng không được áp dụng; liên hệ Quận Đoàn nếu cần sửa.`;
}

/**
 * What to write back into one unit's sheet: each row's status, and its "Tình hình nộp" tab.
 * `explicit` ("Bấm nộp" forms' states) adds the draft note and the signal cell's "Đã nộp lúc …".
 */
export function buildUnitFeedback(
  unit: Unit,
  tabs: readonly FeedbackTab[],
  picture: DistrictPicture,
  explicit: Readonly<Record<string, ExplicitFormState>> = {},
): UnitFeedback {
  const mine = picture.submissions.filter((s) => s.unitId === unit.id);
  const tabFeedback = tabs.map((t): TabFeedback => {
    const statusByRow = new Map<number, string>(
      (t.footerRows ?? []).map((f) => [f.rowNumber, FOOTER_ROW_STATUS[f.kind]]),
    );
    const lockAfter = picture.forms.find((f) => f.id === t.formId)?.lockAfter;
    for (const s of mine.filter((x) => x.formId === t.formId)) {
      if (s.lockedChange && lockAfter) {
        // The sheet now holds the refused change: its rows say so rather than show stale statuses.
        const text = lockedRowStatus(lockAfter);
        for (const rowNumber of s.lockedChange.rowNumbers) statusByRow.set(rowNumber, text);
        continue;
      }
      for (const [rowNumber, text] of submissionRowStatuses([s])) statusByRow.set(rowNumber, text);
    }
    // A "Bấm nộp" form being edited: its rows show the draft's statuses, so "Kiểm tra dữ liệu" shows what to fix before submitting.
    const draftStatuses = explicit[t.formId]?.draft?.rowStatuses;
    if (draftStatuses) {
      for (const rowNumber of [...statusByRow.keys()])
        if (!(t.footerRows ?? []).some((f) => f.rowNumber === rowNumber)) statusByRow.delete(rowNumber);
      for (const [rowNumber, text] of Object.entries(draftStatuses)) statusByRow.set(Number(rowNumber), text);
    }
    const submittedAt = explicit[t.formId]?.submittedAt;
    const submitCell =
      t.submitCell && submittedAt ? { submitCell: { ...t.submitCell, text: submittedSignalText(submittedAt) } } : {};
    return { tab: t.tab, headerRowNumber: t.headerRowNumber, statusByRow, ...submitCell };
  });
  // A draft is the form's, not a period's: it is noted on the form's latest period.
  const latestPeriodOf = new Map(picture.periods.map(({ spec, period }) => [spec.id, period.id]));

  const latestReview = latestDecisions(picture.reviews ?? []);
  const rows: SummaryCell[][] = [];
  const shown: { period: DistrictPicture['periods'][number]['period']; standing: StatusResult }[] = [];
  // A plan counted on approved reports tells the unit whether its report in full is approved yet ('— chờ duyệt').
  for (const { spec, period, stats } of countedPicture(picture).periods) {
    const standing = stats.units.find((u) => u.unitId === unit.id);
    if (!standing) continue;
    shown.push({ period, standing });
    const submission = mine.find((s) => s.formId === spec.id && s.periodId === period.id);
    const earlier = submission?.planChangedFrom ? picture.earlierPlans?.get(submission.planChangedFrom) : undefined;
    const latest = latestPeriodOf.get(spec.id) === period.id;
    const draft = latest ? explicit[spec.id]?.draft : undefined;
    const review = submission ? reviewNote(latestReview.get(submission.id), submission) : '';
    // A tab read under another name (found by its headers) is pointed out once, on the form's latest period.
    const renamedTab = latest ? tabs.find((t) => t.formId === spec.id && isRenamedTab(t.tab, spec)) : undefined;
    const notes = [
      standingNote(standing, spec, picture.forms),
      review,
      earlier ? planChangeNote(describePlanChange(earlier, spec)) : '',
      draft ? draftNote(draft) : '',
      renamedTab ? renamedTabMessage(renamedTab.tab, spec).replace(/\.$/, '') : '',
    ];
    const note = notes.filter((n) => n !== '').join('. ');
    rows.push([
      spec.tab,
      period.label,
      formatDueInstant(period.due),
      progressCell(standing, stats),
      note,
      submission?.counts.valid ?? 0,
      submission?.counts.rejected ?? 0,
    ]);
  }
  const newTabs = plansToRollOut({
    unit,
    registry: picture.units,
    forms: picture.forms,
    closedFormIds: new Set(picture.closedFormIds ?? []),
    sharedFormIds: new Set(picture.sharedFormIds ?? []),
    formsWithTab: new Set(tabs.map((t) => t.formId)),
    formsSent: new Set(mine.map((s) => s.formId)),
    now: picture.now,
  });
  const latest = latestChangeShown({ rows: shown, submissions: mine, explicit, now: picture.now });
  // Nothing here depends on today's date: an unchanged unit's sheet is never rewritten just because a day passed.
  const freshness = latest
    ? `Hệ thống tự cập nhật khi có thay đổi; thay đổi gần nhất lúc ${formatClockAndDate(latest)}.`
    : 'Hệ thống tự cập nhật khi có thay đổi.';
  return {
    unitId: unit.id,
    tabs: tabFeedback,
    newTabs,
    standing: {
      title: [`${STANDING_TAB} — ${unit.name}`, `${freshness} Không sửa trang này.`],
      columns: [
        { header: 'Biểu mẫu', format: 'text', width: 28 },
        { header: 'Kỳ', format: 'text', width: 22 },
        // As the summary and the plans say it ('trước ngày 14/12/2023', '10g00 15/09/2024'), never '14/12/2023 00:00'.
        { header: 'Hạn nộp', format: 'text', width: 22 },
        { header: 'Tình trạng', format: 'status', width: 30 },
        { header: 'Ghi chú', format: 'text', width: 40 },
        { header: 'Dòng hợp lệ', format: 'int' },
        { header: 'Dòng lỗi', format: 'int' },
      ],
      rows,
    },
  };
}

/** Each row's status text in some submissions' rows: valid (with notes), "không phát sinh", or the row's messages. */
export function submissionRowStatuses(
  submissions: readonly Pick<StoredSubmission, 'rows' | 'nilRows' | 'rejected'>[],
): [number, string][] {
  return submissions.flatMap((s) => [
    ...s.rows.map((row): [number, string] => [row.rowNumber, validRowStatus(row.notes)]),
    ...s.nilRows.map((rowNumber): [number, string] => [rowNumber, NIL_ROW_STATUS]),
    ...s.rejected.map((row): [number, string] => [row.rowNumber, rowMessage(row.errors)]),
  ]);
}

/** Notes shown in one status cell; the rest are counted, so the cell stays short. */
const SHOWN_NOTES = 3;

/** A valid row's status, saying what was taken from cells the system interpreted: "✓ Hợp lệ (đã hiểu SĐT là 0389 123 456)". */
export function validRowStatus(notes: readonly CellNote[] = []): string {
  if (notes.length === 0) return VALID_ROW_STATUS;
  const [only] = notes;
  if (notes.length === 1 && only) return `${VALID_ROW_STATUS} (${only.note})`;
  const shown = notes.slice(0, SHOWN_NOTES).map((n) => `${n.column}: ${n.note}`);
  const more = notes.length > SHOWN_NOTES ? `; và ${notes.length - SHOWN_NOTES} ô khác` : '';
  return `${VALID_ROW_STATUS} (${shown.join('; ')}${more})`;
}

/** A rejected row's messages for its own status cell: the row number is implied, so it is left out. */
export function rowMessage(errors: readonly RowError[]): string {
  return errors
    .map((e) => e.message.replace(/^Dòng \d+(, |: )/, ''))
    .map((m) => `✗ ${m.charAt(0).toUpperCase()}${m.slice(1)}`)
    .join('\n');
}

/** The note beside a standing: facts fixed once they happen ("trễ 3 ngày" is counted at submission), never "N days ago". */
function standingNote(standing: StatusResult, spec: FormSpec, forms: readonly FormSpec[]): string {
  switch (standing.status) {
    case 'complete-late':
      return `Nộp đủ trễ ${standing.daysLate ?? 1} ngày`;
    case 'revised-after-deadline':
      return 'Nộp đủ đúng hạn, có sửa sau hạn';
    case 'nil':
      return 'Đã báo không phát sinh';
    case 'partial':
      if (isShortOfCoverage(standing))
        return `${uncoveredNote(spec, standing, forms)}${standing.daysOverdue ? ', đã quá hạn' : ''}`;
      return standing.daysOverdue ? 'Còn lỗi, đã quá hạn — sửa các dòng có ✗' : 'Còn lỗi — sửa các dòng có ✗';
    case 'missing':
      return standing.daysOverdue ? 'Đã quá hạn — nộp ngay' : 'Chưa đến hạn';
    case 'complete-on-time':
      return '';
  }
}
