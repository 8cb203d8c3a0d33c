import type { FormSpec } from '../../domain/forms/form-spec.js';
import { periodsStartedBy } from '../../domain/periods/schedule.js';
import { formPeriodStats, type UnitSubmission } from '../../domain/stats/form-period-stats.js';
import type { DistrictPicture, SourceProblem } from '../../domain/summary/district-picture.js';
import type { DistrictSettings } from '../../domain/units/read-control.js';
import type { Unit } from '../../domain/units/unit.js';
import type { SourceState } from '../sweep/ports.js';
import { loadEarlierPlans } from './earlier-plans.js';
import type { SummaryStore } from './ports.js';
import { formPeriodId } from '../../domain/ids/document-ids.js';

/** The district at `now`: every started period of every form with its statuses and statistics. */
export interface LoadedPicture {
  readonly picture: DistrictPicture;
  readonly sources: ReadonlyMap<string, SourceState>;
  /** Submissions by `{form}~{period}`, then by unit. */
  readonly byFormPeriod: ReadonlyMap<string, ReadonlyMap<string, UnitSubmission>>;
}

/** Read what the sweeps stored and compute statuses and statistics (nothing is written). */
export async function loadDistrictPicture(input: {
  /** Without loadPlanDefinitions (notices need no feedback) the picture has no earlier plans. */
  readonly store: Pick<SummaryStore, 'loadSubmissions' | 'loadSourceStates'> &
    Partial<Pick<SummaryStore, 'loadPlanDefinitions'>>;
  readonly settings: DistrictSettings;
  readonly units: readonly Unit[];
  readonly forms: readonly FormSpec[];
  readonly controlProblems?: readonly string[];
  readonly now: Date;
}): Promise<LoadedPicture> {
  const { now } = input;
  const [submissions, sources] = await Promise.all([input.store.loadSubmissions(), input.store.loadSourceStates()]);
  const byFormPeriod = new Map<string, Map<string, UnitSubmission>>();
  for (const s of submissions) {
    const key = formPeriodId(s.formId, s.periodId);
    byFormPeriod.set(key, (byFormPeriod.get(key) ?? new Map()).set(s.unitId, s));
  }
  // A plan the district fills (receipts) is owed by no unit: it has data and a Kinh phí tab, no completeness to show.
  const periods = input.forms
    .filter((spec) => spec.filledBy !== 'district')
    .flatMap((spec) =>
      periodsStartedBy(spec, now).map((period) => ({
        spec,
        period,
        stats: formPeriodStats({
          spec,
          period,
          units: input.units,
          submissions: byFormPeriod.get(formPeriodId(spec.id, period.id)) ?? new Map(),
          now,
        }),
      })),
    );
  const sourceProblems: SourceProblem[] = [...sources.values()].flatMap((state) =>
    state.problems.map((p) => ({ unitId: state.unitId, ...p })),
  );
  const controlProblems = input.controlProblems ?? [];
  const { store } = input;
  const earlierPlans = store.loadPlanDefinitions
    ? await loadEarlierPlans({ loadPlanDefinitions: store.loadPlanDefinitions.bind(store) }, submissions)
    : new Map<string, FormSpec>();
  const picture: DistrictPicture = {
    settings: input.settings,
    forms: input.forms,
    units: input.units,
    periods,
    submissions,
    sourceProblems,
    controlProblems,
    earlierPlans,
    now,
  };
  return { picture, sources, byFormPeriod };
}
