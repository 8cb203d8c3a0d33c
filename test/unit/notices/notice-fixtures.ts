import { builtinForm, storedSubmission } from '../../support/forms.js';
import type { RowError } from '../../../functions/src/domain/forms/compile-form.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import type { RejectedRow } from '../../../functions/src/domain/forms/read-form-tab.js';
import { localizePlan } from '../../../functions/src/domain/plans/district-placeholders.js';
import { DEFAULT_NOTICE_POLICY, type NoticePolicy } from '../../../functions/src/domain/notices/notice-kinds.js';
import { periodsOf } from '../../../functions/src/domain/periods/schedule.js';
import { formPeriodStats } from '../../../functions/src/domain/stats/form-period-stats.js';
import type { DistrictPicture, StoredSubmission } from '../../../functions/src/domain/summary/district-picture.js';
import type { DistrictSettings } from '../../../functions/src/domain/units/read-control.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';

/** Once, due 10g00 15/09/2024 ICT = 2024-09-15T03:00:00.000Z; Liên đội Tiểu học and THCS. */
export const TAP_HUAN = localizePlan(builtinForm('tap-huan-2024'), {
  districtName: 'Quận Đoàn 1',
  officeEmail: '',
  contactName: '',
  contactPhone: '',
});
/** Monthly 04/2020–12/2022, due the 5th of the next month (end of day); every cơ sở Đoàn. */
export const BAO_CAO_30_PHUT = builtinForm('30-phut-bao-cao');
/** Once, "trước ngày 14/12/2023" (00:00 ICT 14/12 = 2023-12-13T17:00:00.000Z); every Liên đội. */
export const KE_HOACH_NHO = builtinForm('ke-hoach-nho-65-nam');
/** Phases: Đợt I–IV of 2014, each due the 10th of the month after its month. */
export const REN_LUYEN_DANH_GIA = builtinForm('ren-luyen-2014-danh-gia');

export const SETTINGS: DistrictSettings = {
  districtName: 'Quận Đoàn 1',
  officeEmail: 'VanPhong@QuanDoan1.example',
  contactName: 'Phạm Thu Trang',
  contactPhone: '0283 822 1234',
};

/** The default policy with sending allowed around the clock (to test stages alone). */
export const ALWAYS_OPEN: NoticePolicy = { ...DEFAULT_NOTICE_POLICY, quietHours: { sendFrom: 0, sendUntil: 24 } };

/** A Liên đội Tiểu học in Cụm 1 with one contact, unless told otherwise. */
export function school(id: string, extra: Partial<Unit> = {}): Unit {
  return {
    id,
    name: `Liên đội Tiểu học ${id.toUpperCase()}`,
    type: 'lien-doi',
    level: 'Tiểu học',
    cluster: 'Cụm 1',
    contacts: [{ name: `Tổng phụ trách ${id}`, email: `tpt@${id}.example` }],
    source: `${id}.xlsx`,
    ...extra,
  };
}

/** A cơ sở Đoàn with one contact. */
export function youthUnit(id: string): Unit {
  return {
    id,
    name: `Đoàn cơ sở ${id}`,
    type: 'co-so-doan',
    level: '',
    cluster: 'Khối cơ quan',
    contacts: [{ name: '', email: `bithu@${id}.example` }],
    source: `${id}.xlsx`,
  };
}

/** A copy of tap-huan-2024 under another id with another deadline (for several stages at once). */
export function onceForm(id: string, date: string, time?: string, notices?: FormSpec['notices']): FormSpec {
  return {
    ...TAP_HUAN,
    id,
    tab: `Biểu ${id}`,
    period: { type: 'once', due: time === undefined ? { date } : { date, time } },
    ...(notices ? { notices } : {}),
  };
}

/** The district at `now`, built as the jobs build it: every started period with its real statistics. */
export function pictureAt(
  now: Date | string,
  setup: {
    forms: readonly FormSpec[];
    units: readonly Unit[];
    submissions?: readonly StoredSubmission[];
    settings?: DistrictSettings;
  },
): DistrictPicture {
  const at = new Date(now);
  const submissions = setup.submissions ?? [];
  const periods = setup.forms.flatMap((spec) =>
    periodsOf(spec)
      .filter((p) => spec.period.type === 'once' || spec.period.type === 'school-year' || p.start <= at)
      .map((period) => {
        const mine = new Map(
          submissions.filter((s) => s.formId === spec.id && s.periodId === period.id).map((s) => [s.unitId, s]),
        );
        return {
          spec,
          period,
          stats: formPeriodStats({ spec, period, units: setup.units, submissions: mine, now: at }),
        };
      }),
  );
  return {
    settings: setup.settings ?? SETTINGS,
    forms: setup.forms,
    units: setup.units,
    periods,
    submissions,
    sourceProblems: [],
    now: at,
  };
}

/** A submission completed at `at` (on time or late depending on the deadline). */
export function completeAt(
  spec: FormSpec,
  periodId: string,
  unitId: string,
  at: string,
  lastChangedAt = at,
): StoredSubmission {
  return storedSubmission(spec.id, periodId, unitId, { rows: [3], firstCompleteAt: at, lastChangedAt });
}

/** A submission declaring "Không phát sinh". */
export function nilAt(spec: FormSpec, periodId: string, unitId: string, at: string): StoredSubmission {
  return storedSubmission(spec.id, periodId, unitId, { nilRows: [3], firstCompleteAt: at, lastChangedAt: at });
}

/** A submission whose rows `rowNumbers` were rejected, each with the given errors (one phone error by default). */
export function partial(
  spec: FormSpec,
  periodId: string,
  unitId: string,
  rowNumbers: readonly number[],
  errorsOf: (row: number) => RowError[] = (row) => [phoneError(row)],
): StoredSubmission {
  const rejected: RejectedRow[] = rowNumbers.map((rowNumber) => ({
    rowNumber,
    periodId,
    cells: { 'Số điện thoại': '12345' },
    errors: errorsOf(rowNumber),
  }));
  return storedSubmission(spec.id, periodId, unitId, {
    rows: [2],
    rejected,
    firstCompleteAt: null,
    lastChangedAt: '2024-09-10T02:00:00.000Z',
  });
}

/** The message the validator gives a bad phone number on a row. */
export function phoneError(row: number): RowError {
  return {
    column: 'Số điện thoại',
    message: `Dòng ${row}, cột 'Số điện thoại': '12345' không phải số điện thoại Việt Nam.`,
  };
}
