import { foldForMatch } from '../cells/fold.js';
import type { CellValue } from '../forms/cell-parser.js';
import type { ColumnSpec, FormSpec } from '../forms/form-spec.js';
import type { StoredCell } from '../forms/read-form-tab.js';
import { matchKey } from './rule-values.js';

/** The values a unit has in one column of another form (all its periods), for 'Phải có trong' and coverage. */
export interface ReferencedValues {
  readonly formId: string;
  /** The other form's title and tab, for the messages. */
  readonly title: string;
  readonly tab: string;
  /** Folded value → the value as first written. */
  readonly values: ReadonlyMap<string, string>;
  /** Folded value → the other form's refused rows holding it: the rows to fix first, named in the message. */
  readonly refused: ReadonlyMap<string, readonly number[]>;
  /** False when the unit has not sent the other form at all (no readable tab, nothing stored): nothing to check against yet. */
  readonly sent: boolean;
}

/** A unit's rows of the referenced form: the valid ones by column key, the refused ones by header with their row. */
export interface ReferencedRows {
  readonly valid: readonly { readonly values: Readonly<Record<string, CellValue>> }[];
  readonly rejected: readonly { readonly rowNumber: number; readonly cells: Readonly<Record<string, StoredCell>> }[];
}

/** The column of `spec` a reference names by key, header or alias (accents and case ignored). */
export function referencedColumn(spec: FormSpec, name: string): ColumnSpec | undefined {
  const folded = foldForMatch(name);
  return spec.columns.find((c) => c.key === name || [c.header, ...c.aliases].some((h) => foldForMatch(h) === folded));
}

/** The distinct values of the referenced column among a unit's rows of the referenced form, and where refused rows hold one. */
export function referencedValues(spec: FormSpec, column: string, rows: ReferencedRows | undefined): ReferencedValues {
  const target = referencedColumn(spec, column);
  const values = new Map<string, string>();
  for (const row of rows?.valid ?? []) {
    const value = target === undefined ? undefined : row.values[target.key];
    if (value === undefined) continue;
    const folded = matchKey(value);
    if (folded !== '' && !values.has(folded)) values.set(folded, String(value));
  }
  const refused = new Map<string, number[]>();
  for (const row of rows?.rejected ?? []) {
    const cell = target === undefined ? undefined : row.cells[target.header];
    const folded = cell === undefined ? '' : matchKey(cell);
    if (folded === '' || values.has(folded)) continue;
    refused.set(
      folded,
      [...(refused.get(folded) ?? []), row.rowNumber].sort((a, b) => a - b),
    );
  }
  return { formId: spec.id, title: spec.title, tab: spec.tab, values, refused, sent: rows !== undefined };
}
