import type { FormSpec } from '../../domain/forms/form-spec.js';
import { deadlinePassedSinceLastTick } from '../../domain/summary/deadline-flips.js';
import type { DistrictSettings } from '../../domain/units/read-control.js';
import { shardsOf } from '../../domain/units/shards.js';
import type { Unit } from '../../domain/units/unit.js';
import type { NoticeLedger } from '../notify/ports.js';
import type { ReviewPorts } from '../summarize/review-ports.js';
import type { BranchSummaryOutputs, FeedbackTarget, SummaryOutput, SummaryStore } from '../summarize/ports.js';
import { summarize, type SummarizeInput, type SummarizeResult } from '../summarize/summarize.js';
import type { SweepStore, UnitSheetSource } from './ports.js';
import type { SweepInput, SweepResult } from './sweep.js';
import { sweepWithShared, type SharedSweepSetup } from './sweep-with-shared.js';

/** What a scheduled run is asked to do: the nightly sweep (all units, or one shard), or the summary after it. */
export interface RunRequest {
  /**
   * 'sweep': read the units' sheets, then statistics, summary and feedback. 'tick': the frequent
   * office-hours run: the same sweep (one listing when nothing changed), and the summary only
   * when the sweep stored something. 'summary': the summary alone.
   */
  readonly step: 'sweep' | 'tick' | 'summary';
  /** Only the units of this cụm thi đua (a fanned-out message). */
  readonly shard?: string;
}

/** Sends one message per shard to the function instances that sweep them (Pub/Sub in the cloud). */
export interface ShardPublisher {
  publish(requests: readonly RunRequest[]): Promise<void>;
}

/** What a caller watching the run is told (the CLI's progress), and when it may save what is stored. */
export interface RunDistrictHooks
  extends Pick<SweepInput, 'onUnitDone' | 'onUnitError'>, Pick<SummarizeInput, 'onUnitFeedback'> {
  /** Before the sweep reads its first unit, with how many it will read. */
  readonly beforeSweep?: (units: number) => void;
  /** After the sweep, also when it failed (the CLI stops its progress bar). */
  readonly sweepFinished?: () => void;
  /**
   * Runs once, right before the first unit sheet is written, with the Firestore writes this step
   * made so far (sweep and statistics): the CLI saves its embedded store there, so a run that dies
   * while writing sheets never leaves them newer than the saved data.
   */
  readonly beforeFeedback?: (writesSoFar: number) => Promise<void>;
}

export interface RunDistrictInput {
  readonly request: RunRequest;
  readonly units: readonly Unit[];
  readonly settings: DistrictSettings;
  readonly forms: readonly FormSpec[];
  /** Problems of the control sheet: shown in the summary's "Lỗi dữ liệu" tab. */
  readonly controlProblems?: readonly string[];
  /** Plans marked "Đã đóng": counted, but moved out of the summary's current views into Lưu trữ. */
  readonly closedForms?: ReadonlySet<string>;
  /** The summary's current views: periods due within this many days either side of now (default 30). */
  readonly currentDays?: number;
  readonly sheets: UnitSheetSource & FeedbackTarget;
  readonly output: SummaryOutput;
  /** Each cơ sở Đoàn's own summary (its subtree); absent = none. */
  readonly branchOutputs?: BranchSummaryOutputs;
  readonly sweepStore: SweepStore;
  readonly summaryStore: SummaryStore;
  readonly notices?: Pick<NoticeLedger, 'load'>;
  /** The district reviews submissions (setting "Duyệt báo cáo: Có"): decisions are taken at each summary. */
  readonly review?: ReviewPorts;
  /** Absent: every shard is swept here, one after the other (the local CLI, small districts). */
  readonly publisher?: ShardPublisher;
  /** Fan out only above this many units. */
  readonly shardAbove: number;
  readonly now: Date;
  readonly hooks?: RunDistrictHooks;
  /** Forms collected through one shared sheet each (swept with the whole district, or with its first shard). */
  readonly shared?: SharedSweepSetup;
}

export type RunDistrictResult =
  | { readonly kind: 'fanned-out'; readonly shards: number }
  | { readonly kind: 'swept'; readonly shard?: string; readonly sweep: SweepResult; readonly summary?: SummarizeResult }
  | { readonly kind: 'summarized'; readonly summary: SummarizeResult };

/**
 * One scheduled step. A large district fans the sweep out to one message per cụm thi đua (each
 * shard's sweep is idempotent, so a redelivered message changes nothing); the summary then runs as
 * its own step. A small one sweeps and summarizes in one go, as the CLI does.
 */
export async function runDistrict(input: RunDistrictInput): Promise<RunDistrictResult> {
  const { request, now } = input;
  const { beforeSweep, sweepFinished, onUnitDone, onUnitError, onUnitFeedback, beforeFeedback } = input.hooks ?? {};
  const summarizeAll = (sweptWrites = 0, sweptAt?: Date) =>
    summarize({
      settings: input.settings,
      units: input.units,
      forms: input.forms,
      controlProblems: input.controlProblems ?? [],
      ...(input.closedForms ? { closedForms: input.closedForms } : {}),
      ...(input.shared?.sources.length ? { sharedForms: new Set(input.shared.sources.map((s) => s.formId)) } : {}),
      ...(input.currentDays !== undefined ? { currentDays: input.currentDays } : {}),
      store: input.summaryStore,
      output: input.output,
      ...(input.branchOutputs ? { branchOutputs: input.branchOutputs } : {}),
      feedback: input.sheets,
      ...(input.notices ? { notices: input.notices } : {}),
      ...(input.review ? { review: input.review } : {}),
      now,
      ...(sweptAt ? { sweptAt } : {}),
      onUnitFeedback,
      ...(beforeFeedback
        ? { beforeFeedback: (statsWritten: number) => beforeFeedback(sweptWrites + statsWritten) }
        : {}),
    });
  if (request.step === 'summary') return { kind: 'summarized', summary: await summarizeAll() };
  const sweepUnits = async (units: readonly Unit[], withShared = true) => {
    beforeSweep?.(units.length);
    try {
      const shared = withShared ? input.shared : undefined;
      return await sweepWithShared({
        units,
        registry: input.units,
        forms: input.forms,
        source: input.sheets,
        store: input.sweepStore,
        now,
        onUnitDone,
        onUnitError,
        ...(shared ? { shared } : {}),
      });
    } finally {
      sweepFinished?.();
    }
  };
  if (request.shard !== undefined) {
    const shards = shardsOf(input.units);
    const units = shards.find((s) => s.shard === request.shard)?.units ?? [];
    return { kind: 'swept', shard: request.shard, sweep: await sweepUnits(units, shards[0]?.shard === request.shard) };
  }
  // A tick reads only what changed since the last run: one listing, never worth a fan-out.
  if (input.publisher && input.units.length > input.shardAbove && request.step !== 'tick') {
    const shards = shardsOf(input.units);
    await input.publisher.publish(shards.map(({ shard }) => ({ step: 'sweep', shard })));
    return { kind: 'fanned-out', shards: shards.length };
  }
  const swept = await sweepUnits(input.units);
  // A tick that found nothing new leaves the summary and every unit sheet as they are, unless a
  // deadline passed since the previous tick: its statuses flip to overdue without any file changing.
  if (request.step === 'tick' && swept.totals.writes === 0 && !deadlinePassedSinceLastTick(input.forms, now))
    return { kind: 'swept', sweep: swept };
  return { kind: 'swept', sweep: swept, summary: await summarizeAll(swept.totals.writes, now) };
}
