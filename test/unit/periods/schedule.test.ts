import { describe, expect, it } from 'vitest';
import { formAroundPeriod } from '../../support/forms.js';
import { BUILTIN_FORMS, builtinForm } from '../../support/forms.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { isDueBy, periodById, periodsOf, periodsStartedBy } from '../../../functions/src/domain/periods/schedule.js';

const iso = (d: Date) => d.toISOString();
const ids = (spec: FormSpec, now?: string) =>
  (now === undefined ? periodsOf(spec) : periodsStartedBy(spec, new Date(now))).map((p) => p.id);

describe('periodsOf the built-in forms', () => {
  it('loads the 9 forms', () => {
    expect(BUILTIN_FORMS).toHaveLength(9);
  });

  it.each<[string, string, string, string, string]>([
    ['tap-huan-2024', 'mot-lan', 'hạn 15/09/2024', '2024-09-14T17:00:00.000Z', '2024-09-15T03:00:00.000Z'],
    ['30-phut-dang-ky', 'mot-lan', 'hạn 15/04/2020', '2020-04-14T17:00:00.000Z', '2020-04-15T16:59:59.999Z'],
    ['ke-hoach-nho-65-nam', 'mot-lan', 'hạn 14/12/2023', '2023-12-13T17:00:00.000Z', '2023-12-13T17:00:00.000Z'],
    ['ren-luyen-2014-dang-ky', 'mot-lan', 'hạn 31/03/2014', '2014-03-30T17:00:00.000Z', '2014-03-31T16:59:59.999Z'],
  ])('%s: one period due at its deadline', (formId, id, label, start, due) => {
    const periods = periodsOf(builtinForm(formId));
    expect(periods.map((p) => ({ id: p.id, label: p.label, start: iso(p.start), due: iso(p.due) }))).toEqual([
      { id, label, start, due },
    ]);
    const [only] = periods;
    expect(only && only.end.getTime() - only.due.getTime()).toBe(1);
  });

  it('lien-tich-2022-2023: the school year from 1/8 to 1/8, due 31/05/2023', () => {
    const periods = periodsOf(builtinForm('lien-tich-2022-2023'));
    expect(periods.map((p) => [p.id, p.label, iso(p.start), iso(p.end), iso(p.due)])).toEqual([
      [
        '2022-2023',
        'năm học 2022 – 2023',
        '2022-07-31T17:00:00.000Z',
        '2023-07-31T17:00:00.000Z',
        '2023-05-31T16:59:59.999Z',
      ],
    ]);
  });

  it('30-phut-bao-cao: 33 months from 2020-04 to 2022-12, each due on the 5th of the next month', () => {
    const periods = periodsOf(builtinForm('30-phut-bao-cao'));
    expect(periods).toHaveLength(33);
    expect(periods[0]).toEqual({
      id: '2020-04',
      label: 'tháng 4/2020',
      start: new Date('2020-03-31T17:00:00.000Z'),
      end: new Date('2020-04-30T17:00:00.000Z'),
      due: new Date('2020-05-05T16:59:59.999Z'),
      month: '2020-04',
    });
    expect(periods.at(-1)?.id).toBe('2022-12');
    expect(periods.at(-1)?.due.toISOString()).toBe('2023-01-05T16:59:59.999Z');
    // Contiguous: each month starts where the previous one ended.
    for (const [i, p] of periods.entries()) {
      const next = periods[i + 1];
      if (next) expect(next.start).toEqual(p.end);
    }
  });

  it('ren-luyen-2014-danh-gia: four phases with their months, themes and deadlines', () => {
    const periods = periodsOf(builtinForm('ren-luyen-2014-danh-gia'));
    expect(periods.map((p) => [p.id, p.label, iso(p.start), iso(p.end), iso(p.due), p.theme])).toEqual([
      [
        'dot-1',
        'Đợt I (tháng 3/2014)',
        '2014-02-28T17:00:00.000Z',
        '2014-03-31T17:00:00.000Z',
        '2014-04-10T16:59:59.999Z',
        'Vì lý tưởng cộng sản - Vì cuộc sống cộng đồng',
      ],
      [
        'dot-2',
        'Đợt II (tháng 5/2014)',
        '2014-04-30T17:00:00.000Z',
        '2014-05-31T17:00:00.000Z',
        '2014-06-10T16:59:59.999Z',
        'Nâng cao tinh thần trách nhiệm – Lời nói đi đôi với việc làm',
      ],
      [
        'dot-3',
        'Đợt III (tháng 7/2014)',
        '2014-06-30T17:00:00.000Z',
        '2014-07-31T17:00:00.000Z',
        '2014-08-10T16:59:59.999Z',
        'Nêu cao tinh thần yêu nước - Tiếp bước truyền thống cha anh',
      ],
      [
        'dot-4',
        'Đợt IV (tháng 9/2014)',
        '2014-08-31T17:00:00.000Z',
        '2014-09-30T17:00:00.000Z',
        '2014-10-10T16:59:59.999Z',
        'Nâng cao tri thức - Tự tin hội nhập',
      ],
    ]);
    expect(periods.every((p) => p.month === undefined)).toBe(true);
  });
});

