import { FirestoreReviewStore } from '../adapters/store/firestore-review-store.js';
import { DISTRICT_REVIEWER } from '../domain/review/review-decision.js';
import { ControlRefusedError, registryRefusal } from '../domain/units/control-guard.js';
import type { ReviewPorts } from '../jobs/summarize/review-ports.js';
import {
  runDistrict,
  type RunDistrictHooks,
  type RunDistrictResult,
  type RunRequest,
  type ShardPublisher,
} from '../jobs/sweep/run-district.js';
import type { SharedSweepSetup } from '../jobs/sweep/sweep-with-shared.js';
import { logControlProblems } from './log-control-problems.js';
import { planReviewsOf } from './plan-reviews-of.js';
import type { District } from './open-district.js';
import type { OperatorFields, OperatorLog } from './operator-log.js';

export interface SweepDistrictInput {
  readonly district: District;
  /** The nightly sweep (all units, or one shard), or the summary alone. */
  readonly request: RunRequest;
  readonly now: Date;
  /** Where the control sheet's problems are counted for the operator; `logFields` go with the line (the run id). */
  readonly log: OperatorLog;
  readonly logFields?: OperatorFields;
  /**
   * The CLI's guard against the wrong workbook: compare the registry with its size at the last run
   * (a shrink by more than half needs `confirmed`), remember the new size, and refuse a units
   * folder that is missing or empty. Absent (Cloud Functions): only an empty registry is refused.
   */
  readonly registryGuard?: { readonly confirmed: boolean };
  /** Fans a large district out to one message per shard (Pub/Sub in the cloud). */
  readonly publisher?: ShardPublisher;
  /** Fan out only above this many units. */
  readonly shardAbove?: number;
  readonly hooks?: RunDistrictHooks;
  /** The summary's current window in days (TONGHOP_SUMMARY_CURRENT_DAYS). */
  readonly summaryCurrentDays?: number;
}

/**
 * The sweep-then-summarize job of an opened district, for the CLI and the Cloud Functions alike:
 * control problems to the operator log (and, through the summary, to its "Lỗi dữ liệu" tab), the
 * registry checked before anything is written, then the sweep, statistics, summary and feedback.
 * Returns the run's result and the Firestore writes it made.
 */
export async function sweepDistrict(
  input: SweepDistrictInput,
): Promise<{ readonly result: RunDistrictResult; readonly writes: number }> {
  const { district, request, registryGuard } = input;
  const { control, stores, sheets } = district;
  const sweeping = request.step === 'sweep';
  logControlProblems(input.log, district.problems, input.logFields);
  // Checked before anything is written: an empty or suddenly halved registry would rewrite every statistic from nothing.
  const previousUnitCount = registryGuard ? await stores.registry.load() : undefined;
  const refusal = registryRefusal({
    unitCount: control.units.length,
    previousUnitCount,
    confirmed: registryGuard?.confirmed ?? true,
    control: sheets.controlLocation,
  });
  if (refusal) throw new ControlRefusedError(refusal);
  const unusable = registryGuard && sweeping ? await sheets.unitsUnusable?.() : undefined;
  if (unusable) throw new ControlRefusedError(unusable);
  let writes = registryGuard && sweeping ? await stores.registry.save(control.units.length, previousUnitCount) : 0;
  const result = await runDistrict({
    request,
    units: control.units,
    settings: control.settings,
    forms: district.forms,
    controlProblems: district.problems,
    closedForms: control.plans.closed,
    ...(input.summaryCurrentDays !== undefined ? { currentDays: input.summaryCurrentDays } : {}),
    sheets: sheets.units,
    output: sheets.output,
    ...(sheets.branchOutputs ? { branchOutputs: sheets.branchOutputs } : {}),
    sweepStore: stores.sweep,
    summaryStore: stores.summary,
    notices: stores.notices,
    ...reviewSetup(district),
    ...(input.publisher ? { publisher: input.publisher } : {}),
    shardAbove: input.shardAbove ?? Number.POSITIVE_INFINITY,
    now: input.now,
    ...(input.hooks ? { hooks: withRegistryWrites(input.hooks, writes) } : {}),
    ...sharedSetup(district),
  });
  if (result.kind === 'swept') writes += result.sweep.totals.writes;
  if (result.kind !== 'fanned-out') writes += result.summary?.firestoreWrites ?? 0;
  return { result, writes };
}

/** The control's shared sources with a reader of their own, when the control declares some. */
function sharedSetup({ control, sheets }: District): { shared?: SharedSweepSetup } {
  const sources = control.sharedSources ?? [];
  return sources.length && sheets.sharedSheets
    ? { shared: { sources, sheets: sheets.sharedSheets(), registry: control.units } }
    : {};
}

/** Review ports when some plan is reviewed (its 'Cần duyệt', else "Duyệt báo cáo: Có") and the district's sheets have a review tab. */
function reviewSetup({ control, sheets, stores }: District): { review?: ReviewPorts } {
  const plans = planReviewsOf(control);
  if (plans.reviewed.size === 0 || !sheets.reviewInbox) return {};
  // Workbook mode cannot tell who typed a decision into the summary file: it is the district office's.
  return {
    review: {
      inbox: sheets.reviewInbox,
      store: new FirestoreReviewStore(stores.db),
      reviewer: DISTRICT_REVIEWER,
      plans,
    },
  };
}

/** The hooks, with the registry's write counted in the writes `beforeFeedback` is told of. */
function withRegistryWrites(hooks: RunDistrictHooks, registryWrites: number): RunDistrictHooks {
  const { beforeFeedback } = hooks;
  return beforeFeedback
    ? { ...hooks, beforeFeedback: (writesSoFar) => beforeFeedback(registryWrites + writesSoFar) }
    : hooks;
}
