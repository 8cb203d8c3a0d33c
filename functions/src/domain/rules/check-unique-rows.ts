import type { ValidRow } from '../forms/compile-form.js';
import type { ColumnSpec, FormSpec } from '../forms/form-spec.js';
import type { RejectedRow } from '../forms/read-form-tab.js';
import { periodLabel, singlePeriodId } from '../periods/period-id.js';
import { matchKey, rejectValidRow, valueText } from './rule-values.js';

/** The column keys no two rows of one period may share: each 'Không trùng' column alone, and each 'Không trùng cùng' group. */
export function uniqueKeys(spec: FormSpec): string[][] {
  return spec.columns.flatMap((c) => [
    ...(c.unique ? [[c.key]] : []),
    ...(c.uniqueWith ? [[c.key, ...c.uniqueWith]] : []),
  ]);
}

/** Rejects a row repeating an earlier row's 'Không trùng' value (or 'Không trùng cùng' group) in the same period, naming both rows. */
export function checkUniqueRows(
  spec: FormSpec,
  rows: readonly ValidRow[],
): { valid: ValidRow[]; rejected: RejectedRow[] } {
  const keys = uniqueKeys(spec);
  if (keys.length === 0) return { valid: [...rows], rejected: [] };
  const byKey = new Map(spec.columns.map((c) => [c.key, c]));
  const seen = new Map<string, number>();
  const valid: ValidRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of [...rows].sort((a, b) => a.rowNumber - b.rowNumber)) {
    const ids: string[] = [];
    const repeats: Repeat[] = [];
    for (const [i, key] of keys.entries()) {
      const values = key.flatMap((k) => (row.values[k] === undefined ? [] : [row.values[k]]));
      if (values.length !== key.length || values.some((v) => matchKey(v) === '')) continue;
      const id = `${row.periodId}\u0000${i}\u0000${values.map(matchKey).join('\u0000')}`;
      const first = seen.get(id);
      ids.push(id);
      if (first !== undefined)
        repeats.push({ first, columns: key.flatMap((k) => byKey.get(k) ?? []), values: values.map(valueText) });
    }
    if (repeats.length === 0) {
      for (const id of ids) seen.set(id, row.rowNumber);
      valid.push(row);
      continue;
    }
    const where = singlePeriodId(spec.period) === undefined ? ` trong cùng kỳ ${periodLabel(spec, row.periodId)}` : '';
    rejected.push(
      rejectValidRow(
        spec,
        row,
        repeats.map((r) => repeatError(row.rowNumber, r, where)),
      ),
    );
  }
  return { valid, rejected };
}

interface Repeat {
  readonly first: number;
  readonly columns: readonly ColumnSpec[];
  readonly values: readonly string[];
}

function repeatError(rowNumber: number, repeat: Repeat, where: string): { column?: string; message: string } {
  const [only] = repeat.columns;
  const said =
    repeat.columns.length === 1 && only
      ? `Dòng ${rowNumber}, cột ${only.header}: «${repeat.values[0] ?? ''}»`
      : `Dòng ${rowNumber}: ${repeat.columns.map((c, i) => `${c.header} «${repeat.values[i] ?? ''}»`).join(', ')}`;
  const what = repeat.columns.map((c) => c.header.toLowerCase()).join(' và ');
  return {
    ...(only ? { column: only.header } : {}),
    message: `${said} trùng với dòng ${repeat.first}${where}; mỗi ${what} chỉ được ghi một dòng, nên dòng này không được tính. Hãy sửa hoặc xóa một trong hai dòng.`,
  };
}
