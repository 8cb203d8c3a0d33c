import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { compileForm, type CompiledForm } from '../../../functions/src/domain/forms/compile-form.js';
import { locateHeader, matchHeaders, STATUS_HEADER } from '../../../functions/src/domain/forms/header-match.js';
import {
  findTab,
  readFormTab,
  toStoredCell,
  type SheetRow,
  type SheetTab,
  type StoredCell,
  type TabReading,
} from '../../../functions/src/domain/forms/read-form-tab.js';

const specs = await loadBuiltinForms();

function form(id: string): CompiledForm {
  const spec = specs.find((s) => s.id === id);
  if (!spec) throw new Error(`built-in form ${id} not loaded`);
  return compileForm(spec);
}

const BAO_CAO = form('30-phut-bao-cao');
const TAP_HUAN = form('tap-huan-2024');

/** Rows numbered from `first`, as a sheet adapter hands them over. */
function rows(first: number, ...cells: RawCell[][]): SheetRow[] {
  return cells.map((c, i) => ({ rowNumber: first + i, cells: c }));
}

function tab(...sheetRows: SheetRow[]): SheetTab {
  return { name: 'Báo cáo 30 phút', rows: sheetRows };
}

const HEADER: RawCell[] = [
  'STT',
  'Tháng',
  'Tuần',
  'Địa điểm tổ chức',
  'Số lượng ĐVTN tham gia',
  'Nội dung tổ chức',
  'Hình thức tổ chức',
  'Kết quả hoạt động',
  STATUS_HEADER,
];
const GOOD: RawCell[] = [1, '4/2020', 1, 'Hội trường', 25, 'Vệ sinh', 'Trực tiếp', 'Tốt', 'Hợp lệ'];
const GOOD_VALUES = {
  stt: 1,
  thang: '2020-04',
  tuan: 1,
  diaDiem: 'Hội trường',
  soLuong: 25,
  noiDung: 'Vệ sinh',
  hinhThuc: 'Trực tiếp',
  ketQua: 'Tốt',
};

function expectConserved(reading: TabReading): void {
  expect(reading.rowsRead).toBe(reading.valid.length + reading.rejected.length);
}

