import type { Unit } from '../domain/units/unit.js';

/** How many drawn chi đoàn the demo puts under the first cơ sở Đoàn with children. */
const DEMO_BRANCH_CHILDREN = 3;

/**
 * The demo's two-level tree: a few chi đoàn of the residential block under a ward's cơ sở Đoàn (the first
 * one drawn; any cơ sở if no ward's was), that ward's own khu phố first; the units that come with their
 * "Đơn vị cấp trên" set (the second branch, demo-second-branch.ts) keep it, and a drawn khu phố of that ward
 * joins them; every other unit directly under the district. Only the registry's "Đơn vị cấp trên" changes:
 * the history each unit sends stays the same.
 */
export function withDemoOrgTree(units: readonly Unit[]): Unit[] {
  const preset = units.filter((u) => units.some((child) => child.parent === u.id));
  const cosos = units.filter((u) => u.type === 'co-so-doan' && !preset.includes(u));
  const parent = cosos.find((u) => u.id.startsWith('csd-ubnd-')) ?? cosos[0];
  const chiDoan = units.filter((u) => u.type === 'chi-doan' && u.parent === undefined);
  const residential = chiDoan.filter((u) => u.level === 'Khối địa bàn dân cư');
  const ofWard = (branch: Unit) => {
    // The khu phố of the ward itself ("Chi đoàn Khu phố 1 phường Đa Kao" under the ward's cơ sở Đoàn), by number.
    const ward = /phường .+$/u.exec(branch.name)?.[0];
    return residential
      .filter((u) => ward !== undefined && u.name.endsWith(ward))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  };
  const parentOf = new Map<string, string>();
  for (const branch of preset) for (const u of ofWard(branch)) parentOf.set(u.id, branch.id);
  if (parent) {
    const own = ofWard(parent);
    const free = residential.filter((u) => !own.includes(u) && !parentOf.has(u.id));
    const candidates = [...own, ...free];
    const pool = candidates.length >= DEMO_BRANCH_CHILDREN ? candidates : chiDoan.filter((u) => !parentOf.has(u.id));
    for (const u of pool.slice(0, DEMO_BRANCH_CHILDREN)) parentOf.set(u.id, parent.id);
  }
  return units.map((u) => {
    const branchId = parentOf.get(u.id);
    return branchId === undefined ? u : { ...u, parent: branchId };
  });
}

/** The demo's cơ sở Đoàn that has chi đoàn under it. */
export function demoBranchId(units: readonly Unit[]): string | undefined {
  return units.find((u) => units.some((child) => child.parent === u.id))?.id;
}
