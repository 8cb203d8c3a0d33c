import { cleanText, foldForMatch } from '../cells/fold.js';
import type { CellValue } from '../forms/cell-parser.js';
import { compileForm } from '../forms/compile-form.js';
import type { EnumOption, FormSpec } from '../forms/form-spec.js';
import { findTab, readFormTab, type SheetTab, type StoredCell } from '../forms/read-form-tab.js';
import {
  METRICS_TAB_SPEC,
  OPTION_LISTS_TAB_SPEC,
  PAUSES_TAB_SPEC,
  PHASES_TAB_SPEC,
  PLAN_COLUMNS_TAB_SPEC,
  PLAN_FORMS_TAB_SPEC,
} from './plan-layout.js';
import { planProblem, type PlanProblem } from './plan-problem.js';
import { lowerFirst } from '../cells/sentence-case.js';

/** One row of a plan tab, its cells already checked and normalized (dates 'YYYY-MM-DD', enums their Vietnamese value). */
export interface PlanRecord {
  readonly tab: string;
  /** The row the spreadsheet shows; 0 for a row that comes from a built-in plan, not from the sheet. */
  readonly rowNumber: number;
  readonly values: Readonly<Record<string, CellValue>>;
}

/** The rows of the child tabs that belong to one plan. */
export interface PlanChildRecords {
  readonly columns: readonly PlanRecord[];
  readonly phases: readonly PlanRecord[];
  readonly pauses: readonly PlanRecord[];
  readonly metrics: readonly PlanRecord[];
}

export type ChildTab = keyof PlanChildRecords;

/** Report a problem on one record's cell (its tab and row named from the record). */
export type ReportAt = (record: PlanRecord, header: string | undefined, reason: string) => void;

/** A named option list of "Danh mục lựa chọn". */
export interface OptionList {
  readonly name: string;
  readonly options: readonly EnumOption[];
  /** One of its rows was rejected: a plan using it would accept the wrong values. */
  readonly broken: boolean;
}

/** Option lists by folded name. */
export type OptionLists = ReadonlyMap<string, OptionList>;

/** Everything the plan tabs hold, grouped by plan id, before any plan is assembled. */
export interface PlanTabRecords {
  /** Valid "Biểu mẫu" rows, the first row of each id. */
  readonly forms: readonly PlanRecord[];
  readonly children: ReadonlyMap<string, PlanChildRecords>;
  readonly lists: OptionLists;
  /** Plan ids with a rejected row somewhere: they are skipped. */
  readonly broken: ReadonlySet<string>;
  readonly problems: readonly PlanProblem[];
}

const CHILD_SPECS: Readonly<Record<ChildTab, FormSpec>> = {
  columns: PLAN_COLUMNS_TAB_SPEC,
  phases: PHASES_TAB_SPEC,
  pauses: PAUSES_TAB_SPEC,
  metrics: METRICS_TAB_SPEC,
};
const compiled = new Map(
  [PLAN_FORMS_TAB_SPEC, OPTION_LISTS_TAB_SPEC, ...Object.values(CHILD_SPECS)].map((spec) => [
    spec.id,
    compileForm(spec),
  ]),
);
const ID_HEADER = 'Mã biểu mẫu';
const LIST_HEADER = 'Danh mục';

/** An id as typed, tidied (the plan id of every tab). */
export function planIdOf(value: CellValue | undefined): string {
  return cleanText(String(value ?? ''));
}