describe('readFormTab: header row', () => {
  it('finds the header row below title rows and reads the rows under it', () => {
    const reading = readFormTab(
      BAO_CAO,
      tab(
        ...rows(1, ['ĐOÀN KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP'], ['MẪU BÁO CÁO KẾT QUẢ']),
        ...rows(4, ['Thực hiện mô hình “30 phút hành động” năm 2020'], HEADER, GOOD),
      ),
    );
    expect(reading.headerRowNumber).toBe(5);
    expect(reading.problems).toEqual([]);
    expect(reading.valid).toEqual([{ rowNumber: 6, periodId: '2020-04', values: GOOD_VALUES }]);
    expect(reading.rejected).toEqual([]);
    expect(reading.rowsRead).toBe(1);
    expect(reading.formId).toBe('30-phut-bao-cao');
    expect(reading.tab).toBe('Báo cáo 30 phút');
  });

  it.each<[string, RawCell[]]>([
    [
      'no accents, lower case',
      [
        'stt',
        'thang',
        'tuan',
        'dia diem to chuc',
        'so luong dvtn tham gia',
        'noi dung to chuc',
        'hinh thuc to chuc',
        'ket qua hoat dong',
      ],
    ],
    [
      'upper case with extra spaces',
      [
        '  STT ',
        'THÁNG',
        ' TUẦN  ',
        'ĐỊA   ĐIỂM TỔ CHỨC',
        'SỐ LƯỢNG ĐVTN THAM GIA',
        'NỘI DUNG TỔ CHỨC',
        'HÌNH THỨC TỔ CHỨC',
        'KẾT QUẢ HOẠT ĐỘNG',
      ],
    ],
    [
      'NFD, NBSP and a trailing colon',
      HEADER.slice(0, 8).map((h) => `${String(h).normalize('NFD').replace(' ', '\u00a0')}:`),
    ],
    [
      "the seed's short names (aliases)",
      ['STT', 'Tháng', 'Tuần', 'Địa điểm', 'Số lượng ĐVTN tham gia', 'Nội dung', 'Hình thức', 'Kết quả'],
    ],
    [
      'other aliases, columns in another order',
      ['Kết quả', 'Số người tham gia', 'Tuần', 'Tháng', 'Địa điểm', 'Nội dung', 'Hình thức', 'STT'],
    ],
  ])('matches headers: %s', (_label, header) => {
    const byKey: Record<string, RawCell> = {
      stt: 1,
      thang: '4/2020',
      tuan: 1,
      diaDiem: 'Hội trường',
      soLuong: 25,
      noiDung: 'Vệ sinh',
      hinhThuc: 'Trực tiếp',
      ketQua: 'Tốt',
    };
    const match = matchHeaders(BAO_CAO.spec, header);
    const cells = header.map(
      (_, index) => byKey[[...match.indexByKey].find(([, i]) => i === index)?.[0] ?? ''] ?? null,
    );
    const reading = readFormTab(BAO_CAO, tab(...rows(1, header, cells)));
    expect(match.indexByKey.size).toBe(8);
    expect(match.unknown).toEqual([]);
    expect(reading.problems).toEqual([]);
    expect(reading.valid).toEqual([{ rowNumber: 2, periodId: '2020-04', values: GOOD_VALUES }]);
  });

  it.each<[string, string, number]>([
    ['Họ tên', 'hoTen', 1],
    ['SĐT', 'soDienThoai', 1],
    ['so dt', 'soDienThoai', 1],
    ['Di động', 'soDienThoai', 1],
    ['E-mail', 'email', 1],
    ['Chức danh', 'chucVu', 1],
    ['Kinh phí', 'daDongKinhPhi', 1],
  ])("matchHeaders: alias '%s' → %s", (header, key, index) => {
    expect(matchHeaders(TAP_HUAN.spec, ['STT', header]).indexByKey.get(key)).toBe(index);
  });

  it.each<[string, RawCell[][], number | undefined]>([
    ['one matching header is not enough', [['Tháng'], ['STT', 'Tháng']], 1],
    ['the row matching the most columns wins', [['Tháng', 'Tuần'], HEADER], 1],
    [
      'nothing recognizable',
      [
        ['Họ và tên', 'Lớp'],
        ['a', 'b'],
      ],
      undefined,
    ],
    ['an empty tab', [], undefined],
  ])('locateHeader: %s', (_label, sheetRows, expected) => {
    expect(locateHeader(BAO_CAO.spec, sheetRows)?.index).toBe(expected);
  });

  it('locateHeader looks only at the first rows', () => {
    const sheetRows: RawCell[][] = [...Array.from({ length: 30 }, () => ['tiêu đề']), HEADER];
    expect(locateHeader(BAO_CAO.spec, sheetRows)).toBeUndefined();
    expect(locateHeader(BAO_CAO.spec, sheetRows, 31)?.index).toBe(30);
  });

  it.each([STATUS_HEADER, 'Tình trạng', 'tinh trang (he thong ghi)'])(
    "recognizes the status column '%s' and never reads it",
    (status) => {
      const header = [...HEADER.slice(0, 8), status];
      const match = matchHeaders(BAO_CAO.spec, header);
      expect(match.statusIndex).toBe(8);
      expect(match.unknown).toEqual([]);
      const reading = readFormTab(BAO_CAO, tab(...rows(1, header, GOOD)));
      expect(reading.problems).toEqual([]);
      expect(reading.valid[0]?.values).toEqual(GOOD_VALUES);
    },
  );
});

