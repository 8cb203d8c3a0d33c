import { buildUnitFeedback } from '../../domain/feedback/build-unit-feedback.js';
import type { UnitFeedback } from '../../domain/feedback/unit-feedback.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { FormPeriodStats, UnitSubmission } from '../../domain/stats/form-period-stats.js';
import { hashContent } from '../../domain/submissions/build-submissions.js';
import { buildSummary } from '../../domain/summary/build-summary.js';
import type { DistrictPicture } from '../../domain/summary/district-picture.js';
import type { SummaryModel } from '../../domain/summary/summary-model.js';
import type { DistrictSettings } from '../../domain/units/read-control.js';
import type { Unit } from '../../domain/units/unit.js';
import { loadDistrictPicture } from './load-district-picture.js';
import type { NoticeLedger } from '../notify/ports.js';
import type { FeedbackTarget, FeedbackWrite, SummaryOutput, SummaryStore } from './ports.js';

export interface SummarizeInput {
  readonly settings: DistrictSettings;
  readonly units: readonly Unit[];
  readonly forms: readonly FormSpec[];
  readonly store: SummaryStore;
  /** Where the summary goes; absent = statistics only. */
  readonly output?: SummaryOutput;
  /** Where row statuses go back to; absent = no feedback. */
  readonly feedback?: FeedbackTarget;
  /** Only these units get their feedback (a webhook ingesting one unit); all by default. */
  readonly feedbackFor?: ReadonlySet<string>;
  /** The notices ledger, so the summary says what was sent to each overdue unit. */
  readonly notices?: Pick<NoticeLedger, 'load'>;
  readonly now: Date;
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
  readonly feedback: {
    readonly unitsWritten: number;
    readonly cellsWritten: number;
    readonly unitsMovedOn: number;
    /** Sheets that could not be written (no edit right, deleted), with a Vietnamese message naming the unit and the fix. */
    readonly refused: readonly { readonly unitId: string; readonly message: string }[];
  };
}

/**
 * Statuses, statistics, the district summary and each unit's feedback, from what the sweeps stored.
 * A statistics document is written only when its inputs changed; the summary and a unit's sheet
 * only when what they would show changed. Running it twice writes nothing the second time.
 */
export async function summarize(input: SummarizeInput): Promise<SummarizeResult> {
  const { store, now } = input;
  const [loaded, statsHashes, ledger] = await Promise.all([loadDistrictPicture(input), store.loadStatsHashes(), input.notices?.load()]);
  const { sources, byFormPeriod } = loaded;
  const noticesSent = [...(ledger?.values() ?? [])].filter((e) => e.state === 'sent');
  const picture = { ...loaded.picture, noticesSent };
  let statsWritten = 0;
  for (const { spec, period, stats } of picture.periods) {
    const inputsHash = statsInputsHash(spec, period.id, input.units, byFormPeriod.get(`${spec.id}~${period.id}`) ?? new Map(), stats);
    if (statsHashes.get(`${spec.id}~${period.id}`) !== inputsHash) {
      await store.saveStats(stats, inputsHash, now);
      statsWritten++;
    }
  }

  const model = buildSummary(picture);
  const summary = input.output ? await input.output.write(model, hashContent({ ...model, generatedAt: null })) : undefined;

  let unitsWritten = 0;
  let cellsWritten = 0;
  let unitsMovedOn = 0;
  const refused: { unitId: string; message: string }[] = [];
  let sourcesRecorded = 0;
  let checkpointed = false;
  const feedbackUnits = input.units.filter((u) => sources.get(u.id)?.status === 'ok' && (input.feedbackFor?.has(u.id) ?? true));
  for (const [i, unit] of feedbackUnits.entries()) {
    const state = sources.get(unit.id);
    if (!input.feedback || !state?.fingerprint) continue;
    const feedback = buildUnitFeedback(unit, state.tabs, picture);
    const feedbackHash = feedbackHashOf(feedback);
    // The sheet already shows this feedback (the system wrote it, and no sweep has read the sheet since): not even opened.
    let written: FeedbackWrite | undefined;
    if (state.feedbackHash !== feedbackHash) {
      if (!checkpointed) await input.beforeFeedback?.(statsWritten);
      checkpointed = true;
      written = await input.feedback.write(unit, feedback, state.fingerprint);
    }
    if (written?.outcome === 'written') {
      await store.saveSourceState({ ...state, fingerprint: written.fingerprint, contentHash: written.contentHash, feedbackHash });
      unitsWritten++;
      cellsWritten += written.cells;
    } else if (written?.outcome === 'unchanged') {
      await store.saveSourceState({ ...state, feedbackHash });
      sourcesRecorded++;
    } else if (written?.outcome === 'moved-on') {
      unitsMovedOn++;
    } else if (written?.outcome === 'refused') {
      refused.push({ unitId: unit.id, message: written.message });
    }
    input.onUnitFeedback?.(i + 1, feedbackUnits.length);
  }
  const firestoreWrites = statsWritten + unitsWritten + sourcesRecorded;
  return { picture, model, statsComputed: picture.periods.length, statsWritten, firestoreWrites, summary, feedback: { unitsWritten, cellsWritten, unitsMovedOn, refused } };
}

/**
 * What a statistics document depends on: the form, the expected units' registry entries and the
 * submissions' content and times — not the clock, so an unchanged district is never rewritten.
 */
function statsInputsHash(spec: FormSpec, periodId: string, units: readonly Unit[], submissions: ReadonlyMap<string, UnitSubmission>, stats: FormPeriodStats): string {
  const expected = new Set(stats.units.map((u) => u.unitId));
  return hashContent({
    spec,
    periodId,
    units: units.filter((u) => expected.has(u.id)),
    submissions: [...submissions.values()].filter((s) => expected.has(s.unitId)),
    standings: stats.units.map((u) => [u.unitId, u.status, u.onTime ?? null, u.daysLate ?? null]),
  });
}


/** Hash of what a unit's sheet is given back (status by row as entries, since a Map has no JSON form). */
function feedbackHashOf(feedback: UnitFeedback): string {
  return hashContent({ ...feedback, tabs: feedback.tabs.map((tab) => ({ ...tab, statusByRow: [...tab.statusByRow.entries()] })) });
}
