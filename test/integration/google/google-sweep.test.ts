import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleUnitSheets } from '../../../functions/src/adapters/google/google-unit-sheets.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { sweep } from '../../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../../support/firestore.js';
import { builtinForm } from '../../support/forms.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../../support/google.js';
import type { GoogleStandin } from '../../support/google-standin/index.js';
import { titled, type TestCell } from '../../support/workbooks.js';
import { testUnit } from '../../support/builders.js';

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
const FORMS = [builtinForm('tap-huan-2024')];
const SENT_AT = new Date('2024-09-14T02:00:00Z');
const NOW = new Date('2024-09-16T01:00:00Z');

const person = (stt: number, name: string, phone: TestCell = '0983.018.027'): TestCell[] => [
  stt,
  name,
  'TPT',
  'Nữ',
  new Date(Date.UTC(1990, 2, 12)),
  phone,
  null,
  'Tập huấn',
  'Có',
  null,
];

describe('sweep of unit spreadsheets on Google Sheets (stand-in, real googleapis client)', () => {
  const firestore = testFirestore('google-sweep');
  let standin: GoogleStandin;
  let setClock: (at: Date) => void;
  let units: Unit[];
  const ids: Record<string, string> = {};
  const school = (id: string, source: string): Unit => testUnit(id, { level: 'Tiểu học', source });
  const run = (source = new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID), now = NOW) =>
    sweep({ units, forms: FORMS, source, store: new FirestoreSweepStore(firestore.db), now });

  beforeAll(async () => {
    ({ standin, setClock } = await standinWithClock(SENT_AT));
    // As provisioning leaves them: the form's tab and the system's standing tab.
    const tab = (rows: TestCell[][]) => [
      { name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', TAP_HUAN, rows) },
      { name: STANDING_TAB, rows: [] },
    ];
    for (const [id, rows] of [
      ['som', [person(1, 'Nguyễn Thị Lan'), person(2, 'Trần Văn Minh')]],
      ['tre', [person(1, 'Lê Thu Hà', 983018028)]],
      ['loi', [person(1, 'Phạm An', '12345')]],
      ['xoa', [person(1, 'Võ Bình')]],
    ] as const) {
      ids[id] = standin.createSpreadsheet({
        title: `Báo cáo ${id}`,
        parents: [TEST_FOLDER_ID],
        tabs: tab(rows.map((r) => [...r])),
      });
    }
    standin.deleteFile(ids.xoa ?? '');
    units = [
      school('som', ids.som ?? ''),
      school('tre', ids.tre ?? ''),
      school('loi', ids.loi ?? ''),
      school('xoa', ids.xoa ?? ''),
      school('chua', 'chua-co-bang-tinh'),
    ];
  });
  afterAll(async () => {
    await standin.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('reads each spreadsheet once: one folder listing, one Drive export per spreadsheet, no Sheets read, rows validated like workbook cells', async () => {
    standin.clearLog();
    const result = await run();
    expect(standin.count('files.list')).toBe(1);
    expect(standin.count('files.export')).toBe(3);
    expect(standin.count('values.batchGet')).toBe(0);
    // Only the deleted spreadsheet, not in the listing, is looked up by id.
    expect(standin.count('files.get')).toBe(1);
    expect(standin.count()).toBe(5);
    expect(result.totals).toMatchObject({
      units: 5,
      unitsRead: 3,
      unitsMissing: 0,
      unitsUnreadable: 2,
      rowsRead: 4,
      rowsValid: 3,
      rowsRejected: 1,
    });
    // A unit the control sheet lists without a spreadsheet yet: told so, with what the district does about it.
    expect(result.units.find((u) => u.unitId === 'chua')?.problems[0]?.message).toBe(
      "Liên đội chua chưa có bảng tính báo cáo trên Google Trang tính (cột 'Tệp báo cáo' trên bảng điều khiển đang ghi 'chua-co-bang-tinh'). Quận Đoàn sẽ tạo bảng tính và gửi đường dẫn cho đơn vị (lệnh tonghop provision).",
    );
    const byId = new Map(result.units.map((u) => [u.unitId, u]));
    expect(byId.get('xoa')?.problems[0]?.message).toMatch(
      /^Không tìm thấy bảng tính báo cáo của Liên đội xoa .*chia sẻ với tonghop@demo-tonghop\.iam\.gserviceaccount\.com/,
    );
    const stored = (await firestore.db.doc(`submissions/tap-huan-2024~mot-lan~som`).get()).data();
    // The birth date arrives as a serial number and is read as the date it shows; the phone keeps its leading zero.
    expect(stored?.rows[0].values).toMatchObject({
      hoTen: 'Nguyễn Thị Lan',
      ngaySinh: '1990-03-12',
      soDienThoai: '0983018027',
    });
    const tre = (await firestore.db.doc(`submissions/tap-huan-2024~mot-lan~tre`).get()).data();
    expect(tre?.rows[0].values.soDienThoai).toBe('0983018028');
    const loi = (await firestore.db.doc(`submissions/tap-huan-2024~mot-lan~loi`).get()).data();
    expect(loi?.rejected[0].errors[0].message).toMatch(/Số điện thoại/);
  });

  it('costs only the folder listing (and the deleted one) when nothing changed, and writes nothing', async () => {
    standin.clearLog();
    const result = await run();
    expect(result.totals.writes).toBe(0);
    expect(standin.count('values.batchGet')).toBe(0);
    expect(standin.count('files.export')).toBe(0);
    expect(standin.count('files.list')).toBe(1);
    expect(standin.count()).toBe(2);
  });

  it('finds the tabs in the one export when a spreadsheet lacks one, and names the missing tab', async () => {
    const id = standin.createSpreadsheet({
      title: 'Báo cáo thieu',
      parents: [TEST_FOLDER_ID],
      tabs: [{ name: 'Ghi chú', rows: [['Chưa làm']] }],
    });
    units.push(school('thieu', id));
    standin.clearLog();
    const result = await run();
    units.pop();
    expect(standin.requests.filter((r) => r.fileId === id).map((r) => [r.kind, r.status])).toEqual([
      ['files.export', 200],
    ]);
    const thieu = result.units.find((u) => u.unitId === 'thieu');
    expect(thieu?.problems.map((p) => p.message)).toEqual([expect.stringMatching(/chưa có trang 'Đăng ký tập huấn'/)]);
  });

  it('reads only the spreadsheet a unit edited, with its modifiedTime as the time of the change', async () => {
    const editedAt = new Date('2024-09-15T05:00:00Z');
    setClock(editedAt);
    standin.editCells(ids.loi ?? '', 'Đăng ký tập huấn', 'F5', [['0912345678']]);
    standin.clearLog();
    const result = await run();
    expect(standin.count('values.batchGet')).toBe(0);
    expect(standin.requests.filter((r) => r.kind === 'files.export').map((r) => r.fileId)).toEqual([ids.loi]);
    expect(result.totals).toMatchObject({ unitsRead: 1, submissionsWritten: 1, rowsRejected: 0 });
    const loi = (await firestore.db.doc(`submissions/tap-huan-2024~mot-lan~loi`).get()).data();
    expect(loi?.complete).toBe(true);
    expect(loi?.lastChangedAt.toDate()).toEqual(editedAt);
  });

  it('names the unit whose spreadsheet refuses access (403), and reads it again on the next sweep once access is back', async () => {
    setClock(new Date('2024-09-15T06:00:00Z'));
    standin.editCells(ids.tre ?? '', 'Đăng ký tập huấn', 'J5', [['Đi muộn 15 phút']]);
    standin.failNext(1, 403, { match: (r) => r.kind === 'files.export' && r.fileId === ids.tre });
    const denied = await run();
    const tre = denied.units.find((u) => u.unitId === 'tre');
    expect(tre?.outcome).toBe('unreadable');
    expect(tre?.problems[0]?.message).toMatch(
      /^Hệ thống không có quyền mở bảng tính báo cáo của Liên đội tre .*chia sẻ bảng tính với/,
    );
    const again = await run();
    expect(again.units.find((u) => u.unitId === 'tre')).toMatchObject({ outcome: 'read', rowsValid: 1 });
  });
});
