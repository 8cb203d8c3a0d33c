import { createHash } from 'node:crypto';
import type { ValidRow } from '../forms/compile-form.js';
import type { FormSpec } from '../forms/form-spec.js';
import { NIL_PHRASE } from '../forms/nil-declaration.js';
import type { NilDeclaration, RejectedRow, TabReading } from '../forms/read-form-tab.js';
import type { PeriodId } from '../periods/period-id.js';
import { coverageGap, uncoveredCount, type CoverageGap } from '../rules/coverage.js';
import type { ReferencedValues } from '../rules/referenced-values.js';
import { submissionId } from '../ids/document-ids.js';

/** What a unit sent for one form and one period, as read from its sheet. */
export interface SubmissionContent {
  readonly id: string;
  readonly formId: string;
  readonly periodId: PeriodId;
  readonly unitId: string;
  readonly rows: readonly ValidRow[];
  readonly rejected: readonly RejectedRow[];
  /** Row numbers declaring "Không phát sinh" (only when the period holds no other row). */
  readonly nilRows: readonly number[];
  readonly counts: SubmissionCounts;
  /** The unit declared it had nothing to report for this period. */
  readonly nil: boolean;
  /**
   * Reported in full: a nil declaration, or no rejected rows, at least the form's minimum number of rows and
   * (coverage plans) a covered form to compare with and nothing uncovered.
   */
  readonly complete: boolean;
  /** Coverage plans only: how many of the covered form's values (registered members) this period does not hold yet. */
  readonly uncovered?: number;
  /** Coverage plans only, when the covered form gives nothing to compare with (never sent, or no valid row). */
  readonly coverageGap?: CoverageGap;
  /** Hash of rows + rejected rows: unchanged hash = nothing to write. */
  readonly contentHash: string;
}

/** read = valid + rejected; `nil` counts the declarations among the valid rows. */
export interface SubmissionCounts {
  readonly read: number;
  readonly valid: number;
  readonly rejected: number;
  readonly nil: number;
}

/** Group a tab's rows into one submission per period; `coverage`: the covered form's values, for a plan complete only when it holds them all. */
export function buildSubmissions(
  spec: FormSpec,
  unitId: string,
  reading: TabReading,
  coverage?: ReferencedValues,
): SubmissionContent[] {
  const byPeriod = new Map<PeriodId, { rows: ValidRow[]; rejected: RejectedRow[]; nil: NilDeclaration[] }>();
  const groupOf = (periodId: PeriodId) => {
    let group = byPeriod.get(periodId);
    if (!group) byPeriod.set(periodId, (group = { rows: [], rejected: [], nil: [] }));
    return group;
  };
  for (const row of reading.valid) groupOf(row.periodId).rows.push(row);
  for (const row of reading.rejected) groupOf(row.periodId).rejected.push(row);
  for (const row of reading.nil) groupOf(row.periodId).nil.push(row);

  return [...byPeriod.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([periodId, group]) => {
      if (group.nil.length === 0 || (group.rows.length === 0 && group.rejected.length === 0))
        return content(spec, unitId, periodId, group, coverage);
      // "Nothing to report" next to rows of the same period contradicts them: the declaration is rejected.
      const contradicted = group.nil.map((row) => ({
        rowNumber: row.rowNumber,
        periodId,
        cells: row.cells,
        errors: [
          {
            message: `Dòng ${row.rowNumber}: kỳ này đã có số liệu nên không ghi '${NIL_PHRASE}' được; hãy xóa dòng này hoặc xóa các dòng số liệu của kỳ.`,
          },
        ],
      }));
      const rejected = [...group.rejected, ...contradicted].sort((a, b) => a.rowNumber - b.rowNumber);
      return content(spec, unitId, periodId, { rows: group.rows, rejected, nil: [] }, coverage);
    });
}

/** A submission with no rows: what a period becomes when a unit deletes everything it had sent. */
export function emptySubmission(spec: FormSpec, unitId: string, periodId: PeriodId): SubmissionContent {
  return content(spec, unitId, periodId, { rows: [], rejected: [], nil: [] });
}

function content(
  spec: FormSpec,
  unitId: string,
  periodId: PeriodId,
  group: { rows: ValidRow[]; rejected: RejectedRow[]; nil: NilDeclaration[] },
  coverage?: ReferencedValues,
): SubmissionContent {
  const { rows, rejected } = group;
  // Left out when the plan has no coverage, so such submissions keep their content hash.
  const uncovered = coverage ? uncoveredCount(spec, rows, coverage) : undefined;
  const nilRows = group.nil.map((row) => row.rowNumber);
  // Nothing to compare with is not "all covered": 0 registered members never makes an evaluation complete.
  // A period declared "Không phát sinh" needs no list to be complete against.
  const gap = coverage && nilRows.length === 0 ? coverageGap(coverage) : undefined;
  const valid = rows.length + nilRows.length;
  const counts = { read: valid + rejected.length, valid, rejected: rejected.length, nil: nilRows.length };
  const nil = nilRows.length > 0;
  return {
    id: submissionId(spec.id, periodId, unitId),
    formId: spec.id,
    periodId,
    unitId,
    rows,
    rejected,
    nilRows,
    counts,
    nil,
    complete:
      nil || (rejected.length === 0 && rows.length >= Math.max(1, spec.minRows) && !uncovered && gap === undefined),
    ...(uncovered !== undefined ? { uncovered } : {}),
    ...(gap !== undefined ? { coverageGap: gap } : {}),
    contentHash: hashContent({ rows, rejected, nilRows, uncovered, coverageGap: gap }),
  };
}

/** Stable SHA-256 of JSON content: object keys sorted so key order never changes the hash. */
export function hashContent(content: unknown): string {
  return createHash('sha256').update(stableJson(content)).digest('hex');
}

/** Compact JSON with object keys sorted and undefined fields left out: the same content always gives the same text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    let text = '';
    // A hole stays empty, as `map` + `join` wrote it: the text (and so every stored hash) is the same as ever.
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + (i in value ? stableJson(value[i]) : '');
    return `[${text}]`;
  }
  // A Date has no own enumerable fields: without this, every date would hash as `{}` and a changed date go unseen.
  if (value instanceof Date)
    return JSON.stringify(Number.isNaN(value.getTime()) ? 'Invalid Date' : { date: value.toISOString() });
  if (value !== null && typeof value === 'object') {
    // Keys sorted by UTF-16 code units (Array#sort's own order), built in one string: this runs for every cell of a sweep.
    const record = value as Record<string, unknown>;
    let text = '';
    for (const key of Object.keys(record).sort()) {
      const field = record[key];
      if (field === undefined) continue;
      text += `${text ? ',' : ''}${quotedKey(key)}:${stableJson(field)}`;
    }
    return `{${text}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Field names repeat on every row (column keys, 'rowNumber'): each is quoted once. Bounded in count and length, as a
 * hostile sheet's own headers are keys too.
 */
const QUOTED_KEYS = new Map<string, string>();
const MAX_QUOTED_KEYS = 10_000;
const MAX_QUOTED_KEY_LENGTH = 100;

function quotedKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (QUOTED_KEYS.size < MAX_QUOTED_KEYS && key.length <= MAX_QUOTED_KEY_LENGTH) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
}
