import type { FormSpec } from '../functions/src/domain/forms/form-spec.js';
import { formsForUnit } from '../functions/src/domain/units/targets.js';
import { unitSchema, type Unit } from '../functions/src/domain/units/unit.js';
import type { WritableCell } from '../functions/src/adapters/sheet-layout/write-sheet-layout.js';
import { makeMistakes } from '../functions/src/demo/demo-mistakes.js';
import { AGENCIES, PRIMARY_SCHOOLS, SECONDARY_SCHOOLS, randomPerson } from '../functions/src/demo/demo-names.js';
import {
  recordsToRows,
  type RowBuilder,
  type RowRecord,
  type UnitProfile,
} from '../functions/src/demo/demo-profile.js';
import { smallPlanRows } from '../functions/src/demo/demo-rows-schools.js';
import { randomHabits } from '../functions/src/demo/demo-typing.js';
import { createPrng, type Prng } from '../functions/src/demo/prng.js';
import type { ControlSettings } from '../functions/src/adapters/workbook/write-templates.js';
import { cityMonthlyReportRows, cityTrainingRows } from './city-rows.js';

/**
 * A deterministic synthetic city: Liên đội (training registration + Kế hoạch nhỏ report) and
 * cơ sở Đoàn (twelve months of the "30 phút" report), some late, some missing, ~3 % of rows mistyped.
 * Each unit draws from its own seeded streams, so one unit's rows can be drawn again (to change
 * one of them) without replaying the whole city, and the city never has to sit in memory.
 */

/** The built-in forms the city reports on. */
export const CITY_FORM_IDS = ['tap-huan-2024', '30-phut-bao-cao', 'ke-hoach-nho-65-nam'] as const;

/** Shares of the city, as the benchmark's brief sets them. */
export const CITY_SHARES = { lienDoi: 0.6, missing: 0.05, late: 0.1, typedWrong: 0.03 } as const;

const BUILDERS: Readonly<Record<string, RowBuilder>> = {
  'tap-huan-2024': cityTrainingRows,
  '30-phut-bao-cao': cityMonthlyReportRows,
  'ke-hoach-nho-65-nam': smallPlanRows,
};

/** The form whose first row the incremental step changes, and the free-text column it changes. */
export const CHANGED_CELL: Readonly<Record<Unit['type'], { readonly formId: string; readonly columnKey: string }>> = {
  'lien-doi': { formId: 'tap-huan-2024', columnKey: 'ghiChu' },
  'co-so-doan': { formId: '30-phut-bao-cao', columnKey: 'ketQua' },
  'chi-doan': { formId: '30-phut-bao-cao', columnKey: 'ketQua' },
};

export type Delivery = 'on-time' | 'late' | 'missing';

export interface CityUnit {
  readonly index: number;
  readonly profile: UnitProfile;
  readonly delivery: Delivery;
  /** The file's mtime; null when the unit never sent one. */
  readonly sentAt: Date | null;
}

export interface City {
  readonly seed: number;
  readonly specs: readonly FormSpec[];
  readonly settings: ControlSettings;
  readonly units: readonly CityUnit[];
}

/** What a unit's workbook holds. */
export interface UnitRows {
  readonly rowsByFormId: Map<string, WritableCell[][]>;
  readonly rows: number;
  /** Rows given a typing mistake the sweep must reject. */
  readonly mistyped: number;
}

