import { z } from 'zod';
import { checkFormSpec } from './form-spec-checks.js';

/**
 * A plan's form as data: what a unit types into one tab of its spreadsheet,
 * when it is due and who owes it. Built-in specs live in sheets-templates/forms/;
 * a district can override deadlines from its control workbook.
 */

export const COLUMN_TYPES = [
  'text',
  'int',
  'decimal',
  'money',
  'date',
  'time',
  'datetime',
  'month',
  'enum',
  'multi-enum',
  'phone',
  'email',
  'bool',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const FORM_KINDS = ['registration', 'report'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** How a unit's data becomes its submission: every reading counts ('auto'), or only what the unit submits ('button', "Bấm nộp"). */
export const SUBMIT_MODES = ['auto', 'button'] as const;
export type SubmitMode = (typeof SUBMIT_MODES)[number];

export const UNIT_TYPES = ['lien-doi', 'co-so-doan', 'chi-doan'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase-dashed id');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const isoMonth = z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM');
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
const viText = z.string().trim().min(1);

export const enumOptionSchema = z.object({
  value: viText,
  aliases: z.array(viText).default([]),
});
export type EnumOption = z.infer<typeof enumOptionSchema>;

export const columnSpecSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'camelCase key'),
  header: viText,
  aliases: z.array(viText).default([]),
  type: z.enum(COLUMN_TYPES),
  required: z.boolean().default(false),
  options: z.array(enumOptionSchema).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().int().positive().optional(),
  help: z.string().optional(),
  /** Rows are assigned to periods by this column (monthly/weekly/phases forms). */
  period: z.boolean().default(false),
  /** A running number (STT): a row holding only this cell is an empty row of the template. */
  counter: z.boolean().default(false),
  /** No two rows of the plan may hold the same value (a receipt number); absent = may repeat. */
  unique: z.boolean().optional(),
  /** Keys of other columns that, with this one, no two rows of one period may share (one evaluation per member per phase). */
  uniqueWith: z.array(z.string()).min(1).optional(),
  /** The value must be in a column of another form's rows of the same unit (a member registered before being evaluated). */
  mustExistIn: z.object({ formId: slug, column: viText }).optional(),
  /**
   * Key of another number column this one is a part of: in each row, the columns naming the same column add up to
   * at most its value (Đúng hạn + Trễ hạn ≤ Đã nộp đủ).
   */
  partOf: z.string().optional(),
});
export type ColumnSpec = z.infer<typeof columnSpecSchema>;

/** A deadline in Asia/Ho_Chi_Minh: a date, optionally a time of day (no time = end of that day). */
export const deadlineSchema = z.object({ date: isoDate, time: timeOfDay.optional() });
export type Deadline = z.infer<typeof deadlineSchema>;

export const phaseSchema = z.object({
  id: slug,
  name: viText,
  months: z.array(isoMonth).min(1),
  theme: z.string().optional(),
  aliases: z.array(viText).default([]),
  due: deadlineSchema,
});
export type Phase = z.infer<typeof phaseSchema>;

export const pauseSchema = z.object({ name: viText, from: isoDate, to: isoDate });

export const periodRuleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('once'), due: deadlineSchema }),
  z.object({
    type: z.literal('monthly'),
    from: isoMonth,
    to: isoMonth,
    /** Due on this day of the following month. */
    dueDay: z.number().int().min(1).max(28),
    pauses: z.array(pauseSchema).default([]),
  }),
  z.object({
    type: z.literal('weekly'),
    from: isoDate,
    to: isoDate,
    /** Days after the ISO week's Sunday. */
    dueAfterDays: z.number().int().min(0).default(1),
    pauses: z.array(pauseSchema).default([]),
  }),
  z.object({ type: z.literal('phases'), phases: z.array(phaseSchema).min(1) }),
  z.object({
    type: z.literal('school-year'),
    schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'YYYY-YYYY'),
    due: deadlineSchema,
  }),
]);
export type PeriodRule = z.infer<typeof periodRuleSchema>;

export const targetSchema = z.object({
  unitTypes: z.array(z.enum(UNIT_TYPES)).min(1),
  /** Unit levels (e.g. "Tiểu học", "THCS"); empty = all levels. */
  levels: z.array(viText).default([]),
  /** Clusters (cụm thi đua); empty = all clusters. */
  clusters: z.array(viText).default([]),
});

/**
 * Who fills a plan's form: the units it targets (absent), the district office itself (receipts, inspections),
 * or each unit that is the parent of a targeted unit ('Cấp trên của Chi đoàn': a cơ sở Đoàn rates its chi đoàn).
 */
export const FILLED_BY = ['district', 'parent'] as const;

