import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { readControlTabs } from '../../domain/units/read-control.js';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { writePrivateFile } from '../private-files.js';
import { readWorkbookTabs } from '../xlsx/read-workbook.js';
import { appendPlanRows } from './write-control-workbook.js';
import { plansRows, type PlanTabRows } from '../../domain/plans/plan-rows.js';

/** What adding catalog plans to a control workbook did. */
export interface AddedPlans {
  readonly added: readonly string[];
  /** Ids the control already defines: left as the district has them. */
  readonly alreadyThere: readonly string[];
}

/**
 * Copy plans (from the catalog) into a district's control workbook: their rows are appended to the
 * plan tabs (option lists shared word for word are not repeated; a clash of list names is renamed);
 * everything else is kept. Refused while the plan tabs have mistakes, which the district fixes first.
 */
export async function addPlansToControlWorkbook(file: string, specs: readonly FormSpec[]): Promise<AddedPlans> {
  const bytes = await readFile(file);
  const control = readControlTabs(await readWorkbookTabs(bytes, file));
  if (control.plans.problems.length > 0) {
    throw new SheetReadError(
      'corrupt',
      `Các trang kế hoạch của bảng điều khiển '${file}' đang có ${control.plans.problems.length} lỗi; hãy sửa trước (xem: npx tonghop plans check), rồi chép thêm biểu mẫu.`,
    );
  }
  const existing = new Set([...control.plans.plans.map((p) => p.id), ...control.plans.off]);
  const added = specs.filter((spec) => !existing.has(spec.id));
  const alreadyThere = specs.filter((spec) => existing.has(spec.id)).map((spec) => spec.id);
  if (added.length === 0) return { added: [], alreadyThere };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  appendPlanRows(workbook, control.settings.districtName, newRows(control.plans.plans, added));
  await writePrivateFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return { added: added.map((spec) => spec.id), alreadyThere };
}

/** The rows the added plans bring: all plans' rows less those the control already holds (lists already written are not repeated). */
function newRows(existing: readonly FormSpec[], added: readonly FormSpec[]): PlanTabRows[] {
  const before = plansRows(existing);
  return plansRows([...existing, ...added]).map((tab) => {
    const held = new Map<string, number>();
    for (const row of before.find((t) => t.tab === tab.tab)?.rows ?? [])
      held.set(JSON.stringify(row), (held.get(JSON.stringify(row)) ?? 0) + 1);
    const rows = tab.rows.filter((row) => {
      const count = held.get(JSON.stringify(row)) ?? 0;
      if (count > 0) held.set(JSON.stringify(row), count - 1);
      return count === 0;
    });
    return { ...tab, rows };
  });
}
