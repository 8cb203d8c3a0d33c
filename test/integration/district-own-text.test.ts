import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { readControlWorkbook } from '../../functions/src/adapters/workbook/read-control-workbook.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import {
  writeControlWorkbook,
  writeFormTemplates,
  writeUnitWorkbook,
} from '../../functions/src/adapters/workbook/write-templates.js';
import { openForms } from '../../functions/src/domain/plans/plans-in-use.js';
import { formsForUnit } from '../../functions/src/domain/units/targets.js';
import { unitSchema, type Unit } from '../../functions/src/domain/units/unit.js';
import { runDistrict } from '../../functions/src/jobs/sweep/run-district.js';
import { testFirestore } from '../support/firestore.js';
import { BUILTIN_FORMS } from '../support/forms.js';
import { useTempDir } from '../support/builders.js';

/** Names and addresses of the localities the catalog's plans were first written for. */
const SEED_LOCALITIES = [
  'Long Biên',
  'longbien',
  'hanoi.gov.vn',
  'Trà Vinh',
  'Quận đoàn 8',
  'Đoàn Khối',
  'Nhà Thiếu nhi Quận 1',
];
const QUAN_1 = {
  districtName: 'Quận Đoàn 1',
  officeEmail: 'vanphong@quandoan1.example',
  contactName: 'Văn phòng',
  contactPhone: '0283 822 1234',
};
const NOW = new Date('2024-09-16T01:00:00Z');
const UNITS: Unit[] = [
  unitSchema.parse({
    id: 'th-a',
    name: 'Liên đội Tiểu học A',
    type: 'lien-doi',
    level: 'Tiểu học',
    source: 'th-a.xlsx',
  }),
  unitSchema.parse({ id: 'csd-b', name: 'Đoàn cơ sở B', type: 'co-so-doan', source: 'csd-b.xlsx' }),
  unitSchema.parse({ id: 'cd-c', name: 'Chi đoàn C', type: 'chi-doan', source: 'cd-c.xlsx', activeFrom: '2014-01-01' }),
];

/** Every text an .xlsx package holds (cells, shared strings, notes, headers), as one string. */
async function packageText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const parts = Object.values(zip.files).filter((f) => !f.dir && f.name.endsWith('.xml'));
  return (await Promise.all(parts.map((f) => f.async('string')))).join('\n').normalize('NFC');
}

describe("a district's unit files carry its own name and contact, never a seed locality's", () => {
  const firestore = testFirestore('district-own-text');
  const dir = useTempDir('tonghop-own-text');

  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('a Quận 1 control with every catalog plan yields templates and swept unit files without another locality', async () => {
    const controlFile = path.join(dir(), 'control.xlsx');
    await writeControlWorkbook(controlFile, { settings: QUAN_1, units: UNITS, plans: BUILTIN_FORMS });
    const control = await readControlWorkbook(controlFile);
    expect(control.problems).toEqual([]);
    const forms = openForms(control.plans);

    const unitsDir = path.join(dir(), 'units');
    await mkdir(unitsDir);
    for (const unit of control.units)
      await writeUnitWorkbook(path.join(unitsDir, unit.source), unit.name, formsForUnit(forms, unit, []), new Map(), {
        modifiedAt: new Date('2024-09-14T02:00:00Z'),
      });
    const templates = await writeFormTemplates(forms, path.join(dir(), 'templates'));
    const common = {
      units: control.units,
      settings: control.settings,
      forms,
      sheets: new UnitWorkbookFolder(unitsDir),
      output: new SummaryWorkbookFile(path.join(dir(), 'summary.xlsx')),
      sweepStore: new FirestoreSweepStore(firestore.db),
      summaryStore: new FirestoreSummaryStore(firestore.db),
      shardAbove: 1000,
      now: NOW,
    };
    expect((await runDistrict({ ...common, request: { step: 'sweep' } })).kind).toBe('swept');
    expect((await runDistrict({ ...common, request: { step: 'summary' } })).kind).toBe('summarized');

    const files = [...(await readdir(unitsDir)).map((f) => path.join(unitsDir, f)), ...templates];
    expect(files.length).toBe(UNITS.length + BUILTIN_FORMS.length);
    for (const file of files) {
      const text = await packageText(file);
      for (const locality of SEED_LOCALITIES)
        expect(text.includes(locality), `${path.basename(file)} names ${locality}`).toBe(false);
      expect(text, path.basename(file)).not.toMatch(/\{(Tên đơn vị tổng hợp|Email văn phòng)\}/);
    }
    const schoolFile = await packageText(path.join(unitsDir, 'th-a.xlsx'));
    expect(schoolFile).toContain('Hội đồng Đội – Quận Đoàn 1');
    expect(schoolFile).toContain('về Quận Đoàn 1 (vanphong@quandoan1.example)');
  });
});