/** Read the plan tabs' rows with the form machinery and group them by plan id. */
export function readPlanRecords(tabs: readonly SheetTab[]): PlanTabRecords {
  const problems: PlanProblem[] = [];
  const broken = new Set<string>();
  const brokenLists = new Set<string>();

  const formRows = readRows(tabs, PLAN_FORMS_TAB_SPEC, problems, (cells) => broken.add(planIdOf(cells[ID_HEADER])));
  const forms: PlanRecord[] = [];
  const seen = new Set<string>();
  for (const record of formRows) {
    const id = planIdOf(record.values.formId);
    if (seen.has(id)) {
      problems.push(
        planProblem(
          { tab: record.tab, row: record.rowNumber, header: ID_HEADER },
          `mã biểu mẫu '${id}' bị trùng với một dòng phía trên; dòng này bị bỏ qua.`,
          id,
        ),
      );
      continue;
    }
    seen.add(id);
    forms.push(record);
  }

  const children = new Map<
    string,
    { columns: PlanRecord[]; phases: PlanRecord[]; pauses: PlanRecord[]; metrics: PlanRecord[] }
  >();
  for (const tab of Object.keys(CHILD_SPECS) as ChildTab[]) {
    for (const record of readRows(tabs, CHILD_SPECS[tab], problems, (cells) =>
      broken.add(planIdOf(cells[ID_HEADER])),
    )) {
      const id = planIdOf(record.values.formId);
      let group = children.get(id);
      if (!group) children.set(id, (group = { columns: [], phases: [], pauses: [], metrics: [] }));
      group[tab].push(record);
    }
  }

  const listRows = readRows(tabs, OPTION_LISTS_TAB_SPEC, problems, (cells) =>
    brokenLists.add(foldForMatch(String(cells[LIST_HEADER] ?? ''))),
  );
  return { forms, children, lists: optionLists(listRows, brokenLists, problems), broken, problems };
}

function readRows(
  tabs: readonly SheetTab[],
  spec: FormSpec,
  problems: PlanProblem[],
  onRejected: (cells: Readonly<Record<string, StoredCell>>) => void,
): PlanRecord[] {
  const tab = findTab(tabs, spec.tab);
  if (!tab || tab.rows.every((row) => row.cells.every((cell) => cell === null || cell === undefined || cell === '')))
    return [];
  const reading = readFormTab(compiled.get(spec.id) ?? compileForm(spec), tab);
  for (const problem of reading.problems) problems.push({ tab: spec.tab, message: problem.message });
  for (const row of reading.rejected) {
    onRejected(row.cells);
    const formId = typeof row.cells[ID_HEADER] === 'string' ? planIdOf(row.cells[ID_HEADER]) : undefined;
    for (const error of row.errors) {
      problems.push({
        tab: spec.tab,
        row: row.rowNumber,
        ...(error.column ? { header: error.column } : {}),
        ...(formId ? { formId } : {}),
        message: `Trang '${spec.tab}', ${lowerFirst(error.message)}`,
      });
    }
  }
  return reading.valid.map((row) => ({ tab: spec.tab, rowNumber: row.rowNumber, values: row.values }));
}

function optionLists(
  rows: readonly PlanRecord[],
  brokenLists: ReadonlySet<string>,
  problems: PlanProblem[],
): Map<string, OptionList> {
  const lists = new Map<string, { name: string; options: EnumOption[]; values: Set<string> }>();
  for (const row of rows) {
    const name = cleanText(String(row.values.list));
    const folded = foldForMatch(name);
    let list = lists.get(folded);
    if (!list) lists.set(folded, (list = { name, options: [], values: new Set() }));
    const value = cleanText(String(row.values.value));
    if (list.values.has(foldForMatch(value))) {
      problems.push(
        planProblem(
          { tab: row.tab, row: row.rowNumber, header: 'Giá trị' },
          `giá trị '${value}' đã có trong danh mục '${list.name}'; dòng này bị bỏ qua.`,
        ),
      );
      continue;
    }
    list.values.add(foldForMatch(value));
    list.options.push({ value, aliases: splitList(row.values.aliases, ';') });
  }
  const result = new Map<string, OptionList>();
  for (const [folded, list] of lists)
    result.set(folded, { name: list.name, options: list.options, broken: brokenLists.has(folded) });
  for (const folded of brokenLists)
    if (!result.has(folded)) result.set(folded, { name: folded, options: [], broken: true });
  return result;
}

/** The items of a cell listing several names ('A; B'), tidied, blanks dropped. */
export function splitList(value: CellValue | undefined, separator: string): string[] {
  if (value === undefined) return [];
  const text = Array.isArray(value) ? value.join(separator) : String(value);
  return text
    .split(separator)
    .map((item) => cleanText(item))
    .filter((item) => item !== '');
}
