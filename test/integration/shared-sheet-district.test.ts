import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { openDistrict } from '../../functions/src/app/open-district.js';
import { sweepDistrict } from '../../functions/src/app/sweep-district.js';
import { workbookDistrict } from '../../functions/src/app/workbook-district.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { testFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { openWorkbook, sheetOf, writeTestWorkbook } from '../support/workbooks.js';
import { useTempDir } from '../support/builders.js';

/**
 * The whole run as the CLI and the Cloud Functions make it, from a control workbook whose
 * "Nguồn dữ liệu" tab declares the training registration's shared responses workbook: two schools
 * in one file are each credited with their own rows (the 51 → 57 double count is gone).
 */

const NOW = new Date('2024-09-16T01:00:00Z');
const HEADER = ['Dấu thời gian', 'Đơn vị', 'Họ và tên', 'Chức vụ', 'Số điện thoại'];
const school = (id: string, name: string, aliases?: string[]): Unit => ({
  id,
  name,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [],
  source: `${id}.xlsx`,
  ...(aliases ? { aliases } : {}),
});

/** A control workbook whose "Nguồn dữ liệu" tab, added by hand as docs/ke-hoach.md tells district staff, declares the training's shared workbook. */
async function writeSharedTrainingControl(controlPath: string, units: Unit[], plans: FormSpec[]): Promise<void> {
  await writeControlWorkbook(controlPath, {
    settings: { districtName: 'Quận Đoàn thử', officeEmail: '', contactName: '', contactPhone: '' },
    units,
    plans,
  });
  const control = new ExcelJS.Workbook();
  await control.xlsx.readFile(controlPath);
  const tab = control.addWorksheet('Nguồn dữ liệu');
  tab.addRow(['Mã biểu mẫu', 'Loại nguồn', 'Tệp/Bảng tính', 'Trang tính', 'Cột đơn vị', 'Cột thời gian']);
  tab.addRow(['tap-huan-2024', 'Bảng chung', 'dang-ky-chung.xlsx', 'Câu trả lời', '', '']);
  await control.xlsx.writeFile(controlPath);
}

