import { sheetEventReply, type SheetEventAction } from '../../domain/feedback/sheet-event-reply.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { periodsStartedBy } from '../../domain/periods/schedule.js';
import { formPeriodStats, type UnitSubmission } from '../../domain/stats/form-period-stats.js';
import { hashContent } from '../../domain/submissions/build-submissions.js';
import type { DistrictPicture, StoredSubmission } from '../../domain/summary/district-picture.js';
import type { DistrictSettings } from '../../domain/units/read-control.js';
import { referencedFormIds } from '../../domain/rules/apply-cross-form-rules.js';
import type { SharedSource } from '../../domain/shared/shared-source.js';
import { formsForUnit } from '../../domain/units/targets.js';
import type { Unit } from '../../domain/units/unit.js';
import { giveUnitFeedback } from '../summarize/give-unit-feedback.js';
import type { FeedbackTarget } from '../summarize/ports.js';
import { loadEarlierPlans } from '../summarize/earlier-plans.js';
import { statsInputsHash } from '../summarize/stats-inputs-hash.js';
import type { SweepStore, UnitSheetSource } from '../sweep/ports.js';
import { formsAsCollected } from '../sweep/shared-sheet-rules.js';
import { sweep, type SweepResult } from '../sweep/sweep.js';
import type { UnitScopeStore } from './ports.js';
import { formPeriodId } from '../../domain/ids/document-ids.js';

export interface IngestUnitInput {
  readonly action: SheetEventAction;
  readonly unit: Unit;
  /** The whole registry: the statistics of a (form, period) the unit changed need every expected unit. */
  readonly units: readonly Unit[];
  readonly forms: readonly FormSpec[];
  /**
   * Shared sheets ("Nguồn dữ liệu"): their forms are taken from those sheets only, so the unit's own file is
   * swept without them, as the district sweep does (sweepWithShared); otherwise a tab of such a form in the
   * unit's file would replace the rows the shared sheet routed to the unit. The unit's rules see them as the
   * district sweep stored them (a registration collected through a shared sheet).
   */
  readonly sharedSources?: readonly SharedSource[];
  readonly settings: DistrictSettings;
  readonly sheets: UnitSheetSource & FeedbackTarget;
  readonly sweepStore: SweepStore;
  readonly store: UnitScopeStore;
  readonly now: Date;
}

export interface IngestUnitResult {
  readonly sweep: SweepResult;
  /** Statistics documents recomputed (the (form, period) pairs whose submission of this unit changed) and written. */
  readonly statsComputed: number;
  readonly statsWritten: number;
  /** The Vietnamese answer for the unit's spreadsheet. */
  readonly reply: { readonly ok: boolean; readonly message: string };
  /** The district as this unit sees it after the ingest (its own standing in every started period). */
  readonly picture: DistrictPicture;
}

/**
 * One unit, now (its spreadsheet called the webhook): sweep its sheet, recompute the statistics of
 * only the (form, period) pairs its submissions changed, write its row statuses back, and answer in
 * a sentence. Nothing of the other units is read but the submissions of those pairs; the district
 * summary is left to the scheduled run, so a unit typing all afternoon does not rewrite it.
 */
