import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { StoredSubmission } from '../../domain/summary/district-picture.js';
import type { SummaryStore } from './ports.js';

/** The earlier plan definitions the submissions were read under before their plan changed, by version. */
export async function loadEarlierPlans(
  store: Pick<SummaryStore, 'loadPlanDefinitions'>,
  submissions: readonly StoredSubmission[],
): Promise<Map<string, FormSpec>> {
  const versions = [...new Set(submissions.flatMap((s) => (s.planChangedFrom ? [s.planChangedFrom] : [])))].sort();
  return store.loadPlanDefinitions(versions);
}
