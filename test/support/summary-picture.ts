import { builtinForm } from './forms.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import { periodsStartedBy } from '../../functions/src/domain/periods/schedule.js';
import { formPeriodStats } from '../../functions/src/domain/stats/form-period-stats.js';
import type { buildSummary } from '../../functions/src/domain/summary/build-summary.js';
import type { DistrictPicture, StoredSubmission } from '../../functions/src/domain/summary/district-picture.js';
import type { SummaryTab } from '../../functions/src/domain/summary/summary-model.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { testUnit } from './builders.js';

/** Plans whose periods lie around SUMMARY_NOW: a monthly report, and two plans long past. */
export const PLANS = {
  /** Monthly 04/2020–12/2022, due the 5th of the next month; owed by every Đoàn cơ sở. */
  MONTHLY: builtinForm('30-phut-bao-cao'),
  /** Once, due 15/04/2020. */
  ONCE_2020: builtinForm('30-phut-dang-ky'),
  ONCE_2014: builtinForm('ren-luyen-2014-dang-ky'),
};

/** 10g00 ICT, 20/10/2022: the September report was due 5/10 (15 days ago), October's is due 5/11. */
export const SUMMARY_NOW = new Date('2022-10-20T03:00:00.000Z');

const unit = (id: string, name: string, cluster: string): Unit => testUnit(id, { name, type: 'co-so-doan', cluster });
export const SUMMARY_UNITS: readonly Unit[] = [
  unit('u-a', 'Đoàn cơ sở An Bình', 'Cụm 1'),
  unit('u-b', 'Đoàn cơ sở Bến Nghé', 'Cụm 1'),
  unit('u-c', 'Đoàn cơ sở Cầu Kho', 'Cụm 2'),
];

/** The district at SUMMARY_NOW with these plans and submissions; `extra` sets the window, closed plans, notices. */
export function pictureOf(
  forms: readonly FormSpec[],
  extra: Partial<DistrictPicture> = {},
  submissions: readonly StoredSubmission[] = [],
): DistrictPicture {
  const now = extra.now ?? SUMMARY_NOW;
  const periods = forms.flatMap((spec) =>
    periodsStartedBy(spec, now).map((period) => {
      const mine = new Map(
        submissions.filter((s) => s.formId === spec.id && s.periodId === period.id).map((s) => [s.unitId, s]),
      );
      return { spec, period, stats: formPeriodStats({ spec, period, units: SUMMARY_UNITS, submissions: mine, now }) };
    }),
  );
  return {
    settings: { districtName: 'Quận 1', officeEmail: '', contactName: '', contactPhone: '' },
    forms,
    units: SUMMARY_UNITS,
    periods,
    submissions,
    sourceProblems: [],
    now,
    ...extra,
  };
}

/** The named tab of a model; fails the test when it is absent. */
export function summaryTab(model: ReturnType<typeof buildSummary>, name: string): SummaryTab {
  const found = model.tabs.find((t) => t.name === name);
  if (!found) throw new Error(`no tab ${name}`);
  return found;
}