export async function ingestUnit(input: IngestUnitInput): Promise<IngestUnitResult> {
  const { unit, now, store } = input;
  const before = versionsOf(await store.loadUnitSubmissions(unit.id));
  // Only "Nộp báo cáo" submits a "Bấm nộp" form; an edit or "Kiểm tra dữ liệu" reads it as a draft.
  // A unit with only "Tự động" forms is read as before, its changes timed by the sheet's own modified time.
  const explicitForms = formsForUnit(input.forms, unit, input.units).some((f) => f.submitMode === 'button');
  const submit = input.action === 'submit' && explicitForms ? { submit: { at: now } } : {};
  const sharedSources = input.sharedSources ?? [];
  const sharedFormIds = new Set(sharedSources.map((s) => s.formId));
  const ownForms = sharedFormIds.size ? input.forms.filter((f) => !sharedFormIds.has(f.id)) : input.forms;
  // The shared sheets the unit's forms refer to: their stored state is part of its reading, as in the district sweep.
  const referenced = new Set(referencedFormIds(formsForUnit(ownForms, unit, input.units)));
  const referencedSources = sharedSources.filter((s) => referenced.has(s.formId)).map((s) => s.id);
  const swept = await sweep({
    units: [unit],
    registry: input.units,
    forms: ownForms,
    ruleForms: formsAsCollected(input.forms, sharedSources),
    source: input.sheets,
    store: unitSweepStore(input.sweepStore, store, [unit.id, ...referencedSources]),
    now,
    ...submit,
  });
  const mine = await store.loadUnitSubmissions(unit.id);
  const after = versionsOf(mine);
  const touched = new Set(
    [...before.keys(), ...after.keys()]
      .filter((id) => before.get(id)?.version !== after.get(id)?.version)
      .map((id) => (after.get(id) ?? before.get(id))?.pair),
  );

  let statsComputed = 0;
  let statsWritten = 0;
  for (const spec of input.forms) {
    for (const period of periodsStartedBy(spec, now)) {
      if (!touched.has(formPeriodId(spec.id, period.id))) continue;
      const submissions = new Map<string, UnitSubmission>(
        (await store.loadFormPeriodSubmissions(spec.id, period.id)).map((s) => [s.unitId, s]),
      );
      const stats = formPeriodStats({ spec, period, units: input.units, submissions, now });
      const inputsHash = statsInputsHash(spec, period.id, input.units, submissions, stats);
      statsComputed++;
      if ((await store.loadStatsHash(spec.id, period.id)) === inputsHash) continue;
      await store.saveStats(stats, inputsHash, now);
      statsWritten++;
    }
  }

  const picture = {
    ...unitPicture(input, mine),
    earlierPlans: await loadEarlierPlans(store, mine),
    ...(sharedFormIds.size ? { sharedFormIds: [...sharedFormIds] } : {}),
  };
  const state = await store.loadSourceState(unit.id);
  if (state?.status === 'ok' && state.fingerprint)
    await giveUnitFeedback(unit, { ...state, fingerprint: state.fingerprint }, picture, input.sheets, store);

  const result = swept.units[0];
  const problems = (result?.problems ?? []).filter((p) => p.severity === 'error').map((p) => p.message);
  const counts = result?.current.counts ?? { valid: 0, rejected: 0, nil: 0 };
  const drafts = input.forms.filter((f) => state?.explicit?.[f.id]?.draft).map((f) => f.tab);
  return {
    sweep: swept,
    statsComputed,
    statsWritten,
    reply: sheetEventReply({ action: input.action, unitId: unit.id, counts, problems, drafts }, picture),
    picture,
  };
}

/** The sweep store, with the remembered sources narrowed to these (the unit's, and the shared sheets it refers to). */
function unitSweepStore(sweepStore: SweepStore, store: UnitScopeStore, sourceIds: readonly string[]): SweepStore {
  return {
    loadSourceStates: async () => {
      const states = await Promise.all(sourceIds.map(async (id) => [id, await store.loadSourceState(id)] as const));
      return new Map(states.flatMap(([id, state]) => (state ? [[id, state] as const] : [])));
    },
    commitUnit: (commit) => sweepStore.commitUnit(commit),
    saveSourceState: (state) => sweepStore.saveSourceState(state),
    recordSweep: (record) => sweepStore.recordSweep(record),
    savePlanVersions: (records) => sweepStore.savePlanVersions(records),
    ...(sweepStore.loadUnitFormRows ? { loadUnitFormRows: sweepStore.loadUnitFormRows.bind(sweepStore) } : {}),
  };
}

/** Each submission's content version and its (form, period), by id. */
function versionsOf(submissions: readonly StoredSubmission[]): Map<string, { version: string; pair: string }> {
  return new Map(submissions.map((s) => [s.id, { version: hashContent(s), pair: formPeriodId(s.formId, s.periodId) }]));
}

/**
 * The district as this one unit sees it: every started period of every form with the unit's own
 * standing (a unit's status depends on its own submission and registry entry only).
 */
function unitPicture(input: IngestUnitInput, mine: readonly StoredSubmission[]): DistrictPicture {
  const { unit, now } = input;
  const periods = input.forms.flatMap((spec) =>
    periodsStartedBy(spec, now).map((period) => {
      const own = mine.find((s) => s.formId === spec.id && s.periodId === period.id);
      const submissions = new Map<string, UnitSubmission>(own ? [[unit.id, own]] : []);
      return {
        spec,
        period,
        stats: formPeriodStats({ spec, period, units: [unit], registry: input.units, submissions, now }),
      };
    }),
  );
  return {
    settings: input.settings,
    forms: input.forms,
    units: [unit],
    periods,
    submissions: mine,
    sourceProblems: [],
    now,
  };
}