describe('readFormTab: problems of the whole tab', () => {
  const withoutTuan = ['STT', 'Tháng', 'Địa điểm', 'Số lượng ĐVTN tham gia', 'Nội dung', 'Hình thức'];
  const reading = readFormTab(
    BAO_CAO,
    tab(
      ...rows(
        1,
        withoutTuan,
        [1, '4/2020', 'x', 2, 'a', 'b'],
        [2, '5/2020', 'x', 'abc', 'a', 'b'],
        [3, '13/2020', 'x', 2, 'a', 'b'],
      ),
    ),
  );

  it('reports a missing required column once, as a tab error', () => {
    expect(reading.problems).toEqual([
      {
        severity: 'error',
        message:
          "Trang 'Báo cáo 30 phút': thiếu cột bắt buộc 'Tuần' (tiêu đề được chấp nhận: 'Tuần'). Hãy thêm lại cột hoặc sửa tiêu đề cho đúng.",
      },
    ]);
  });

  it('still rejects and keeps every row, pointing to the missing column instead of repeating it', () => {
    expect(reading.valid).toEqual([]);
    expect(reading.rejected.map((r) => [r.rowNumber, r.periodId, r.errors.map((e) => e.message)])).toEqual([
      [2, '2020-04', ["Dòng 2: chưa ghi nhận vì trang thiếu cột bắt buộc 'Tuần'."]],
      [
        3,
        '2020-05',
        [
          "Dòng 3, cột 'Số lượng ĐVTN tham gia': 'abc' không phải số (cần một số nguyên, ví dụ 25).",
          "Dòng 3: chưa ghi nhận vì trang thiếu cột bắt buộc 'Tuần'.",
        ],
      ],
      [
        4,
        'chua-xac-dinh',
        [
          "Dòng 4, cột 'Tháng': '13/2020' không có tháng 13 (cần tháng/năm, ví dụ 4/2020).",
          "Dòng 4: chưa ghi nhận vì trang thiếu cột bắt buộc 'Tuần'.",
        ],
      ],
    ]);
    expect(reading.rejected.flatMap((r) => r.errors).filter((e) => e.column === 'Tuần')).toEqual([]);
    expectConserved(reading);
  });

  it('names every accepted header of a missing column with aliases', () => {
    const noName = readFormTab(TAP_HUAN, {
      name: 'Đăng ký tập huấn',
      rows: rows(1, ['STT', 'Chức vụ', 'SĐT'], [1, 'TPT', '0983018027']),
    });
    expect(noName.problems.map((p) => p.message)).toEqual([
      "Trang 'Đăng ký tập huấn': thiếu cột bắt buộc 'Họ và tên' (tiêu đề được chấp nhận: 'Họ và tên', 'Họ tên', 'Họ và tên đồng chí'). Hãy thêm lại cột hoặc sửa tiêu đề cho đúng.",
    ]);
    expect(noName.rejected.map((r) => r.errors.map((e) => e.message))).toEqual([
      ["Dòng 2: chưa ghi nhận vì trang thiếu cột bắt buộc 'Họ và tên'."],
    ]);
  });

  it('warns about a duplicate header, naming its columns, and uses the first', () => {
    const reading2 = readFormTab(BAO_CAO, tab(...rows(1, [...HEADER, 'Tuần'], [...GOOD, 4])));
    expect(reading2.problems).toEqual([
      {
        severity: 'warning',
        message: "Trang 'Báo cáo 30 phút': cột 'Tuần' xuất hiện 2 lần (cột C, J); hệ thống dùng cột C.",
      },
    ]);
    expect(reading2.valid[0]?.values.tuan).toBe(1);
  });

  it('counts a header and its alias as the same column', () => {
    const reading2 = readFormTab(BAO_CAO, tab(...rows(1, [...HEADER.slice(0, 8), 'Địa điểm'], GOOD.slice(0, 8))));
    expect(reading2.problems.map((p) => p.message)).toEqual([
      "Trang 'Báo cáo 30 phút': cột 'Địa điểm tổ chức' xuất hiện 2 lần (cột D, I); hệ thống dùng cột D.",
    ]);
  });

  it('warns about a header the form does not know, with its column letter', () => {
    const reading2 = readFormTab(BAO_CAO, tab(...rows(1, [...HEADER, '  Ghi   chú riêng '], [...GOOD, 'ghi chú'])));
    expect(reading2.problems).toEqual([
      {
        severity: 'warning',
        message: "Trang 'Báo cáo 30 phút': cột 'Ghi chú riêng' (cột J) không thuộc biểu mẫu nên không được tổng hợp.",
      },
    ]);
    expect(reading2.valid).toHaveLength(1);
  });
});

