import { foldForMatch } from '../cells/fold.js';
import type { RawCell } from '../cells/raw-cell.js';
import type { CellValue } from '../forms/cell-parser.js';
import type { ColumnSpec, FormSpec } from '../forms/form-spec.js';
import type { SheetTab } from '../forms/read-form-tab.js';
import { PLAN_TAB_SPECS } from './plan-layout.js';
import type { PlanRecord } from './plan-records.js';
import { monthText, specRecords } from './plan-records-of-spec.js';

/** One plan tab as a spreadsheet holds it: its headers and its rows of cells, in the layout's column order. */
export interface PlanTabRows {
  readonly tab: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly RawCell[])[];
}

/** The plan tabs' rows for one spec (its option lists named after their columns' headers). */
export function planRows(spec: FormSpec): PlanTabRows[] {
  return plansRows([spec]);
}

/** The plan tabs' rows for several specs; an option list shared word for word is written once, a clash of names gets the plan id. */
export function plansRows(specs: readonly FormSpec[]): PlanTabRows[] {
  const listsByName = new Map<string, string>();
  const chosen = new Map<ColumnSpec, string>();
  const byTab = new Map<string, PlanRecord[]>(PLAN_TAB_SPECS.map((s) => [s.tab, []]));
  const written = new Set<string>();
  for (const spec of specs) {
    const namer = (column: ColumnSpec): string => {
      const known = chosen.get(column);
      if (known !== undefined) return known;
      const content = JSON.stringify(column.options);
      let name = column.header;
      if (listsByName.has(foldForMatch(name)) && listsByName.get(foldForMatch(name)) !== content)
        name = `${column.header} (${spec.id})`;
      listsByName.set(foldForMatch(name), content);
      chosen.set(column, name);
      return name;
    };
    const records = specRecords(spec, namer);
    const push = (record: PlanRecord) => byTab.get(record.tab)?.push(record);
    push(records.form);
    for (const tab of ['columns', 'phases', 'pauses', 'metrics'] as const) records.children[tab].forEach(push);
    for (const record of records.options) {
      const key = `${foldForMatch(String(record.values.list))}|${String(record.values.value)}`;
      if (written.has(key)) continue;
      written.add(key);
      push(record);
    }
  }
  return PLAN_TAB_SPECS.map((tabSpec) => ({
    tab: tabSpec.tab,
    headers: tabSpec.columns.map((c) => c.header),
    rows: (byTab.get(tabSpec.tab) ?? []).map((record) =>
      tabSpec.columns.map((c) => cellOf(record.values[c.key], c.type)),
    ),
  }));
}

/** Plan tab rows as the sheet tabs an adapter hands over: headers on row 1, data from row 2. */
export function planSheetTabs(tabs: readonly PlanTabRows[]): SheetTab[] {
  return tabs.map((t) => ({
    name: t.tab,
    rows: [t.headers, ...t.rows].map((cells, i) => ({ rowNumber: i + 1, cells })),
  }));
}

/** A record value as a spreadsheet cell: dates as Date (wall clock in UTC fields), months as '3/2014', yes/no as 'Có'/'Không'. */
function cellOf(value: CellValue | undefined, type: ColumnSpec['type']): RawCell {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (type === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  if (type === 'month' && typeof value === 'string') return monthText(value);
  return value as RawCell;
}
