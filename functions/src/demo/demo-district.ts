import type { FormSpec, UnitType } from '../domain/forms/form-spec.js';
import { periodsOf } from '../domain/periods/schedule.js';
import type { Unit } from '../domain/units/unit.js';
import { formsForUnit } from '../domain/units/targets.js';
import type { WritableCell } from '../adapters/sheet-layout/write-sheet-layout.js';
import type { ControlSettings } from '../adapters/workbook/write-control-workbook.js';
import {
  buildHistory,
  onceSendAt,
  type DemoDelivery,
  type DemoSend,
  type SchoolYearPace,
  type SendPlan,
} from './demo-history.js';
import { makeMistakes, type DemoMistake } from './demo-mistakes.js';
import { plantRuleBreaks } from './demo-rule-breaks.js';
import {
  recordsToRows,
  type DemoRow,
  type RowBuilder,
  type RowPlan,
  type RowRecord,
  type UnitProfile,
} from './demo-profile.js';
import { jointPlanRows, smallPlanRows, trainingRegistrationRows } from './demo-rows-schools.js';
import {
  actionRegistrationRows,
  actionReportRows,
  commitmentEvaluationRows,
  commitmentRegistrationRows,
} from './demo-rows-youth.js';
import { buildUnitProfiles } from './demo-units.js';
import { withDemoOrgTree } from './demo-org-tree.js';
import { secondBranchProfiles, type SecondBranchSending } from './demo-second-branch.js';
import { createPrng, type Prng } from './prng.js';
import { demoNewPlan, NEW_PLAN_SENDERS, newPlanSends, type IssuedPlan, type NewPlanSend } from './demo-new-plan.js';
import { singlePeriodId } from '../domain/periods/period-id.js';
import { demoFinance, FEE_FORM_ID, type DemoFinance } from './demo-finance.js';
import { demoCouncil, type DemoCouncil } from './demo-council.js';
import { withDemoReview, type DemoReview } from './demo-review.js';

export { DEMO_NOTICE_RUNS, DEMO_NOW, type DemoDelivery, type DemoSend } from './demo-history.js';

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
 * - missing: no file is written; sentAt null, no rows, no sends;
 * - corrupt: a file of non-zip bytes named `<id>.xlsx`, sent once; no rows (nothing is readable);
 * - renamed-header / missing-tab / typos / clean: a real workbook with these rows, sent several times over the years.
 */
export interface DemoWorkbook {
  readonly unitId: string;
  readonly scenario: DemoScenario;
  /** The main form's last period went out after its deadline (its last send before the plan issued near "now" > dueAt). */
  readonly late: boolean;
  /** When the unit last sent its file (its last send): the final file's mtime. Null when it sent nothing. */
  readonly sentAt: Date | null;
  /** The form whose deadline on-time/late is judged against, and the last on-time instant of the last period the unit sent of it. */
  readonly mainFormId: string;
  readonly dueAt: Date;
  /** Rows of each tab of the final file, in the form's column order (no status cell). */
  readonly rowsByFormId: Map<string, WritableCell[][]>;
  /**
   * Every time the unit sent its file, chronological, at most one a day (ICT): the whole workbook as of then,
   * cumulative; the last one holds rowsByFormId itself. Corrupt: one send with no rows. Missing: none.
   */
  readonly sends: DemoSend[];
  /** Each (form, period) the unit sent rows for, with its deadline and whether it went out late. */
  readonly deliveries: DemoDelivery[];
  /** Forms the unit owes whose tab its file lacks. */
  readonly missingTabFormIds: string[];
  readonly renamedHeader?: RenamedHeader;
  readonly mistakes: DemoMistake[];
  /**
   * Rows the sweep must reject: one per mistake (typing mistakes and seed 003's rule breaks), the evaluations of
   * a member whose registration row was rejected, or every row of a tab whose required header was renamed.
   */
  readonly expectedRejectedRows: number;
}