describe('readFormTab: empty rows', () => {
  it.each<[string, RawCell[]]>([
    ['only the STT counter', [7]],
    ['only the STT counter as text', ['7']],
    ['only the status column', [null, null, null, null, null, null, null, null, 'Dòng 9, cột …: chưa nhập']],
    ['STT and status', [8, '', null, undefined, null, null, null, null, 'Hợp lệ']],
    ['spaces, NBSP, zero-width and tab', [null, ' ', '\u00a0', '\u200b', '\t', '\u3000', null, '\u00a0\u00a0']],
    ['no cells at all', []],
  ])('a row holding %s is not read', (_label, cells) => {
    const reading = readFormTab(BAO_CAO, tab(...rows(1, HEADER, GOOD, cells)));
    expect(reading.valid).toHaveLength(1);
    expect(reading.rejected).toEqual([]);
    expect(reading.rowsRead).toBe(1);
  });

  it('treats blank-looking cells of a read row as blank (optional cells omitted)', () => {
    const reading = readFormTab(
      BAO_CAO,
      tab(...rows(1, HEADER, [2, '4/2020', 1, 'Hội trường', 25, 'Vệ sinh', 'Trực tiếp', '\u00a0 \u200b', ' '])),
    );
    expect(reading.valid).toEqual([
      {
        rowNumber: 2,
        periodId: '2020-04',
        values: {
          stt: 2,
          thang: '2020-04',
          tuan: 1,
          diaDiem: 'Hội trường',
          soLuong: 25,
          noiDung: 'Vệ sinh',
          hinhThuc: 'Trực tiếp',
        },
      },
    ]);
  });

  it('reads a row holding only an unknown column (nothing is lost)', () => {
    const reading = readFormTab(
      BAO_CAO,
      tab(
        ...rows(
          1,
          [...HEADER, 'Ghi chú riêng'],
          [null, null, null, null, null, null, null, null, null, 'chỉ có ghi chú'],
        ),
      ),
    );
    expect(reading.rejected.map((r) => [r.rowNumber, r.cells])).toEqual([[2, { 'Ghi chú riêng': 'chỉ có ghi chú' }]]);
    expectConserved(reading);
  });
});

