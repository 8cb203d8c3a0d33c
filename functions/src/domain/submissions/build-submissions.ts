import { createHash } from 'node:crypto';
import type { ValidRow } from '../forms/compile-form.js';
import type { FormSpec } from '../forms/form-spec.js';
import type { RejectedRow, TabReading } from '../forms/read-form-tab.js';
import type { PeriodId } from '../periods/period-id.js';

/** What a unit sent for one form and one period, as read from its sheet. */
export interface SubmissionContent {
  readonly id: string;
  readonly formId: string;
  readonly periodId: PeriodId;
  readonly unitId: string;
  readonly rows: readonly ValidRow[];
  readonly rejected: readonly RejectedRow[];
  readonly counts: SubmissionCounts;
  /** No rejected rows and at least the form's minimum number of rows. */
  readonly complete: boolean;
  /** Hash of rows + rejected rows: unchanged hash = nothing to write. */
  readonly contentHash: string;
}

export interface SubmissionCounts {
  readonly read: number;
  readonly valid: number;
  readonly rejected: number;
}

/** Document id of a submission: `{form}~{period}~{unit}`. */
export function submissionId(formId: string, periodId: PeriodId, unitId: string): string {
  return `${formId}~${periodId}~${unitId}`;
}

/** Group a tab's rows into one submission per period. */
export function buildSubmissions(spec: FormSpec, unitId: string, reading: TabReading): SubmissionContent[] {
  const byPeriod = new Map<PeriodId, { rows: ValidRow[]; rejected: RejectedRow[] }>();
  const groupOf = (periodId: PeriodId) => {
    let group = byPeriod.get(periodId);
    if (!group) byPeriod.set(periodId, (group = { rows: [], rejected: [] }));
    return group;
  };
  for (const row of reading.valid) groupOf(row.periodId).rows.push(row);
  for (const row of reading.rejected) groupOf(row.periodId).rejected.push(row);

  return [...byPeriod.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([periodId, { rows, rejected }]) => emptyOr(spec, unitId, periodId, rows, rejected));
}

/** A submission with no rows: what a period becomes when a unit deletes everything it had sent. */
export function emptySubmission(spec: FormSpec, unitId: string, periodId: PeriodId): SubmissionContent {
  return emptyOr(spec, unitId, periodId, [], []);
}

function emptyOr(spec: FormSpec, unitId: string, periodId: PeriodId, rows: ValidRow[], rejected: RejectedRow[]): SubmissionContent {
  const counts = { read: rows.length + rejected.length, valid: rows.length, rejected: rejected.length };
  return {
    id: submissionId(spec.id, periodId, unitId),
    formId: spec.id,
    periodId,
    unitId,
    rows,
    rejected,
    counts,
    complete: rejected.length === 0 && rows.length >= Math.max(1, spec.minRows),
    contentHash: hashContent({ rows, rejected }),
  };
}

/** Stable SHA-256 of JSON content: object keys sorted so key order never changes the hash. */
export function hashContent(content: unknown): string {
  return createHash('sha256').update(stableJson(content)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
