import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import { readFormTab, type SheetRow } from '../../../functions/src/domain/forms/read-form-tab.js';

const specs = await loadBuiltinForms();
const compiled = (id: string) => {
  const spec = specs.find((s) => s.id === id);
  if (!spec) throw new Error(`no form ${id}`);
  return compileForm(spec);
};
const KHN = compiled('ke-hoach-nho-65-nam');
const TAP_HUAN = compiled('tap-huan-2024');

const KHN_HEADER: RawCell[] = [
  'STT',
  'Hoạt động',
  'Tên hoạt động, nội dung',
  'Ngày tổ chức',
  'Số đội viên tham gia',
  'Số tiền thu được',
  'Khối lượng thu gom (kg)',
  'Ghi chú',
];
const KHN_ROWS: RawCell[][] = [
  [1, 'Thu gom', 'Thu gom giấy vụn đợt 1', '25/11/2023', 450, 3_500_000, 1250, null],
  [2, 'Thu gom', 'Thu gom giấy vụn đợt 2', '2/12/2023', 300, 2_000_000, 800, null],
];
const TAP_HUAN_HEADER: RawCell[] = [
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

function sheet(header: RawCell[], ...body: RawCell[][]): { name: string; rows: SheetRow[] } {
  return { name: 'x', rows: [header, ...body].map((cells, i) => ({ rowNumber: i + 1, cells })) };
}

describe('footer rows: totals and signature blocks are recognised, never data, never lost', () => {
  it.each<[string, RawCell[]]>([
    ['a "Tổng cộng" label', [null, 'Tổng cộng', null, null, 750, 5_500_000, 2050, null]],
    ['"CỘNG:" in the STT column', ['CỘNG:', null, null, null, 750, 5_500_000, 2050, null]],
    ['"Tổng số" with a note', [null, 'Tổng số', 'hai đợt', null, 750, null, null, null]],
    ['numbers only, each the sum of its column (a cached =SUM)', [null, null, null, null, 750, 5_500_000, 2050, null]],
  ])('%s is a total row: left out, with its status', (_, total) => {
    const reading = readFormTab(KHN, sheet(KHN_HEADER, ...KHN_ROWS, total));
    expect(reading.footer).toEqual([{ rowNumber: 4, kind: 'total' }]);
    expect(reading.valid).toHaveLength(2);
    expect(reading.rejected).toEqual([]);
    expect(reading.rowsRead).toBe(2);
  });

  it('reads a signature block under the table (titles, the place-and-date line, "(Ký, ghi rõ họ tên)", names) as footer', () => {
    const reading = readFormTab(
      KHN,
      sheet(
        KHN_HEADER,
        ...KHN_ROWS,
        [null, null, null, null, null, 'Hà Nội, ngày 14 tháng 12 năm 2023'],
        [null, 'NGƯỜI LẬP BIỂU', null, null, null, 'TM. BAN CHẤP HÀNH'],
        [null, '(Ký, ghi rõ họ tên)', null, null, null, 'BÍ THƯ'],
        [null, 'Nguyễn Thị Lan', null, null, null, 'Trần Văn Minh'],
      ),
    );
    expect(reading.footer.map((f) => [f.rowNumber, f.kind])).toEqual([
      [4, 'signature'],
      [5, 'signature'],
      [6, 'signature'],
      [7, 'signature'],
    ]);
    expect(reading.valid).toHaveLength(2);
    expect(reading.rejected).toEqual([]);
  });

  it.each<[string, RawCell[]]>([
    [
      'a participant whose role is "Bí thư"',
      [3, 'Lê Văn Cường', 'Bí thư', 'Nam', null, '0983018027', null, null, null, null],
    ],
    ['a sparse row naming a role only', [3, 'Lê Văn Cường', 'Bí thư']],
    [
      'a participant with "Tổng phụ trách Đội" as role',
      [3, 'Lê Văn Cường', 'Tổng phụ trách Đội', 'Nam', null, null, null, null, null, null],
    ],
    ['a date written in words', [3, 'Lê Văn Cường', 'TPT', 'Nam', 'ngày 15 tháng 9 năm 1990']],
  ])('never takes a data row for a footer: %s', (_, row) => {
    const reading = readFormTab(
      TAP_HUAN,
      sheet(
        TAP_HUAN_HEADER,
        [1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', null, '0983018027', null, null, null, null],
        [2, 'Trần Minh', 'TPT', 'Nam', null, null, null, null, null, null],
        row,
      ),
    );
    expect(reading.footer).toEqual([]);
    expect(reading.rowsRead).toBe(3);
  });

  it('a row of numbers that are not the sums above is data (rejected with its reasons, not hidden)', () => {
    const reading = readFormTab(
      KHN,
      sheet(KHN_HEADER, ...KHN_ROWS, [null, null, null, null, 700, 5_500_000, 2050, null]),
    );
    expect(reading.footer).toEqual([]);
    expect(reading.rejected.map((r) => r.rowNumber)).toEqual([4]);
  });

  it('data rows after a signature block end it and are read', () => {
    const reading = readFormTab(
      KHN,
      sheet(
        KHN_HEADER,
        KHN_ROWS[0] as RawCell[],
        [null, 'NGƯỜI LẬP BIỂU'],
        [3, 'Thu gom', 'Thu gom giấy vụn đợt 3', '9/12/2023', 120, 900_000, 300, null],
      ),
    );
    expect(reading.footer).toEqual([{ rowNumber: 3, kind: 'signature' }]);
    expect(reading.valid.map((r) => r.rowNumber)).toEqual([2, 4]);
  });
});