/** A whole sample district: control workbook content and one (possibly absent) workbook per unit. */
export interface DemoDistrict {
  readonly seed: number;
  readonly specs: FormSpec[];
  readonly settings: ControlSettings;
  readonly units: Unit[];
  readonly workbooks: DemoWorkbook[];
  /** The control workbook's mtime when first written (before `issued`): fixed, so rewriting the demo looks the same to change detection. */
  readonly controlModifiedAt: Date;
  /**
   * The plan the district issued near the demo's "now" by adding its rows to the control workbook (not in `specs`,
   * which the control holds from the start); its `at` becomes the control's mtime. A few Liên đội send it filled.
   */
  readonly issued: IssuedPlan;
  /** The finance desk's receipts plan and book, added before the 13/09 notice run: one school still owes. */
  readonly finance: DemoFinance;
  /** Hội đồng Đội's books of seed 004's district-run plans (training register, inspection), saved 31/05/2023. */
  readonly council: DemoCouncil;
  /** The registration the district sent back and then approved ("Duyệt báo cáo": Có). */
  readonly review?: DemoReview;
}

/** The demo district's "Thông tin chung". */
export const DEMO_SETTINGS: ControlSettings = {
  districtName: 'Quận Đoàn 1',
  officeEmail: 'vanphong.quandoan1@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
  // The heading and "Nơi nhận" of `tonghop report`, as Quận Đoàn 1 would set them.
  parentBody: 'Thành Đoàn TP. Hồ Chí Minh',
  issuerName: 'Ban Chấp hành Đoàn Quận 1',
  recipients: 'Ban Thường vụ Thành Đoàn (để b/c); Hội đồng Đội Thành phố (để b/c); Lưu VP',
  // The district reviews submissions in the summary's "Duyệt báo cáo" tab (demo-review.ts).
  reviewSubmissions: 'Có',
};

/** 08:00 10/09/2024 in Asia/Ho_Chi_Minh, the day plan 42-KHLT was issued. */
export const DEMO_CONTROL_MODIFIED_AT = new Date('2024-09-10T01:00:00Z');

/** How many units of each type get each unusual scenario (the rest are clean) and how many sent their main form late. */
const SCENARIO_PLAN: Readonly<
  Record<UnitType, { readonly scenarios: readonly DemoScenario[]; readonly late: number }>
> = {
  'lien-doi': { scenarios: ['typos', 'typos', 'typos', 'missing', 'corrupt', 'renamed-header'], late: 4 },
  'co-so-doan': { scenarios: ['typos', 'missing', 'missing-tab'], late: 2 },
  'chi-doan': { scenarios: ['typos', 'missing'], late: 2 },
};

/**
 * Timing besides the main forms: how many units sent each other once-form late, how the Liên đội paced their
 * school-year report, and the cơ sở Đoàn that stopped reporting (its later months stay missing).
 */
