import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { readWorkbookTabs } from '../../functions/src/adapters/xlsx/read-workbook.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { FOOTER_ROW_STATUS } from '../../functions/src/domain/forms/footer-rows.js';
import { STATUS_HEADER } from '../../functions/src/domain/forms/header-match.js';
import { findTab } from '../../functions/src/domain/forms/read-form-tab.js';
import { OWN_TABS } from '../../functions/src/domain/sheets/own-tabs.js';
import { summarize } from '../../functions/src/jobs/summarize/summarize.js';
import { sweep, type SweepResult } from '../../functions/src/jobs/sweep/sweep.js';
import { testUnit, useTempDir } from '../support/builders.js';
import { testFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { readPackage, typedCellsChanged } from '../support/xlsx-cells.js';

const FIXTURE = path.resolve('test/fixtures/foreign/libreoffice-1904.xlsx');
const FORM = builtinForm('ke-hoach-nho-65-nam');
const UNIT = testUnit('hoa-sen', { name: 'Liên đội Trường THCS Hoa Sen', type: 'lien-doi', level: 'THCS' });
const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};

/**
 * The LibreOffice file (1904 dates, a "Tổng cộng" row of SUMs under three activities) through the
 * sweep against the emulator and the summary's write-back: three rows stored, the total row left
 * out and told so, every cell the unit typed unchanged on disk.
 */
describe('a LibreOffice file with a total row, through the sweep and the write-back', () => {
  const firestore = testFirestore('foreign-file-sweep');
  const dir = useTempDir('tonghop-foreign-sweep');
  let folder: UnitWorkbookFolder;
  let swept: SweepResult;
  const file = () => path.join(dir(), UNIT.source);

  beforeAll(async () => {
    folder = new UnitWorkbookFolder(dir());
    await copyFile(FIXTURE, file());
    swept = await sweep({
      units: [UNIT],
      forms: [FORM],
      source: folder,
      store: new FirestoreSweepStore(firestore.db),
      now: new Date('2023-12-01T01:00:00Z'),
    });
  });
  afterAll(async () => {
    await firestore.db.terminate();
  });

  it('stores the three activities; the total row is neither a row read nor a rejected one', async () => {
    expect(swept.units[0]).toMatchObject({ outcome: 'read', rowsValid: 3, rowsRejected: 0 });
    const doc = (await firestore.db.collection('submissions').doc(`${FORM.id}~mot-lan~${UNIT.id}`).get()).data();
    expect(doc?.counts).toEqual({ read: 3, valid: 3, rejected: 0, nil: 0 });
    // Dates read in the 1904 system: 18/10/2023, not 4 years and a day earlier.
    expect(JSON.stringify(doc?.rows)).toContain('2023-10-18');
    expect(JSON.stringify(doc?.rows)).not.toContain('2019-10-17');
  });

  it('writes "Dòng tổng cộng: không tính" beside the total row and changes no cell the unit typed', async () => {
    const before = await readPackage(await readFile(file()));
    await summarize({
      settings: SETTINGS,
      units: [UNIT],
      forms: [FORM],
      store: new FirestoreSummaryStore(firestore.db),
      output: new SummaryWorkbookFile(path.join(dir(), 'tong-hop.xlsx')),
      feedback: folder,
      now: new Date('2023-12-01T02:00:00Z'),
    });
    const after = await readPackage(await readFile(file()));
    expect(typedCellsChanged(before, after, OWN_TABS, STATUS_HEADER)).toBe(0);
    expect(after.date1904).toBe('true');

    const tab = findTab(await readWorkbookTabs(await readFile(file()), UNIT.source), FORM.tab);
    const header = tab?.rows.find((r) => r.cells.includes('STT'));
    const statusColumn = header?.cells.indexOf(STATUS_HEADER) ?? -1;
    expect(statusColumn).toBeGreaterThanOrEqual(0);
    const statuses = Object.fromEntries(
      (tab?.rows ?? [])
        .filter((r) => r.rowNumber > (header?.rowNumber ?? 0))
        .map((r) => [r.rowNumber, r.cells[statusColumn]]),
    );
    expect(statuses).toEqual({ 4: '✓ Hợp lệ', 5: '✓ Hợp lệ', 6: '✓ Hợp lệ', 7: FOOTER_ROW_STATUS.total });
  });
});
