import type { FormSpec, UnitType } from '../../domain/forms/form-spec.js';
import type { Unit } from '../../domain/units/unit.js';
import { formsForUnit } from '../../domain/units/targets.js';
import type { WritableCell } from '../../adapters/workbook/write-sheet-layout.js';
import type { ControlFormRow, ControlSettings } from '../../adapters/workbook/write-control-workbook.js';
import { deadlineInstant, finalDeadline, sentAtFor } from './demo-deadlines.js';
import { makeMistakes, type DemoMistake } from './demo-mistakes.js';
import { recordsToRows, monthsFrom, type RowBuilder, type RowRecord, type UnitProfile } from './demo-profile.js';
import { jointPlanRows, smallPlanRows, trainingRegistrationRows } from './demo-rows-schools.js';
import { REPORTED_MONTHS, actionRegistrationRows, actionReportRows, commitmentEvaluationRows, commitmentRegistrationRows } from './demo-rows-youth.js';
import { buildUnitProfiles } from './demo-units.js';
import { createPrng, type Prng } from './prng.js';

/** What the demo did to a unit's file, so tests and the CLI can say what the sweep should find. */
export const DEMO_SCENARIOS = ['clean', 'typos', 'corrupt', 'renamed-header', 'missing-tab', 'missing'] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

/** A required header a unit renamed, so the whole tab's rows must be rejected. */
export interface RenamedHeader {
  readonly formId: string;
  readonly columnKey: string;
  readonly from: string;
  readonly to: string;
}

/**
 * One unit's file, or its absence. Every unit has exactly one entry, in the order of `units`:
 * - missing: no file is written; sentAt null, no rows;
 * - corrupt: a file of non-zip bytes named `<id>.xlsx`; no rows (nothing is readable);
 * - renamed-header / missing-tab / typos / clean: a real workbook with these rows.
 */
export interface DemoWorkbook {
  readonly unitId: string;
  readonly scenario: DemoScenario;
  readonly late: boolean;
  /** When the unit sent its file: the file's mtime. Null when it sent nothing. */
  readonly sentAt: Date | null;
  /** The form whose deadline on-time/late is judged against, and that deadline. */
  readonly mainFormId: string;
  readonly dueAt: Date;
  /** Rows of each tab written, in the form's column order (no status cell). */
  readonly rowsByFormId: Map<string, WritableCell[][]>;
  /** Forms the unit owes whose tab its file lacks. */
  readonly missingTabFormIds: string[];
  readonly renamedHeader?: RenamedHeader;
  readonly mistakes: DemoMistake[];
  /** Rows the sweep must reject: one per mistake, or every row of a tab whose required header was renamed. */
  readonly expectedRejectedRows: number;
}

/** A whole sample district: control workbook content and one (possibly absent) workbook per unit. */
export interface DemoDistrict {
  readonly seed: number;
  readonly specs: FormSpec[];
  readonly settings: ControlSettings;
  readonly units: Unit[];
  readonly forms: ControlFormRow[];
  readonly workbooks: DemoWorkbook[];
  /** The control workbook's mtime: fixed, so rewriting the demo looks the same to change detection. */
  readonly controlModifiedAt: Date;
}