export const CITY_SETTINGS: ControlSettings = {
  districtName: 'Thành Đoàn (thử tải)',
  officeEmail: 'vanphong.thanhdoan@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};

/** Draw the city's units: who they are, whether and when they sent their file. */
export function buildCity(catalog: readonly FormSpec[], count: number, seed: number): City {
  const specs = CITY_FORM_IDS.map((id) => {
    const spec = catalog.find((s) => s.id === id);
    if (!spec) throw new Error(`Bench: the built-in catalog has no form ${id}`);
    return spec;
  });
  const rng = createPrng(seed);
  const order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
  const missing = new Set(order.slice(0, Math.round(count * CITY_SHARES.missing)));
  const late = new Set(order.slice(missing.size, missing.size + Math.round(count * CITY_SHARES.late)));
  const width = Math.max(4, String(count).length);
  const units = Array.from({ length: count }, (_, index): CityUnit => {
    const delivery: Delivery = missing.has(index) ? 'missing' : late.has(index) ? 'late' : 'on-time';
    const stream = unitPrng(seed, index, 1);
    const profile = drawProfile(index, width, stream);
    const sentAt = delivery === 'missing' ? null : drawSentAt(profile.unit.type, delivery === 'late', stream);
    return { index, profile, delivery, sentAt };
  });
  return { seed, specs, settings: CITY_SETTINGS, units };
}

/** A unit's rows, drawn again identically on every call; `changed` rewrites one cell of its first row. */
export function unitRows(city: City, cityUnit: CityUnit, changed?: string): UnitRows {
  const rng = unitPrng(city.seed, cityUnit.index, 2);
  const forms = formsForUnit(city.specs, cityUnit.profile.unit, []);
  const records = new Map<string, RowRecord[]>(
    forms.map((spec) => [
      spec.id,
      (BUILDERS[spec.id]?.(spec, cityUnit.profile, rng, {}) ?? []).map((row) => row.record),
    ]),
  );
  const rows = [...records.values()].reduce((sum, list) => sum + list.length, 0);
  let wrong = 0;
  for (let i = 0; i < rows; i++) if (rng.chance(CITY_SHARES.typedWrong)) wrong++;
  // makeMistakes uses each kind of mistake at most once per call: call again until the share is reached.
  const mistaken = new Set<string>();
  for (
    let round = makeMistakes(records, wrong, rng);
    round.length > 0;
    round = makeMistakes(records, wrong - mistaken.size, rng, mistaken)
  ) {
    for (const m of round) mistaken.add(`${m.formId}#${m.rowIndex}`);
    if (mistaken.size >= wrong) break;
  }
  if (changed !== undefined) {
    const target = CHANGED_CELL[cityUnit.profile.unit.type];
    const first = records.get(target.formId)?.[0];
    if (!first) throw new Error(`Bench: unit ${cityUnit.profile.unit.id} has no row of ${target.formId} to change`);
    first[target.columnKey] = changed;
  }
  return {
    rowsByFormId: new Map(forms.map((spec) => [spec.id, recordsToRows(spec, records.get(spec.id) ?? [])])),
    rows,
    mistyped: mistaken.size,
  };
}

function drawProfile(index: number, width: number, rng: Prng): UnitProfile {
  const number = String(index + 1).padStart(width, '0');
  const contact = randomPerson(rng);
  const contacts = [{ name: contact.name, email: contact.email, phone: contact.phone }];
  const cluster = `Cụm ${1 + (index % 20)}`;
  const base = rng.next() < CITY_SHARES.lienDoi ? schoolUnit(number, rng) : agencyUnit(number, rng);
  const unit = unitSchema.parse({ ...base, cluster, contacts, source: `${base.id}.xlsx` });
  return { unit, habits: randomHabits(rng), contact, members: [] };
}

function schoolUnit(number: string, rng: Prng) {
  const primary = rng.chance(0.55);
  const school = rng.pick(primary ? PRIMARY_SCHOOLS : SECONDARY_SCHOOLS);
  const level = primary ? 'Tiểu học' : 'THCS';
  const members = primary ? rng.int(600, 1500) : rng.int(800, 1900);
  return {
    id: `${primary ? 'th' : 'thcs'}-${number}`,
    name: `Liên đội ${level} ${school} số ${number}`,
    type: 'lien-doi' as const,
    level,
    members,
  };
}

function agencyUnit(number: string, rng: Prng) {
  const agency = rng.pick(AGENCIES);
  return {
    id: `csd-${number}`,
    name: `${agency.name} số ${number}`,
    type: 'co-so-doan' as const,
    level: agency.level,
    members: rng.int(25, 90),
  };
}

/** Liên đội answer the training registration (due 10g00 15/09/2024); cơ sở Đoàn send their 2022 report in January 2023. */
function drawSentAt(type: Unit['type'], late: boolean, rng: Prng): Date {
  const between = (from: string, to: string) =>
    new Date(Date.parse(from) + Math.floor(rng.next() * (Date.parse(to) - Date.parse(from))));
  if (type === 'lien-doi')
    return late
      ? between('2024-09-15T03:30:00Z', '2024-09-16T14:00:00Z')
      : between('2024-09-05T01:00:00Z', '2024-09-15T02:30:00Z');
  return late
    ? between('2023-01-09T01:00:00Z', '2023-01-31T09:00:00Z')
    : between('2023-01-02T01:00:00Z', '2023-01-04T09:00:00Z');
}

/** One of a unit's own streams (1: who it is, 2: its rows), mixed from the city's seed and its index. */
function unitPrng(seed: number, index: number, stream: number): Prng {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ Math.imul(stream, 0x27d4eb2f), 0xc2b2ae35) >>> 0;
  return createPrng((h ^ (h >>> 16)) >>> 0);
}
