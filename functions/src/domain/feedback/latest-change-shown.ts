import type { Period } from '../periods/schedule.js';
import type { StatusResult } from '../status/submission-status.js';
import type { ExplicitFormState } from '../submissions/explicit-submission.js';
import type { StoredSubmission } from '../summary/district-picture.js';

/** What a unit's "Tình hình nộp" tab shows, as far as its times go. */
export interface ShownFacts {
  /** The unit's periods with its standing in each. */
  readonly rows: readonly { readonly period: Period; readonly standing: StatusResult }[];
  readonly submissions: readonly Pick<StoredSubmission, 'lastChangedAt' | 'lockedChange'>[];
  readonly explicit: Readonly<Record<string, ExplicitFormState>>;
  readonly now: Date;
}

/**
 * The latest instant by `now` at which something a unit's sheet shows changed: a submission or refused
 * change, a "Bấm nộp" submit or draft, a period starting (a new row), or a deadline passing while the unit
 * still owes the report ("Chưa đến hạn" → "Đã quá hạn"). Undefined when nothing happened yet.
 * It never moves while nothing changes, so the sheet's title line does not make a daily write.
 */
export function latestChangeShown(facts: ShownFacts): Date | undefined {
  const times = [
    ...facts.rows.map((r) => r.period.start),
    ...facts.rows.flatMap((r) => (r.standing.daysOverdue !== undefined ? [r.period.due] : [])),
    ...facts.submissions.flatMap((s) => [s.lastChangedAt, ...(s.lockedChange ? [s.lockedChange.changedAt] : [])]),
    ...Object.values(facts.explicit).flatMap((e) => [
      ...(e.submittedAt ? [e.submittedAt] : []),
      ...(e.draft ? [e.draft.editedAt] : []),
    ]),
  ]
    .map((t) => t.getTime())
    .filter((t) => t <= facts.now.getTime());
  return times.length ? new Date(Math.max(...times)) : undefined;
}
