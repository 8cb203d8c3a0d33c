import type { FormSpec } from '../../domain/forms/form-spec.js';
import { solvedByAddedTab, type TabsAdded } from '../../domain/feedback/plans-to-roll-out.js';
import { hashContent } from '../../domain/submissions/build-submissions.js';
import { buildSummary } from '../../domain/summary/build-summary.js';
import { summaryWithoutClock } from '../../domain/summary/summary-freshness.js';
import type { DistrictPicture } from '../../domain/summary/district-picture.js';
import type { SummaryModel } from '../../domain/summary/summary-model.js';
import type { DistrictSettings } from '../../domain/units/read-control.js';
import type { Unit } from '../../domain/units/unit.js';
import { giveUnitFeedback } from './give-unit-feedback.js';
import { loadDistrictPicture } from './load-district-picture.js';
import { statsInputsHash } from './stats-inputs-hash.js';
import type { NoticeLedger } from '../notify/ports.js';
import type { BranchSummaryOutputs, FeedbackTarget, SummaryOutput, SummaryStore } from './ports.js';
import { writeBranchSummaries, type BranchSummaryWrite } from './write-branch-summaries.js';
import type { ReviewPorts } from './review-ports.js';
import { takeReviewDecisions } from './take-review-decisions.js';
import { takeBranchReviews } from './take-branch-reviews.js';
import { formPeriodId } from '../../domain/ids/document-ids.js';

export interface SummarizeInput {
  readonly settings: DistrictSettings;
  readonly units: readonly Unit[];
  readonly forms: readonly FormSpec[];
  /** Problems of the control sheet, for the summary's "Lỗi dữ liệu" tab. */
  readonly controlProblems?: readonly string[];
  readonly store: SummaryStore;
  /** Where the summary goes; absent = statistics only. */
  readonly output?: SummaryOutput;
  /** Where each cơ sở Đoàn with chi đoàn under it gets its own summary (its subtree only); absent = none. */
  readonly branchOutputs?: BranchSummaryOutputs;
  /** Where row statuses go back to; absent = no feedback. */
  readonly feedback?: FeedbackTarget;
  /** Only these units get their feedback (a webhook ingesting one unit); all by default. */
  readonly feedbackFor?: ReadonlySet<string>;
  /** The notices ledger, so the summary says what was sent to each overdue unit. */
  readonly notices?: Pick<NoticeLedger, 'load'>;
  /** Plans marked 'Đã đóng' (PlanReading.closed): kept in the summary's archive, out of its current views. */
  readonly closedForms?: ReadonlySet<string>;
  /** Plans collected through a shared sheet: no unit's own sheet is given their tab. */
  readonly sharedForms?: ReadonlySet<string>;
  /** The summary's current window in days around now (config summaryCurrentDays); 30 by default. */
  readonly currentDays?: number;
  /** When this run's sweep read the units; absent (a summary alone), the last recorded sweep's start is shown. */
  readonly sweptAt?: Date;
  readonly now: Date;
  /** The district reviews submissions: its typed decisions are read from the summary and recorded first, and the summary gets "Duyệt báo cáo". */
  readonly review?: ReviewPorts;
  readonly onUnitFeedback?: (done: number, total: number) => void;
  /**
   * Runs once, right before the first unit sheet is written, with the statistics documents
   * written so far: the caller saves its store there (embedded mode), so a run that dies while
   * writing sheets never leaves them newer than the saved data.
   */
  readonly beforeFeedback?: (statsWritten: number) => Promise<void>;
}

export interface SummarizeResult {
  readonly picture: DistrictPicture;
  readonly model: SummaryModel;
  readonly statsComputed: number;
  readonly statsWritten: number;
  /** Documents written in Firestore: statistics, and the sources whose fingerprint or feedback was recorded. */
  readonly firestoreWrites: number;
  readonly summary: { readonly written: boolean; readonly location: string } | undefined;
  /** The cơ sở Đoàn summaries, one per branch of the org tree (empty without branchOutputs or branches). */
  readonly branchSummaries: readonly BranchSummaryWrite[];
  /**
   * Review decisions this run recorded (the district's and the cơ sở Đoàn's), typed ones the district's tab refused
   * (Vietnamese reasons), and per branch id what its own tab refused (when it has branches); absent without review.
   */
  readonly review?: {
    readonly recorded: number;
    readonly refused: readonly string[];
    readonly branchRefused?: ReadonlyMap<string, readonly string[]>;
  };
  readonly feedback: {
    readonly unitsWritten: number;
    readonly cellsWritten: number;
    readonly unitsMovedOn: number;
    /** Units whose sheet was given the blank tab of plans it lacked ("đã thêm trang cho N đơn vị"), with those plans. */
    readonly tabsAdded: readonly TabsAdded[];
    /** Sheets that could not be written (no edit right, deleted), with a Vietnamese message naming the unit and the fix. */
    readonly refused: readonly { readonly unitId: string; readonly message: string }[];
  };
}

/**
 * Statuses, statistics, the district summary and each unit's feedback, from what the sweeps stored.
 * A statistics document is written only when its inputs changed; the summary and a unit's sheet
 * only when what they would show changed — not because a day passed. Running it twice writes nothing the second time.
 */