export const metricSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('row-count'), id: slug, label: viText }),
  z.object({ type: z.literal('sum'), id: slug, label: viText, column: z.string() }),
  z.object({
    type: z.literal('fee-per-row'),
    id: slug,
    label: viText,
    amount: z.number().int().positive(),
    payBy: deadlineSchema.optional(),
  }),
  z.object({
    type: z.literal('weeks-with-activity'),
    id: slug,
    label: viText,
    weekColumn: z.string(),
    minPerWeek: z.number().int().positive().default(1),
  }),
  z.object({
    type: z.literal('participation-rate'),
    id: slug,
    label: viText,
    column: z.string(),
    /** Share of the unit's members (from the units registry). */
    target: z.number().positive().max(1).default(1),
  }),
  z.object({
    /** Seed 002's target checked per week, together: a week counts when ≥ N of its activities each had ≥ target × members taking part. */
    type: z.literal('weeks-meeting-target'),
    id: slug,
    label: viText,
    /** The week of the month (1–5) of each activity; the month is the period's. */
    weekColumn: z.string(),
    /** Participants of each activity. */
    column: z.string(),
    minPerWeek: z.number().int().positive().default(1),
    /** Share of the unit's members (from the units registry) each counted activity needs. */
    target: z.number().positive().max(1).default(1),
  }),
  z.object({
    type: z.literal('count-where'),
    id: slug,
    label: viText,
    column: z.string(),
    equals: viText,
    atLeast: z.number().int().positive().optional(),
    /** e.g. "năm học", "tháng" — the span the target counts over. */
    per: z.enum(['period', 'month']).default('period'),
  }),
  z.object({
    /** Còn nợ: what a unit owes by another plan's fee metric, less the sum of this plan's amount column. */
    type: z.literal('balance'),
    id: slug,
    label: viText,
    /** This plan's amount column (Số tiền). */
    column: z.string(),
    /** The fee metric it is reconciled against: another plan's `fee-per-row` metric. */
    against: z.object({ formId: slug, metricId: slug }),
    /** Payment deadline (Hạn đóng kinh phí); the fee metric's own, else this plan's due date, when absent. */
    payBy: deadlineSchema.optional(),
    /** Where and when to pay, as the plan says it ("bộ phận tài chính Quận Đoàn, thứ 3 và thứ 5 …"). */
    payAt: z.string().trim().min(1).optional(),
  }),
]);
export type MetricSpec = z.infer<typeof metricSchema>;

const formSpecShape = z.object({
  id: slug,
  /** The plan's number as printed, e.g. "06-KH/HĐĐ" (some joint plans carry none). */
  planNumber: viText.optional(),
  title: viText,
  issuer: viText,
  kind: z.enum(FORM_KINDS),
  /** Excel allows at most 31 characters in a tab name. */
  tab: viText.max(31),
  description: z.string().optional(),
  columns: z.array(columnSpecSchema).min(1),
  period: periodRuleSchema,
  /** Days after the deadline still counted as on time (a courtesy some districts give). */
  graceDays: z.number().int().min(0).default(0),
  /** After this instant edits are recorded but not applied. */
  lockAfter: deadlineSchema.optional(),
  /** When what the units register for takes place (a training, a trip), as the plan states it: notices name it. */
  event: deadlineSchema.optional(),
  targets: targetSchema,
  /**
   * 'district': the district office fills it; 'parent': each parent of a targeted unit fills it in its own file.
   * Either way rows name the targeted units, which are not asked for it; absent = the targeted units.
   */
  filledBy: z.enum(FILLED_BY).optional(),
  minRows: z.number().int().min(0).default(1),
  metrics: z.array(metricSchema).default([]),
  /**
   * A period is complete only when every value of another form's referenced column (the unit's own rows)
   * appears in this form: the column whose `mustExistIn` names that form is compared.
   */
  coverage: z.object({ formId: slug, missingLabel: viText.optional() }).optional(),
  /** Absent means 'auto' (left out so plans written before this field keep their version hash). */
  submitMode: z.enum(SUBMIT_MODES).optional(),
  /** This form's reminder schedule, when it differs from the district's defaults. */
  notices: z
    .object({
      reminderDays: z.number().int().min(0).max(60).optional(),
      escalationDays: z.number().int().min(1).max(120).optional(),
    })
    .optional(),
});
/** The object shape before the cross-field checks of form-spec-checks.ts. */
export type FormSpecShape = z.infer<typeof formSpecShape>;

export const formSpecSchema = formSpecShape.superRefine(checkFormSpec);
export type FormSpec = z.infer<typeof formSpecSchema>;
export type FormSpecInput = z.input<typeof formSpecSchema>;
