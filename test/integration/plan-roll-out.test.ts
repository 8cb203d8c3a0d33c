import { copyFile, readFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { HELP_SHEET, LISTS_SHEET } from '../../functions/src/adapters/workbook/write-form-sheet.js';
import { writeFormTemplates, writeUnitWorkbook } from '../../functions/src/adapters/workbook/write-templates.js';
import { STANDING_TAB } from '../../functions/src/domain/feedback/unit-feedback.js';
import { formSpecSchema, type FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import { STATUS_HEADER } from '../../functions/src/domain/forms/header-match.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { summarize, type SummarizeResult } from '../../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { openWorkbook, sheetOf } from '../support/workbooks.js';
import { readPackage } from '../support/xlsx-cells.js';
import { testUnit, useTempDir } from '../support/builders.js';

/**
 * Roll-out without code, workbook mode (issue 12): a plan added to the control later gets its blank
 * tab in every targeted unit's workbook at the next sweep, as the template has it, and nothing else
 * of the unit's workbook changes: not its own tabs, not files made by LibreOffice or openpyxl.
 */

const FIXTURES = path.resolve('test/fixtures/foreign');
const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const NOW = new Date('2024-09-23T02:00:00Z');
const EXISTING = builtinForm('ke-hoach-nho-65-nam');
const NEW_TAB = 'Ra quân tháng 10';

/** The plan issued later: a report with a date, a time, a money and a dropdown column, for liên đội only. */
const NEW_PLAN: FormSpec = formSpecSchema.parse({
  id: 'bao-cao-ra-quan-thang-10',
  title: 'Báo cáo kết quả ra quân Tháng 10',
  issuer: 'Quận Đoàn',
  kind: 'report',
  tab: NEW_TAB,
  columns: [
    { key: 'stt', header: 'STT', type: 'int', counter: true },
    { key: 'hoatDong', header: 'Tên hoạt động', type: 'text', required: true },
    { key: 'ngay', header: 'Ngày tổ chức', type: 'date', required: true },
    { key: 'gio', header: 'Giờ bắt đầu', type: 'time' },
    { key: 'kinhPhi', header: 'Kinh phí', type: 'money' },
    { key: 'hinhThuc', header: 'Hình thức', type: 'enum', options: [{ value: 'Trực tiếp' }, { value: 'Trực tuyến' }] },
  ],
  period: { type: 'once', due: { date: '2024-09-27' } },
  targets: { unitTypes: ['lien-doi'] },
});
/** A plan already closed ('Đã đóng') when it reaches the control: never rolled out. */
const CLOSED_PLAN: FormSpec = formSpecSchema.parse({
  ...NEW_PLAN,
  id: 'bao-cao-trung-thu',
  title: 'Báo cáo Tết Trung thu',
  tab: 'Trung thu',
  period: { type: 'once', due: { date: '2024-09-20' } },
});

const unit = (id: string, type: Unit['type'] = 'lien-doi'): Unit => testUnit(id, { type, level: 'THCS' });
/** a: the system's own workbook; lo, py: files LibreOffice and openpyxl saved; cd: a chi đoàn (outside Đối tượng); late: changes its file under us. */
const UNITS = [unit('a'), unit('lo'), unit('py'), unit('cd', 'chi-doan'), unit('late')];
const UNIT_TABS = new Set(['Kế hoạch nhỏ 65 năm']);

describe('workbook roll-out of a plan added later', () => {
  const firestore = testFirestore('plan-roll-out');
  const dir = useTempDir('tonghop-roll-out');
  let folder: UnitWorkbookFolder;
  const before = new Map<string, Buffer>();
  let rolledOut: SummarizeResult;

  const run = async (forms: readonly FormSpec[], betweenSweepAndSummary?: () => Promise<void>) => {
    await sweep({ units: UNITS, forms, source: folder, store: new FirestoreSweepStore(firestore.db), now: NOW });
    await betweenSweepAndSummary?.();
    return summarize({
      settings: SETTINGS,
      units: UNITS,
      forms,
      closedForms: new Set([CLOSED_PLAN.id]),
      store: new FirestoreSummaryStore(firestore.db),
      feedback: folder,
      now: NOW,
    });
  };
  const bytesOf = (id: string) => readFile(path.join(dir(), `${id}.xlsx`));

  beforeAll(async () => {
    folder = new UnitWorkbookFolder(dir());
    const sent = new Date('2023-12-10T02:00:00Z');
    const row = [
      1,
      'Thu gom giấy vụn, phế liệu',
      'Thu gom giấy vụn lớp 6A1',
      new Date(Date.UTC(2023, 11, 8)),
      35,
      1_200_000,
      40.5,
      null,
    ];
    for (const id of ['a', 'cd', 'late'])
      await writeUnitWorkbook(
        path.join(dir(), `${id}.xlsx`),
        `Liên đội ${id}`,
        [EXISTING],
        new Map([[EXISTING.id, [row]]]),
      );
    await copyFile(path.join(FIXTURES, 'libreoffice-1904.xlsx'), path.join(dir(), 'lo.xlsx'));
    await copyFile(path.join(FIXTURES, 'openpyxl-resaved-template.xlsx'), path.join(dir(), 'py.xlsx'));
    for (const u of UNITS) await utimes(path.join(dir(), u.source), sent, sent);
    // Before the plan exists: the units' files get their statuses, and nothing else is to be added.
    const first = await run([EXISTING]);
    expect(first.feedback.tabsAdded).toEqual([]);
    for (const u of UNITS) before.set(u.id, await bytesOf(u.id));
    // The district adds two plans; the late unit saves its file between the sweep and the summary.
    rolledOut = await run([EXISTING, NEW_PLAN, CLOSED_PLAN], async () => {
      const file = path.join(dir(), 'late.xlsx');
      await writeUnitWorkbook(
        file,
        'Liên đội late',
        [EXISTING],
        new Map([
          [
            EXISTING.id,
            [
              row,
              [
                2,
                'Thu gom giấy vụn, phế liệu',
                'Thu gom giấy vụn lớp 7A2',
                new Date(Date.UTC(2023, 11, 9)),
                20,
                800_000,
                22,
                null,
              ],
            ],
          ],
        ]),
      );
    });
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('gives each targeted unit the blank tab as the template has it, after its form tabs, and counts the units', async () => {
    expect(rolledOut.feedback.tabsAdded).toEqual(
      ['a', 'lo', 'py'].map((unitId) => ({ unitId, formIds: [NEW_PLAN.id] })),
    );
    const templateDir = path.join(dir(), 'template');
    const [templateFile] = await writeFormTemplates([NEW_PLAN], templateDir);
    const template = (await readPackage(await readFile(templateFile ?? ''))).tabs.get(NEW_TAB);
    if (!template) throw new Error('template tab missing');
    for (const id of ['a', 'lo', 'py']) {
      const after = await readPackage(await bytesOf(id));
      const tab = after.tabs.get(NEW_TAB);
      if (!tab) throw new Error(`${id}: no tab ${NEW_TAB}`);
      // Same cells (header with the status column, titles, formats) but the unit's name in the title line.
      const cells = (view: typeof tab) => [...view.cells].filter(([ref]) => ref !== 'A3');
      expect(cells(tab)).toEqual(cells(template));
      expect(tab.cells.get('A3')?.value).toMatch(/^Đơn vị: Liên đội \w+ — Hạn nộp: /);
      expect(tab.cells.get('G5')?.value).toBe(STATUS_HEADER);
      // Dropdowns and number checks cover the same ranges as in the template; formats are the template's column formats.
      expect(tagRanges(tab.sheetXml, 'dataValidation', 'sqref')).toEqual(
        tagRanges(template.sheetXml, 'dataValidation', 'sqref'),
      );
      expect(tagRanges(tab.sheetXml, 'dataValidation', 'sqref').length).toBeGreaterThan(0);
      expect(colsOf(tab.sheetXml)).toEqual(colsOf(template.sheetXml));
      const names = [...after.tabs.keys()];
      expect(names.indexOf(NEW_TAB)).toBe(names.indexOf('Kế hoạch nhỏ 65 năm') + 1);
      expect(names.indexOf(NEW_TAB)).toBeLessThan(names.indexOf(STANDING_TAB));
    }
    const templateColumns = columnFormats(sheetOf(await openWorkbook(templateFile ?? ''), NEW_TAB));
    expect(templateColumns.filter((f) => f !== undefined).length).toBeGreaterThan(1);
    for (const id of ['a', 'lo', 'py'])
      expect(columnFormats(sheetOf(await openWorkbook(path.join(dir(), `${id}.xlsx`)), NEW_TAB))).toEqual(
        templateColumns,
      );
    // The dropdown's list points into the hidden lists tab, which holds its values.
    const workbook = await openWorkbook(path.join(dir(), 'a.xlsx'));
    const validation = sheetOf(workbook, NEW_TAB).getCell('F6').dataValidation;
    expect(validation.type).toBe('list');
    const lists = sheetOf(workbook, LISTS_SHEET);
    expect(lists.state).toBe('hidden');
    expect(
      lists
        .getColumn(Number(/\$([A-Z]+)\$1/.exec(String(validation.formulae?.[0]))?.[1]?.charCodeAt(0)) - 64)
        .values.slice(1),
    ).toEqual(['Trực tiếp', 'Trực tuyến']);
  });

  it('leaves every other tab of the unit as it was: cells, sheet settings, defined names; the help tab only grows', async () => {
    for (const id of ['a', 'lo', 'py']) {
      const earlier = await readPackage(before.get(id) ?? Buffer.alloc(0));
      const after = await readPackage(await bytesOf(id));
      for (const [name, tab] of earlier.tabs) {
        if (name === STANDING_TAB) continue;
        const saved = after.tabs.get(name);
        if (name === HELP_SHEET || name === LISTS_SHEET) {
          for (const [ref, cell] of tab.cells)
            expect({ id, name, ref, cell: saved?.cells.get(ref) }).toEqual({ id, name, ref, cell });
          continue;
        }
        expect(UNIT_TABS.has(name), `${id}: unexpected tab ${name}`).toBe(true);
        expect({ id, name, cells: [...(saved?.cells ?? [])] }).toEqual({ id, name, cells: [...tab.cells] });
        expect({ id, name, xml: saved?.sheetXml }).toEqual({ id, name, xml: tab.sheetXml });
      }
      expect(after.date1904).toBe(earlier.date1904);
      expect(await definedNames(await bytesOf(id))).toEqual(await definedNames(before.get(id) ?? Buffer.alloc(0)));
    }
    const help = [...((await readPackage(await bytesOf('a'))).tabs.get(HELP_SHEET)?.cells.values() ?? [])].map(
      (c) => c.value,
    );
    expect(help).toContain(NEW_PLAN.title);
    expect(help.filter((v) => v === EXISTING.title)).toHaveLength(1);
  });

  it('does not add a closed plan, nor give the tab to a unit outside Đối tượng', async () => {
    for (const u of UNITS)
      expect([...(await readPackage(await bytesOf(u.id))).tabs.keys()]).not.toContain(CLOSED_PLAN.tab);
    const cd = await readPackage(await bytesOf('cd'));
    expect([...cd.tabs.keys()]).not.toContain(NEW_TAB);
  });

  it('drops the "chưa có trang" problem of a tab it added, and keeps it for a unit that has not been given it', async () => {
    const states = await new FirestoreSummaryStore(firestore.db).loadSourceStates();
    expect(states.get('a')?.problems.filter((p) => p.formId === NEW_PLAN.id)).toEqual([]);
    expect(states.get('late')?.problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining(`chưa có trang '${NEW_TAB}'`),
    );
  });

  it('never writes a file the unit changed under us; the next sweep gives it the tab, then adds nothing more', async () => {
    expect(rolledOut.feedback.unitsMovedOn).toBe(1);
    const lateBefore = await readPackage(await bytesOf('late'));
    expect([...lateBefore.tabs.keys()]).not.toContain(NEW_TAB);
    const next = await run([EXISTING, NEW_PLAN, CLOSED_PLAN]);
    expect(next.feedback.tabsAdded).toEqual([{ unitId: 'late', formIds: [NEW_PLAN.id] }]);
    expect([...(await readPackage(await bytesOf('late'))).tabs.keys()]).toContain(NEW_TAB);

    const settled = new Map<string, Buffer>();
    for (const u of UNITS) settled.set(u.id, await bytesOf(u.id));
    const again = await run([EXISTING, NEW_PLAN, CLOSED_PLAN]);
    expect(again.feedback).toMatchObject({ tabsAdded: [], unitsWritten: 0 });
    for (const u of UNITS) expect((await bytesOf(u.id)).equals(settled.get(u.id) ?? Buffer.alloc(0)), u.id).toBe(true);
  });
});

function tagRanges(xml: string, tag: string, attribute: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${attribute}="([^"]*)"`, 'g'))].map((m) => m[1] ?? '').sort();
}

function columnFormats(sheet: ExcelJS.Worksheet): (string | undefined)[] {
  return NEW_PLAN.columns.map((_, i) => sheet.getColumn(i + 1).numFmt);
}

function colsOf(xml: string): string {
  // Style ids differ from package to package; the formats behind them are compared through exceljs.
  return (/<cols>[\s\S]*?<\/cols>/.exec(xml)?.[0] ?? '').replace(/\sstyle="\d+"/g, '');
}

async function definedNames(bytes: Buffer): Promise<string> {
  const workbookXml = (await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')?.async('string')) ?? '';
  return /<definedNames>[\s\S]*?<\/definedNames>/.exec(workbookXml)?.[0] ?? '';
}
