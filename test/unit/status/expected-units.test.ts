import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { periodById, periodsOf, type Period } from '../../../functions/src/domain/periods/schedule.js';
import { activeDuring, expectedUnits } from '../../../functions/src/domain/status/expected-units.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { testUnit } from '../../support/builders.js';

const builtins = await loadBuiltinForms();

function builtin(id: string): FormSpec {
  const found = builtins.find((s) => s.id === id);
  if (!found) throw new Error(`built-in form ${id} not loaded`);
  return found;
}

function period(spec: FormSpec, periodId: string): Period {
  const found = periodById(spec, periodId);
  if (!found) throw new Error(`no period ${periodId} in ${spec.id}`);
  return found;
}

const BAO_CAO = builtin('30-phut-bao-cao');
const DANG_KY = builtin('30-phut-dang-ky');
const TAP_HUAN = builtin('tap-huan-2024');
const KE_HOACH_NHO = builtin('ke-hoach-nho-65-nam');
const LIEN_TICH = builtin('lien-tich-2022-2023');
const DANH_GIA = builtin('ren-luyen-2014-danh-gia');

describe('activeDuring: monthly periods (30-phut-bao-cao)', () => {
  it.each<[string, Partial<Unit>, string, boolean]>([
    ['always active', {}, '2021-03', true],
    ['opening 01/03/2021', { activeFrom: '2021-03-01' }, '2021-03', true],
    ['opening 01/03/2021', { activeFrom: '2021-03-01' }, '2021-02', false],
    ['opening 15/03/2021', { activeFrom: '2021-03-15' }, '2021-03', true],
    ['opening 15/03/2021', { activeFrom: '2021-03-15' }, '2021-02', false],
    ['opening 31/03/2021 (the last day)', { activeFrom: '2021-03-31' }, '2021-03', true],
    ['opening 01/04/2021', { activeFrom: '2021-04-01' }, '2021-03', false],
    ['closed 30/06/2021', { activeTo: '2021-06-30' }, '2021-06', true],
    ['closed 30/06/2021', { activeTo: '2021-06-30' }, '2021-07', false],
    ['closed 01/06/2021 (active on the first day)', { activeTo: '2021-06-01' }, '2021-06', true],
    ['closed 31/05/2021', { activeTo: '2021-05-31' }, '2021-06', false],
    ['open 15/03 → 20/03/2021', { activeFrom: '2021-03-15', activeTo: '2021-03-20' }, '2021-03', true],
    ['open 15/03 → 20/03/2021', { activeFrom: '2021-03-15', activeTo: '2021-03-20' }, '2021-04', false],
    ['open 15/03 → 20/03/2021', { activeFrom: '2021-03-15', activeTo: '2021-03-20' }, '2021-02', false],
  ])('a unit %s, month %s → %s', (_, dates, month, expected) => {
    expect(activeDuring(testUnit('u', { type: 'co-so-doan', ...dates }), period(BAO_CAO, month))).toBe(expected);
  });
});

describe('activeDuring: once forms are judged at their deadline', () => {
  it.each<[string, FormSpec, Partial<Unit>, boolean]>([
    // tap-huan-2024: 10g00 15/09/2024.
    ['tap-huan-2024, opening on the due day', TAP_HUAN, { activeFrom: '2024-09-15' }, true],
    ['tap-huan-2024, opening the day after', TAP_HUAN, { activeFrom: '2024-09-16' }, false],
    ['tap-huan-2024, closing on the due day', TAP_HUAN, { activeTo: '2024-09-15' }, true],
    ['tap-huan-2024, closed the day before', TAP_HUAN, { activeTo: '2024-09-14' }, false],
    [
      'tap-huan-2024, open in the first half of 2024 only',
      TAP_HUAN,
      { activeFrom: '2024-01-01', activeTo: '2024-06-30' },
      false,
    ],
    ['tap-huan-2024, open for years around it', TAP_HUAN, { activeFrom: '2010-01-01', activeTo: '2030-12-31' }, true],
    // 30-phut-dang-ky: end of 15/04/2020.
    ['30-phut-dang-ky, opening on the due day', DANG_KY, { activeFrom: '2020-04-15' }, true],
    ['30-phut-dang-ky, opening the day after', DANG_KY, { activeFrom: '2020-04-16' }, false],
    ['30-phut-dang-ky, closing on the due day', DANG_KY, { activeTo: '2020-04-15' }, true],
    ['30-phut-dang-ky, closed the day before', DANG_KY, { activeTo: '2020-04-14' }, false],
    // ke-hoach-nho-65-nam: "trước ngày 14/12/2023", i.e. 14/12/2023 00:00.
    ['ke-hoach-nho-65-nam, closing 14/12/2023', KE_HOACH_NHO, { activeTo: '2023-12-14' }, true],
    ['ke-hoach-nho-65-nam, opening 15/12/2023', KE_HOACH_NHO, { activeFrom: '2023-12-15' }, false],
  ])('%s → %s', (_, spec, dates, expected) => {
    expect(activeDuring(testUnit('u', dates), onlyPeriod(spec))).toBe(expected);
  });
});

