import type { EnumOption, FormSpec } from '../domain/forms/form-spec.js';
import { columnOptions } from '../domain/forms/column-options.js';
import type { WritableCell } from '../adapters/sheet-layout/write-sheet-layout.js';
import type { Prng } from './prng.js';
import { pad2 } from '../domain/time/calendar.js';

/**
 * How one unit's staff type things. Every variant here is one the cell parsers accept,
 * so a "clean" unit stays clean however it types; mistakes are made elsewhere, on purpose.
 */
export interface TypingHabits {
  readonly date: 'cell' | 'slash' | 'padded' | 'dash' | 'words';
  readonly phone: 'dots' | 'spaces' | 'intl' | 'lost-zero' | 'plain';
  readonly choice: 'value' | 'alias' | 'no-accents' | 'lowercase';
  readonly month: 'cell' | 'slash' | 'prefixed' | 'words';
  readonly money: 'number' | 'dots' | 'dong' | 'million';
  /** Typed on a keyboard that produces decomposed (NFD) Vietnamese. */
  readonly nfd: boolean;
}

/** Draw a unit's typing habits. */
export function randomHabits(rng: Prng): TypingHabits {
  return {
    date: rng.pick(['cell', 'cell', 'slash', 'padded', 'dash', 'words'] as const),
    phone: rng.pick(['dots', 'spaces', 'intl', 'lost-zero', 'plain', 'plain'] as const),
    choice: rng.pick(['value', 'value', 'alias', 'no-accents', 'lowercase'] as const),
    month: rng.pick(['cell', 'slash', 'slash', 'prefixed', 'words'] as const),
    money: rng.pick(['number', 'dots', 'dong', 'million'] as const),
    nfd: rng.chance(0.15),
  };
}

/** Vietnamese without diacritics, case kept: 'Tổng phụ trách Đội' → 'Tong phu trach Doi'. */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** Free text as the unit's keyboard produces it. */
export function typeText(text: string, habits: TypingHabits): string {
  return habits.nfd ? text.normalize('NFD') : text;
}

/** A calendar date 'YYYY-MM-DD' as the unit types it: a date cell, '15/9/2024', '15/09/2024', '15-09-2024' or in words. */
export function typeDate(iso: string, habits: TypingHabits): WritableCell {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  switch (habits.date) {
    case 'cell':
      // Wall-clock date in the UTC fields: the exceljs convention the readers rely on.
      return new Date(Date.UTC(y, m - 1, d));
    case 'slash':
      return `${d}/${m}/${y}`;
    case 'padded':
      return `${pad2(d)}/${pad2(m)}/${y}`;
    case 'dash':
      return `${pad2(d)}-${pad2(m)}-${y}`;
    case 'words':
      return `ngày ${d} tháng ${m} năm ${y}`;
  }
}

/** A reporting month 'YYYY-MM' as typed: a date cell, '4/2020', 'T4/2020' or 'tháng 4 năm 2020'. */
export function typeMonth(month: string, habits: TypingHabits): WritableCell {
  const [y = 0, m = 1] = month.split('-').map(Number);
  switch (habits.month) {
    case 'cell':
      return new Date(Date.UTC(y, m - 1, 1));
    case 'slash':
      return `${m}/${y}`;
    case 'prefixed':
      return `T${m}/${y}`;
    case 'words':
      return typeText(`tháng ${m} năm ${y}`, habits);
  }
}

/** A normalized mobile number ('0983018027') as typed: dotted, spaced, +84, or a number cell that lost its leading zero. */
export function typePhone(phone: string, habits: TypingHabits): WritableCell {
  const rest = phone.slice(1);
  const grouped = `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  switch (habits.phone) {
    case 'dots':
      return grouped.replace(/ /g, '.');
    case 'spaces':
      return grouped;
    case 'intl':
      return `+84 ${rest.slice(0, 3)} ${rest.slice(3, 6)} ${rest.slice(6)}`;
    case 'lost-zero':
      return Number(rest);
    case 'plain':
      return phone;
  }
}

/** An amount of đồng as typed: 12450000, '12.450.000', '12.450.000 đ' or '12,45 triệu'. */
export function typeMoney(amount: number, habits: TypingHabits): WritableCell {
  const dotted = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  switch (habits.money) {
    case 'number':
      return amount;
    case 'dots':
      return dotted;
    case 'dong':
      return `${dotted} đ`;
    case 'million':
      return `${String(amount / 1_000_000).replace('.', ',')} triệu`;
  }
}

/** Có/Không as typed. */
export function typeBool(value: boolean, habits: TypingHabits): WritableCell {
  const word = value ? 'Có' : 'Không';
  return habits.choice === 'lowercase' ? word.toLowerCase() : word;
}

/** The options of a column (or a phases form's period column), found by key. */
export function choicesOf(spec: FormSpec, key: string): readonly EnumOption[] {
  const column = spec.columns.find((c) => c.key === key);
  if (!column) throw new Error(`Demo: form ${spec.id} has no column ${key}`);
  return columnOptions(spec, column);
}

/** One option of a column as the unit types it: the value, one of its aliases, without accents or in lowercase. */
export function typeChoice(spec: FormSpec, key: string, value: string, habits: TypingHabits, rng: Prng): string {
  const option = choicesOf(spec, key).find((o) => o.value === value);
  if (!option) throw new Error(`Demo: form ${spec.id} column ${key} has no option "${value}"`);
  switch (habits.choice) {
    case 'value':
      return typeText(option.value, habits);
    case 'alias': {
      // Phase ids ('dot-1') are aliases for the parser but nobody types them.
      const typed = option.aliases.filter((a) => !/^[a-z]+-\d+$/.test(a));
      return typeText(typed.length > 0 ? rng.pick(typed) : option.value, habits);
    }
    case 'no-accents':
      return stripAccents(option.value);
    case 'lowercase':
      return typeText(option.value.toLowerCase(), habits);
  }
}
