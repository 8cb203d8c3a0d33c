import { randomPerson } from '../functions/src/demo/demo-names.js';
import { monthsFrom, onceRows, type RowBuilder } from '../functions/src/demo/demo-profile.js';
import { trainingParticipant } from '../functions/src/demo/demo-rows-schools.js';
import { monthlyActivity } from '../functions/src/demo/demo-rows-youth.js';

/**
 * Rows of a city unit, at the sizes the benchmark asks for. The demo's builders draw a district's
 * handful of participants and 3–5 activities a month; a city's training list and monthly report
 * are longer, so these two draw more rows of the demo's own kind (trainingParticipant,
 * monthlyActivity: every typing habit the parsers accept). The Kế hoạch nhỏ report is the demo's.
 */

/** The twelve months of the "30 phút" report the city's cơ sở Đoàn fill. */
export const CITY_REPORT_MONTHS = monthsFrom('2022-01', 12);

const ROLES = [
  'Tổng phụ trách Đội',
  'Phó Tổng phụ trách Đội',
  'Bí thư Chi đoàn giáo viên',
  'Phó Bí thư Chi đoàn giáo viên',
] as const;

/** tap-huan-2024: 10–20 participants, the unit's Tổng phụ trách first. */
export const cityTrainingRows: RowBuilder = (spec, profile, rng) => {
  const count = rng.int(10, 20);
  return onceRows(
    Array.from({ length: count }, (_, i) =>
      trainingParticipant(
        spec,
        profile,
        rng,
        i === 0 ? profile.contact : randomPerson(rng),
        i === 0 ? ROLES[0] : rng.pick(ROLES.slice(1)),
      ),
    ),
  );
};

/** 30-phut-bao-cao: the twelve months of 2022, 18–22 activities a month, in week order. */
export const cityMonthlyReportRows: RowBuilder = (_spec, profile, rng) => {
  const members = profile.unit.members ?? 40;
  return CITY_REPORT_MONTHS.flatMap((month) =>
    Array.from({ length: rng.int(18, 22) }, () => rng.int(1, 5))
      .sort((a, b) => a - b)
      .map((week) => monthlyActivity(month, week, members, profile, rng)),
  );
};
