import { localizePlan } from '../../functions/src/domain/plans/district-placeholders.js';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { readControlWorkbook } from '../../functions/src/adapters/workbook/read-control-workbook.js';
import { readWorkbookTabs } from '../../functions/src/adapters/xlsx/read-workbook.js';
import { HEADER_ROW } from '../../functions/src/adapters/workbook/write-form-sheet.js';
import { compileForm } from '../../functions/src/domain/forms/compile-form.js';
import { findTab, readFormTab, type TabReading } from '../../functions/src/domain/forms/read-form-tab.js';
import { applyCrossFormRules } from '../../functions/src/domain/rules/apply-cross-form-rules.js';
import { SETTINGS_TAB, UNITS_TAB_SPEC } from '../../functions/src/domain/units/control-layout.js';
import { formsForUnit } from '../../functions/src/domain/units/targets.js';
import { buildDemoDistrict, DEMO_NOW, specsAsWritten } from '../../functions/src/demo/demo-district.js';
import { writeDemoDistrict, type WrittenDemoDistrict } from '../../functions/src/demo/write-demo-district.js';
import { PLAN_TAB_SPECS } from '../../functions/src/domain/plans/plan-layout.js';
import { demoFinanceSource, FINANCE_BOOK_FILE } from '../../functions/src/demo/demo-finance.js';
import { demoCouncilSources } from '../../functions/src/demo/demo-council.js';
import { useTempDir } from '../support/builders.js';

const specs = await loadBuiltinForms();
const district = buildDemoDistrict(specs);
const root = useTempDir('tonghop-demo');
let dir: string;
let written: WrittenDemoDistrict;
const progress: [number, number][] = [];

