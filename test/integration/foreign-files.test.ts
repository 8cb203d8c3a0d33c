import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { readWorkbookTabs } from '../../functions/src/adapters/xlsx/read-workbook.js';
import { addBarCharts } from '../../functions/src/adapters/workbook/xlsx-chart.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import {
  UnitFileNotRewritableError,
  writeUnitFeedback,
} from '../../functions/src/adapters/workbook/write-unit-feedback.js';
import { isPendingFormula, PENDING_FORMULA_REASON, type RawCell } from '../../functions/src/domain/cells/raw-cell.js';
import { STANDING_TAB, type UnitFeedback } from '../../functions/src/domain/feedback/unit-feedback.js';
import { compileForm, type CompiledForm } from '../../functions/src/domain/forms/compile-form.js';
import { readFormTab } from '../../functions/src/domain/forms/read-form-tab.js';
import { SheetReadError } from '../../functions/src/domain/sheets/sheet-read-error.js';
import { noteRefs, readPackage } from '../support/xlsx-cells.js';
import { useTempDir } from '../support/builders.js';

/** Files made by the programs schools use (test/fixtures/foreign/README.md says how), each with its expected reading. */
const FIXTURES = path.resolve('test/fixtures/foreign');
const MADE_BY = ['libreoffice-1904', 'openpyxl-comments-formulas', 'openpyxl-resaved-template'] as const;

interface Expected {
  readonly madeBy: string;
  readonly tab: string;
  readonly formId: string;
  readonly headerRowNumber: number;
  readonly date1904: string | null;
  /** Whether the tab is set to print on one page (fitToPage). */
  readonly printsOnOnePage: boolean;
  /** Raw cells by row number; a date is { "date": "yyyy-mm-dd" }, a formula without result { "formula": "…" }. */
  readonly rows: Record<string, unknown[]>;
  readonly validRows: number[];
  /** Rejected row → fragments its messages must contain. */
  readonly rejected: Record<string, string[]>;
  /** Total rows and signature blocks under the table. */
  readonly footerRows?: number[];
}

/** A date we write into the standing tab: in a 1904 workbook it must read back the same. */
const DUE = new Date(Date.UTC(2023, 11, 14));

const dir = useTempDir('tonghop-foreign');
let forms: Map<string, CompiledForm>;

beforeAll(async () => {
  forms = new Map((await loadBuiltinForms()).map((spec) => [spec.id, compileForm(spec)]));
});

