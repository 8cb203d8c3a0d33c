import type { SubmissionStatus } from '../status/status-kinds.js';
import type { DistrictPicture } from '../summary/district-picture.js';
import { formShortName } from '../summary/status-tabs.js';

/** Where a unit stands for one form: its latest started period. */
export interface FormStanding {
  readonly formId: string;
  readonly form: string;
  readonly due: Date;
  readonly status: SubmissionStatus;
}

/** The unit's standing in each of `formIds` (latest started period of each), in the picture's order. */
export function unitStandings(picture: DistrictPicture, unitId: string, formIds: ReadonlySet<string>): FormStanding[] {
  const latest = new Map<string, FormStanding>();
  for (const { spec, period, stats } of picture.periods) {
    if (!formIds.has(spec.id)) continue;
    const standing = stats.units.find((u) => u.unitId === unitId);
    if (standing)
      latest.set(spec.id, { formId: spec.id, form: formShortName(spec), due: period.due, status: standing.status });
  }
  return [...latest.values()];
}
