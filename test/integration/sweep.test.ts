import { copyFile, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Timestamp } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { sweep, type SweepResult } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../support/firestore.js';
import { titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { testUnit, useTempDir } from '../support/builders.js';
import { loadRevisions } from '../support/revisions.js';

const TAP_HUAN = [
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
];
const KHN = [
  'STT',
  'Hoạt động',
  'Tên hoạt động, nội dung',
  'Ngày tổ chức',
  'Số đội viên tham gia',
  'Số tiền thu được',
  'Khối lượng thu gom (kg)',
  'Ghi chú',
];
const LIEN_TICH = ['STT', 'Ngày tổ chức', 'Loại hoạt động', 'Tên hoạt động', 'Số người tham gia', 'Ghi chú'];
const DANG_KY_30 = [
  'Thời điểm thực hiện',
  'Ngày trong tuần',
  'Số lần mỗi tuần',
  'Tổng số ĐVTN của đơn vị',
  'Ủy viên BCH phụ trách',
  'Nội dung dự kiến',
];
const BAO_CAO_30 = [
  'STT',
  'Tháng',
  'Tuần',
  'Địa điểm tổ chức',
  'Số lượng ĐVTN tham gia',
  'Nội dung tổ chức',
  'Hình thức tổ chức',
  'Kết quả hoạt động',
];

const SENT_AT = new Date('2024-09-14T02:00:00Z');
const NOW = new Date('2024-09-16T01:00:00Z');

const UNITS: Unit[] = [
  testUnit('clean', { level: 'Tiểu học' }),
  testUnit('typos', { level: 'THCS' }),
  testUnit('corrupt', { level: 'Tiểu học' }),
  testUnit('missing', { level: 'Tiểu học' }),
  testUnit('doan', { type: 'co-so-doan', level: 'Khối cơ quan' }),
  testUnit('renamed', { level: 'Tiểu học' }),
];

const tapHuanRows: TestCell[][] = [
  [1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', '12/3/1990', '0983.018.027', 'Lan@TH.edu.vn', 'Tập huấn, Hành trình', 'Có', null],
  [2, 'Trần Văn Minh', 'Bí thư', 'Nam', null, 983018028, null, null, null, null],
  [3, 'Lê Thu Hà'.normalize('NFD'), 'pho tong phu trach doi', 'nu', null, '+84 912 345 678', null, null, 'không', null],
  [4, null, null, null, null, null, null, null, null, null],
];

async function writeDistrict(dir: string): Promise<void> {
  await writeTestWorkbook(
    path.join(dir, 'clean.xlsx'),
    [
      { name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', TAP_HUAN, tapHuanRows) },
      {
        name: 'Kế hoạch nhỏ 65 năm',
        rows: titled('BÁO CÁO', KHN, [
          [1, 'Thu gom', 'Thu gom giấy vụn đợt 1', new Date(Date.UTC(2023, 10, 25)), 450, '3,5 triệu', '1.250,5', null],
        ]),
      },
      {
        name: 'hoat dong lien tich',
        rows: titled('BÁO CÁO', LIEN_TICH, [[1, '15/10/2022', 'Đối thoại', 'Đối thoại đầu năm học', 300, null]]),
      },
    ],
    SENT_AT,
  );
  await writeTestWorkbook(
    path.join(dir, 'typos.xlsx'),
    [
      {
        name: 'Đăng ký tập huấn',
        rows: titled('ĐĂNG KÝ', TAP_HUAN, [
          [1, 'Phạm An', 'Giáo viên chủ nhiệm', 'Nam', '31/02/1990', '12345', null, null, null, null],
          [2, 'Võ Bình', 'TPT', 'Nam', null, '0912345678', null, null, null, null],
        ]),
      },
    ],
    SENT_AT,
  );
  await writeFile(path.join(dir, 'corrupt.xlsx'), 'this is not a spreadsheet');
  await writeTestWorkbook(
    path.join(dir, 'doan.xlsx'),
    [
      {
        name: 'Đăng ký 30 phút',
        rows: titled('ĐĂNG KÝ', DANG_KY_30, [['Chiều', 'T3, Thứ 5', 2, 25, 'Nguyễn Văn A', 'Vệ sinh cơ quan']]),
      },
      {
        name: 'Báo cáo 30 phút',
        rows: titled('BÁO CÁO', BAO_CAO_30, [
          [1, '4/2020', 1, 'Hội trường', 20, 'Vệ sinh cơ quan', 'Lao động', 'Tốt'],
          [2, 'Tháng 4/2020', 2, 'Sân cơ quan', 18, 'Sinh hoạt chi đoàn', 'Sinh hoạt', null],
          [3, '5/2020', 1, 'Hội trường', 22, 'Học tập nghị quyết', 'Sinh hoạt chuyên đề', null],
          [4, '13/2020', 1, 'Hội trường', 22, 'Học tập', 'Sinh hoạt', null],
        ]),
      },
    ],
    SENT_AT,
  );
  const renamedHeader = TAP_HUAN.map((h) => (h === 'Số điện thoại' ? 'Liên lạc' : h));
  await writeTestWorkbook(
    path.join(dir, 'renamed.xlsx'),
    [{ name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ', renamedHeader, tapHuanRows.slice(0, 2)) }],
    SENT_AT,
  );
}

describe('sweep of unit workbooks into Firestore', () => {
  const firestore = testFirestore('sweep');
  const store = new FirestoreSweepStore(firestore.db);
  const dir = useTempDir('tonghop-sweep');
  let forms: FormSpec[];
  let first: SweepResult;

  const run = (now = NOW) => sweep({ units: UNITS, forms, source: new UnitWorkbookFolder(dir()), store, now });
  const submission = async (id: string) => (await firestore.db.collection('submissions').doc(id).get()).data();

  beforeAll(async () => {
    forms = await loadBuiltinForms();
    await writeDistrict(dir());
    first = await run();
  });
  afterAll(async () => {
    await firestore.db.terminate();
  });

  it('reads every unit it can and says why it cannot read the others', () => {
    const outcomes = Object.fromEntries(first.units.map((u) => [u.unitId, u.outcome]));
    expect(outcomes).toEqual({
      clean: 'read',
      typos: 'read',
      corrupt: 'unreadable',
      missing: 'missing',
      doan: 'read',
      renamed: 'read',
    });
    const corrupt = first.units.find((u) => u.unitId === 'corrupt');
    expect(corrupt?.problems[0]?.message).toContain("Không đọc được tệp 'corrupt.xlsx'");
    const missing = first.units.find((u) => u.unitId === 'missing');
    expect(missing?.problems[0]?.message).toContain('Chưa nhận được tệp báo cáo');
  });

  it('accounts for every non-empty row: valid + rejected = read, in totals and in the stored documents', async () => {
    expect(first.totals).toMatchObject({ rowsRead: 14, rowsValid: 10, rowsRejected: 4, submissionsWritten: 9 });
    const docs = (await firestore.db.collection('submissions').get()).docs.map((d) => d.data());
    const stored = docs.reduce((sum, d) => sum + d.rows.length + d.rejected.length, 0);
    expect(stored).toBe(first.totals.rowsRead);
    for (const d of docs) expect(d.counts.read).toBe(d.rows.length + d.rejected.length);
  });

  it('stores normalized values, frozen first completion and a revision', async () => {
    const doc = await submission('tap-huan-2024~mot-lan~clean');
    expect(doc?.counts).toEqual({ read: 3, valid: 3, rejected: 0, nil: 0 });
    expect(doc?.complete).toBe(true);
    expect(doc?.rows[0]).toEqual({
      rowNumber: 5,
      values: {
        stt: 1,
        hoTen: 'Nguyễn Thị Lan',
        chucVu: 'Tổng phụ trách Đội',
        gioiTinh: 'Nữ',
        ngaySinh: '1990-03-12',
        soDienThoai: '0983018027',
        email: 'lan@th.edu.vn',
        thamGia: ['Tập huấn 18/9/2024', 'Hành trình 20–22/9/2024'],
        daDongKinhPhi: true,
      },
    });
    expect(doc?.rows[1].values.soDienThoai).toBe('0983018028');
    expect(doc?.rows[2].values.hoTen).toBe('Lê Thu Hà'.normalize('NFC'));
    expect(doc?.rows[2].values.chucVu).toBe('Phó Tổng phụ trách Đội');
    expect((doc?.firstCompleteAt as Timestamp).toDate()).toEqual(SENT_AT);
    expect((doc?.firstSeenAt as Timestamp).toDate()).toEqual(NOW);
    expect(doc?.revision).toBe(1);
    const clean = firestore.db.collection('submissions').doc('tap-huan-2024~mot-lan~clean');
    // The first version lives in the submission alone, and the audit trail still shows it as revision 1.
    expect((await clean.collection('revisions').get()).size).toBe(0);
    expect((await loadRevisions(clean)).map((r) => [r.revision, r.counts.valid, r.applied])).toEqual([
      [1, doc?.counts.valid, true],
    ]);
  });

  it('keeps rejected rows with their raw cells and Vietnamese messages naming row and column', async () => {
    const doc = await submission('tap-huan-2024~mot-lan~typos');
    expect(doc?.complete).toBe(false);
    expect(doc?.rejected).toHaveLength(1);
    const [row] = doc?.rejected ?? [];
    expect(row.rowNumber).toBe(5);
    expect(row.cells).toMatchObject({ 'Họ và tên': 'Phạm An', 'Số điện thoại': '12345', 'Ngày sinh': '31/02/1990' });
    const messages = row.errors.map((e: { message: string }) => e.message).join('\n');
    expect(messages).toContain("Dòng 5, cột 'Chức vụ': 'Giáo viên chủ nhiệm' không có trong danh sách");
    expect(messages).toContain("Dòng 5, cột 'Ngày sinh': '31/02/1990'");
    expect(messages).toContain("Dòng 5, cột 'Số điện thoại': '12345' không phải số điện thoại Việt Nam");
  });

  it('splits a monthly report into one submission per month and keeps rows with an unreadable month', async () => {
    expect((await submission('30-phut-bao-cao~2020-04~doan'))?.counts).toEqual({
      read: 2,
      valid: 2,
      rejected: 0,
      nil: 0,
    });
    expect((await submission('30-phut-bao-cao~2020-05~doan'))?.counts).toEqual({
      read: 1,
      valid: 1,
      rejected: 0,
      nil: 0,
    });
    const unassigned = await submission('30-phut-bao-cao~chua-xac-dinh~doan');
    expect(unassigned?.rejected[0].errors[0].message).toContain("Dòng 8, cột 'Tháng'");
  });

  it('reports a renamed required header once for the tab and rejects its rows without losing them', () => {
    const renamed = first.units.find((u) => u.unitId === 'renamed');
    const headerProblems =
      renamed?.problems.filter((p) => p.message.includes("thiếu cột bắt buộc 'Số điện thoại'")) ?? [];
    expect(headerProblems).toHaveLength(1);
    expect(renamed?.rowsRejected).toBe(2);
    const typos = first.units.find((u) => u.unitId === 'typos');
    expect(typos?.problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining("chưa có trang 'Kế hoạch nhỏ 65 năm'"),
    );
  });

  it('writes nothing at all on a second sweep over unchanged files', async () => {
    const before = await firestore.db.collection('submissions').get();
    const second = await run(new Date(NOW.getTime() + 3_600_000));
    expect(second.sweepId).toBeUndefined();
    expect(second.totals).toMatchObject({ writes: 0, submissionsWritten: 0, unitsRead: 0, unitsUnchanged: 6 });
    const after = await firestore.db.collection('submissions').get();
    expect(after.docs.map((d) => d.updateTime.toMillis())).toEqual(before.docs.map((d) => d.updateTime.toMillis()));
    expect((await firestore.db.collection('sweeps').get()).size).toBe(1);
  });

  it('re-reads only a changed workbook, bumps its revision and never moves the first completion', async () => {
    const edited = tapHuanRows.slice(0, 2).map((r) => [...r]);
    (edited[1] as TestCell[])[6] = 'minh@th.edu.vn';
    const editedAt = new Date('2024-09-15T08:00:00Z');
    const kept = [
      { name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ', TAP_HUAN, edited) },
      {
        name: 'Kế hoạch nhỏ 65 năm',
        rows: titled('BÁO CÁO', KHN, [
          [1, 'Thu gom', 'Thu gom giấy vụn đợt 1', new Date(Date.UTC(2023, 10, 25)), 450, '3,5 triệu', '1.250,5', null],
        ]),
      },
      // The joint-plan tab is kept with its rows cleared: the unit empties that report (a revision, never a deletion).
      { name: 'hoat dong lien tich', rows: titled('BÁO CÁO', LIEN_TICH, []) },
    ];
    await writeTestWorkbook(path.join(dir(), 'clean.xlsx'), kept, editedAt);
    const third = await run(new Date('2024-09-16T05:00:00Z'));
    expect(third.units.filter((u) => u.outcome === 'read').map((u) => u.unitId)).toEqual(['clean']);
    expect(third.totals.submissionsWritten).toBe(2);
    const doc = await submission('tap-huan-2024~mot-lan~clean');
    expect(doc?.revision).toBe(2);
    expect(doc?.counts.valid).toBe(2);
    expect((doc?.firstCompleteAt as Timestamp).toDate()).toEqual(SENT_AT);
    expect((doc?.lastChangedAt as Timestamp).toDate()).toEqual(editedAt);
    const emptied = await submission('lien-tich-2022-2023~2022-2023~clean');
    expect(emptied?.counts).toEqual({ read: 0, valid: 0, rejected: 0, nil: 0 });
    expect(emptied?.revision).toBe(2);
    const emptiedRef = firestore.db.collection('submissions').doc('lien-tich-2022-2023~2022-2023~clean');
    // The first version joined the trail as a document when the change overwrote it.
    expect((await emptiedRef.collection('revisions').get()).docs.map((d) => [d.id, d.data().counts.read])).toEqual([
      ['000001', 1],
      ['000002', 0],
    ]);
    expect((await loadRevisions(emptiedRef)).map((r) => r.counts.read)).toEqual([1, 0]);
  });

  it('a later file without a tab leaves that report as it was (a missing tab is not a deletion)', async () => {
    const laterAt = new Date('2024-09-15T10:00:00Z');
    const before = await submission('ke-hoach-nho-65-nam~mot-lan~clean');
    // Only this month's tab, as units send when they email the one report that is due.
    await writeTestWorkbook(
      path.join(dir(), 'clean.xlsx'),
      [{ name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ', TAP_HUAN, tapHuanRows.slice(0, 2)) }],
      laterAt,
    );
    const result = await run(new Date('2024-09-16T05:30:00Z'));
    const clean = result.units.find((u) => u.unitId === 'clean');
    expect(clean?.outcome).toBe('read');
    // Only the tab it carried (edited again) is written; the two absent tabs' reports are untouched.
    expect(result.totals.submissionsWritten).toBe(1);
    expect(await submission('ke-hoach-nho-65-nam~mot-lan~clean')).toEqual(before);
    expect((await submission('lien-tich-2022-2023~2022-2023~clean'))?.revision).toBe(2);
    expect(clean?.problems).toContainEqual({
      formId: 'ke-hoach-nho-65-nam',
      severity: 'warning',
      message:
        "Tệp 'clean.xlsx' lần này không có trang 'Kế hoạch nhỏ 65 năm': báo cáo đã gửi trước đó của trang này được giữ nguyên. Muốn hủy báo cáo, hãy giữ trang và xóa các dòng số liệu.",
    });
    // The next full file is compared with what was kept: nothing changed, nothing written.
    await writeTestWorkbook(
      path.join(dir(), 'clean.xlsx'),
      [
        { name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ', TAP_HUAN, tapHuanRows.slice(0, 2)) },
        {
          name: 'Kế hoạch nhỏ 65 năm',
          rows: titled('BÁO CÁO', KHN, [
            [
              1,
              'Thu gom',
              'Thu gom giấy vụn đợt 1',
              new Date(Date.UTC(2023, 10, 25)),
              450,
              '3,5 triệu',
              '1.250,5',
              null,
            ],
          ]),
        },
      ],
      new Date('2024-09-15T11:00:00Z'),
    );
    const full = await run(new Date('2024-09-16T05:40:00Z'));
    expect(full.units.find((u) => u.unitId === 'clean')?.outcome).toBe('read');
    expect(full.totals.submissionsWritten).toBe(0);
  });

  it('only remembers the new file time when a workbook is saved again without changes', async () => {
    const touched = new Date('2024-09-15T09:00:00Z');
    await utimes(path.join(dir(), 'doan.xlsx'), touched, touched);
    const result = await run(new Date('2024-09-16T06:00:00Z'));
    expect(result.units.find((u) => u.unitId === 'doan')?.outcome).toBe('same-content');
    expect(result.totals).toMatchObject({ submissionsWritten: 0, writes: 2 });
    const again = await run(new Date('2024-09-16T07:00:00Z'));
    expect(again.totals.writes).toBe(0);
  });

  it('tells a unit whose file is password-protected to remove the password and resend, and goes on', async () => {
    // A real encrypted workbook (test/fixtures/foreign/recipes/password-protected.sh).
    const fixture = path.resolve('test/fixtures/foreign/libreoffice-1904-password.xlsx');
    await copyFile(fixture, path.join(dir(), 'locked.xlsx'));
    const locked = testUnit('locked', { level: 'Tiểu học' });
    const result = await sweep({
      units: [locked, UNITS[0] as Unit],
      forms,
      source: new UnitWorkbookFolder(dir()),
      store,
      now: NOW,
    });
    expect(result.units.map((u) => u.outcome)).toEqual(['unreadable', 'unchanged']);
    const message = result.units[0]?.problems[0]?.message ?? '';
    expect(message).toContain("Tệp 'locked.xlsx' được đặt mật khẩu");
    expect(message).toContain('gỡ mật khẩu');
    expect(message).toContain('gửi lại');
    expect(await submission('tap-huan-2024~mot-lan~locked')).toBeUndefined();
    expect((await readFile(path.join(dir(), 'locked.xlsx'))).equals(await readFile(fixture))).toBe(true);
  });

  it('treats a file name pointing outside the units folder as unreadable and goes on', async () => {
    const escaping = { ...testUnit('escaping', { level: 'Tiểu học' }), source: '../secret.xlsx' };
    const result = await sweep({
      units: [escaping, UNITS[0] as Unit],
      forms,
      source: new UnitWorkbookFolder(dir()),
      store,
      now: NOW,
    });
    expect(result.units.map((u) => u.outcome)).toEqual(['unreadable', 'unchanged']);
    expect(result.units[0]?.problems[0]?.message).toContain('phải nằm trong thư mục đơn vị');
    const again = await sweep({ units: [escaping], forms, source: new UnitWorkbookFolder(dir()), store, now: NOW });
    expect(again.totals.writes).toBe(0);
  });
});