describe('activeDuring: the school year (lien-tich-2022-2023, 01/08/2022 → 31/07/2023)', () => {
  const year = period(LIEN_TICH, '2022-2023');
  it.each<[string, Partial<Unit>, boolean]>([
    ['closed 31/07/2022, before the year', { activeTo: '2022-07-31' }, false],
    ['closed 01/08/2022, its first day', { activeTo: '2022-08-01' }, true],
    ['closed mid-year, 31/12/2022', { activeTo: '2022-12-31' }, true],
    ['opening 01/10/2022', { activeFrom: '2022-10-01' }, true],
    ['opening 01/08/2023, after the year', { activeFrom: '2023-08-01' }, false],
  ])('a unit %s → %s', (_, dates, expected) => {
    expect(activeDuring(testUnit('u', dates), year)).toBe(expected);
  });
});

describe('activeDuring: phases (ren-luyen-2014-danh-gia, Đợt II = 05/2014)', () => {
  const dot2 = period(DANH_GIA, 'dot-2');
  it.each<[string, Partial<Unit>, boolean]>([
    ['opening 31/05/2014', { activeFrom: '2014-05-31' }, true],
    ['opening 01/06/2014', { activeFrom: '2014-06-01' }, false],
    ['closed 30/04/2014', { activeTo: '2014-04-30' }, false],
    ['closed 01/05/2014', { activeTo: '2014-05-01' }, true],
  ])('a chi đoàn %s → %s', (_, dates, expected) => {
    expect(activeDuring(testUnit('u', { type: 'chi-doan', ...dates }), dot2)).toBe(expected);
  });
});

describe('expectedUnits: targets', () => {
  // tap-huan-2024 targets Liên đội of levels "Tiểu học" and "THCS".
  const units = [
    testUnit('ld-th', { level: 'Tiểu học' }),
    testUnit('ld-thcs', { level: 'thcs' }),
    testUnit('ld-khong-dau', { level: 'Tieu hoc' }),
    testUnit('ld-thpt', { level: 'THPT' }),
    testUnit('ld-no-level', { level: '' }),
    testUnit('csd-thcs', { type: 'co-so-doan', level: 'THCS' }),
    testUnit('cd-th', { type: 'chi-doan', level: 'Tiểu học' }),
  ];

  it('tap-huan-2024: Liên đội of the named levels, matched without case or accents', () => {
    expect(expectedUnits(TAP_HUAN, onlyPeriod(TAP_HUAN), units).map((u) => u.id)).toEqual([
      'ld-th',
      'ld-thcs',
      'ld-khong-dau',
    ]);
  });

  it('ke-hoach-nho-65-nam: every Liên đội, whatever its level', () => {
    expect(expectedUnits(KE_HOACH_NHO, onlyPeriod(KE_HOACH_NHO), units).map((u) => u.id)).toEqual([
      'ld-th',
      'ld-thcs',
      'ld-khong-dau',
      'ld-thpt',
      'ld-no-level',
    ]);
  });

  it('30-phut-bao-cao: cơ sở Đoàn only', () => {
    expect(expectedUnits(BAO_CAO, period(BAO_CAO, '2021-03'), units).map((u) => u.id)).toEqual(['csd-thcs']);
  });

  it('a form naming clusters: only units of those clusters, matched without case', () => {
    const spec: FormSpec = {
      ...BAO_CAO,
      targets: { unitTypes: ['co-so-doan', 'chi-doan'], levels: [], clusters: ['Cụm 1', 'Cụm Bến Thành'] },
    };
    const clustered = [
      testUnit('a', { type: 'co-so-doan', cluster: 'Cụm 1' }),
      testUnit('b', { type: 'chi-doan', cluster: 'cụm  1' }),
      testUnit('c', { type: 'co-so-doan', cluster: 'Cụm 2' }),
      testUnit('d', { type: 'co-so-doan', cluster: '' }),
      testUnit('e', { type: 'chi-doan', cluster: 'CỤM BẾN THÀNH' }),
      testUnit('f', { cluster: 'Cụm 1' }),
    ];
    expect(expectedUnits(spec, period(spec, '2021-03'), clustered).map((u) => u.id)).toEqual(['a', 'b', 'e']);
  });
});

describe('expectedUnits: the denominator changes only for the periods a unit was active', () => {
  const units = [
    testUnit('old', { type: 'co-so-doan' }),
    testUnit('opened-03-2021', { type: 'co-so-doan', activeFrom: '2021-03-10' }),
    testUnit('closed-06-2021', { type: 'co-so-doan', activeTo: '2021-06-30' }),
    testUnit('lien-doi'),
  ];

  it.each<[string, string[]]>([
    ['2021-02', ['old', 'closed-06-2021']],
    ['2021-03', ['old', 'opened-03-2021', 'closed-06-2021']],
    ['2021-06', ['old', 'opened-03-2021', 'closed-06-2021']],
    ['2021-07', ['old', 'opened-03-2021']],
  ])('30-phut-bao-cao %s → %j', (month, ids) => {
    expect(expectedUnits(BAO_CAO, period(BAO_CAO, month), units).map((u) => u.id)).toEqual(ids);
  });

  it('returns nothing for an empty registry', () => {
    expect(expectedUnits(BAO_CAO, period(BAO_CAO, '2021-03'), [])).toEqual([]);
  });
});

/** The one period of a once or school-year form. */
function onlyPeriod(spec: FormSpec): Period {
  const periods = periodsOf(spec);
  const [only] = periods;
  if (!only || periods.length !== 1) throw new Error(`${spec.id} has ${periods.length} periods, not one`);
  return only;
}
