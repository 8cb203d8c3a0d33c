import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { RawCell } from '../../domain/cells/raw-cell.js';
import { PLAN_FORMS_TAB_SPEC, PLAN_TAB_SPECS } from '../../domain/plans/plan-layout.js';
import { plansRows, type PlanTabRows } from '../../domain/plans/plan-rows.js';
import { foldForMatch } from '../../domain/cells/fold.js';
import {
  FEATURE_SETTINGS_LABELS,
  REPORT_SETTINGS_LABELS,
  SETTINGS_LABELS,
  SETTINGS_TAB,
  UNITS_TAB_SPEC,
} from '../../domain/units/control-layout.js';
import { UNIT_TYPE_LABELS, type Unit } from '../../domain/units/unit.js';
import { makePrivateDir, writePrivateFile } from '../private-files.js';
import { formatSheetColumn } from './write-column-format.js';
import type { WritableCell, WritableRow } from '../sheet-layout/write-sheet-layout.js';
import { addColumnValidations } from './write-validations.js';

/** Row of the headers in the "Đơn vị" and "Biểu mẫu" tabs we write (a title and a hint above). */
export const CONTROL_HEADER_ROW = 3;

/** One row of the "Biểu mẫu" tab: a built-in plan used or not, and its deadline overrides. */
export interface ControlFormRow {
  readonly formId: string;
  readonly title: string;
  readonly enabled: boolean;
  /** 'YYYY-MM-DD'. */
  readonly dueDate?: string;
  /** 'HH:mm'. */
  readonly dueTime?: string;
  readonly dueDay?: number;
}

/** District settings, one value per label of the "Thông tin chung" tab; the report's rows only when set. */
export type ControlSettings = Record<keyof typeof SETTINGS_LABELS, string> &
  Partial<Record<keyof typeof REPORT_SETTINGS_LABELS | keyof typeof FEATURE_SETTINGS_LABELS, string>>;

/** Everything the control workbook holds. */
export interface ControlWorkbookContent {
  readonly settings: ControlSettings;
  readonly units: readonly Unit[];
  /**
   * Plans written in full into the plan tabs ("Biểu mẫu" with every plan column, "Cột biểu mẫu",
   * "Danh mục lựa chọn", "Đợt", "Tạm nghỉ", "Chỉ số"); `forms` rows are added below as override rows.
   */
  readonly plans: readonly FormSpec[];
  readonly forms?: readonly ControlFormRow[];
}

