import type { CellValue } from '../forms/cell-parser.js';
import type { FormSpec } from '../forms/form-spec.js';
import type { ReferencedValues } from './referenced-values.js';
import { matchKey } from './rule-values.js';

/** The column of a form compared for its coverage: the one whose 'Phải có trong' names the covered form. */
export function coveringColumnKey(spec: FormSpec): string | undefined {
  const covered = spec.coverage?.formId;
  return covered === undefined ? undefined : spec.columns.find((c) => c.mustExistIn?.formId === covered)?.key;
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

/** The Vietnamese note of what a period still lacks: "Còn 12 đoàn viên chưa đánh giá". */
export function uncoveredNote(spec: FormSpec, count: number): string {
  return `Còn ${count} ${spec.coverage?.missingLabel ?? 'dòng chưa có'}`;
}
