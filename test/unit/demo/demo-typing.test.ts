import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { parseVietnameseDate } from '../../../functions/src/domain/cells/date.js';
import { matchEnumOption } from '../../../functions/src/domain/cells/enum.js';
import { parseVietnameseMoney } from '../../../functions/src/domain/cells/money.js';
import { parseVietnameseMonth } from '../../../functions/src/domain/cells/month.js';
import { parseVietnamesePhone } from '../../../functions/src/domain/cells/phone.js';
import { parseVietnameseBool } from '../../../functions/src/domain/cells/bool.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import {
  choicesOf,
  stripAccents,
  typeBool,
  typeChoice,
  typeDate,
  typeMoney,
  typeMonth,
  typePhone,
  type TypingHabits,
} from '../../../functions/src/demo/demo-typing.js';
import { createPrng } from '../../../functions/src/demo/prng.js';

const specs = await loadBuiltinForms();
const BASE: TypingHabits = {
  date: 'cell',
  phone: 'plain',
  choice: 'value',
  month: 'cell',
  money: 'number',
  nfd: false,
};

function spec(id: string): FormSpec {
  const found = specs.find((s) => s.id === id);
  if (!found) throw new Error(`built-in form ${id} not loaded`);
  return found;
}

describe('demo typing habits', () => {
  it.each([
    ['cell', new Date(Date.UTC(2024, 8, 5))],
    ['slash', '5/9/2024'],
    ['padded', '05/09/2024'],
    ['dash', '05-09-2024'],
    ['words', 'ngày 5 tháng 9 năm 2024'],
  ] as const)('types a date as %s, which the date parser reads back', (date, typed) => {
    expect(typeDate('2024-09-05', { ...BASE, date })).toEqual(typed);
    expect(parseVietnameseDate(typed)).toEqual({ ok: true, value: '2024-09-05' });
  });

  it.each([
    ['dots', '0983.018.027'],
    ['spaces', '0983 018 027'],
    ['intl', '+84 983 018 027'],
    ['lost-zero', 983018027],
    ['plain', '0983018027'],
  ] as const)('types a phone as %s, which the phone parser reads back', (phone, typed) => {
    expect(typePhone('0983018027', { ...BASE, phone })).toEqual(typed);
    expect(parseVietnamesePhone(typed)).toEqual({ ok: true, value: '0983018027' });
  });

  it.each([
    ['number', 12_450_000],
    ['dots', '12.450.000'],
    ['dong', '12.450.000 đ'],
    ['million', '12,45 triệu'],
  ] as const)('types money as %s, which the money parser reads back', (money, typed) => {
    expect(typeMoney(12_450_000, { ...BASE, money })).toEqual(typed);
    expect(parseVietnameseMoney(typed)).toEqual({ ok: true, value: 12_450_000 });
  });

  it.each([
    ['cell', new Date(Date.UTC(2020, 3, 1))],
    ['slash', '4/2020'],
    ['prefixed', 'T4/2020'],
    ['words', 'tháng 4 năm 2020'],
  ] as const)('types a month as %s, which the month parser reads back', (month, typed) => {
    expect(typeMonth('2020-04', { ...BASE, month })).toEqual(typed);
    expect(parseVietnameseMonth(typed)).toEqual({ ok: true, value: '2020-04' });
  });

  it('types choices in every style the enum matcher still recognises', () => {
    const rng = createPrng(1);
    const training = spec('tap-huan-2024');
    const evaluation = spec('ren-luyen-2014-danh-gia');
    for (const choice of ['value', 'alias', 'no-accents', 'lowercase'] as const) {
      for (const nfd of [false, true]) {
        const habits = { ...BASE, choice, nfd };
        for (const [form, key] of [
          [training, 'chucVu'],
          [evaluation, 'dot'],
          [evaluation, 'renLuyen'],
        ] as const) {
          for (const option of choicesOf(form, key)) {
            const typed = typeChoice(form, key, option.value, habits, rng);
            expect(matchEnumOption(typed, choicesOf(form, key)), `${choice} ${typed}`).toEqual({
              ok: true,
              value: option.value,
            });
          }
        }
        expect(parseVietnameseBool(typeBool(true, habits))).toEqual({ ok: true, value: true });
        expect(parseVietnameseBool(typeBool(false, habits))).toEqual({ ok: true, value: false });
      }
    }
    expect(() => typeChoice(training, 'chucVu', 'Hiệu trưởng', BASE, rng)).toThrow(/no option/);
  });

  it('strips accents but keeps case', () => {
    expect(stripAccents('Tổng phụ trách Đội')).toBe('Tong phu trach Doi');
    expect(stripAccents('Đợt IV'.normalize('NFD'))).toBe('Dot IV');
  });
});

describe('createPrng', () => {
  it('repeats for a seed and stays in range', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const draws = Array.from({ length: 50 }, () => a.int(1, 6));
    expect(Array.from({ length: 50 }, () => b.int(1, 6))).toEqual(draws);
    expect(new Set(draws)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(createPrng(43).next()).not.toBe(createPrng(42).next());
    expect(a.sample([1, 2, 3, 4], 4).sort()).toEqual([1, 2, 3, 4]);
  });
});
