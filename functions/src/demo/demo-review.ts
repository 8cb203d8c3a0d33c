import type { FormSpec } from '../domain/forms/form-spec.js';
import { REVIEW_LABELS, type ReviewDecisionKind } from '../domain/review/review-decision.js';
import type { ReviewSheetRow } from '../domain/review/review-entries.js';
import { REVIEW_HEADERS } from '../domain/review/review-tab.js';
import { ictInstant } from '../domain/time/ict.js';
import type { Unit } from '../domain/units/unit.js';
import type { WritableCell } from '../adapters/sheet-layout/write-sheet-layout.js';
import type { DemoWorkbook } from './demo-district.js';
import { slugify } from './demo-names.js';

/**
 * The demo's review story on the training registration: the district sends one early registration back
 * ("Cần bổ sung": the emails are missing), the school fills them in before the deadline, the district approves.
 * Each decision is mailed to the school by the next morning's notice run.
 */

/** The plan the district reviews in the demo. */
export const REVIEW_FORM_ID = 'tap-huan-2024';
/** What the district writes when it sends the registration back. */
export const DEMO_REVIEW_COMMENT =
  "Đề nghị bổ sung email của từng người đăng ký ở cột 'Email' để Quận Đoàn gửi tài liệu tập huấn.";
// Each decision is mailed by the next morning notice run (7g30 15/09 and 17/09); the fix comes before the 10g00 15/09 deadline.
const SENT_BACK_AT = ictInstant('2024-09-13', '09:00');
const FIXED_AT = ictInstant('2024-09-15', '09:00');
const APPROVED_AT = ictInstant('2024-09-16', '09:00');

/** One decision the district types in "Duyệt báo cáo" at `at`. */
export interface DemoReviewStep {
  readonly at: Date;
  readonly decision: ReviewDecisionKind;
  readonly comment: string;
}

/** Whose registration is reviewed, and the district's decisions in order. */
export interface DemoReview {
  readonly unitId: string;
  readonly formId: string;
  readonly steps: readonly DemoReviewStep[];
  /** When the school sent its file again with the emails filled in. */
  readonly fixedAt: Date;
}

/**
 * The first clean Liên đội with a contact email that sent its whole file before the district's review and left
 * some emails of its registration empty: its file gets one more send at FIXED_AT with them filled. Its deliveries
 * stay as they were (the fix adds no row); none fits: no review story.
 */
export function withDemoReview(
  specs: readonly FormSpec[],
  units: readonly Unit[],
  workbooks: readonly DemoWorkbook[],
): { workbooks: DemoWorkbook[]; review?: DemoReview } {
  const spec = specs.find((s) => s.id === REVIEW_FORM_ID);
  const emailColumn = spec?.columns.findIndex((c) => c.key === 'email') ?? -1;
  const nameColumn = spec?.columns.findIndex((c) => c.key === 'hoTen') ?? -1;
  const dayOfReview = ictInstant('2024-09-13');
  const fits = (w: DemoWorkbook) => {
    const unit = units.find((u) => u.id === w.unitId);
    const rows = w.rowsByFormId.get(REVIEW_FORM_ID) ?? [];
    return (
      w.scenario === 'clean' &&
      unit?.type === 'lien-doi' &&
      unit.contacts.some((c) => c.email) &&
      w.sends.length > 0 &&
      w.sends.every((s) => s.at < dayOfReview) &&
      rows.some((row) => row[emailColumn] === null)
    );
  };
  const chosen = emailColumn < 0 || nameColumn < 0 ? undefined : workbooks.find(fits);
  if (!chosen) return { workbooks: [...workbooks] };
  const filled = (chosen.rowsByFormId.get(REVIEW_FORM_ID) ?? []).map((row, i): WritableCell[] =>
    row.map((cell, c) =>
      c === emailColumn && cell === null
        ? `${slugify(String(row[nameColumn] ?? 'nguoi dang ky')).replace(/-/g, '.')}${i + 1}@example.com`
        : cell,
    ),
  );
  const rowsByFormId = new Map([...chosen.rowsByFormId, [REVIEW_FORM_ID, filled]]);
  const fixed: DemoWorkbook = {
    ...chosen,
    sentAt: FIXED_AT,
    rowsByFormId,
    sends: [...chosen.sends, { at: FIXED_AT, rowsByFormId }],
  };
  const review: DemoReview = {
    unitId: chosen.unitId,
    formId: REVIEW_FORM_ID,
    fixedAt: FIXED_AT,
    steps: [
      { at: SENT_BACK_AT, decision: 'needs-more', comment: DEMO_REVIEW_COMMENT },
      { at: APPROVED_AT, decision: 'approved', comment: '' },
    ],
  };
  return { workbooks: workbooks.map((w) => (w === chosen ? fixed : w)), review };
}

/** The "Duyệt báo cáo" row the district typed for one step: the report's id and the version it saw. */
export function typedReviewRow(step: DemoReviewStep, submissionId: string, version: string): ReviewSheetRow {
  return {
    [REVIEW_HEADERS.submissionId]: submissionId,
    [REVIEW_HEADERS.version]: version,
    [REVIEW_HEADERS.decision]: REVIEW_LABELS[step.decision],
    [REVIEW_HEADERS.comment]: step.comment,
  };
}