describe('readFormTab: rejected rows keep their raw cells', () => {
  it("keyed by the form's header for recognised columns (as messages name them), the sheet's otherwise, without the status column or blank cells", () => {
    const header = [
      'stt',
      ' THÁNG ',
      'Tuần',
      'Địa điểm',
      'Số người tham gia',
      'Nội dung',
      'Hình thức',
      'Kết quả',
      'Tình trạng',
      'Tuần',
      '',
    ];
    const reading = readFormTab(
      BAO_CAO,
      tab(...rows(1, header, [3, '4/2019', 6, 'x', 25, 'a', 'b', '', 'lỗi cũ', 7, 'lạc cột'])),
    );
    expect(reading.rejected).toHaveLength(1);
    expect(reading.rejected[0]?.cells).toEqual({
      STT: 3,
      Tháng: '4/2019',
      Tuần: 6,
      'Địa điểm tổ chức': 'x',
      'Số lượng ĐVTN tham gia': 25,
      'Nội dung tổ chức': 'a',
      'Hình thức tổ chức': 'b',
      'Tuần (2)': 7,
      'Cột K': 'lạc cột',
    });
    expect(reading.rejected[0]?.periodId).toBe('chua-xac-dinh');
    expect(reading.rejected[0]?.errors.map((e) => e.column)).toEqual(['Tháng', 'Tuần']);
  });

  it('stores a Date cell as wall-clock ISO text and an error cell as its code', () => {
    const reading = readFormTab(TAP_HUAN, {
      name: 'Đăng ký tập huấn',
      rows: rows(
        1,
        ['Họ và tên', 'Chức vụ', 'Ngày sinh', 'Số điện thoại'],
        ['A', 'Hiệu trưởng', new Date(Date.UTC(1990, 8, 15)), { error: '#N/A' }],
      ),
    });
    expect(reading.rejected[0]?.cells).toEqual({
      'Họ và tên': 'A',
      'Chức vụ': 'Hiệu trưởng',
      'Ngày sinh': '1990-09-15T00:00:00',
      'Số điện thoại': '#N/A',
    });
  });

  it.each<[RawCell, StoredCell]>([
    [null, ''],
    [undefined, ''],
    ['  chữ ', '  chữ '],
    [25, 25],
    [true, true],
    [Number.NaN, 'NaN'],
    [new Date(Date.UTC(2024, 8, 15, 10, 0, 30)), '2024-09-15T10:00:30'],
    [new Date(Date.UTC(2024, 8, 15, 10, 0, 0, 250)), '2024-09-15T10:00:00.250'],
    [new Date(Number.NaN), 'Invalid Date'],
    [{ error: '#REF!' }, '#REF!'],
  ])('toStoredCell(%o) → %o', (cell, stored) => {
    expect(toStoredCell(cell)).toEqual(stored);
  });
});

describe('readFormTab: a tab without a recognizable header', () => {
  const reading = readFormTab(
    BAO_CAO,
    tab(...rows(1, ['Báo cáo tháng 4'], ['Họ tên', 'Ghi chú'], [1, '4/2020', 'x'], [null, ' '], [2])),
  );

  it('reports one tab error naming the required columns', () => {
    expect(reading.headerRowNumber).toBeUndefined();
    expect(reading.problems).toEqual([
      {
        severity: 'error',
        message:
          "Trang 'Báo cáo 30 phút': không tìm thấy dòng tiêu đề của biểu mẫu (cần các cột 'Tháng', 'Tuần', 'Địa điểm tổ chức', 'Số lượng ĐVTN tham gia', 'Nội dung tổ chức', 'Hình thức tổ chức'). Có thể tiêu đề cột đã bị đổi tên; hãy dùng lại tiêu đề như biểu mẫu.",
      },
    ]);
  });

  it('rejects every non-empty row with a message and keeps its cells by column letter', () => {
    expect(reading.valid).toEqual([]);
    expect(reading.rejected.map((r) => [r.rowNumber, r.periodId, r.cells, r.errors.map((e) => e.message)])).toEqual([
      [
        1,
        'chua-xac-dinh',
        { 'Cột A': 'Báo cáo tháng 4' },
        ['Dòng 1: chưa ghi nhận vì trang không có dòng tiêu đề của biểu mẫu.'],
      ],
      [
        2,
        'chua-xac-dinh',
        { 'Cột A': 'Họ tên', 'Cột B': 'Ghi chú' },
        ['Dòng 2: chưa ghi nhận vì trang không có dòng tiêu đề của biểu mẫu.'],
      ],
      [
        3,
        'chua-xac-dinh',
        { 'Cột A': 1, 'Cột B': '4/2020', 'Cột C': 'x' },
        ['Dòng 3: chưa ghi nhận vì trang không có dòng tiêu đề của biểu mẫu.'],
      ],
      [5, 'chua-xac-dinh', { 'Cột A': 2 }, ['Dòng 5: chưa ghi nhận vì trang không có dòng tiêu đề của biểu mẫu.']],
    ]);
    expect(reading.rowsRead).toBe(4);
  });

  it("puts the rows of a single-period form in that form's period", () => {
    const r = readFormTab(TAP_HUAN, {
      name: 'Đăng ký tập huấn',
      rows: rows(1, ['Danh sách'], ['Nguyễn Văn A', 'TPT']),
    });
    expect(r.rejected.map((x) => x.periodId)).toEqual(['mot-lan', 'mot-lan']);
  });

  it('reads an empty tab as nothing', () => {
    const r = readFormTab(BAO_CAO, tab());
    expect([r.valid, r.rejected, r.rowsRead]).toEqual([[], [], 0]);
  });
});

