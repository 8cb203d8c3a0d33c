import type ExcelJS from 'exceljs';
import { foldForMatch } from '../../domain/cells/fold.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { shiftBookViews } from './feedback-standing-tab.js';
import { addFormSheet, MAX_XLSX_TAB_LENGTH } from './write-form-sheet.js';
import { appendHelpSections } from './write-help-sheet.js';

/**
 * Roll a new plan out into a loaded unit workbook: each plan's blank tab, as the template has it
 * (titles, header with notes, status column, dropdowns, number formats), inserted at `position`
 * (0-based among the tabs), and its section appended to "Hướng dẫn". A plan whose tab name the
 * workbook already has (ignoring case, accents and spacing) is left alone, so it never replaces
 * what a unit typed. The unit's own tabs are not written; only the hidden lists tab and the help
 * tab, which the system owns, grow. Returns the forms whose tab was added.
 */
export function addPlanTabs(
  workbook: ExcelJS.Workbook,
  specs: readonly FormSpec[],
  unitName: string,
  position: number,
): FormSpec[] {
  const present = new Set(workbook.worksheets.map((ws) => foldForMatch(ws.name)));
  const toAdd = specs.filter((spec) => spec.tab.length <= MAX_XLSX_TAB_LENGTH && !present.has(foldForMatch(spec.tab)));
  if (toAdd.length === 0) return [];
  const before = workbook.worksheets;
  const at = Math.min(Math.max(position, 0), before.length);
  const added = toAdd.map((spec) => addFormSheet(workbook, spec, { unitName }));
  appendHelpSections(workbook, toAdd);
  // The lists and help tabs, when this made them, go last.
  const madeHere = workbook.worksheets.filter((ws) => !before.includes(ws) && !added.includes(ws));
  const order = [...before.slice(0, at), ...added, ...before.slice(at), ...madeHere];
  order.forEach((ws, i) => {
    // exceljs orders tabs by this (untyped) field when it writes workbook.xml.
    (ws as ExcelJS.Worksheet & { orderNo: number }).orderNo = i;
  });
  for (let i = 0; i < added.length; i++) shiftBookViews(workbook, at);
  return toAdd;
}
