import type { RowError, ValidRow } from '../forms/compile-form.js';
import type { FormSpec } from '../forms/form-spec.js';
import type { RejectedRow } from '../forms/read-form-tab.js';
import { matchUnit, unitNameIndex } from '../units/match-unit.js';
import { childUnitColumn, childUnitHeaders } from '../units/parent-filled.js';
import { targetedChildren } from '../units/targets.js';
import type { Unit } from '../units/unit.js';
import { rejectValidRow, valueText } from './rule-values.js';

/**
 * The rows of a plan parents fill ('Cấp trên của Chi đoàn'), read from `parent`'s own file: each must name, in
 * the unit column, one of the parent's own units the plan targets. A row naming another parent's unit, an
 * unknown name or none is rejected naming the row and the column. An accepted row holds the unit's registered
 * name, so 'Không trùng' sees one unit however it was spelled (the sheet's cell is left as typed).
 */
export function checkOwnChildren(
  spec: FormSpec,
  rows: readonly ValidRow[],
  parent: Unit,
  registry: readonly Unit[],
): { valid: ValidRow[]; rejected: RejectedRow[] } {
  if (spec.filledBy !== 'parent') return { valid: [...rows], rejected: [] };
  const column = childUnitColumn(spec);
  const children = targetedChildren(spec, parent, registry);
  const own = unitNameIndex(children);
  const everyone = unitNameIndex(registry);
  const valid: ValidRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const value = column ? row.values[column.key] : undefined;
    const at = `Dòng ${row.rowNumber}, cột '${column?.header ?? childUnitHeaders(spec)[0]}'`;
    const reject = (message: string) =>
      rejected.push(rejectValidRow(spec, row, [{ column: column?.header ?? '', message }] satisfies RowError[]));
    if (!column) {
      reject(`${at}: biểu mẫu không có cột ghi tên đơn vị của mỗi dòng, nên dòng này chưa được tính.`);
      continue;
    }
    if (value === undefined) {
      reject(`${at}: ô trống, không biết dòng này nói về đơn vị nào. Hãy ghi tên đơn vị trực thuộc.`);
      continue;
    }
    const typed = valueText(value);
    const match = matchUnit(own, typed);
    if (match.kind === 'matched') {
      valid.push({ ...row, values: { ...row.values, [column.key]: match.unit.name } });
      continue;
    }
    reject(`${at}: ${notOwnReason(typed, parent, children, matchUnit(everyone, typed))}`);
  }
  return { valid, rejected };
}

/** Why a name is not one of the parent's units: another parent's, one of its own the plan does not target, or unknown. */
function notOwnReason(
  typed: string,
  parent: Unit,
  children: readonly Unit[],
  anywhere: ReturnType<typeof matchUnit>,
): string {
  const listed = children.map((c) => `'${c.name}'`).join(', ');
  const ownList = listed ? ` Các đơn vị trực thuộc ${parent.name}: ${listed}.` : '';
  if (anywhere.kind === 'matched' && anywhere.unit.parent === parent.id)
    return `'${anywhere.unit.name}' không thuộc đối tượng của biểu mẫu này, nên dòng này không được tính.${ownList}`;
  if (anywhere.kind === 'matched')
    return `'${anywhere.unit.name}' không thuộc đơn vị ${parent.name}, nên dòng này không được tính. Mỗi đơn vị chỉ ghi các đơn vị trực thuộc của mình.${ownList}`;
  return `không có đơn vị nào tên '${typed}' trực thuộc ${parent.name}, nên dòng này không được tính.${ownList}`;
}