describe('readFormTab: counts are conserved', () => {
  it.each<[string, SheetRow[]]>([
    ['good and bad rows', rows(1, HEADER, GOOD, [2, '4/2019', 1, 'x', 1, 'a', 'b'], [3], GOOD)],
    ['missing column', rows(1, ['Tháng', 'Địa điểm'], ['4/2020', 'x'], ['5/2020', 'y'])],
    ['no header', rows(1, ['a'], ['b', 'c'])],
    ['rows above the header are not read', rows(1, ['KẾ HOẠCH'], [1, 'nhầm chỗ'], HEADER, GOOD)],
  ])('%s: rowsRead = valid + rejected', (_label, sheetRows) => {
    const reading = readFormTab(BAO_CAO, tab(...sheetRows));
    expectConserved(reading);
    expect(reading.rowsRead).toBeGreaterThan(0);
  });

  it('keeps the row numbers the spreadsheet shows, even with gaps', () => {
    const reading = readFormTab(
      BAO_CAO,
      tab({ rowNumber: 3, cells: HEADER }, { rowNumber: 10, cells: GOOD }, { rowNumber: 42, cells: [5, '13/2020'] }),
    );
    expect(reading.headerRowNumber).toBe(3);
    expect(reading.valid.map((r) => r.rowNumber)).toEqual([10]);
    expect(reading.rejected.map((r) => r.rowNumber)).toEqual([42]);
    expect(reading.rejected[0]?.errors[0]?.message.startsWith("Dòng 42, cột 'Tháng': ")).toBe(true);
  });
});

describe("readFormTab: the seed's own report layout", () => {
  // The seed's "MẪU BÁO CÁO KẾT QUẢ" has a two-row header: "Quy mô tổ chức" spans Tháng | Tuần.
  // A unit copying that form must get its rows read, not every row rejected for missing 'Tháng' and 'Tuần'.
  it('reads rows under the two-row header (Quy mô tổ chức over Tháng | Tuần)', () => {
    const reading = readFormTab(
      BAO_CAO,
      tab(
        ...rows(
          1,
          [
            'STT',
            'Quy mô tổ chức',
            null,
            'Địa điểm tổ chức',
            'Số lượng ĐVTN tham gia',
            'Nội dung tổ chức',
            'Hình thức tổ chức',
            'Kết quả hoạt động',
          ],
          [null, 'Tháng', 'Tuần'],
          [1, '4/2020', 1, 'Hội trường', 25, 'Vệ sinh', 'Trực tiếp', 'Tốt'],
        ),
      ),
    );
    expect(reading.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(reading.valid).toEqual([{ rowNumber: 3, periodId: '2020-04', values: GOOD_VALUES }]);
    expect(reading.rejected).toEqual([]);
  });
});

describe('findTab', () => {
  const tabs = [{ name: 'Báo cáo 30 phút' }, { name: 'Đăng ký tập huấn' }, { name: 'Hướng dẫn' }];

  it.each<[string, string | undefined]>([
    ['Báo cáo 30 phút', 'Báo cáo 30 phút'],
    ['bao cao 30 phut', 'Báo cáo 30 phút'],
    ['  BÁO  CÁO 30 PHÚT ', 'Báo cáo 30 phút'],
    ['Báo cáo 30 phút'.normalize('NFD'), 'Báo cáo 30 phút'],
    ['dang ky tap huan', 'Đăng ký tập huấn'],
    ['Báo cáo 30', undefined],
    ['Báo cáo 31 phút', undefined],
  ])("findTab('%s')", (name, expected) => {
    expect(findTab(tabs, name)?.name).toBe(expected);
  });
});