export async function summarize(input: SummarizeInput): Promise<SummarizeResult> {
  const { store, now } = input;
  const [loaded, statsHashes, ledger, sweptAt] = await Promise.all([
    loadDistrictPicture(input),
    store.loadStatsHashes(),
    input.notices?.load(),
    input.sweptAt ?? store.loadLastSweepAt(),
  ]);
  const { sources, byFormPeriod } = loaded;
  const noticesSent = [...(ledger?.values() ?? [])].filter((e) => e.state === 'sent');
  // Before the summary is rewritten from the model: what the district typed there is recorded first.
  const reviews = input.review ? await takeReviewDecisions(input.review, loaded.picture.submissions, now) : undefined;
  // Then each cơ sở Đoàn's, from its own summary: the district's summary shows their decisions beside its own.
  const branchReviews =
    input.review && reviews && input.branchOutputs
      ? await takeBranchReviews(
          input.review,
          input.branchOutputs,
          input.units,
          loaded.picture.submissions,
          reviews.decisions,
          now,
        )
      : undefined;
  const picture = {
    ...loaded.picture,
    ...(reviews ? { reviews: branchReviews?.decisions ?? reviews.decisions, reviewRefusals: reviews.refusals } : {}),
    ...(input.review?.plans
      ? { reviewedFormIds: [...input.review.plans.reviewed], reviewBasis: Object.fromEntries(input.review.plans.basis) }
      : {}),
    noticesSent,
    ...(input.closedForms ? { closedFormIds: [...input.closedForms] } : {}),
    ...(input.sharedForms?.size ? { sharedFormIds: [...input.sharedForms] } : {}),
    ...(input.currentDays !== undefined ? { currentDays: input.currentDays } : {}),
    ...(sweptAt ? { sweptAt } : {}),
  };
  let statsWritten = 0;
  for (const { spec, period, stats } of picture.periods) {
    const inputsHash = statsInputsHash(
      spec,
      period.id,
      input.units,
      byFormPeriod.get(formPeriodId(spec.id, period.id)) ?? new Map(),
      stats,
    );
    if (statsHashes.get(formPeriodId(spec.id, period.id)) !== inputsHash) {
      await store.saveStats(stats, inputsHash, now);
      statsWritten++;
    }
  }

  let model = buildSummary(picture);
  let summary = input.output
    ? await input.output.write(model, hashContent(summaryWithoutClock(model, now)))
    : undefined;

  let unitsWritten = 0;
  let cellsWritten = 0;
  let unitsMovedOn = 0;
  const tabsAdded: TabsAdded[] = [];
  const refused: { unitId: string; message: string }[] = [];
  let sourcesRecorded = 0;
  let checkpointed = false;
  const feedbackUnits = input.units.filter(
    (u) => sources.get(u.id)?.status === 'ok' && (input.feedbackFor?.has(u.id) ?? true),
  );
  for (const [i, unit] of feedbackUnits.entries()) {
    const state = sources.get(unit.id);
    if (!input.feedback || !state?.fingerprint) continue;
    const beforeWrite = async () => {
      if (!checkpointed) await input.beforeFeedback?.(statsWritten);
      checkpointed = true;
    };
    const written = await giveUnitFeedback(
      unit,
      { ...state, fingerprint: state.fingerprint },
      picture,
      input.feedback,
      store,
      beforeWrite,
    );
    if (written?.outcome === 'written') {
      unitsWritten++;
      cellsWritten += written.cells;
      if (written.tabsAdded && written.tabsAdded.length > 0)
        tabsAdded.push({ unitId: unit.id, formIds: written.tabsAdded });
    } else if (written?.outcome === 'unchanged') {
      sourcesRecorded++;
    } else if (written?.outcome === 'moved-on') {
      unitsMovedOn++;
    } else if (written?.outcome === 'refused') {
      refused.push({ unitId: unit.id, message: written.message });
    }
    input.onUnitFeedback?.(i + 1, feedbackUnits.length);
  }
  let summarized = picture;
  if (tabsAdded.length > 0) {
    // The sweep found those tabs missing; now that the roll-out added them, their problems are dropped (giveUnitFeedback)
    // and the summary no longer lists them: written now, so the next run finds it unchanged.
    const solved = solvedByAddedTab(tabsAdded);
    summarized = { ...picture, sourceProblems: picture.sourceProblems.filter((p) => !solved(p)) };
    model = buildSummary(summarized);
    const rewritten = input.output
      ? await input.output.write(model, hashContent(summaryWithoutClock(model, now)))
      : undefined;
    if (rewritten) summary = { ...rewritten, written: rewritten.written || summary?.written === true };
  }
  const branchSummaries = input.branchOutputs
    ? await writeBranchSummaries(summarized, input.branchOutputs, branchReviews)
    : [];
  const recordedReviews = (reviews?.recorded.length ?? 0) + (branchReviews?.recorded.length ?? 0);
  const firestoreWrites = statsWritten + unitsWritten + sourcesRecorded + recordedReviews;
  return {
    picture: summarized,
    model,
    statsComputed: picture.periods.length,
    statsWritten,
    firestoreWrites,
    summary,
    branchSummaries,
    feedback: { unitsWritten, cellsWritten, unitsMovedOn, tabsAdded, refused },
    ...(reviews
      ? {
          review: {
            recorded: recordedReviews,
            refused: reviews.refusals,
            ...(branchReviews && branchReviews.refusals.size > 0 ? { branchRefused: branchReviews.refusals } : {}),
          },
        }
      : {}),
  };
}