describe('a district run with a shared responses workbook declared in the control workbook', () => {
  const firestore = testFirestore('shared-sheet-district');
  const dir = useTempDir('tonghop-shared-district');
  let controlPath: string;

  beforeAll(async () => {
    controlPath = path.join(dir(), 'bang-dieu-khien.xlsx');
    await writeSharedTrainingControl(
      controlPath,
      [
        school('th-luong-the-vinh', 'Liên đội TH Lương Thế Vinh', ['Trường Lương Thế Vinh']),
        school('th-an-binh', 'Liên đội TH An Bình'),
      ],
      [builtinForm('tap-huan-2024')],
    );
    await writeTestWorkbook(
      path.join(dir(), 'units', 'dang-ky-chung.xlsx'),
      [
        {
          name: 'Câu trả lời',
          rows: [
            HEADER,
            ['14/09/2024 09:30:00', 'Trường Lương Thế Vinh', 'Nguyễn Thị Lan', 'TPT', '0983018027'],
            ['14/09/2024 09:40:00', 'truong luong the vinh', 'Trần Văn Minh', 'TPT', '0983018028'],
            ['14/09/2024 09:50:00', 'Liên đội TH An Bình', 'Lê Thu Hà', 'TPT', '0983018029'],
            ['14/09/2024 10:00:00', 'TH Ngọc Lâm', 'Phạm An', 'TPT', '0983018030'],
          ],
        },
      ],
      new Date('2024-09-15T05:00:00Z'),
    );
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('sweeps the shared workbook once, credits each school its own rows, on time by the rows’ own time', async () => {
    const district = await openDistrict(workbookDistrict(controlPath), firestore.db);
    expect(district.problems).toEqual([]);
    expect(district.control.sharedSources?.map((s) => s.id)).toEqual(['nguon-chung-tap-huan-2024']);
    const logged: string[] = [];
    const { result } = await sweepDistrict({
      district,
      request: { step: 'sweep' },
      now: NOW,
      log: (_severity, message) => void logged.push(message),
    });
    expect(result.kind).toBe('swept');
    if (result.kind !== 'swept') return;
    expect(result.sweep.totals).toMatchObject({ units: 2, rowsRead: 4, rowsValid: 3, rowsRejected: 1 });
    const counts = (await firestore.db.collection('submissions').get()).docs
      .map((d) => [d.data().unitId, d.data().counts.valid])
      .sort();
    expect(counts).toEqual([
      ['th-an-binh', 1],
      ['th-luong-the-vinh', 2],
    ]);
    // Neither school has a file of its own, and none is asked for: the form comes from the shared workbook.
    const sources = (await firestore.db.collection('sources').get()).docs.map((d) => d.id);
    expect(sources).toEqual(['nguon-chung-tap-huan-2024']);
    // The workbook was last saved after the deadline (15/09 12:00); the rows were sent on 14/09, so both schools are on time.
    const period = result.summary?.picture.periods.find((p) => p.spec.id === 'tap-huan-2024');
    expect(Object.fromEntries((period?.stats.units ?? []).map((u) => [u.unitId, [u.status, u.onTime]]))).toEqual({
      'th-an-binh': ['complete-on-time', true],
      'th-luong-the-vinh': ['complete-on-time', true],
    });
    const status = sheetOf(await openWorkbook(path.join(dir(), 'units', 'dang-ky-chung.xlsx')), 'Câu trả lời').getCell(
      'F5',
    ).value;
    expect(String(status)).toContain("không có đơn vị nào tên 'TH Ngọc Lâm'; tên gần nhất: 'Liên đội TH An Bình'");
  });
});

describe('a school with its own file, asked for a plan that one shared workbook collects', () => {
  const firestore = testFirestore('shared-sheet-roll-out');
  const dir = useTempDir('tonghop-shared-roll-out');

  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('is never given a blank tab of that plan before the deadline: its answer goes in the shared workbook', async () => {
    const controlPath = path.join(dir(), 'bang-dieu-khien.xlsx');
    await writeSharedTrainingControl(
      controlPath,
      [school('th-an-binh', 'Liên đội TH An Bình'), school('th-rieng', 'Liên đội TH Riêng')],
      // An earlier plan each school reports in its own file, so the district run reads and writes that file.
      [builtinForm('ke-hoach-nho-65-nam'), builtinForm('tap-huan-2024')],
    );
    const sent = new Date('2024-09-09T03:00:00Z');
    await writeTestWorkbook(
      path.join(dir(), 'units', 'dang-ky-chung.xlsx'),
      [
        {
          name: 'Câu trả lời',
          rows: [HEADER, ['09/09/2024 09:30:00', 'Liên đội TH An Bình', 'Lê Thu Hà', 'TPT', '0983018029']],
        },
      ],
      sent,
    );
    // The school that has not answered yet keeps a file of its own (for other reports).
    await writeTestWorkbook(
      path.join(dir(), 'units', 'th-rieng.xlsx'),
      [{ name: 'Ghi chú', rows: [['Sổ theo dõi của Liên đội']] }],
      sent,
    );

    const district = await openDistrict(workbookDistrict(controlPath), firestore.db);
    const { result } = await sweepDistrict({
      district,
      request: { step: 'sweep' },
      now: new Date('2024-09-10T02:00:00Z'),
      log: () => undefined,
    });
    expect(result.kind).toBe('swept');
    const own = await openWorkbook(path.join(dir(), 'units', 'th-rieng.xlsx'));
    const tabs = own.worksheets.map((w) => w.name);
    // It was written (its "Tình hình nộp"), but the training's tab is not among its tabs.
    expect(tabs).toContain('Tình hình nộp');
    expect(tabs).not.toContain(builtinForm('tap-huan-2024').tab);
  });
});
