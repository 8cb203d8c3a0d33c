import { foldForMatch } from '../cells/fold.js';
import type { UnitType } from '../forms/form-spec.js';
import { UNIT_TYPE_LABELS } from './unit.js';

/*
 * A plan filled by parents ('Đối tượng' = 'Cấp trên của Chi đoàn'): each unit with targeted units under it
 * fills the form in its own file, one row per child, the child named in one column.
 */

/** Headers that name the unit a row is about: 'Đơn vị', 'Tên đơn vị', a targeted type ('Chi đoàn') or 'Tên chi đoàn'. */
export function childUnitHeaders(spec: { readonly targets: { readonly unitTypes: readonly UnitType[] } }): string[] {
  const labels = ['Đơn vị', ...spec.targets.unitTypes.map((type) => UNIT_TYPE_LABELS[type])];
  return labels.flatMap((label) => [label, `Tên ${label.toLowerCase()}`]);
}

/** The column of a parent-filled form whose cells name each row's unit, by its header or an alias. */
export function childUnitColumn<C extends { readonly header: string; readonly aliases?: readonly string[] }>(spec: {
  readonly targets: { readonly unitTypes: readonly UnitType[] };
  readonly columns: readonly C[];
}): C | undefined {
  const wanted = new Set(childUnitHeaders(spec).map(foldForMatch));
  return spec.columns.find((c) => [c.header, ...(c.aliases ?? [])].some((name) => wanted.has(foldForMatch(name))));
}