describe('monthly and phase deadlines', () => {
  it.each<[string, unknown, number, string, string]>([
    [
      'December is due in January of the next year',
      { type: 'monthly', from: '2020-11', to: '2021-01', dueDay: 5 },
      0,
      '2020-12',
      '2021-01-05T16:59:59.999Z',
    ],
    [
      'January is due in February',
      { type: 'monthly', from: '2020-11', to: '2021-01', dueDay: 5 },
      0,
      '2021-01',
      '2021-02-05T16:59:59.999Z',
    ],
    [
      'grace days run past the end of February',
      { type: 'monthly', from: '2021-01', to: '2021-01', dueDay: 28 },
      3,
      '2021-01',
      '2021-03-03T16:59:59.999Z',
    ],
    [
      'grace days on a once deadline with a time',
      { type: 'once', due: { date: '2024-09-15', time: '10:00' } },
      1,
      'mot-lan',
      '2024-09-16T03:00:00.000Z',
    ],
    [
      'grace days on a school year',
      { type: 'school-year', schoolYear: '2022-2023', due: { date: '2023-05-31' } },
      2,
      '2022-2023',
      '2023-06-02T16:59:59.999Z',
    ],
    [
      'a phase over two months ends after its last month; grace days apply',
      {
        type: 'phases',
        phases: [
          { id: 'dot-2', name: 'Đợt II', months: ['2014-06', '2014-05'], due: { date: '2014-07-10', time: '17:00' } },
        ],
      },
      1,
      'dot-2',
      '2014-07-11T10:00:00.000Z',
    ],
  ])('%s', (_label, rule, grace, id, due) => {
    expect(periodById(formAroundPeriod(rule, grace), id)?.due.toISOString()).toBe(due);
  });

  it('a phase over two months spans both', () => {
    const spec = formAroundPeriod({
      type: 'phases',
      phases: [{ id: 'dot-2', name: 'Đợt II', months: ['2014-06', '2014-05'], due: { date: '2014-07-10' } }],
    });
    const [phase] = periodsOf(spec);
    expect([phase?.start.toISOString(), phase?.end.toISOString(), phase?.theme]).toEqual([
      '2014-04-30T17:00:00.000Z',
      '2014-06-30T17:00:00.000Z',
      undefined,
    ]);
  });

  it('the month after the plan, and ids of other forms, have no period', () => {
    const spec = builtinForm('30-phut-bao-cao');
    expect([periodById(spec, '2023-01'), periodById(spec, '2020-03'), periodById(spec, '2020-W15')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('periodsStartedBy', () => {
  it.each<[string, string, string, string[]]>([
    ['monthly: nothing the instant before the first month', '30-phut-bao-cao', '2020-03-31T16:59:59.999Z', []],
    [
      'monthly: the first month from its first instant (00:00 ICT)',
      '30-phut-bao-cao',
      '2020-03-31T17:00:00.000Z',
      ['2020-04'],
    ],
    ['monthly: still one month at the end of April ICT', '30-phut-bao-cao', '2020-04-30T16:59:59.999Z', ['2020-04']],
    ['monthly: May from 00:00 ICT on 1/5', '30-phut-bao-cao', '2020-04-30T17:00:00.000Z', ['2020-04', '2020-05']],
    ['phases: the months between phases add nothing', 'ren-luyen-2014-danh-gia', '2014-04-15T00:00:00.000Z', ['dot-1']],
    [
      'phases: the next phase from its first month',
      'ren-luyen-2014-danh-gia',
      '2014-04-30T17:00:00.000Z',
      ['dot-1', 'dot-2'],
    ],
    ['once: long before its day', 'tap-huan-2024', '2000-01-01T00:00:00.000Z', ['mot-lan']],
    ['once: long after', 'ke-hoach-nho-65-nam', '2030-01-01T00:00:00.000Z', ['mot-lan']],
    ['school-year: before the school year', 'lien-tich-2022-2023', '2000-01-01T00:00:00.000Z', ['2022-2023']],
  ])('%s', (_label, formId, now, expected) => {
    expect(ids(builtinForm(formId), now)).toEqual(expected);
  });

  it('every period once the plan is over', () => {
    expect(periodsStartedBy(builtinForm('30-phut-bao-cao'), new Date('2030-01-01T00:00:00Z'))).toHaveLength(33);
  });
});

describe('isDueBy', () => {
  it.each<[string, string, string, boolean]>([
    ['monthly: at the last instant of the due day', '2020-04', '2020-05-05T16:59:59.999Z', false],
    ['monthly: the next instant (00:00 ICT on 6/5)', '2020-04', '2020-05-05T17:00:00.000Z', true],
    ['monthly: during the month itself', '2020-04', '2020-04-15T00:00:00.000Z', false],
  ])('%s', (_label, id, now, expected) => {
    const period = periodById(builtinForm('30-phut-bao-cao'), id);
    expect(period && isDueBy(period, new Date(now))).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['10:00:00.000 ICT is not yet past the deadline', '2024-09-15T03:00:00.000Z', false],
    ['10:00:00.001 ICT is', '2024-09-15T03:00:00.001Z', true],
  ])('once with a time: %s', (_label, now, expected) => {
    const [period] = periodsOf(builtinForm('tap-huan-2024'));
    expect(period && isDueBy(period, new Date(now))).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ["'00:00' (trước ngày 14/12): 23:59:59.999 on 13/12 ICT", '2023-12-13T16:59:59.999Z', false],
    ["'00:00' (trước ngày 14/12): a moment into 14/12 ICT", '2023-12-13T17:00:00.001Z', true],
  ])('%s', (_label, now, expected) => {
    const [period] = periodsOf(builtinForm('ke-hoach-nho-65-nam'));
    expect(period && isDueBy(period, new Date(now))).toBe(expected);
  });
});
