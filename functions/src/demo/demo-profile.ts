import type { FormSpec } from '../domain/forms/form-spec.js';
import type { Unit } from '../domain/units/unit.js';
import type { WritableCell } from '../adapters/sheet-layout/write-sheet-layout.js';
import type { DemoPerson } from './demo-names.js';
import type { Prng } from './prng.js';
import type { TypingHabits } from './demo-typing.js';
import { pad2 } from '../domain/time/calendar.js';

/** A member of a chi đoàn, registered once and evaluated each phase. */
export interface DemoMember {
  readonly person: DemoPerson;
  /** 'YYYY-MM-DD'. */
  readonly birthDate: string;
}

/** What the row builders know about a unit. */
export interface UnitProfile {
  readonly unit: Unit;
  readonly habits: TypingHabits;
  /** The person who fills the workbook (TPT of a school, Bí thư of a cơ sở Đoàn or chi đoàn). */
  readonly contact: DemoPerson;
  /** Chi đoàn members; empty for other units. */
  readonly members: readonly DemoMember[];
  /** Chi đoàn members' "Đối tượng" (an option value of the registration form). */
  readonly memberKind?: string;
}

/** A data row by column key, before it is laid out in the form's column order. */
export type RowRecord = Record<string, WritableCell>;

/**
 * A data row and the part of the plan it reports on, which decides when the unit sent it:
 * a reporting month 'YYYY-MM', a phase id, or the activity date 'YYYY-MM-DD' of a school-year report.
 * Absent for forms answered all at once.
 */
export interface DemoRow {
  readonly record: RowRecord;
  readonly period?: string;
  /** A "Không phát sinh" declaration: the unit had nothing to report for the period. */
  readonly nil?: boolean;
}

/** What the district decided about a unit's reporting before its rows are drawn. */
export interface RowPlan {
  /** The last month a unit reported ('YYYY-MM'); later months of the plan stay missing. */
  readonly lastMonth?: string;
  /** The cơ sở Đoàn whose "30 phút" activities seldom have every member (seed 002's weekly target mostly missed). */
  readonly missesWeeklyTarget?: boolean;
}

/** Builds a unit's rows for one form. */
export type RowBuilder = (spec: FormSpec, profile: UnitProfile, rng: Prng, plan: RowPlan) => DemoRow[];

/** Rows of a form answered all at once: no period of their own. */
export function onceRows(records: readonly RowRecord[]): DemoRow[] {
  return records.map((record) => ({ record }));
}

/** Lay records out in the form's column order, numbering the STT column 1, 2, 3… */
export function recordsToRows(spec: FormSpec, records: readonly RowRecord[]): WritableCell[][] {
  return records.map((record, i) =>
    spec.columns.map((column) => (column.counter ? i + 1 : (record[column.key] ?? null))),
  );
}

/** A date 'YYYY-MM-DD' at a random day of a month 'YYYY-MM', between two days of that month. */
export function dayOfMonth(month: string, rng: Prng, from = 3, to = 26): string {
  return `${month}-${pad2(rng.int(from, to))}`;
}

/** The months from first to last, both included: ('2020-11', '2021-01') → 2020-11, 2020-12, 2021-01. */
export function monthsBetween(first: string, last: string): string[] {
  const index = (month: string) => {
    const [year = 0, m = 1] = month.split('-').map(Number);
    return year * 12 + m - 1;
  };
  return monthsFrom(first, Math.max(0, index(last) - index(first) + 1));
}

/** The months from 'YYYY-MM' on, count of them: ('2020-11', 3) → 2020-11, 2020-12, 2021-01. */
export function monthsFrom(first: string, count: number): string[] {
  const [year = 0, month = 1] = first.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) + i;
    return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
  });
}
