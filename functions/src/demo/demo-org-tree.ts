import type { Unit } from '../domain/units/unit.js';

/** How many chi đoàn the demo puts under its one cơ sở Đoàn with children. */
const DEMO_BRANCH_CHILDREN = 3;

/**
 * The demo's two-level tree: a few chi đoàn of the residential block under a ward's cơ sở Đoàn (the first
 * one drawn; any cơ sở if no ward's was), that ward's own khu phố first; every other unit directly under
 * the district. Only the registry's "Đơn vị cấp trên" changes: the history each unit sends stays the same.
 */
export function withDemoOrgTree(units: readonly Unit[]): Unit[] {
  const cosos = units.filter((u) => u.type === 'co-so-doan');
  const parent = cosos.find((u) => u.id.startsWith('csd-ubnd-')) ?? cosos[0];
  if (!parent) return [...units];
  const chiDoan = units.filter((u) => u.type === 'chi-doan');
  const residential = chiDoan.filter((u) => u.level === 'Khối địa bàn dân cư');
  // The khu phố of the ward itself first ("Chi đoàn Khu phố 1 phường Đa Kao" under the ward's cơ sở Đoàn), by number.
  const ward = /phường .+$/u.exec(parent.name)?.[0];
  const ofWard = residential
    .filter((u) => ward !== undefined && u.name.endsWith(ward))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const candidates = [...ofWard, ...residential.filter((u) => !ofWard.includes(u))];
  const children = new Set(
    (candidates.length >= DEMO_BRANCH_CHILDREN ? candidates : chiDoan).slice(0, DEMO_BRANCH_CHILDREN).map((u) => u.id),
  );
  return units.map((u) => (children.has(u.id) ? { ...u, parent: parent.id } : u));
}

/** The demo's cơ sở Đoàn that has chi đoàn under it. */
export function demoBranchId(units: readonly Unit[]): string | undefined {
  return units.find((u) => units.some((child) => child.parent === u.id))?.id;
}
