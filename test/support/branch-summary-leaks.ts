import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { branchSummaryPath } from '../../functions/src/adapters/workbook/branch-summary-workbooks.js';
import { readControlWorkbook } from '../../functions/src/adapters/workbook/read-control-workbook.js';
import { readWorkbookTabs } from '../../functions/src/adapters/xlsx/read-workbook.js';
import { branchUnits, orgTree, subtreeIds } from '../../functions/src/domain/units/org-tree.js';

/**
 * Each cơ sở Đoàn summary of a district folder (tong-hop-<id>.xlsx beside control.xlsx), its cells, and the
 * ids and names of the units inside and outside its subtree, read from the control workbook.
 */
export async function branchSummariesOf(
  dir: string,
): Promise<{ unitId: string; cells: string; inside: string[]; outside: string[] }[]> {
  const control = await readControlWorkbook(path.join(dir, 'control.xlsx'));
  const tree = orgTree(control.units);
  return Promise.all(
    branchUnits(control.units, tree).map(async (branch) => {
      const file = branchSummaryPath(dir, branch.id);
      const tabs = await readWorkbookTabs(await readFile(file), path.basename(file));
      const cells = tabs
        .flatMap((t) =>
          t.rows.flatMap((r) =>
            r.cells.map((c) =>
              c === null || c === undefined ? '' : typeof c === 'object' ? JSON.stringify(c) : String(c),
            ),
          ),
        )
        .join('\n')
        .toLowerCase();
      const members = subtreeIds(tree, branch.id);
      const namesOf = (inTree: boolean) =>
        control.units.filter((u) => members.has(u.id) === inTree).flatMap((u) => [u.id, u.name.toLowerCase()]);
      return { unitId: branch.id, cells, inside: namesOf(true), outside: namesOf(false) };
    }),
  );
}