/** The line under each tab's title: what one row is. */
const ROW_HINTS: Readonly<Record<string, string>> = {
  [UNITS_TAB_SPEC.tab]: 'một đơn vị',
  [PLAN_FORMS_TAB_SPEC.tab]: 'một biểu mẫu (kế hoạch)',
  'Cột biểu mẫu': 'một cột của một biểu mẫu',
  'Danh mục lựa chọn': 'một giá trị của một danh mục',
  Đợt: 'một đợt của biểu mẫu theo đợt',
  'Tạm nghỉ': 'một thời gian tạm nghỉ của báo cáo định kỳ',
  'Chỉ số': 'một chỉ số thống kê của một biểu mẫu',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const VALIDATED_ROWS = 300;

/** Write the district's control workbook: "Đơn vị", "Biểu mẫu" (and the other plan tabs when plans are given) and "Thông tin chung", laid out as they are read. */
export async function writeControlWorkbook(
  file: string,
  control: ControlWorkbookContent,
  options: { modifiedAt?: Date } = {},
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tonghop';
  if (options.modifiedAt) workbook.created = workbook.modified = options.modifiedAt;
  const district = control.settings.districtName;
  addTableSheet(workbook, UNITS_TAB_SPEC, `DANH SÁCH ĐƠN VỊ BÁO CÁO — ${district}`, control.units.map(unitRow));
  addPlanSheets(workbook, district, control.plans, control.forms ?? []);
  addSettingsSheet(workbook, control.settings);
  await makePrivateDir(path.dirname(file));
  await writePrivateFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** A 'YYYY-MM-DD' date as a date cell (wall-clock midnight in the UTC fields, the exceljs convention). */
export function isoDateCell(date: string | undefined): Date | null {
  return date === undefined ? null : new Date(`${date}T00:00:00Z`);
}

function unitRow(unit: Unit): WritableRow {
  const contact = unit.contacts[0];
  const byKey: Record<string, WritableCell> = {
    id: unit.id,
    name: unit.name,
    type: UNIT_TYPE_LABELS[unit.type],
    level: unit.level,
    cluster: unit.cluster,
    contactName: contact?.name ?? null,
    contactEmail: contact?.email ?? null,
    contactPhone: contact?.phone ?? null,
    members: unit.members ?? null,
    source: unit.source,
    activeFrom: isoDateCell(unit.activeFrom),
    activeTo: isoDateCell(unit.activeTo),
    aliases: unit.aliases?.join('; ') ?? null,
    parent: unit.parent ?? null,
  };
  return UNITS_TAB_SPEC.columns.map((column) => byKey[column.key] ?? null);
}

function formRow(spec: FormSpec, form: ControlFormRow): WritableRow {
  const byKey: Record<string, WritableCell> = {
    formId: form.formId,
    title: form.title,
    enabled: form.enabled ? 'Có' : 'Không',
    dueDate: isoDateCell(form.dueDate),
    dueTime: form.dueTime ?? null,
    dueDay: form.dueDay ?? null,
  };
  return spec.columns.map((column) => byKey[column.key] ?? null);
}

/**
 * Append plan rows to the workbook's plan tabs, each cell under the header of its name (the district may
 * have moved columns); a missing plan tab is added with our layout. Other tabs and rows are left as they are.
 */
export function appendPlanRows(workbook: ExcelJS.Workbook, district: string, tabs: readonly PlanTabRows[]): void {
  for (const spec of PLAN_TAB_SPECS) {
    const rows = tabs.find((t) => t.tab === spec.tab)?.rows ?? [];
    const sheet = workbook.getWorksheet(spec.tab);
    if (!sheet) {
      addTableSheet(
        workbook,
        spec,
        `${spec.title.toUpperCase()} — ${district}`,
        rows.map((cells) => cells.map(writableCell)),
      );
      continue;
    }
    if (rows.length === 0) continue;
    const headerRow = findHeaderRow(sheet, spec);
    const columnOf = new Map<string, number>();
    sheet.getRow(headerRow).eachCell((cell, column) => columnOf.set(foldForMatch(String(cell.value ?? '')), column));
    let next = Math.max(sheet.actualRowCount, sheet.rowCount, headerRow) + 1;
    for (const cells of rows) {
      const row = sheet.getRow(next++);
      spec.columns.forEach((column, i) => {
        const value = writableCell(cells[i]);
        const at = columnOf.get(foldForMatch(column.header));
        if (value !== null && at !== undefined) row.getCell(at).value = value;
      });
    }
  }
}

/** The row holding a plan tab's headers (its first column's header), or our layout's row. */
function findHeaderRow(sheet: ExcelJS.Worksheet, spec: FormSpec): number {
  const first = foldForMatch(spec.columns[0]?.header ?? '');
  for (let r = 1; r <= Math.min(sheet.rowCount, 20); r++) {
    let found = false;
    sheet.getRow(r).eachCell((cell) => {
      if (foldForMatch(String(cell.value ?? '')) === first) found = true;
    });
    if (found) return r;
  }
  return CONTROL_HEADER_ROW;
}

/** The plan tabs, each laid out like the others (title, hint, bold frozen headers, dropdowns from the vocabulary). */
function addPlanSheets(
  workbook: ExcelJS.Workbook,
  district: string,
  plans: readonly FormSpec[],
  overrides: readonly ControlFormRow[],
): void {
  const tabs = plansRows(plans);
  for (const spec of PLAN_TAB_SPECS) {
    const rows: WritableRow[] = (tabs.find((t) => t.tab === spec.tab)?.rows ?? []).map((cells) =>
      cells.map(writableCell),
    );
    if (spec === PLAN_FORMS_TAB_SPEC) rows.push(...overrides.map((form) => formRow(PLAN_FORMS_TAB_SPEC, form)));
    addTableSheet(workbook, spec, `${spec.title.toUpperCase()} — ${district}`, rows);
  }
}

function writableCell(cell: RawCell): WritableCell {
  return cell === undefined || (typeof cell === 'object' && cell !== null && !(cell instanceof Date)) ? null : cell;
}

function addTableSheet(workbook: ExcelJS.Workbook, spec: FormSpec, title: string, rows: readonly WritableRow[]): void {
  const sheet = workbook.addWorksheet(spec.tab, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: CONTROL_HEADER_ROW }],
  });
  spec.columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    formatSheetColumn(sheetColumn, spec, column);
  });
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 13 };
  titleCell.numFmt = 'General';
  const hint = sheet.getCell(2, 1);
  hint.value = `Mỗi dòng ${ROW_HINTS[spec.tab] ?? 'một mục'}; không đổi tiêu đề cột ở dòng ${CONTROL_HEADER_ROW}.`;
  hint.font = { italic: true, size: 10, color: { argb: 'FF7F7F7F' } };
  hint.numFmt = 'General';
  spec.columns.forEach((column, i) => {
    const cell = sheet.getCell(CONTROL_HEADER_ROW, i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.numFmt = 'General';
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (column.help !== undefined) cell.note = column.help;
  });
  rows.forEach((values, r) => {
    const row = sheet.getRow(CONTROL_HEADER_ROW + 1 + r);
    values.forEach((value, i) => {
      if (value !== null) row.getCell(i + 1).value = value;
    });
  });
  addColumnValidations(
    workbook,
    sheet,
    spec,
    CONTROL_HEADER_ROW + 1,
    CONTROL_HEADER_ROW + rows.length + VALIDATED_ROWS,
  );
}

function addSettingsSheet(workbook: ExcelJS.Workbook, settings: ControlSettings): void {
  const sheet = workbook.addWorksheet(SETTINGS_TAB);
  sheet.columns = [{ width: 28 }, { width: 40, style: { numFmt: '@' } }];
  for (const key of Object.keys(SETTINGS_LABELS) as (keyof typeof SETTINGS_LABELS)[]) {
    const row = sheet.addRow([SETTINGS_LABELS[key], settings[key]]);
    row.getCell(1).font = { bold: true };
  }
  const optional = { ...REPORT_SETTINGS_LABELS, ...FEATURE_SETTINGS_LABELS };
  for (const key of Object.keys(optional) as (keyof typeof optional)[]) {
    const value = settings[key];
    if (value !== undefined) sheet.addRow([optional[key], value]).getCell(1).font = { bold: true };
  }
}