async function expectedOf(name: string): Promise<Expected> {
  return JSON.parse(await readFile(path.join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
}

function asJson(cell: RawCell): unknown {
  if (cell instanceof Date) return { date: cell.toISOString().slice(0, 10) };
  return cell === undefined ? null : cell;
}

function feedbackFor(expected: Expected): UnitFeedback {
  const statusByRow = new Map<number, string>(expected.validRows.map((row) => [row, '✓ Hợp lệ']));
  for (const row of Object.keys(expected.rejected)) statusByRow.set(Number(row), 'Dòng chưa hợp lệ, xem thông báo');
  return {
    unitId: 'lien-doi-thu',
    tabs: [{ tab: expected.tab, headerRowNumber: expected.headerRowNumber, statusByRow }],
    standing: {
      title: ['Tình hình nộp báo cáo'],
      columns: [
        { header: 'Biểu mẫu', format: 'text' },
        { header: 'Hạn nộp', format: 'date' },
      ],
      rows: [['Kế hoạch nhỏ 65 năm', DUE]],
    },
  };
}

describe.each(MADE_BY)('%s.xlsx', (name) => {
  it('reads every value the unit typed, dates in the file’s own date system', async () => {
    const expected = await expectedOf(name);
    const tabs = await readWorkbookTabs(await readFile(path.join(FIXTURES, `${name}.xlsx`)), `${name}.xlsx`);
    const tab = tabs.find((t) => t.name === expected.tab);
    expect(tab).toBeDefined();
    const rows = Object.fromEntries((tab?.rows ?? []).map((row) => [String(row.rowNumber), row.cells.map(asJson)]));
    expect(rows).toEqual(expected.rows);
  });

  it('validates the rows: a formula without result is refused naming its cell, never read as empty', async () => {
    const expected = await expectedOf(name);
    const tabs = await readWorkbookTabs(await readFile(path.join(FIXTURES, `${name}.xlsx`)), `${name}.xlsx`);
    const form = forms.get(expected.formId);
    const tab = tabs.find((t) => t.name === expected.tab);
    if (!form || !tab) throw new Error(`fixture ${name}: no form ${expected.formId} or tab ${expected.tab}`);
    const reading = readFormTab(form, tab);
    expect(reading.valid.map((row) => row.rowNumber)).toEqual(expected.validRows);
    expect(reading.rejected.map((row) => row.rowNumber)).toEqual(Object.keys(expected.rejected).map(Number));
    // The "Tổng cộng" row is the table's footer: left out, whatever its cells hold.
    expect(reading.footer.map((row) => row.rowNumber)).toEqual(expected.footerRows ?? []);
    // Every formula without a result in a data row is said once, with the fix; none became a blank cell.
    const footer = new Set(reading.footer.map((row) => row.rowNumber));
    const pending = tab.rows
      .filter((row) => !footer.has(row.rowNumber))
      .flatMap((row) => row.cells.filter(isPendingFormula)).length;
    const said = reading.rejected
      .flatMap((row) => row.errors)
      .filter((e) => e.message.includes(PENDING_FORMULA_REASON)).length;
    expect(said).toBe(pending);
    for (const row of reading.rejected) {
      const text = row.errors.map((e) => e.message).join('\n');
      for (const fragment of expected.rejected[String(row.rowNumber)] ?? []) expect(text).toContain(fragment);
    }
  });

  it('writes statuses back without changing any cell the unit typed, its date system or its print settings', async () => {
    const expected = await expectedOf(name);
    const file = path.join(dir(), `${name}.xlsx`);
    await copyFile(path.join(FIXTURES, `${name}.xlsx`), file);
    const bytesBefore = await readFile(file);
    const before = await readPackage(bytesBefore);
    const written = await writeUnitFeedback(file, feedbackFor(expected));
    expect(written.changed).toBe(true);

    const after = await readPackage(await readFile(file));
    expect(after.date1904).toBe(expected.date1904 ?? undefined);
    expect(after.date1904).toBe(before.date1904);
    // Every cell of every tab the unit has, compared with the package as it was: value, type, formula, number format.
    for (const [tabName, tab] of before.tabs) {
      const savedTab = after.tabs.get(tabName);
      expect(savedTab, tabName).toBeDefined();
      for (const [ref, cell] of tab.cells)
        expect({ tabName, ref, cell: savedTab?.cells.get(ref) }).toEqual({ tabName, ref, cell });
    }
    const original = before.tabs.get(expected.tab);
    const saved = after.tabs.get(expected.tab);
    if (!original || !saved) throw new Error(`tab ${expected.tab} missing`);
    expect(original.cells.size).toBeGreaterThan(15);
    // Only status cells (column I) were added to the form tab, plus the standing tab.
    const added = [...saved.cells.keys()].filter((ref) => !original.cells.has(ref));
    expect(added.every((ref) => ref.startsWith('I'))).toBe(true);
    expect(added.length).toBeGreaterThan(0);
    expect([...after.tabs.keys()]).toContain(STANDING_TAB);

    expect(fitsToPage(original.sheetXml)).toBe(expected.printsOnOnePage);
    expect(fitsToPage(saved.sheetXml)).toBe(expected.printsOnOnePage);
    expect(printSettings(saved.sheetXml)).toEqual(printSettings(original.sheetXml));
    expect(rangesOf(saved.sheetXml, 'mergeCell', 'ref')).toEqual(rangesOf(original.sheetXml, 'mergeCell', 'ref'));
    expect(rangesOf(saved.sheetXml, 'dataValidation', 'sqref')).toEqual(
      rangesOf(original.sheetXml, 'dataValidation', 'sqref'),
    );
    // The header notes stay (plus the one on a status header we add).
    const notesBefore = await noteRefs(bytesBefore);
    expect(notesBefore.length).toBeGreaterThan(0);
    expect(await noteRefs(await readFile(file))).toEqual(expect.arrayContaining(notesBefore));
    // The unit's own column widths stay; the status column we add (I) gets its width, if the file had none.
    const statusCol = (col: string) => col.startsWith('9-9:');
    expect(colsOf(saved.sheetXml).filter((col) => !statusCol(col))).toEqual(
      colsOf(original.sheetXml).filter((col) => !statusCol(col)),
    );
    expect(colsOf(saved.sheetXml).filter(statusCol)).toEqual(
      colsOf(original.sheetXml).some(statusCol) ? colsOf(original.sheetXml).filter(statusCol) : ['9-9:40'],
    );
    expect(conditionalRanges(saved.sheetXml)).toEqual(conditionalRanges(original.sheetXml));
    // <sheetPr> children in schema order (exceljs writes pageSetUpPr first).
    expect(saved.sheetXml).not.toMatch(/<pageSetUpPr\b[^>]*\/><outlinePr/);

    const reread = await readWorkbookTabs(await readFile(file), `${name}.xlsx`);
    const rows = Object.fromEntries(
      (reread.find((t) => t.name === expected.tab)?.rows ?? []).map((row) => [
        String(row.rowNumber),
        row.cells.slice(0, 8).map(asJson),
      ]),
    );
    const firstEight = (cells: readonly unknown[] | undefined) =>
      [...(cells ?? []), ...Array<null>(8).fill(null)].slice(0, 8);
    for (const [row, cells] of Object.entries(expected.rows)) expect(firstEight(rows[row])).toEqual(firstEight(cells));
    const standing = reread.find((t) => t.name === STANDING_TAB)?.rows.flatMap((row) => row.cells) ?? [];
    // The standing tab shows instants as Vietnam wall-clock time (UTC+7); a 1904 slip would be 1,462 days.
    expect(standing.filter((cell) => cell instanceof Date).map((cell) => (cell as Date).toISOString())).toEqual([
      '2023-12-14T07:00:00.000Z',
    ]);
  });
});

describe('files that are not .xlsx workbooks', () => {
  it.each([
    ['libreoffice-excel97.xls', 'là tệp Excel đời cũ (.xls)', 'Excel Workbook (.xlsx)'],
    [
      'libreoffice-ods-renamed.xlsx',
      'là bảng tính OpenDocument (.ods) được đổi tên thành .xlsx',
      'Excel 2007-365 (.xlsx)',
    ],
  ])('%s gets its own message saying how to save it as .xlsx', async (name, what, fix) => {
    const reading = readWorkbookTabs(await readFile(path.join(FIXTURES, name)), name);
    await expect(reading).rejects.toThrow(SheetReadError);
    await expect(reading).rejects.toThrow(what);
    await expect(reading).rejects.toThrow(fix);
  });

  it('a password-protected .xlsx (made by msoffcrypto-tool as Excel encrypts) is told to remove the password and resend', async () => {
    // libreoffice-1904.xlsx encrypted with ECMA-376 agile encryption (recipes/password-protected.sh).
    const reading = readWorkbookTabs(
      await readFile(path.join(FIXTURES, 'libreoffice-1904-password.xlsx')),
      'bao-cao.xlsx',
    );
    await expect(reading).rejects.toThrow(SheetReadError);
    await expect(reading).rejects.toThrow("Tệp 'bao-cao.xlsx' được đặt mật khẩu nên hệ thống không mở được");
    await expect(reading).rejects.toThrow('gỡ mật khẩu');
    await expect(reading).rejects.toThrow('gửi lại');
  });
});

describe('a file exceljs cannot save back without loss', () => {
  it('is refused and left byte for byte as it was', async () => {
    const expected = await expectedOf('libreoffice-1904');
    const withChart = await addBarCharts(await readFile(path.join(FIXTURES, 'libreoffice-1904.xlsx')), [
      {
        sheetName: expected.tab,
        title: 'Số đội viên',
        categories: { firstRow: 4, lastRow: 6, column: 3 },
        series: [{ name: 'Số đội viên', firstRow: 4, lastRow: 6, column: 5 }],
        anchor: { fromColumn: 9, fromRow: 2, toColumn: 15, toRow: 18 },
      },
    ]);
    const file = path.join(dir(), 'co-bieu-do.xlsx');
    await writeFile(file, withChart);
    await expect(writeUnitFeedback(file, feedbackFor(expected))).rejects.toThrow(UnitFileNotRewritableError);
    await expect(writeUnitFeedback(file, feedbackFor(expected))).rejects.toMatchObject({ lost: 'biểu đồ' });
    expect((await readFile(file)).equals(withChart)).toBe(true);

    // Through the folder adapter the unit gets a Vietnamese 'refused' outcome, so statuses go to the summary and mail.
    const folder = new UnitWorkbookFolder(dir());
    const unit = {
      id: 'lien-doi-thu',
      name: 'Liên đội Trường THCS Hoa Sen',
      type: 'lien-doi',
      level: '',
      cluster: '',
      contacts: [],
      source: 'co-bieu-do.xlsx',
    } as const;
    const fingerprint = await folder.fingerprint({ ...unit, contacts: [] });
    if (!fingerprint) throw new Error('fixture file missing');
    const outcome = await folder.write({ ...unit, contacts: [] }, feedbackFor(expected), fingerprint);
    expect(outcome).toEqual({
      outcome: 'refused',
      message: expect.stringContaining(
        "Không ghi trạng thái từng dòng vào tệp 'co-bieu-do.xlsx' của Liên đội Trường THCS Hoa Sen: tệp có biểu đồ",
      ),
    });
    expect((await readFile(file)).equals(withChart)).toBe(true);
  });
});

function fitsToPage(sheetXml: string): boolean {
  return /<pageSetUpPr\b[^>]*fitToPage="(1|true)"/.test(sheetXml);
}

/** The ranges of every `element` (merged cells, validations), sorted: exceljs may reorder them. */
function rangesOf(sheetXml: string, element: string, attribute: string): string[] {
  return [...sheetXml.matchAll(new RegExp(`<${element}\\b[^>]*\\b${attribute}="([^"]*)"`, 'g'))]
    .map((m) => m[1] ?? '')
    .sort();
}

/** Page setup and margins that decide how the tab prints, as numbers where the file writes numbers. */
function printSettings(sheetXml: string): Record<string, string | undefined> {
  const pick = (element: string, names: string[]) => {
    const attributes = new RegExp(`<${element}\\b([^>]*)/>`).exec(sheetXml)?.[1] ?? '';
    return names.map(
      (name) => [`${element}.${name}`, new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1]] as const,
    );
  };
  const setup = Object.fromEntries(
    pick('pageSetup', ['orientation', 'paperSize', 'fitToWidth', 'fitToHeight', 'scale']).map(([k, v]) => [
      k.replace('pageSetup.', ''),
      v,
    ]),
  );
  return {
    ...setup,
    scale: setup.scale ?? '100' /* the schema's default */,
    ...Object.fromEntries(pick('pageMargins', ['left', 'right', 'top', 'bottom', 'header', 'footer'])),
  };
}

function colsOf(sheetXml: string): string[] {
  return [...sheetXml.matchAll(/<col\b([^>]*)\/>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1] ?? '')?.[1];
    return `${attr('min')}-${attr('max')}:${Number(attr('width'))}`;
  });
}

function conditionalRanges(sheetXml: string): string[] {
  return [...sheetXml.matchAll(/<conditionalFormatting\b[^>]*sqref="([^"]*)"/g)].map((m) => m[1] ?? '');
}
