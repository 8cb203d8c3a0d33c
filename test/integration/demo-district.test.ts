import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { readControlWorkbook } from '../../functions/src/adapters/workbook/read-control-workbook.js';
import { readWorkbookTabs } from '../../functions/src/adapters/workbook/read-workbook.js';
import { HEADER_ROW } from '../../functions/src/adapters/workbook/write-form-sheet.js';
import { compileForm } from '../../functions/src/domain/forms/compile-form.js';
import { findTab, readFormTab } from '../../functions/src/domain/forms/read-form-tab.js';
import { FORMS_TAB_SPEC, SETTINGS_TAB, UNITS_TAB_SPEC } from '../../functions/src/domain/units/control-layout.js';
import { formsForUnit } from '../../functions/src/domain/units/targets.js';
import { buildDemoDistrict, specsAsWritten } from '../../functions/src/jobs/demo/demo-district.js';
import { writeDemoDistrict, type WrittenDemoDistrict } from '../../functions/src/jobs/demo/write-demo-district.js';

const specs = await loadBuiltinForms();
const district = buildDemoDistrict(specs);
let root: string;
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
    result[path.relative(folder, file)] = `${createHash('sha256').update(bytes).digest('hex')} ${(await stat(file)).mtimeMs}`;
  }
  return result;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'tonghop-demo-'));
  dir = path.join(root, 'demo');
  written = await writeDemoDistrict(dir, district, { onProgress: (done, total) => progress.push([done, total]) });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeDemoDistrict', () => {
  it('writes control.xlsx and one file per unit that sent one', async () => {
    expect(written.created).toBe(true);
    expect(written.controlPath).toBe(path.join(dir, 'control.xlsx'));
    const sent = district.workbooks.filter((w) => w.scenario !== 'missing').map((w) => `${w.unitId}.xlsx`);
    expect((await readdir(written.unitsDir)).sort()).toEqual(sent.sort());
    expect(written.files).toHaveLength(sent.length + 1);
    expect(progress.at(-1)).toEqual([district.units.length, district.units.length]);
  });

  it('writes a control workbook with the tabs and headers of control-layout.ts that reads back as the district', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(written.controlPath);
    const headers = (tab: string, row: number) => (workbook.getWorksheet(tab)?.getRow(row).values as unknown[] | undefined)?.slice(1);
    expect(headers(UNITS_TAB_SPEC.tab, 3)).toEqual(UNITS_TAB_SPEC.columns.map((c) => c.header));
    expect(headers(FORMS_TAB_SPEC.tab, 3)).toEqual(FORMS_TAB_SPEC.columns.map((c) => c.header));
    expect(headers(SETTINGS_TAB, 1)).toEqual(['Tên đơn vị tổng hợp', 'Quận Đoàn 1']);
    const reading = await readControlWorkbook(written.controlPath);
    expect(reading.problems).toEqual([]);
    expect(reading.units).toEqual(district.units);
    expect(reading.settings).toEqual(district.settings);
  });

  it('writes the corrupt unit as bytes that are not a zip', async () => {
    const corrupt = district.workbooks.find((w) => w.scenario === 'corrupt');
    const bytes = await readFile(path.join(written.unitsDir, `${corrupt?.unitId}.xlsx`));
    expect(bytes.subarray(0, 2).toString('latin1')).not.toBe('PK');
    await expect(new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer)).rejects.toThrow();
  });

  it('sets each unit file mtime to when it was sent and the control file to a fixed instant', async () => {
    for (const workbook of district.workbooks) {
      if (workbook.sentAt === null) continue;
      expect((await stat(path.join(written.unitsDir, `${workbook.unitId}.xlsx`))).mtime.getTime(), workbook.unitId).toBe(workbook.sentAt.getTime());
    }
    expect((await stat(written.controlPath)).mtime.getTime()).toBe(district.controlModifiedAt.getTime());
  });

  it('lays out each unit workbook as its scenario says, and the sweep reading rejects exactly the planted rows', async () => {
    for (const workbook of district.workbooks.filter((w) => w.scenario !== 'missing' && w.scenario !== 'corrupt')) {
      const file = path.join(written.unitsDir, `${workbook.unitId}.xlsx`);
      const tabs = await readWorkbookTabs(await readFile(file), path.basename(file));
      const unit = district.units.find((u) => u.id === workbook.unitId);
      let rejected = 0;
      for (const spec of unit ? formsForUnit(specs, unit) : []) {
        const tab = findTab(tabs, spec.tab);
        if (workbook.missingTabFormIds.includes(spec.id)) {
          expect(tab, `${workbook.unitId} should lack ${spec.tab}`).toBeUndefined();
          continue;
        }
        if (!tab) throw new Error(`${workbook.unitId}: tab ${spec.tab} missing`);
        const reading = readFormTab(compileForm(spec), tab);
        expect(reading.headerRowNumber).toBe(HEADER_ROW);
        expect(reading.rowsRead).toBe(workbook.rowsByFormId.get(spec.id)?.length);
        rejected += reading.rejected.length;
      }
      expect({ unit: workbook.unitId, rejected }).toEqual({ unit: workbook.unitId, rejected: workbook.expectedRejectedRows });
    }
    const renamed = district.workbooks.find((w) => w.scenario === 'renamed-header');
    const tab = renamed && specsAsWritten(district, renamed).find((s) => s.id === renamed.renamedHeader?.formId);
    expect(tab?.columns.map((c) => c.header)).toContain('Liên lạc');
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
    expect((await readdir(again.unitsDir)).sort()).toEqual(other.workbooks.filter((w) => w.sentAt !== null).map((w) => `${w.unitId}.xlsx`).sort());

    const foreign = path.join(root, 'foreign');
    await mkdir(foreign);
    await writeFile(path.join(foreign, 'ghi-chu.txt'), 'không phải thư mục mẫu');
    await expect(writeDemoDistrict(foreign, district, { reset: true })).rejects.toThrow(/Refusing to reset/);
    expect(await readdir(foreign)).toEqual(['ghi-chu.txt']);
  });
});
