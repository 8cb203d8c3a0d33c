import type { StoredSubmission } from '../summary/district-picture.js';
import { REVIEW_LABELS, submissionVersion, type ReviewDecision, type ReviewDecisionKind } from './review-decision.js';

/** A decision the district typed on one row of "Duyệt báo cáo", as read back from the summary. */
export interface ReviewEntry {
  readonly submissionId: string;
  /** The version the row showed when the district typed ("Phiên bản"). */
  readonly shownVersion: string;
  readonly decision: ReviewDecisionKind;
  readonly comment: string;
  /** How the row named the report, for messages: "Trường A — Đăng ký tập huấn — Năm 2024". */
  readonly label: string;
}

export type ReviewOutcome =
  | { readonly kind: 'new'; readonly decision: ReviewDecision }
  /** The latest stored decision already says this (the same typed row read again). */
  | { readonly kind: 'same' }
  | { readonly kind: 'refused'; readonly message: string };

/**
 * Decide what a typed entry means: a new decision, one already recorded, or a refusal (the report
 * changed since the row was written, it no longer exists, or "Cần bổ sung" says nothing to add).
 */
export function acceptReviewEntry(
  entry: ReviewEntry,
  submission:
    Pick<StoredSubmission, 'id' | 'formId' | 'periodId' | 'unitId' | 'contentHash' | 'lastChangedAt'> | undefined,
  latest: ReviewDecision | undefined,
  by: string,
  now: Date,
): ReviewOutcome {
  const what = `Quyết định '${REVIEW_LABELS[entry.decision]}' cho ${entry.label}`;
  if (!submission)
    return {
      kind: 'refused',
      message: `${what} không được ghi nhận: không còn báo cáo này. Hãy xóa quyết định ở dòng đó.`,
    };
  // The summary writes the latest decision back into its row: read again, it is that decision, even once the report changed.
  if (
    latest &&
    latest.submissionVersion === entry.shownVersion &&
    latest.decision === entry.decision &&
    latest.comment === entry.comment
  )
    return { kind: 'same' };
  const version = submissionVersion(submission);
  if (entry.shownVersion !== version) {
    return {
      kind: 'refused',
      message: `${what} không được ghi nhận: đơn vị đã sửa báo cáo sau khi bảng tổng hợp được lập. Hãy xem lại báo cáo mới và chọn lại quyết định.`,
    };
  }
  if (entry.decision === 'needs-more' && entry.comment === '') {
    return { kind: 'refused', message: `${what} không được ghi nhận: hãy ghi ở cột 'Nhận xét' đơn vị cần bổ sung gì.` };
  }
  const { id: submissionId, formId, periodId, unitId } = submission;
  return {
    kind: 'new',
    decision: {
      submissionId,
      formId,
      periodId,
      unitId,
      decision: entry.decision,
      comment: entry.comment,
      by,
      at: now,
      submissionVersion: version,
    },
  };
}