/** Bytes hash and mtime of every file under the demo folder. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const result: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(file);
    result[path.relative(folder, file)] =
      `${createHash('sha256').update(bytes).digest('hex')} ${(await stat(file)).mtimeMs}`;
  }
  return result;
}

beforeAll(async () => {
  dir = path.join(root(), 'demo');
  written = await writeDemoDistrict(dir, district, { onProgress: (done, total) => progress.push([done, total]) });
});

describe('writeDemoDistrict', () => {
  it('writes control.xlsx and one file per unit that sent one', async () => {
    expect(written.created).toBe(true);
    expect(written.controlPath).toBe(path.join(dir, 'control.xlsx'));
    const sent = district.workbooks.filter((w) => w.scenario !== 'missing').map((w) => `${w.unitId}.xlsx`);
    // Hội đồng Đội's and the finance desk's books sit with the unit files: the control reads them as shared sources.
    const books = [...district.council.books.map((b) => b.file), FINANCE_BOOK_FILE];
    expect(books).toHaveLength(3);
    expect((await readdir(written.unitsDir)).sort()).toEqual([...sent, ...books].sort());
    expect(written.files).toHaveLength(sent.length + 1);
    expect(progress.at(-1)).toEqual([district.units.length, district.units.length]);
  });

  it('writes a control workbook with the tabs and headers of control-layout.ts that reads back as the district', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(written.controlPath);
    const headers = (tab: string, row: number) =>
      (workbook.getWorksheet(tab)?.getRow(row).values as unknown[] | undefined)?.slice(1);
    expect(headers(UNITS_TAB_SPEC.tab, 3)).toEqual(UNITS_TAB_SPEC.columns.map((c) => c.header));
    for (const spec of PLAN_TAB_SPECS) expect(headers(spec.tab, 3)).toEqual(spec.columns.map((c) => c.header));
    expect(headers(SETTINGS_TAB, 1)).toEqual(['Tên đơn vị tổng hợp', 'Quận Đoàn 1']);
    const reading = await readControlWorkbook(written.controlPath);
    expect(reading.problems).toEqual([]);
    expect(reading.units).toEqual(district.units);
    expect(reading.settings).toEqual(district.settings);
    // The demo's control workbook defines every plan the district uses: nothing is read from code at run time.
    // Catalog text names the district by placeholders, filled from its own settings when read.
    // The receipts plan (added 12/09) and the plan issued near "now" come last: the district added their rows to the plan tabs.
    expect(reading.plans.plans).toEqual(
      [...district.specs, district.finance.spec, district.issued.spec].map((spec) =>
        localizePlan(spec, district.settings),
      ),
    );
    expect(reading.sharedSources).toEqual([
      ...demoCouncilSources(district.council),
      demoFinanceSource(district.finance, 2 + district.council.books.length),
    ]);
  });

  it('writes the corrupt unit as bytes that are not a zip', async () => {
    const corrupt = district.workbooks.find((w) => w.scenario === 'corrupt');
    const bytes = await readFile(path.join(written.unitsDir, `${corrupt?.unitId}.xlsx`));
    expect(bytes.subarray(0, 2).toString('latin1')).not.toBe('PK');
    await expect(new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer)).rejects.toThrow();
  });

  it('sets each unit file mtime to when it was sent and the control file to when the new plan was issued', async () => {
    for (const workbook of district.workbooks) {
      if (workbook.sentAt === null) continue;
      expect(
        (await stat(path.join(written.unitsDir, `${workbook.unitId}.xlsx`))).mtime.getTime(),
        workbook.unitId,
      ).toBe(workbook.sentAt.getTime());
    }
    expect((await stat(written.controlPath)).mtime.getTime()).toBe(district.issued.at.getTime());
  });

  it('lays out each unit workbook as its scenario says, and the sweep reading rejects exactly the planted rows', async () => {
    for (const workbook of district.workbooks.filter((w) => w.scenario !== 'missing' && w.scenario !== 'corrupt')) {
      const file = path.join(written.unitsDir, `${workbook.unitId}.xlsx`);
      const tabs = await readWorkbookTabs(await readFile(file), path.basename(file));
      const unit = district.units.find((u) => u.id === workbook.unitId);
      const readings = new Map<string, TabReading>();
      const issued = workbook.rowsByFormId.has(district.issued.spec.id) ? [district.issued.spec] : [];
      const owed = unit ? [...formsForUnit(specs, unit, district.units), ...issued] : [];
      for (const spec of owed) {
        const tab = findTab(tabs, spec.tab);
        if (workbook.missingTabFormIds.includes(spec.id)) {
          expect(tab, `${workbook.unitId} should lack ${spec.tab}`).toBeUndefined();
          continue;
        }
        if (!tab) throw new Error(`${workbook.unitId}: tab ${spec.tab} missing`);
        const reading = readFormTab(compileForm(spec), tab);
        expect(reading.headerRowNumber).toBe(HEADER_ROW);
        expect(reading.rowsRead).toBe(workbook.rowsByFormId.get(spec.id)?.length);
        readings.set(spec.id, reading);
      }
      // Then seed 003's rules across forms, as the sweep applies them.
      const ruled = applyCrossFormRules(readings, new Map(owed.map((s) => [s.id, s])));
      const rejected = [...ruled.values()].reduce((n, r) => n + r.reading.rejected.length, 0);
      expect({ unit: workbook.unitId, rejected }).toEqual({
        unit: workbook.unitId,
        rejected: workbook.expectedRejectedRows,
      });
    }
    const renamed = district.workbooks.find((w) => w.scenario === 'renamed-header');
    const tab = renamed && specsAsWritten(district, renamed).find((s) => s.id === renamed.renamedHeader?.formId);
    expect(tab?.columns.map((c) => c.header)).toContain('Liên lạc');
  });

  it('gives each typed row a height its wrapped text fits in, as Excel grows a row when a unit types it', async () => {
    let tall = 0;
    for (const workbook of district.workbooks.filter((w) => w.scenario !== 'missing' && w.scenario !== 'corrupt')) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path.join(written.unitsDir, `${workbook.unitId}.xlsx`));
      for (const spec of specsAsWritten(district, workbook)) {
        const sheet = book.getWorksheet(spec.tab);
        (workbook.rowsByFormId.get(spec.id) ?? []).forEach((cells, i) => {
          const row = sheet?.getRow(HEADER_ROW + 1 + i);
          // A text longer than its column is wide wraps (some units type decomposed accents: count letters); two lines must show.
          const longest = Math.max(
            0,
            ...cells.map((c, k) =>
              typeof c === 'string' ? [...c.normalize('NFC')].length / (sheet?.getColumn(k + 1).width ?? 8) : 0,
            ),
          );
          if (longest <= 1.3) return;
          tall += 1;
          expect(row?.height ?? 0, `${workbook.unitId} ${spec.tab} row ${HEADER_ROW + 1 + i}`).toBeGreaterThanOrEqual(
            30,
          );
        });
      }
    }
    // The 30-phút reports' "Nội dung" and "Địa điểm" are long: the check looked at many rows.
    expect(tall).toBeGreaterThan(50);
  });

  it("gives the new plan's tab, filled, only to the 2–3 Liên đội that sent it, one with a wrong row", async () => {
    const { spec, at } = district.issued;
    const senders = district.workbooks.filter((w) => w.rowsByFormId.has(spec.id));
    expect(senders.length).toBeGreaterThanOrEqual(2);
    expect(senders.length).toBeLessThanOrEqual(3);
    for (const workbook of senders) {
      expect(district.units.find((u) => u.id === workbook.unitId)?.type).toBe('lien-doi');
      expect(workbook.deliveries.find((d) => d.formId === spec.id)).toMatchObject({ late: false });
      expect(workbook.sentAt !== null && workbook.sentAt > at && workbook.sentAt <= DEMO_NOW).toBe(true);
    }
    expect(senders.flatMap((w) => w.mistakes.filter((m) => m.formId === spec.id))).toHaveLength(1);
    for (const workbook of district.workbooks.filter(
      (w) => w.sentAt !== null && w.scenario !== 'corrupt' && !senders.includes(w),
    )) {
      const tabs = await readWorkbookTabs(
        await readFile(path.join(written.unitsDir, `${workbook.unitId}.xlsx`)),
        'x.xlsx',
      );
      expect(findTab(tabs, spec.tab), workbook.unitId).toBeUndefined();
    }
  });

  it('changes nothing when run again without reset', async () => {
    const before = await snapshot(dir);
    const again = await writeDemoDistrict(dir, buildDemoDistrict(specs, 99));
    expect(again.created).toBe(false);
    expect(again.controlPath).toBe(written.controlPath);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('starts over with reset, and refuses to wipe a folder it did not make', async () => {
    const other = buildDemoDistrict(specs, 99);
    const again = await writeDemoDistrict(dir, other, { reset: true });
    expect(again.created).toBe(true);
    expect((await readdir(again.unitsDir)).sort()).toEqual(
      [
        ...other.workbooks.filter((w) => w.sentAt !== null).map((w) => `${w.unitId}.xlsx`),
        ...other.council.books.map((b) => b.file),
        FINANCE_BOOK_FILE,
      ].sort(),
    );

    const foreign = path.join(root(), 'foreign');
    await mkdir(foreign);
    await writeFile(path.join(foreign, 'ghi-chu.txt'), 'không phải thư mục mẫu');
    await expect(writeDemoDistrict(foreign, district, { reset: true })).rejects.toThrow(/Refusing to reset/);
    expect(await readdir(foreign)).toEqual(['ghi-chu.txt']);
  });
});

// The history replay (writeDemoDistrict with a sweep) is checked in demo-history.test.ts, on the one replay it sweeps into Firestore.
