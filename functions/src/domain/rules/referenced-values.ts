import { foldForMatch } from '../cells/fold.js';
import type { CellValue } from '../forms/cell-parser.js';
import type { ColumnSpec, FormSpec } from '../forms/form-spec.js';
import { matchKey } from './rule-values.js';

/** The values a unit has in one column of another form (all its periods), for 'Phải có trong' and coverage. */
export interface ReferencedValues {
  readonly formId: string;
  /** The other form's title and tab, for the messages. */
  readonly title: string;
  readonly tab: string;
  /** Folded value → the value as first written. */
  readonly values: ReadonlyMap<string, string>;
}

/** The column of `spec` a reference names by key, header or alias (accents and case ignored). */
export function referencedColumn(spec: FormSpec, name: string): ColumnSpec | undefined {
  const folded = foldForMatch(name);
  return spec.columns.find((c) => c.key === name || [c.header, ...c.aliases].some((h) => foldForMatch(h) === folded));
}

/** The distinct values of the referenced column among a unit's rows of the referenced form. */
export function referencedValues(
  spec: FormSpec,
  column: string,
  rows: readonly { readonly values: Readonly<Record<string, CellValue>> }[],
): ReferencedValues {
  const key = referencedColumn(spec, column)?.key;
  const values = new Map<string, string>();
  for (const row of rows) {
    const value = key === undefined ? undefined : row.values[key];
    if (value === undefined) continue;
    const folded = matchKey(value);
    if (folded !== '' && !values.has(folded)) values.set(folded, String(value));
  }
  return { formId: spec.id, title: spec.title, tab: spec.tab, values };
}
