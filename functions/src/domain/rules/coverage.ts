import type { CellValue } from '../forms/cell-parser.js';
import type { FormSpec } from '../forms/form-spec.js';
import type { ReferencedValues } from './referenced-values.js';
import { matchKey } from './rule-values.js';

/**
 * Why a period of a coverage plan cannot be measured at all: the unit never sent the covered form
 * ('not-sent'), or sent it without one valid row ('no-valid-rows': every row refused, rows deleted,
 * or "Không phát sinh"). Either way nothing says who should be covered, so the period is not "Đủ".
 */
export const COVERAGE_GAPS = ['not-sent', 'no-valid-rows'] as const;
export type CoverageGap = (typeof COVERAGE_GAPS)[number];

/** The column of a form compared for its coverage: the one whose 'Phải có trong' names the covered form. */
export function coveringColumnKey(spec: FormSpec): string | undefined {
  const covered = spec.coverage?.formId;
  return covered === undefined ? undefined : spec.columns.find((c) => c.mustExistIn?.formId === covered)?.key;
}

/** Whether the covered form gives nothing to compare with (never sent, or no valid value); undefined when it lists some. */
export function coverageGap(referenced: ReferencedValues): CoverageGap | undefined {
  if (referenced.values.size > 0) return undefined;
  return referenced.sent ? 'no-valid-rows' : 'not-sent';
}

/** How many of the other form's values the rows of one period do not hold yet (0 = the period covers them all). */
export function uncoveredCount(
  spec: FormSpec,
  rows: readonly { readonly values: Readonly<Record<string, CellValue>> }[],
  referenced: ReferencedValues,
): number {
  const key = coveringColumnKey(spec);
  if (key === undefined) return 0;
  const held = new Set(
    rows.flatMap((r) => (r.values[key] === undefined ? [] : [matchKey(r.values[key] as CellValue)])),
  );
  return [...referenced.values.keys()].filter((value) => !held.has(value)).length;
}

/** What a coverage plan's period still lacks, as a standing or a stored submission says it. */
export interface CoverageShortfall {
  readonly uncovered?: number;
  readonly coverageGap?: CoverageGap;
}

/** Whether a standing falls short of its coverage plan: values still uncovered, or nothing to compare with. */
export function isShortOfCoverage(shortfall: CoverageShortfall): boolean {
  return shortfall.coverageGap !== undefined || (shortfall.uncovered ?? 0) > 0;
}

/**
 * The Vietnamese note of what a period still lacks: "Còn 12 đoàn viên chưa đánh giá", or, with nothing to
 * compare with, "Chưa có «Đăng ký rèn luyện đoàn viên 2014» để đối chiếu" (the covered form named by its title
 * among `forms`).
 */
export function uncoveredNote(spec: FormSpec, shortfall: CoverageShortfall, forms: readonly FormSpec[]): string {
  const coveredId = spec.coverage?.formId ?? '';
  const covered = `«${forms.find((f) => f.id === coveredId)?.title ?? coveredId}»`;
  switch (shortfall.coverageGap) {
    case 'not-sent':
      return `Chưa có ${covered} để đối chiếu`;
    case 'no-valid-rows':
      return `${covered} chưa có dòng hợp lệ để đối chiếu`;
    case undefined:
      return `Còn ${shortfall.uncovered ?? 0} ${spec.coverage?.missingLabel ?? 'dòng chưa có'}`;
  }
}