/** The demo district's "Thông tin chung". */
export const DEMO_SETTINGS: ControlSettings = {
  districtName: 'Quận Đoàn 1',
  officeEmail: 'vanphong.quandoan1@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};

/** 08:00 10/09/2024 in Asia/Ho_Chi_Minh, the day plan 42-KHLT was issued. */
export const DEMO_CONTROL_MODIFIED_AT = new Date('2024-09-10T01:00:00Z');

/** How many units of each type get each unusual scenario (the rest are clean) and how many sent late. */
const SCENARIO_PLAN: Readonly<Record<UnitType, { readonly scenarios: readonly DemoScenario[]; readonly late: number }>> = {
  'lien-doi': { scenarios: ['typos', 'typos', 'typos', 'missing', 'corrupt', 'renamed-header'], late: 4 },
  'co-so-doan': { scenarios: ['typos', 'missing', 'missing-tab'], late: 2 },
  'chi-doan': { scenarios: ['typos', 'missing'], late: 2 },
};

/** The form each unit type's file is mainly judged by (its latest deadline). */
const MAIN_FORM: Readonly<Record<UnitType, string>> = {
  'lien-doi': 'tap-huan-2024',
  'co-so-doan': '30-phut-bao-cao',
  'chi-doan': 'ren-luyen-2014-danh-gia',
};

const ROW_BUILDERS: Readonly<Record<string, RowBuilder>> = {
  'tap-huan-2024': trainingRegistrationRows,
  'ke-hoach-nho-65-nam': smallPlanRows,
  'lien-tich-2022-2023': jointPlanRows,
  '30-phut-dang-ky': actionRegistrationRows,
  '30-phut-bao-cao': actionReportRows,
  'ren-luyen-2014-dang-ky': commitmentRegistrationRows,
  'ren-luyen-2014-danh-gia': commitmentEvaluationRows,
};

/** Build a deterministic sample district from the form catalog: same specs and seed, same district. */
export function buildDemoDistrict(specs: FormSpec[], seed = 2024): DemoDistrict {
  const rng = createPrng(seed);
  const profiles = buildUnitProfiles(rng);
  const scenarios = assignScenarios(profiles, rng);
  const workbooks = profiles.map((profile) => {
    const plan = scenarios.get(profile.unit.id) ?? { scenario: 'clean' as const, late: false };
    return buildWorkbook(specs, profile, plan.scenario, plan.late, rng);
  });
  return {
    seed,
    specs,
    settings: DEMO_SETTINGS,
    units: profiles.map((p) => p.unit),
    forms: specs.map((spec) => ({ formId: spec.id, title: spec.title, enabled: true })),
    workbooks,
    controlModifiedAt: DEMO_CONTROL_MODIFIED_AT,
  };
}

function assignScenarios(profiles: readonly UnitProfile[], rng: Prng): Map<string, { scenario: DemoScenario; late: boolean }> {
  const plan = new Map<string, { scenario: DemoScenario; late: boolean }>();
  for (const [type, { scenarios, late }] of Object.entries(SCENARIO_PLAN) as [UnitType, (typeof SCENARIO_PLAN)[UnitType]][]) {
    const ids = rng.shuffle(profiles.filter((p) => p.unit.type === type).map((p) => p.unit.id));
    ids.forEach((id, i) => plan.set(id, { scenario: scenarios[i] ?? 'clean', late: false }));
    const sent = ids.filter((id) => plan.get(id)?.scenario !== 'missing');
    for (const id of rng.sample(sent, late)) plan.set(id, { scenario: plan.get(id)?.scenario ?? 'clean', late: true });
  }
  return plan;
}

function buildWorkbook(specs: readonly FormSpec[], profile: UnitProfile, scenario: DemoScenario, late: boolean, rng: Prng): DemoWorkbook {
  const { unit } = profile;
  const forms = formsForUnit(specs, unit);
  const records = new Map<string, RowRecord[]>();
  for (const spec of forms) records.set(spec.id, ROW_BUILDERS[spec.id]?.(spec, profile, rng) ?? []);
  const main = forms.find((s) => s.id === MAIN_FORM[unit.type]) ?? forms[forms.length - 1];
  const due = main ? finalDeadline(main, main.period.type === 'monthly' ? monthsFrom(main.period.from, REPORTED_MONTHS).at(-1) : undefined) : { date: '2000-01-01' };
  const sentAt = sentAtFor(due, late, rng);
  const base = { unitId: unit.id, scenario, mainFormId: main?.id ?? '', dueAt: deadlineInstant(due), missingTabFormIds: [] as string[], mistakes: [] as DemoMistake[] };
  const rowsOf = (only: readonly FormSpec[]) => new Map(only.map((spec) => [spec.id, recordsToRows(spec, records.get(spec.id) ?? [])]));

  switch (scenario) {
    case 'missing':
      return { ...base, late: false, sentAt: null, rowsByFormId: new Map(), expectedRejectedRows: 0 };
    case 'corrupt':
      return { ...base, late, sentAt, rowsByFormId: new Map(), expectedRejectedRows: 0 };
    case 'typos': {
      const mistakes = makeMistakes(records, rng.int(2, 3), rng);
      return { ...base, late, sentAt, mistakes, rowsByFormId: rowsOf(forms), expectedRejectedRows: mistakes.length };
    }
    case 'renamed-header': {
      const renamedHeader = pickHeaderToRename(forms);
      const rejected = renamedHeader ? (records.get(renamedHeader.formId)?.length ?? 0) : 0;
      return { ...base, late, sentAt, rowsByFormId: rowsOf(forms), expectedRejectedRows: rejected, ...(renamedHeader ? { renamedHeader } : {}) };
    }
    case 'missing-tab': {
      // A unit that sent only its monthly report and forgot the registration is the usual case.
      const dropped = forms.find((s) => s.kind === 'registration') ?? forms[0];
      const kept = forms.filter((s) => s !== dropped);
      return { ...base, late, sentAt, missingTabFormIds: dropped ? [dropped.id] : [], rowsByFormId: rowsOf(kept), expectedRejectedRows: 0 };
    }
    case 'clean':
      return { ...base, late, sentAt, rowsByFormId: rowsOf(forms), expectedRejectedRows: 0 };
  }
}

/** The phone column renamed 'Liên lạc' (not one of its accepted headers), or else the first required column. */
function pickHeaderToRename(forms: readonly FormSpec[]): RenamedHeader | undefined {
  for (const spec of forms) {
    const phone = spec.columns.find((c) => c.type === 'phone' && c.required);
    if (phone) return { formId: spec.id, columnKey: phone.key, from: phone.header, to: 'Liên lạc' };
  }
  const spec = forms[0];
  const column = spec?.columns.find((c) => c.required && !c.period);
  return spec && column ? { formId: spec.id, columnKey: column.key, from: column.header, to: 'Thông tin khác' } : undefined;
}

/** The form specs as a unit's file has them: a renamed header applied, a missing tab left out. */
export function specsAsWritten(district: DemoDistrict, workbook: DemoWorkbook): FormSpec[] {
  const unit = district.units.find((u) => u.id === workbook.unitId);
  if (!unit) return [];
  const renamed = workbook.renamedHeader;
  return formsForUnit(district.specs, unit)
    .filter((spec) => !workbook.missingTabFormIds.includes(spec.id))
    .map((spec) =>
      renamed?.formId !== spec.id
        ? spec
        : { ...spec, columns: spec.columns.map((c) => (c.key === renamed.columnKey ? { ...c, header: renamed.to, aliases: [] } : c)) },
    );
}
