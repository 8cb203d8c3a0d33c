import { UNITS_TAB_SPEC } from './control-layout.js';
import { matchUnit, unitNameIndex } from './match-unit.js';
import type { Unit } from './unit.js';

/** What a registry row typed in "Đơn vị cấp trên", with the row it is on. */
export interface TypedParent {
  readonly unitId: string;
  readonly typed: string;
  readonly rowNumber: number;
}

const PARENT_HEADER = UNITS_TAB_SPEC.columns.find((c) => c.key === 'parent')?.header ?? 'Đơn vị cấp trên';
const FALLBACK = 'đơn vị này tạm được xếp trực thuộc Quận Đoàn tới khi sửa';

/**
 * Give each unit the parent its row names (by id, name or "Tên khác", without accents or case). A parent
 * that is unknown, ambiguous, the unit itself, a chi đoàn, or closes a cycle is refused with a Vietnamese
 * message naming the row and column, and that unit falls back to the root (the district office): one bad
 * row never stops the others.
 */
export function resolveUnitParents(
  units: readonly Unit[],
  typed: readonly TypedParent[],
  tabName: string,
): { units: Unit[]; problems: string[] } {
  const problems: string[] = [];
  const index = unitNameIndex(units);
  const byId = new Map(units.map((u) => [u.id, u]));
  const rowOf = new Map(typed.map((t) => [t.unitId, t.rowNumber]));
  const where = (t: TypedParent) => `Trang '${tabName}', dòng ${t.rowNumber}, cột '${PARENT_HEADER}'`;
  const parentOf = new Map<string, string>();
  for (const t of typed) {
    const unit = byId.get(t.unitId);
    if (!unit) continue;
    const found = matchUnit(index, t.typed);
    if (found.kind === 'unknown') {
      problems.push(
        `${where(t)}: không có đơn vị nào tên '${t.typed}'${found.closest.length ? ` (gần nhất: ${found.closest.map((n) => `'${n}'`).join(', ')})` : ''}; ${FALLBACK}. Hãy ghi đúng mã hoặc tên đơn vị cấp trên.`,
      );
    } else if (found.kind === 'ambiguous') {
      problems.push(
        `${where(t)}: '${t.typed}' trùng tên khác của nhiều đơn vị (${found.units.map((u) => `'${u.name}'`).join(', ')}); ${FALLBACK}. Hãy ghi mã đơn vị cấp trên.`,
      );
    } else if (found.unit.id === unit.id) {
      problems.push(
        `${where(t)}: đơn vị '${unit.name}' không thể là cấp trên của chính nó; ${FALLBACK}. Hãy ghi đơn vị cấp trên khác hoặc để trống.`,
      );
    } else if (found.unit.type === 'chi-doan') {
      problems.push(
        `${where(t)}: '${found.unit.name}' là chi đoàn, mà chi đoàn không có đơn vị trực thuộc; ${FALLBACK}. Hãy ghi cơ sở Đoàn mà '${unit.name}' trực thuộc.`,
      );
    } else {
      parentOf.set(unit.id, found.unit.id);
    }
  }
  for (const cycle of cyclesOf(parentOf)) {
    const names = [...cycle, cycle[0] ?? ''].map((id) => `'${byId.get(id)?.name ?? id}'`).join(' → ');
    for (const id of cycle) {
      parentOf.delete(id);
      problems.push(
        `Trang '${tabName}', dòng ${rowOf.get(id) ?? '?'}, cột '${PARENT_HEADER}': cấp trên tạo thành vòng lặp ${names}; ${FALLBACK}. Hãy sửa để mỗi chuỗi cấp trên kết thúc ở một đơn vị để trống cột này.`,
      );
    }
  }
  return { units: units.map((u) => (parentOf.has(u.id) ? { ...u, parent: parentOf.get(u.id) } : u)), problems };
}

/** Every cycle of the parent links once, each in link order from its first unit met in registry order. */
function cyclesOf(parentOf: ReadonlyMap<string, string>): string[][] {
  const cycles: string[][] = [];
  const settled = new Set<string>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !settled.has(at) && !path.includes(at)) {
      path.push(at);
      at = parentOf.get(at);
    }
    if (at !== undefined && path.includes(at)) cycles.push(path.slice(path.indexOf(at)));
    for (const id of path) settled.add(id);
  }
  return cycles;
}