const TIMING_PLAN = {
  lateOnce: { 'ke-hoach-nho-65-nam': 4, '30-phut-dang-ky': 1, 'ren-luyen-2014-dang-ky': 1 } as Readonly<
    Record<string, number>
  >,
  schoolYear: {
    formId: 'lien-tich-2022-2023',
    paces: { 'last-batch-late': 3, 'all-late': 2 } as Readonly<Partial<Record<SchoolYearPace, number>>>,
  },
  stopped: { unitType: 'co-so-doan' as UnitType, lastMonth: '2022-06' },
  /** Of the units late on a 10:00 deadline, how many sent the same afternoon (the rest on later days). */
  lateSameDay: 2,
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

/** What the district decided about one unit before drawing its file. */
interface UnitPlan {
  readonly scenario: DemoScenario;
  readonly late: boolean;
  readonly rows: RowPlan;
  readonly sends: SendPlan;
}

/** Build a deterministic sample district from the form catalog: same specs and seed, same district. */
export function buildDemoDistrict(specs: FormSpec[], seed = 2024): DemoDistrict {
  const rng = createPrng(seed);
  // Timing draws come from their own stream, so retiming the history does not redraw the rows.
  const timing = createPrng((seed ^ 0x9e3779b9) >>> 0);
  const profiles = buildUnitProfiles(rng);
  const plans = planUnits(specs, profiles, assignScenarios(profiles, rng), timing);
  // The review story's extra send comes before the new plan's, which copies the file as it then is.
  const { workbooks: reviewed, review } = withDemoReview(
    specs,
    profiles.map((p) => p.unit),
    profiles.map((profile) =>
      buildWorkbook(specs, profiles, profile, plans.get(profile.unit.id) ?? cleanPlan(), rng, timing),
    ),
  );
  // The second cơ sở Đoàn with its chi đoàn: its own streams, after everything else, so nothing above is redrawn.
  const secondRng = createPrng((seed ^ 0x27d4eb2d) >>> 0);
  const second = secondBranchProfiles(secondRng);
  const secondProfiles = second.map((s) => s.profile);
  const secondTiming = createPrng((seed ^ 0x165667b1) >>> 0);
  const built = [
    ...reviewed,
    ...second.map(({ profile, sending }) =>
      buildWorkbook(specs, secondProfiles, profile, secondBranchPlan(sending), secondRng, secondTiming),
    ),
  ];
  const issued = demoNewPlan(DEMO_SETTINGS);
  // Its own stream again: adding the new plan does not redraw anything else.
  const newPlanRng = createPrng((seed ^ 0x5bd1e995) >>> 0);
  const senders = newPlanRng.sample(
    built
      .filter(
        (w) =>
          w.scenario === 'clean' &&
          w.sentAt !== null &&
          w.sentAt < issued.at &&
          profiles.some((p) => p.unit.id === w.unitId && issued.spec.targets.unitTypes.includes(p.unit.type)),
      )
      .map((w) => w.unitId),
    NEW_PLAN_SENDERS,
  );
  const sends = newPlanSends(issued.spec, senders, newPlanRng);
  const workbooks = built.map((w) => {
    const send = sends.get(w.unitId);
    return send ? withNewPlanSend(w, issued.spec, send) : w;
  });
  const units = withDemoOrgTree([...profiles, ...second.map((s) => s.profile)].map((p) => p.unit));
  return {
    seed,
    specs,
    settings: DEMO_SETTINGS,
    units,
    workbooks,
    controlModifiedAt: DEMO_CONTROL_MODIFIED_AT,
    issued,
    finance: demoFinance(
      specs.find((s) => s.id === FEE_FORM_ID),
      units,
      workbooks,
    ),
    council: demoCouncil(specs, units),
    ...(review ? { review } : {}),
  };
}

/** A workbook with one more send: the whole file as it was, plus the new plan's tab filled (on time). */
function withNewPlanSend(workbook: DemoWorkbook, spec: FormSpec, send: NewPlanSend): DemoWorkbook {
  const rowsByFormId = new Map([...workbook.rowsByFormId, [spec.id, send.rows]]);
  const periodId = singlePeriodId(spec.period) ?? '';
  const dueAt = periodsOf(spec).at(-1)?.due ?? send.at;
  const delivery: DemoDelivery = {
    formId: spec.id,
    periodId,
    dueAt,
    firstSentAt: send.at,
    sentAt: send.at,
    late: send.at > dueAt,
    nil: false,
  };
  return {
    ...workbook,
    sentAt: send.at,
    rowsByFormId,
    sends: [...workbook.sends, { at: send.at, rowsByFormId }],
    deliveries: [...workbook.deliveries, delivery],
    mistakes: send.mistake ? [...workbook.mistakes, send.mistake] : workbook.mistakes,
    expectedRejectedRows: workbook.expectedRejectedRows + (send.mistake ? 1 : 0),
  };
}

function assignScenarios(
  profiles: readonly UnitProfile[],
  rng: Prng,
): Map<string, { scenario: DemoScenario; late: boolean }> {
  const plan = new Map<string, { scenario: DemoScenario; late: boolean }>();
  for (const [type, { scenarios, late }] of Object.entries(SCENARIO_PLAN) as [
    UnitType,
    (typeof SCENARIO_PLAN)[UnitType],
  ][]) {
    const ids = rng.shuffle(profiles.filter((p) => p.unit.type === type).map((p) => p.unit.id));
    ids.forEach((id, i) => plan.set(id, { scenario: scenarios[i] ?? 'clean', late: false }));
    const sent = ids.filter((id) => plan.get(id)?.scenario !== 'missing');
    for (const id of rng.sample(sent, late)) plan.set(id, { scenario: plan.get(id)?.scenario ?? 'clean', late: true });
  }
  return plan;
}

/** A clean file, sent on time or with its main form's last period late, or no file at all. */
function secondBranchPlan(sending: SecondBranchSending): UnitPlan {
  const late = sending === 'late';
  return {
    ...cleanPlan(),
    scenario: sending === 'missing' ? 'missing' : 'clean',
    late,
    sends: { lateForms: new Set(), lastPeriodLate: late, schoolYear: 'on-time' },
  };
}

function cleanPlan(): UnitPlan {
  return {
    scenario: 'clean',
    late: false,
    rows: {},
    sends: { lateForms: new Set(), lastPeriodLate: false, schoolYear: 'on-time' },
  };
}

/** Add the timing plan to the scenarios: who sent which other form late, how each school paced its year, who stopped. */
function planUnits(
  specs: readonly FormSpec[],
  profiles: readonly UnitProfile[],
  scenarios: ReadonlyMap<string, { scenario: DemoScenario; late: boolean }>,
  rng: Prng,
): Map<string, UnitPlan> {
  const scenarioOf = (id: string) => scenarios.get(id) ?? { scenario: 'clean' as const, late: false };
  const registry = profiles.map((p) => p.unit);
  // Units owing the form whose file holds every form they owe, with rows.
  const sendersOf = (formId: string) =>
    profiles
      .filter(
        (p) =>
          !['missing', 'corrupt', 'missing-tab'].includes(scenarioOf(p.unit.id).scenario) &&
          formsForUnit(specs, p.unit, registry).some((s) => s.id === formId),
      )
      .map((p) => p.unit.id);

  const lateForms = new Map<string, Set<string>>();
  for (const [formId, count] of Object.entries(TIMING_PLAN.lateOnce)) {
    for (const id of rng.sample(sendersOf(formId), count))
      lateForms.set(id, new Set([...(lateForms.get(id) ?? []), formId]));
  }
  const paces = new Map<string, SchoolYearPace>();
  const schools = rng.shuffle(sendersOf(TIMING_PLAN.schoolYear.formId));
  for (const [pace, count] of Object.entries(TIMING_PLAN.schoolYear.paces) as [SchoolYearPace, number][]) {
    for (const id of schools.splice(0, count)) paces.set(id, pace);
  }
  const cleanOfType = profiles.filter(
    (p) => p.unit.type === TIMING_PLAN.stopped.unitType && scenarioOf(p.unit.id).scenario === 'clean',
  );
  const stopped = cleanOfType.length > 0 ? rng.pick(cleanOfType).unit.id : undefined;
  // No draw (the timing stream stays as it was): the first other clean one misses the weekly target.
  const misses = cleanOfType.find((p) => p.unit.id !== stopped)?.unit.id;
  // A main form answered once (tap-huan-2024) is late through lateForms; a periodic one through its last period.
  const mainOnce = (type: UnitType) => specs.find((s) => s.id === MAIN_FORM[type])?.period.type === 'once';
  const lateOnOnce = profiles.filter((p) => mainOnce(p.unit.type) && scenarioOf(p.unit.id).late).map((p) => p.unit.id);
  const sameDay = new Set(rng.sample(lateOnOnce, TIMING_PLAN.lateSameDay));

  return new Map(
    profiles.map((profile) => {
      const { unit } = profile;
      const { scenario, late } = scenarioOf(unit.id);
      const sends: SendPlan = {
        lateForms: new Set([
          ...(lateForms.get(unit.id) ?? []),
          ...(late && mainOnce(unit.type) ? [MAIN_FORM[unit.type]] : []),
        ]),
        lastPeriodLate: late,
        lateSameDay: sameDay.has(unit.id),
        schoolYear: paces.get(unit.id) ?? 'on-time',
      };
      const rows: RowPlan =
        unit.id === stopped
          ? { lastMonth: TIMING_PLAN.stopped.lastMonth }
          : unit.id === misses
            ? { missesWeeklyTarget: true }
            : {};
      return [unit.id, { scenario, late, rows, sends }];
    }),
  );
}

function buildWorkbook(
  specs: readonly FormSpec[],
  /** The profiles built with this one: the units a plan parents fill is filled about. */
  branch: readonly UnitProfile[],
  profile: UnitProfile,
  plan: UnitPlan,
  rng: Prng,
  timing: Prng,
): DemoWorkbook {
  const { unit } = profile;
  const { scenario, late } = plan;
  const forms = formsForUnit(
    specs,
    unit,
    branch.map((p) => p.unit),
  );
  const demoRows = new Map<string, DemoRow[]>();
  for (const spec of forms) demoRows.set(spec.id, ROW_BUILDERS[spec.id]?.(spec, profile, rng, plan.rows) ?? []);
  const records = new Map(
    [...demoRows].map(([formId, rows]) => [formId, rows.map((row) => row.record)] as [string, RowRecord[]]),
  );
  const nilRows = new Set(
    [...demoRows].flatMap(([formId, rows]) => rows.flatMap((row, i) => (row.nil ? [`${formId}#${i}`] : []))),
  );
  const main = forms.find((s) => s.id === MAIN_FORM[unit.type]) ?? forms[forms.length - 1];
  const lastDue = main ? (periodsOf(main).at(-1)?.due ?? new Date(0)) : new Date(0);
  const base = {
    unitId: unit.id,
    scenario,
    mainFormId: main?.id ?? '',
    missingTabFormIds: [] as string[],
    mistakes: [] as DemoMistake[],
  };
  const rowsOf = (only: readonly FormSpec[]) =>
    new Map(only.map((spec) => [spec.id, recordsToRows(spec, records.get(spec.id) ?? [])]));
  /** A file the unit really sent: its history decides sentAt, and dueAt is the deadline of the last main period it sent. */
  const sent = (
    kept: readonly FormSpec[],
    rest: Pick<DemoWorkbook, 'expectedRejectedRows' | 'mistakes' | 'missingTabFormIds'> & {
      renamedHeader?: RenamedHeader;
    },
  ): DemoWorkbook => {
    const rowsByFormId = rowsOf(kept);
    const { sends, deliveries } = buildHistory(kept, demoRows, rowsByFormId, plan.sends, timing);
    const mainDue = deliveries
      .filter((d) => d.formId === main?.id)
      .reduce((due, d) => (d.dueAt > due ? d.dueAt : due), new Date(0));
    return {
      ...base,
      ...rest,
      late,
      sentAt: sends.at(-1)?.at ?? null,
      dueAt: mainDue,
      rowsByFormId,
      sends,
      deliveries,
    };
  };

  switch (scenario) {
    case 'missing':
      return {
        ...base,
        late: false,
        sentAt: null,
        dueAt: lastDue,
        rowsByFormId: new Map(),
        sends: [],
        deliveries: [],
        expectedRejectedRows: 0,
      };
    case 'corrupt': {
      // Sent once, around its main deadline, as bytes nobody can read.
      const at = main ? onceSendAt(main, late, timing, plan.sends.lateSameDay) : lastDue;
      const rowsByFormId = new Map<string, WritableCell[][]>();
      return {
        ...base,
        late,
        sentAt: at,
        dueAt: lastDue,
        rowsByFormId,
        sends: [{ at, rowsByFormId }],
        deliveries: [],
        expectedRejectedRows: 0,
      };
    }
    case 'typos': {
      const typed = makeMistakes(records, rng.int(2, 3), rng, nilRows);
      // Its own stream: planting the rule breaks does not redraw the rows of the units after it.
      const { breaks, cascaded } = plantRuleBreaks(records, typed, createPrng(seedOf(unit.id)));
      const mistakes = [...typed, ...breaks].sort(
        (a, b) => a.formId.localeCompare(b.formId) || a.rowIndex - b.rowIndex,
      );
      return sent(forms, { mistakes, expectedRejectedRows: mistakes.length + cascaded, missingTabFormIds: [] });
    }
    case 'renamed-header': {
      const renamedHeader = pickHeaderToRename(forms);
      const rejected = renamedHeader ? (records.get(renamedHeader.formId)?.length ?? 0) : 0;
      return sent(forms, {
        mistakes: [],
        expectedRejectedRows: rejected,
        missingTabFormIds: [],
        ...(renamedHeader ? { renamedHeader } : {}),
      });
    }
    case 'missing-tab': {
      // A unit that sent only its monthly report and forgot the registration is the usual case.
      const dropped = forms.find((s) => s.kind === 'registration') ?? forms[0];
      const kept = forms.filter((s) => s !== dropped);
      return sent(kept, { mistakes: [], expectedRejectedRows: 0, missingTabFormIds: dropped ? [dropped.id] : [] });
    }
    case 'clean':
      return sent(forms, { mistakes: [], expectedRejectedRows: 0, missingTabFormIds: [] });
  }
}

/** A stream seed from a unit id, so a unit's own draws do not depend on the units before it. */
function seedOf(id: string): number {
  return [...id].reduce((hash, c) => (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0, 2014);
}

/** The phone column renamed 'Liên lạc' (not one of its accepted headers), or else the first required column. */
function pickHeaderToRename(forms: readonly FormSpec[]): RenamedHeader | undefined {
  for (const spec of forms) {
    const phone = spec.columns.find((c) => c.type === 'phone' && c.required);
    if (phone) return { formId: spec.id, columnKey: phone.key, from: phone.header, to: 'Liên lạc' };
  }
  const spec = forms[0];
  const column = spec?.columns.find((c) => c.required && !c.period);
  return spec && column
    ? { formId: spec.id, columnKey: column.key, from: column.header, to: 'Thông tin khác' }
    : undefined;
}

/** The form specs as a unit's file has them: a renamed header applied, a missing tab left out. */
export function specsAsWritten(district: DemoDistrict, workbook: DemoWorkbook): FormSpec[] {
  const unit = district.units.find((u) => u.id === workbook.unitId);
  if (!unit) return [];
  const renamed = workbook.renamedHeader;
  // The new plan's tab is in the file only of the units that sent it; the sweep rolls it out to the others.
  const issued = workbook.rowsByFormId.has(district.issued.spec.id) ? [district.issued.spec] : [];
  return [...formsForUnit(district.specs, unit, district.units), ...issued]
    .filter((spec) => !workbook.missingTabFormIds.includes(spec.id))
    .map((spec) =>
      renamed?.formId !== spec.id
        ? spec
        : {
            ...spec,
            columns: spec.columns.map((c) =>
              c.key === renamed.columnKey ? { ...c, header: renamed.to, aliases: [] } : c,
            ),
          },
    );
}

/** The plans the control holds at `at`: from the day the district added a plan, each sweep and notice run has it too. */
export function demoPlansAt(district: DemoDistrict, forms: readonly FormSpec[], at: Date): FormSpec[] {
  return [
    ...forms,
    ...(at >= district.finance.at ? [district.finance.spec] : []),
    ...(at > district.issued.at ? [district.issued.spec] : []),
  ];
}
