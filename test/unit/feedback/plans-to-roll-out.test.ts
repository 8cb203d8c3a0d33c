import { describe, expect, it } from 'vitest';
import {
  plansToRollOut,
  solvedByAddedTab,
  type RollOutInput,
} from '../../../functions/src/domain/feedback/plans-to-roll-out.js';
import { formSpecSchema, type FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';

const plan = (
  id: string,
  targets: object = { unitTypes: ['lien-doi'] },
  period: object = { type: 'once', due: { date: '2024-09-27' } },
): FormSpec =>
  formSpecSchema.parse({
    id,
    title: `Kế hoạch ${id}`,
    issuer: 'Quận Đoàn',
    kind: 'report',
    tab: id,
    columns: [
      { key: 'noiDung', header: 'Nội dung', type: 'text' },
      ...('dueDay' in period ? [{ key: 'thang', header: 'Tháng', type: 'month', period: true, required: true }] : []),
    ],
    period,
    targets,
  });
const school: Unit = {
  id: 'a',
  name: 'Liên đội a',
  type: 'lien-doi',
  level: 'THCS',
  cluster: 'Cụm 1',
  contacts: [],
  source: 'a.xlsx',
};
const NOW = new Date('2024-09-23T02:00:00Z');
const base: RollOutInput = {
  unit: school,
  registry: [school],
  forms: [plan('moi')],
  closedFormIds: new Set(),
  formsWithTab: new Set(),
  formsSent: new Set(),
  now: NOW,
};

describe('plansToRollOut', () => {
  it.each<[string, Partial<RollOutInput>, string[]]>([
    ['an open plan addressed to the unit, its tab not in the sheet', {}, ['moi']],
    ['a closed plan', { closedFormIds: new Set(['moi']) }, []],
    [
      'a plan collected through one shared sheet (its rows come from there, not from a tab of the unit)',
      { sharedFormIds: new Set(['moi']) },
      [],
    ],
    ['a plan whose tab the sheet has', { formsWithTab: new Set(['moi']) }, []],
    [
      'a plan the unit sent before (it removed the tab: putting it back blank would empty its report)',
      { formsSent: new Set(['moi']) },
      [],
    ],
    ['a plan for chi đoàn only', { forms: [plan('moi', { unitTypes: ['chi-doan'] })] }, []],
    ['a plan for another cụm', { forms: [plan('moi', { unitTypes: ['lien-doi'], clusters: ['Cụm 2'] })] }, []],
    [
      'a plan past its deadline (a unit that never had its tab is told so instead)',
      { forms: [plan('moi', undefined, { type: 'once', due: { date: '2024-09-22' } })] },
      [],
    ],
    [
      'a plan due later today',
      { forms: [plan('moi', undefined, { type: 'once', due: { date: '2024-09-23', time: '17:00' } })] },
      ['moi'],
    ],
    [
      'a monthly plan with months still to come',
      { forms: [plan('moi', undefined, { type: 'monthly', from: '2024-01', to: '2024-12', dueDay: 5 })] },
      ['moi'],
    ],
    [
      'a monthly plan whose last month is past',
      { forms: [plan('moi', undefined, { type: 'monthly', from: '2024-01', to: '2024-08', dueDay: 5 })] },
      [],
    ],
    ['a unit closed before today', { unit: { ...school, activeTo: '2024-09-22' } }, []],
    ['a unit closing today', { unit: { ...school, activeTo: '2024-09-23' } }, ['moi']],
    [
      'several plans, in catalog order, only the missing ones',
      { forms: [plan('mot'), plan('hai'), plan('ba')], formsWithTab: new Set(['hai']) },
      ['mot', 'ba'],
    ],
  ])('%s', (_, change, expected) => {
    expect(plansToRollOut({ ...base, ...change }).map((p) => p.id)).toEqual(expected);
  });
});

describe('solvedByAddedTab: a "chưa có trang" problem of a tab the roll-out added is no longer true', () => {
  const solved = solvedByAddedTab([
    { unitId: 'ld-a', formIds: ['tap-huan', 'ke-hoach-nho'] },
    { unitId: 'ld-b', formIds: ['tap-huan'] },
  ]);
  it.each<[string, { unitId: string; formId?: string }, boolean]>([
    ['the added tab of the unit', { unitId: 'ld-a', formId: 'ke-hoach-nho' }, true],
    ['another unit given the same plan', { unitId: 'ld-b', formId: 'tap-huan' }, true],
    ['a plan added to another unit only', { unitId: 'ld-b', formId: 'ke-hoach-nho' }, false],
    ['a unit given no tab', { unitId: 'ld-c', formId: 'tap-huan' }, false],
    ['a problem of the whole file', { unitId: 'ld-a' }, false],
  ])('%s', (_, problem, expected) => {
    expect(solved(problem)).toBe(expected);
  });
});
