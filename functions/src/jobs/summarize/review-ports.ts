import type { PlanReviews } from '../../domain/plans/plan-review-setting.js';
import type { ReviewDecision } from '../../domain/review/review-decision.js';
import type { ReviewSheetRow } from '../../domain/review/review-entries.js';

/** Where the district types its review decisions: the summary's "Duyệt báo cáo" tab, read before the summary is rewritten. */
export interface ReviewInbox {
  /**
   * The tab's data rows (cell text by header), and who last saved the file when it says so; no rows when there is no
   * summary yet. A summary that cannot be read safely (damaged, or over the size limits) gives no rows and `problem`:
   * what the reviewer reads in Vietnamese, shown with the refused decisions; the run goes on.
   */
  readReviewSheet(): Promise<{
    readonly rows: readonly ReviewSheetRow[];
    readonly editedBy?: string;
    readonly problem?: string;
  }>;
}

/** The audit trail of review decisions: one document per decision, never overwritten. */
export interface ReviewStore {
  loadReviewDecisions(): Promise<ReviewDecision[]>;
  /**
   * Record a decision as the `sequence`-th of its submission (0-based). Returns false when that very
   * decision is already recorded, so a run repeated after a crash records it once.
   */
  saveReviewDecision(decision: ReviewDecision, sequence: number): Promise<boolean>;
}

/** What the summary job needs to take the district's review decisions. */
export interface ReviewPorts {
  readonly inbox: ReviewInbox;
  readonly store: ReviewStore;
  /** Who decided when the inbox does not say: the operator running the command, or "Quận Đoàn" (workbook mode). */
  readonly reviewer: string;
  /** Which plans are reviewed and each one's completeness basis (the plan tab's 'Cần duyệt', 'Tính nộp đủ theo'); absent: every plan, counted as submitted. */
  readonly plans?: PlanReviews;
}
