import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { formSpecSchema, type FormSpec, type PeriodRule } from '../../functions/src/domain/forms/form-spec.js';
import type { RejectedRow } from '../../functions/src/domain/forms/read-form-tab.js';
import type { StoredSubmission } from '../../functions/src/domain/summary/district-picture.js';

/** The built-in form specs (sheets-templates/forms), loaded once per test file. */
export const BUILTIN_FORMS: readonly FormSpec[] = await loadBuiltinForms();

/** One built-in form by id; a test naming an unknown id fails loudly. */
export function builtinForm(id: string): FormSpec {
  const found = BUILTIN_FORMS.find((s) => s.id === id);
  if (!found) throw new Error(`built-in form ${id} not loaded`);
  return found;
}

type Row = StoredSubmission['rows'][number];

/** A stored submission as the summary reads it, with counts and completeness derived the way the sweep derives them. */
export function storedSubmission(
  formId: string,
  periodId: string,
  unitId: string,
  parts: {
    rows?: readonly (number | Row)[];
    rejected?: RejectedRow[];
    nilRows?: number[];
    firstCompleteAt: string | null;
    lastChangedAt: string;
    lockedChange?: StoredSubmission['lockedChange'];
  },
): StoredSubmission {
  const rows = (parts.rows ?? []).map((row) => (typeof row === 'number' ? { rowNumber: row, values: {} } : row));
  const rejected = parts.rejected ?? [];
  const nilRows = parts.nilRows ?? [];
  const valid = rows.length + nilRows.length;
  return {
    id: `${formId}~${periodId}~${unitId}`,
    formId,
    periodId,
    unitId,
    counts: { read: valid + rejected.length, valid, rejected: rejected.length, nil: nilRows.length },
    complete: nilRows.length > 0 || (rejected.length === 0 && rows.length >= 1),
    nil: nilRows.length > 0,
    firstCompleteAt: parts.firstCompleteAt === null ? null : new Date(parts.firstCompleteAt),
    lastChangedAt: new Date(parts.lastChangedAt),
    rows,
    rejected,
    nilRows,
    ...(parts.lockedChange ? { lockedChange: parts.lockedChange } : {}),
  };
}

/** A minimal form around a period rule: a required name column, plus the period column the rule needs. */
export function formAroundPeriod(period: unknown, graceDays = 0): FormSpec {
  const columnTypes: Record<string, string> = { monthly: 'month', weekly: 'date', phases: 'enum' };
  const columnType = columnTypes[(period as PeriodRule).type];
  const periodColumn = columnType ? [{ key: 'ky', header: 'Kỳ', type: columnType, required: true, period: true }] : [];
  return formSpecSchema.parse({
    id: 'thu',
    title: 'Thử',
    issuer: 'Quận Đoàn',
    kind: 'report',
    tab: 'Thử',
    columns: [{ key: 'ten', header: 'Tên', type: 'text', required: true }, ...periodColumn],
    period,
    graceDays,
    targets: { unitTypes: ['lien-doi'] },
  });
}

/** A built-in form with its one deadline moved (a date, and a time of day or none), as a district would define it. */
export function builtinFormDue(id: string, date: string, time?: string): FormSpec {
  const spec = builtinForm(id);
  if (spec.period.type !== 'once') throw new Error(`built-in form ${id} has no single deadline`);
  return { ...spec, period: { type: 'once', due: { date, ...(time ? { time } : {}) } } };
}
