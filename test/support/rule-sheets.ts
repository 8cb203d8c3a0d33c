import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GoogleUnitSheets } from '../../functions/src/adapters/google/google-unit-sheets.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { sharedSourceId, type SharedSource } from '../../functions/src/domain/shared/shared-source.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { FeedbackTarget } from '../../functions/src/jobs/summarize/ports.js';
import type { UnitSheetSource } from '../../functions/src/jobs/sweep/ports.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from './google.js';
import { openWorkbook, sheetOf, writeTestWorkbook, type TestCell, type TestTab } from './workbooks.js';

/** Shared responses sheets and the units' own files of a cross-form rules test, on one adapter. */
export interface RuleSheetsSetup {
  /**
   * One shared sheet per form, in the order of the control's 'Nguồn dữ liệu' rows (from row 2); `file`: the
   * workbook's name in the units folder, `title`: the Google spreadsheet's.
   */
  readonly shared: readonly {
    readonly formId: string;
    readonly file: string;
    readonly title: string;
    readonly tab: TestTab;
  }[];
  /** Each unit gets its own file holding these tabs (their `source` is set to it). */
  readonly units: readonly Unit[];
  readonly unitTabs: (unitId: string) => readonly TestTab[];
  readonly at: Date;
}

export interface RuleSheets {
  /** The shared sources as the control declares them ('Đơn vị', 'Dấu thời gian'), in the setup's order. */
  readonly sources: readonly SharedSource[];
  readonly units: readonly Unit[];
  /** A fresh adapter over all the files. */
  sheets(): UnitSheetSource & FeedbackTarget;
  /** Types `rows` into a tab of a shared sheet (its form id) or of a unit's file (unit id), from row `fromRow` on, at `at`. */
  edit(key: string, tab: string, fromRow: number, rows: readonly TestCell[][], at: Date): Promise<void>;
  /** One column (0-based) of a tab, as text, row by row from row 1. */
  column(key: string, tab: string, column: number): Promise<string[]>;
  close(): Promise<void>;
}

export type MakeRuleSheets = (setup: RuleSheetsSetup) => Promise<RuleSheets>;

function sourcesOf(setup: RuleSheetsSetup, fileOf: (formId: string) => string): SharedSource[] {
  return setup.shared.map((s, i) => ({
    id: sharedSourceId(s.formId),
    formId: s.formId,
    file: fileOf(s.formId),
    tab: s.tab.name,
    unitColumn: 'Đơn vị',
    timeColumn: 'Dấu thời gian',
    rowNumber: i + 2,
  }));
}

/** Workbook files in one units folder: a unit's file is `<unit id>.xlsx`. */
export const workbookRuleSheets: MakeRuleSheets = async (setup) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tonghop-rule-sheets-'));
  const books = new Map<string, { file: string; tabs: TestTab[] }>();
  for (const s of setup.shared) books.set(s.formId, { file: s.file, tabs: [s.tab] });
  for (const u of setup.units) books.set(u.id, { file: `${u.id}.xlsx`, tabs: [...setup.unitTabs(u.id)] });
  for (const book of books.values()) await writeTestWorkbook(path.join(dir, book.file), book.tabs, setup.at);
  const fileOf = (key: string) => books.get(key)?.file ?? '';
  return {
    sources: sourcesOf(setup, fileOf),
    units: setup.units.map((u) => ({ ...u, source: fileOf(u.id) })),
    sheets: () => new UnitWorkbookFolder(dir),
    edit: async (key, tab, fromRow, rows, at) => {
      const book = books.get(key);
      const edited = book?.tabs.find((t) => t.name === tab);
      if (!book || !edited) throw new Error(`No tab '${tab}' in test file '${key}'`);
      const typed = [...edited.rows];
      rows.forEach((row, i) => (typed[fromRow - 1 + i] = [...row]));
      book.tabs = book.tabs.map((t) => (t === edited ? { ...t, rows: typed } : t));
      await writeTestWorkbook(path.join(dir, book.file), book.tabs, at);
    },
    column: async (key, tab, column) => {
      const found: string[] = [];
      sheetOf(await openWorkbook(path.join(dir, fileOf(key))), tab).eachRow(
        { includeEmpty: true },
        (row, n) => void (found[n - 1] = String(row.getCell(column + 1).value ?? '')),
      );
      return found;
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
};

/** Spreadsheets in the Google stand-in (the real googleapis client), edited as a person types, with the stand-in's clock. */
export const googleRuleSheets: MakeRuleSheets = async (setup) => {
  const { standin, setClock } = await standinWithClock(setup.at);
  const create = (title: string, tabs: readonly TestTab[]) =>
    standin.createSpreadsheet({ title, parents: [TEST_FOLDER_ID], tabs: tabs.map((t) => ({ ...t })) });
  const ids = new Map<string, string>([
    ...setup.shared.map((s) => [s.formId, create(s.title, [s.tab])] as const),
    ...setup.units.map((u) => [u.id, create(`Báo cáo ${u.id}`, setup.unitTabs(u.id))] as const),
  ]);
  const idOf = (key: string) => ids.get(key) ?? '';
  return {
    sources: sourcesOf(setup, idOf),
    units: setup.units.map((u) => ({ ...u, source: idOf(u.id) })),
    sheets: () => new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID),
    edit: async (key, tab, fromRow, rows, at) => {
      setClock(at);
      standin.editCells(
        idOf(key),
        tab,
        `A${fromRow}`,
        rows.map((r) => [...r]),
      );
    },
    column: async (key, tab, column) => standin.tabValues(idOf(key), tab).map((r) => String(r[column] ?? '')),
    close: () => standin.close(),
  };
};

/** Both adapters, for `describe.each`. */
export const RULE_SHEET_ADAPTERS: readonly (readonly [string, MakeRuleSheets])[] = [
  ['workbook files in the units folder', workbookRuleSheets],
  ['Google spreadsheets (stand-in)', googleRuleSheets],
];
