import type { FormSpec } from '../forms/form-spec.js';
import { isDueBy, periodsOf } from '../periods/schedule.js';
import { ictDateOf } from '../time/ict.js';
import { formTargetsUnit } from '../units/targets.js';
import type { Unit } from '../units/unit.js';

/** What the roll-out needs to know of one unit's sheet and of the district. */
export interface RollOutInput {
  readonly unit: Unit;
  /** The registered units known here: who fills a plan parents fill. */
  readonly registry: readonly Unit[];
  /** Every plan in use, closed ones included. */
  readonly forms: readonly FormSpec[];
  readonly closedFormIds: ReadonlySet<string>;
  /** Forms collected through a shared sheet: their rows come from there, so a unit's sheet never gets their tab. */
  readonly sharedFormIds?: ReadonlySet<string>;
  /** Forms whose tab the last sweep found in the unit's sheet. */
  readonly formsWithTab: ReadonlySet<string>;
  /** Forms the unit has sent something for: a tab it removed is never put back blank (that would empty its report). */
  readonly formsSent: ReadonlySet<string>;
  readonly now: Date;
}

/**
 * The plans whose blank tab a unit's sheet should be given: open (not closed), not collected through a
 * shared sheet, with a period still
 * to be sent (not all past their deadline), addressed to the unit, the unit not closed by `now`,
 * and neither found in its sheet nor ever sent by it. A plan long past stays a "chưa có trang" problem.
 */
export function plansToRollOut(input: RollOutInput): FormSpec[] {
  const { unit } = input;
  if (unit.activeTo !== undefined && unit.activeTo < ictDateOf(input.now)) return [];
  return input.forms.filter(
    (spec) =>
      !input.closedFormIds.has(spec.id) &&
      !input.sharedFormIds?.has(spec.id) &&
      formTargetsUnit(spec, unit, input.registry) &&
      !input.formsWithTab.has(spec.id) &&
      !input.formsSent.has(spec.id) &&
      periodsOf(spec).some((period) => !isDueBy(period, input.now)),
  );
}

/** The blank tabs one unit's sheet was given by a roll-out: the plans whose tab was added. */
export interface TabsAdded {
  readonly unitId: string;
  readonly formIds: readonly string[];
}

/**
 * Whether a problem the sweep found is about a tab the roll-out has since added: its "chưa có trang" is no
 * longer true, so the summary and the CLI drop it (a problem of the whole file is never such a problem).
 */
export function solvedByAddedTab(
  tabsAdded: readonly TabsAdded[],
): (problem: { readonly unitId: string; readonly formId?: string | undefined }) => boolean {
  const added = new Map(tabsAdded.map((t) => [t.unitId, new Set(t.formIds)]));
  return (problem) => problem.formId !== undefined && (added.get(problem.unitId)?.has(problem.formId) ?? false);
}
