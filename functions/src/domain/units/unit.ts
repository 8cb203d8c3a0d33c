import { z } from 'zod';
import { UNIT_TYPES, type UnitType } from '../forms/form-spec.js';

/** Vietnamese names of unit types, as district staff write them in the control workbook. */
export const UNIT_TYPE_LABELS: Readonly<Record<UnitType, string>> = {
  'lien-doi': 'Liên đội',
  'co-so-doan': 'Cơ sở Đoàn',
  'chi-doan': 'Chi đoàn',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const contactSchema = z.object({
  /** May be blank: a unit's office email alone still receives reminders. */
  name: z.string().default(''),
  email: z.string().email().optional(),
  phone: z.string().optional(),
});
export type Contact = z.infer<typeof contactSchema>;

/** A reporting unit (Liên đội, cơ sở Đoàn, chi đoàn) as declared by the district. */
export const unitSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(1),
  /** Other names the unit goes by ("Tên khác"), used to recognise it in a shared responses sheet. */
  aliases: z.array(z.string().min(1)).optional(),
  type: z.enum(UNIT_TYPES),
  /** School level or sector, e.g. "Tiểu học", "THCS", "Khối cơ quan". */
  level: z.string().default(''),
  /** Cụm thi đua. */
  cluster: z.string().default(''),
  contacts: z.array(contactSchema).default([]),
  /** Members (đội viên / đoàn viên) — the denominator of participation rates. */
  members: z.number().int().min(0).optional(),
  /** The unit's workbook, relative to the units folder (workbook mode) or its spreadsheet id. */
  source: z.string().min(1),
  /** The unit it belongs to ("Đơn vị cấp trên"), by id; absent: directly under the district office (the tree's root). */
  parent: z.string().min(1).optional(),
  activeFrom: isoDate.optional(),
  activeTo: isoDate.optional(),
});
export type Unit = z.infer<typeof unitSchema>;
