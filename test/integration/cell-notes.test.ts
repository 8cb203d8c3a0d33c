import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { summarize } from '../../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../support/firestore.js';
import { openWorkbook, sheetOf, titled, writeTestWorkbook } from '../support/workbooks.js';
import { useTempDir } from '../support/builders.js';

const STATUS = 'Tình trạng (hệ thống ghi)';
const HEADER = [
  'STT',
  'Họ và tên',
  'Chức vụ',
  'Giới tính',
  'Ngày sinh',
  'Số điện thoại',
  'Email',
  'Nội dung tham gia',
  'Đã đóng kinh phí',
  'Ghi chú',
  STATUS,
];
const STATUS_COLUMN = HEADER.indexOf(STATUS) + 1;
const NOW = new Date('2024-09-20T01:00:00Z');
const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const UNIT: Unit = {
  id: 'ghi-chu',
  name: 'Liên đội ghi chú',
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [],
  source: 'ghi-chu.xlsx',
};
const SUBMISSION_ID = 'tap-huan-2024~mot-lan~ghi-chu';

describe('cells the system interpreted: the note is stored with the row and shown in its status cell', () => {
  const firestore = testFirestore('cell-notes');
  const dir = useTempDir('tonghop-notes');
  let forms: FormSpec[];
  let folder: UnitWorkbookFolder;
  const runSweep = () =>
    sweep({ units: [UNIT], forms, source: folder, store: new FirestoreSweepStore(firestore.db), now: NOW });

  beforeAll(async () => {
    folder = new UnitWorkbookFolder(dir());
    forms = (await loadBuiltinForms()).filter((f) => f.id === 'tap-huan-2024');
    const rows = [
      [1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', '12/3/1990', '0983.018.027', null, 'Tập huấn', 'Có', null],
      [2, 'Trần Văn Minh', 'TPT', 'Nam', '1/2/1988', 'ĐT: 0983 018 027 (Zalo)', null, 'Tập huấn', 'Có', null],
      [3, 'Lê Thu Hà', 'TPT', 'Nữ', '12/3/90', '0168 901 2345', null, 'Tập huấn', 'Có', null],
      [4, 'Phạm An', 'TPT', 'Nam', null, '0983018027 - 0912345678', null, 'Tập huấn', 'Có', null],
    ];
    await writeTestWorkbook(
      path.join(dir(), 'ghi-chu.xlsx'),
      [{ name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', HEADER, rows) }],
      new Date('2024-09-14T02:00:00Z'),
    );
    await runSweep();
    await summarize({
      settings: SETTINGS,
      units: [UNIT],
      forms,
      store: new FirestoreSummaryStore(firestore.db),
      output: new SummaryWorkbookFile(path.join(dir(), 'tong-hop.xlsx')),
      feedback: folder,
      now: NOW,
    });
  });
  afterAll(async () => {
    await firestore.db.terminate();
  });

  it('stores the taken value and the note with the row; a row without notes has no notes field', async () => {
    const doc = (await firestore.db.collection('submissions').doc(SUBMISSION_ID).get()).data();
    const byRow = new Map((doc?.rows ?? []).map((r: { rowNumber: number }) => [r.rowNumber, r]));
    expect(byRow.get(5)).toEqual({ rowNumber: 5, values: expect.objectContaining({ soDienThoai: '0983018027' }) });
    expect(byRow.get(6)).toMatchObject({
      values: { soDienThoai: '0983018027' },
      notes: [{ column: 'Số điện thoại', note: 'đã hiểu SĐT là 0983 018 027' }],
    });
    expect(byRow.get(7)).toMatchObject({
      values: { ngaySinh: '1990-03-12', soDienThoai: '0389012345' },
      notes: [
        { column: 'Ngày sinh', note: 'đã hiểu năm là 1990' },
        { column: 'Số điện thoại', note: 'đã đổi số cũ 0168 901 2345 thành 0389 012 345' },
      ],
    });
    expect(doc?.rejected.map((r: { rowNumber: number }) => r.rowNumber)).toEqual([8]);
  });

  it('reads the notes back into the stored submission the summary uses', async () => {
    const stored = await new FirestoreSummaryStore(firestore.db).loadSubmission(SUBMISSION_ID);
    expect(stored?.rows.map((r) => r.notes?.map((n) => n.note) ?? [])).toEqual([
      [],
      ['đã hiểu SĐT là 0983 018 027'],
      ['đã hiểu năm là 1990', 'đã đổi số cũ 0168 901 2345 thành 0389 012 345'],
    ]);
  });

  it("writes what was taken into each row's status cell, and asks which number when there are two", async () => {
    const sheet = sheetOf(await openWorkbook(path.join(dir(), 'ghi-chu.xlsx')), 'Đăng ký tập huấn');
    const status = (row: number) => sheet.getRow(row).getCell(STATUS_COLUMN).value;
    expect(status(5)).toBe('✓ Hợp lệ');
    expect(status(6)).toBe('✓ Hợp lệ (đã hiểu SĐT là 0983 018 027)');
    expect(status(7)).toBe(
      '✓ Hợp lệ (Ngày sinh: đã hiểu năm là 1990; Số điện thoại: đã đổi số cũ 0168 901 2345 thành 0389 012 345)',
    );
    expect(status(8)).toBe(
      "✗ Cột 'Số điện thoại': '0983018027 - 0912345678' có 2 số điện thoại (0983 018 027 và 0912 345 678); hãy để một số trong ô này.",
    );
    expect(sheet.getRow(6).getCell(6).value).toBe('ĐT: 0983 018 027 (Zalo)');
  });
});
