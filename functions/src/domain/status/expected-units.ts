import type { FormSpec } from '../forms/form-spec.js';
import type { Period } from '../periods/schedule.js';
import { ictInstant } from '../time/ict.js';
import { formTargetsUnit, targetedChildren } from '../units/targets.js';
import type { Unit } from '../units/unit.js';
import { DAY_MS } from '../time/calendar.js';

/**
 * The units that owe a form for a period: targeted by the form and active at some time during
 * the period (by the deadline for a one-off form). A unit that opens or closes mid-year changes
 * the denominator only for the periods it was active. A plan parents fill is owed by each active
 * parent of a targeted unit active then (`registry`: every registered unit, by default `units`).
 */
export function expectedUnits(
  spec: FormSpec,
  period: Period,
  units: readonly Unit[],
  registry: readonly Unit[] = units,
): Unit[] {
  if (spec.filledBy === 'parent') {
    const active = registry.filter((unit) => activeDuring(unit, period));
    return units.filter((unit) => activeDuring(unit, period) && targetedChildren(spec, unit, active).length > 0);
  }
  return units.filter((unit) => formTargetsUnit(spec, unit, registry) && activeDuring(unit, period));
}

/** Whether a unit was active at some instant of the period before its deadline. */
export function activeDuring(unit: Unit, period: Period): boolean {
  // A unit opening after the deadline cannot owe that report, even if the period runs on (a school year).
  const lastInstant = Math.min(
    period.end > period.start ? period.end.getTime() - 1 : period.due.getTime(),
    period.due.getTime(),
  );
  const opened = unit.activeFrom === undefined || ictInstant(unit.activeFrom).getTime() < lastInstant;
  // activeTo is the last day the unit existed: it is active until the end of that day.
  const closedAfterStart =
    unit.activeTo === undefined ||
    ictInstant(unit.activeTo).getTime() + DAY_MS > Math.min(period.start.getTime(), period.due.getTime());
  return opened && closedAfterStart;
}
