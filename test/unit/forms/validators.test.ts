import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { CellValue } from '../../../functions/src/domain/forms/cell-parser.js';
import { compileForm, type CompiledForm, type RowOutcome } from '../../../functions/src/domain/forms/compile-form.js';

const compiled = new Map((await loadBuiltinForms()).map((spec) => [spec.id, compileForm(spec)]));

function form(id: string): CompiledForm {
  const found = compiled.get(id);
  if (!found) throw new Error(`built-in form ${id} not loaded`);
  return found;
}

const ROW = 12;
type Cells = Record<string, RawCell>;

function validate(formId: string, cells: Cells): RowOutcome {
  return form(formId).validateRow(ROW, cells);
}

/** A wall-clock date cell as sheet adapters hand it over (UTC fields hold the spreadsheet's value). */
function dateCell(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

const NFD = (s: string) => s.normalize('NFD');
const REQUIRED = 'chưa nhập (cột bắt buộc).';

describe('valid rows of each seed form: exact normalized values and period', () => {
  it.each<[string, string, Cells, Record<string, CellValue>, string]>([
    [
      'full registration as the template shows it',
      'tap-huan-2024',
      {
        stt: 1,
        hoTen: 'Nguyễn Thị Mai',
        chucVu: 'Tổng phụ trách Đội',
        gioiTinh: 'Nữ',
        ngaySinh: '15/09/1990',
        soDienThoai: '0983.018.027',
        email: 'mai@thltv.edu.vn',
        thamGia: 'Tập huấn 18/9/2024, Hành trình 20–22/9/2024',
        daDongKinhPhi: 'Có',
        ghiChu: 'Ăn chay',
      },
      {
        stt: 1,
        hoTen: 'Nguyễn Thị Mai',
        chucVu: 'Tổng phụ trách Đội',
        gioiTinh: 'Nữ',
        ngaySinh: '1990-09-15',
        soDienThoai: '0983018027',
        email: 'mai@thltv.edu.vn',
        thamGia: ['Tập huấn 18/9/2024', 'Hành trình 20–22/9/2024'],
        daDongKinhPhi: true,
        ghiChu: 'Ăn chay',
      },
      'mot-lan',
    ],
    [
      "alias 'TPT', no accents, phone that lost its leading zero, Date cell, 'x' for yes",
      'tap-huan-2024',
      {
        hoTen: 'Tran Van Binh',
        chucVu: 'TPT',
        gioiTinh: 'nam',
        ngaySinh: dateCell(1988, 3, 2),
        soDienThoai: 983018027,
        email: ' Binh.Tran@GMAIL.com ',
        thamGia: 'tap huan',
        daDongKinhPhi: 'x',
      },
      {
        hoTen: 'Tran Van Binh',
        chucVu: 'Tổng phụ trách Đội',
        gioiTinh: 'Nam',
        ngaySinh: '1988-03-02',
        soDienThoai: '0983018027',
        email: 'binh.tran@gmail.com',
        thamGia: ['Tập huấn 18/9/2024'],
        daDongKinhPhi: true,
      },
      'mot-lan',
    ],
    [
      'NFD text typed on a Mac, lowercase role, +84 phone, only the required cells',
      'tap-huan-2024',
      {
        hoTen: NFD('Lê Ánh Hồng'),
        chucVu: NFD('phó bí thư chi đoàn'),
        soDienThoai: '+84 983 018 027',
        gioiTinh: '',
        ghiChu: '\u00a0',
      },
      { hoTen: 'Lê Ánh Hồng', chucVu: 'Phó Bí thư Chi đoàn giáo viên', soDienThoai: '0983018027' },
      'mot-lan',
    ],
    [
      'registration with short aliases and unit words',
      '30-phut-dang-ky',
      {
        thoiDiem: 'Chiều',
        ngayTrongTuan: 'T2, thứ 5',
        soLanMoiTuan: '2',
        soDoanVien: '45 đoàn viên',
        phuTrach: 'Nguyễn Văn Dũng',
        noiDungDuKien: 'Vệ sinh trụ sở cơ quan',
      },
      {
        thoiDiem: '30 phút cuối buổi chiều',
        ngayTrongTuan: ['Thứ Hai', 'Thứ Năm'],
        soLanMoiTuan: 2,
        soDoanVien: 45,
        phuTrach: 'Nguyễn Văn Dũng',
        noiDungDuKien: 'Vệ sinh trụ sở cơ quan',
      },
      'mot-lan',
    ],
    [
      "month typed '4/2020'",
      '30-phut-bao-cao',
      {
        stt: 1,
        thang: '4/2020',
        tuan: 1,
        diaDiem: 'Hội trường cơ quan',
        soLuong: '25',
        noiDung: 'Vệ sinh phòng làm việc',
        hinhThuc: 'Trực tiếp',
        ketQua: 'Sạch đẹp',
      },
      {
        stt: 1,
        thang: '2020-04',
        tuan: 1,
        diaDiem: 'Hội trường cơ quan',
        soLuong: 25,
        noiDung: 'Vệ sinh phòng làm việc',
        hinhThuc: 'Trực tiếp',
        ketQua: 'Sạch đẹp',
      },
      '2020-04',
    ],
    [
      'month as a Date cell (1/5/2020)',
      '30-phut-bao-cao',
      {
        thang: dateCell(2020, 5, 1),
        tuan: '2',
        diaDiem: 'Sân cơ quan',
        soLuong: 30,
        noiDung: 'Trồng cây',
        hinhThuc: 'Lao động',
      },
      { thang: '2020-05', tuan: 2, diaDiem: 'Sân cơ quan', soLuong: 30, noiDung: 'Trồng cây', hinhThuc: 'Lao động' },
      '2020-05',
    ],
    [
      "week typed 'Tuần 3' and 'tuần thứ 4' in the column 'Tuần'",
      '30-phut-bao-cao',
      { thang: '6/2020', tuan: 'Tuần 3', diaDiem: 'x', soLuong: 1, noiDung: 'y', hinhThuc: 'z' },
      { thang: '2020-06', tuan: 3, diaDiem: 'x', soLuong: 1, noiDung: 'y', hinhThuc: 'z' },
      '2020-06',
    ],
    [
      "week typed 'tuần thứ 4'",
      '30-phut-bao-cao',
      { thang: '6/2020', tuan: 'tuần thứ 4', diaDiem: 'x', soLuong: 1, noiDung: 'y', hinhThuc: 'z' },
      { thang: '2020-06', tuan: 4, diaDiem: 'x', soLuong: 1, noiDung: 'y', hinhThuc: 'z' },
      '2020-06',
    ],
    [
      "the plan's last month written 'Tháng 12/2022'",
      '30-phut-bao-cao',
      { thang: 'Tháng 12/2022', tuan: 5, diaDiem: 'x', soLuong: 0, noiDung: 'y', hinhThuc: 'z' },
      { thang: '2022-12', tuan: 5, diaDiem: 'x', soLuong: 0, noiDung: 'y', hinhThuc: 'z' },
      '2022-12',
    ],
    [
      "money '1,9 triệu', alias 'Thu gom', date in words",
      'ke-hoach-nho-65-nam',
      {
        stt: 1,
        hoatDong: 'Thu gom',
        noiDung: 'Thu gom giấy vụn',
        ngayToChuc: 'ngày 2 tháng 12 năm 2023',
        soDoiVien: '1.200',
        soTien: '1,9 triệu',
        khoiLuong: '350,5',
      },
      {
        stt: 1,
        hoatDong: 'Thu gom giấy vụn, phế liệu',
        noiDung: 'Thu gom giấy vụn',
        ngayToChuc: '2023-12-02',
        soDoiVien: 1200,
        soTien: 1_900_000,
        khoiLuong: 350.5,
      },
      'mot-lan',
    ],
    [
      "money '1.900.000 đ', activity without accents",
      'ke-hoach-nho-65-nam',
      {
        hoatDong: 'mo hinh tieu bieu',
        noiDung: 'Công trình măng non',
        ngayToChuc: '20/11/2023',
        soTien: '1.900.000 đ',
      },
      {
        hoatDong: 'Mô hình, công trình tiêu biểu đề cử khen thưởng',
        noiDung: 'Công trình măng non',
        ngayToChuc: '2023-11-20',
        soTien: 1_900_000,
      },
      'mot-lan',
    ],
    [
      'joint-plan dialogue typed without accents',
      'lien-tich-2022-2023',
      { stt: 1, ngay: '15-10-2022', loai: 'doi thoai', ten: 'Đối thoại học kỳ I', soNguoi: 300 },
      {
        stt: 1,
        ngay: '2022-10-15',
        loai: 'Gặp gỡ, đối thoại giữa nhà trường với học sinh',
        ten: 'Đối thoại học kỳ I',
        soNguoi: 300,
      },
      '2022-2023',
    ],
    [
      'member registration with HSSV alias',
      'ren-luyen-2014-dang-ky',
      {
        hoTen: 'Phạm Thu Trang',
        ngaySinh: '2/9/1995',
        doiTuong: 'HSSV',
        renLuyen: '1. Học tập tốt',
        hanhDong: '1. Hiến máu',
        ngayDangKy: '20/3/2014',
      },
      {
        hoTen: 'Phạm Thu Trang',
        ngaySinh: '1995-09-02',
        doiTuong: 'Đoàn viên học sinh, sinh viên',
        renLuyen: '1. Học tập tốt',
        hanhDong: '1. Hiến máu',
        ngayDangKy: '2014-03-20',
      },
      'mot-lan',
    ],
    [
      "phase 'Đợt 2', 'HTXS', result without accents",
      'ren-luyen-2014-danh-gia',
      { dot: 'Đợt 2', hoTen: 'Trần Thị Bích', renLuyen: 'HTXS', hanhDong: 'hoan thanh tot' },
      { dot: 'Đợt II', hoTen: 'Trần Thị Bích', renLuyen: 'Hoàn thành xuất sắc', hanhDong: 'Hoàn thành tốt' },
      'dot-2',
    ],
    [
      "phase by its name 'Đợt IV' in NFD",
      'ren-luyen-2014-danh-gia',
      { dot: NFD('Đợt IV'), hoTen: 'A', renLuyen: 'KHT', hanhDong: 'HT', nhanXet: 'Cần cố gắng' },
      { dot: 'Đợt IV', hoTen: 'A', renLuyen: 'Không hoàn thành', hanhDong: 'Hoàn thành', nhanXet: 'Cần cố gắng' },
      'dot-4',
    ],
    [
      'phase typed as the number 1',
      'ren-luyen-2014-danh-gia',
      { dot: 1, hoTen: 'B', renLuyen: 'Tốt', hanhDong: 'Xuất sắc' },
      { dot: 'Đợt I', hoTen: 'B', renLuyen: 'Hoàn thành tốt', hanhDong: 'Hoàn thành xuất sắc' },
      'dot-1',
    ],
  ])('%s (%s)', (_label, formId, cells, values, periodId) => {
    expect(validate(formId, cells)).toEqual({ ok: true, rowNumber: ROW, periodId, values });
  });

  it('ignores cells for keys the form does not have', () => {
    const outcome = validate('lien-tich-2022-2023', { ngay: '1/6/2023', loai: 'Khác', ten: 'x', khac: 'bỏ qua' });
    expect(outcome).toEqual({
      ok: true,
      rowNumber: ROW,
      periodId: '2022-2023',
      values: { ngay: '2023-06-01', loai: 'Hoạt động khác', ten: 'x' },
    });
  });

  it('gives every valid value in NFC', () => {
    const outcome = validate('ren-luyen-2014-dang-ky', {
      hoTen: NFD('Đặng Thị Ngọc Quý'),
      doiTuong: NFD('địa bàn dân cư'),
      renLuyen: NFD('Rèn luyện'),
      hanhDong: NFD('Hành động'),
    });
    expect(outcome.ok && outcome.values).toEqual({
      hoTen: 'Đặng Thị Ngọc Quý',
      doiTuong: 'Đoàn viên địa bàn dân cư',
      renLuyen: 'Rèn luyện',
      hanhDong: 'Hành động',
    });
  });
});

describe('invalid rows: Vietnamese messages naming the row, the column and what was expected', () => {
  it.each<[string, string, Cells, [string, string][], string]>([
    [
      'required cells left blank (empty, spaces, NBSP)',
      'tap-huan-2024',
      { hoTen: '', chucVu: '   ', soDienThoai: '\u00a0', email: 'mai@thltv.edu.vn' },
      [
        ['Họ và tên', REQUIRED],
        ['Chức vụ', REQUIRED],
        ['Số điện thoại', REQUIRED],
      ],
      'mot-lan',
    ],
    [
      'role, phone, email, date, yes/no, participation and gender all wrong',
      'tap-huan-2024',
      {
        hoTen: 'Nguyễn Văn A',
        chucVu: 'Hiệu trưởng',
        gioiTinh: 'khác',
        ngaySinh: '31/2/1990',
        soDienThoai: '12345',
        email: 'mai@',
        thamGia: 'Picnic',
        daDongKinhPhi: 'chắc vậy',
      },
      [
        [
          'Chức vụ',
          "'Hiệu trưởng' không có trong danh sách (chọn một trong: Tổng phụ trách Đội; Phó Tổng phụ trách Đội; Bí thư Chi đoàn giáo viên; Phó Bí thư Chi đoàn giáo viên).",
        ],
        ['Giới tính', "'khác' không có trong danh sách (chọn một trong: Nam; Nữ)."],
        ['Ngày sinh', "'31/2/1990' không phải ngày hợp lệ: tháng 2 không có ngày 31"],
        ['Số điện thoại', "'12345' không phải số điện thoại Việt Nam (cần 10 chữ số, bắt đầu bằng 0"],
        ['Email', "'mai@' không phải địa chỉ email hợp lệ"],
        ['Nội dung tham gia', "'Picnic' không có trong danh sách: “Picnic”"],
        ['Đã đóng kinh phí', "'chắc vậy' cần 'Có' hoặc 'Không'."],
      ],
      'mot-lan',
    ],
    [
      'a name longer than 80 characters and a spreadsheet error',
      'tap-huan-2024',
      { hoTen: 'Nguyễn '.repeat(12), chucVu: 'TPT', soDienThoai: { error: '#REF!' } },
      [
        ['Họ và tên', 'dài quá 80 ký tự (đang có 83 ký tự, cần rút gọn)'],
        ['Số điện thoại', "'#REF!' ô đang báo lỗi #REF! (kiểm tra lại công thức)"],
      ],
      'mot-lan',
    ],
    [
      'evening slot, Sunday, 3 times a week, no members',
      '30-phut-dang-ky',
      { thoiDiem: 'tối', ngayTrongTuan: 'Chủ nhật', soLanMoiTuan: 3, soDoanVien: 0, phuTrach: 'x', noiDungDuKien: 'y' },
      [
        [
          'Thời điểm thực hiện',
          "'tối' không có trong danh sách (chọn một trong: 30 phút cuối buổi sáng; 30 phút cuối buổi chiều)",
        ],
        ['Ngày trong tuần', "'Chủ nhật' không có trong danh sách: “Chủ nhật”"],
        ['Số lần mỗi tuần', "'3' không được lớn hơn 2."],
        ['Tổng số ĐVTN của đơn vị', "'0' phải từ 1 trở lên."],
      ],
      'mot-lan',
    ],
    [
      "month '4/2019' before the plan, week 6, negative participants",
      '30-phut-bao-cao',
      { thang: '4/2019', tuan: 6, diaDiem: 'x', soLuong: -1, noiDung: 'a', hinhThuc: 'b' },
      [
        ['Tháng', "'4/2019' nằm ngoài thời gian của kế hoạch (từ tháng 4/2020 đến tháng 12/2022)."],
        ['Tuần', "'6' không được lớn hơn 5."],
        ['Số lượng ĐVTN tham gia', "'-1' phải từ 0 trở lên."],
      ],
      'chua-xac-dinh',
    ],
    [
      'month after the plan ended (a Date cell)',
      '30-phut-bao-cao',
      { thang: dateCell(2023, 1, 1), tuan: 1, diaDiem: 'x', soLuong: 2, noiDung: 'a', hinhThuc: 'b' },
      [['Tháng', "'01/01/2023' nằm ngoài thời gian của kế hoạch (từ tháng 4/2020 đến tháng 12/2022)."]],
      'chua-xac-dinh',
    ],
    [
      'month without its year, week not a number, 2,5 participants',
      '30-phut-bao-cao',
      { thang: '4', tuan: 'tuần đầu', diaDiem: 'x', soLuong: '2,5', noiDung: 'a', hinhThuc: 'b' },
      [
        ['Tháng', "'4' thiếu năm (ví dụ 4/2020)."],
        ['Tuần', "'tuần đầu' không phải số (cần một số nguyên, ví dụ 25)."],
        ['Số lượng ĐVTN tham gia', "'2,5' phải là số nguyên (ví dụ 25)."],
      ],
      'chua-xac-dinh',
    ],
    [
      'a good month keeps the rejected row in its period',
      '30-phut-bao-cao',
      { thang: '5/2020', tuan: 2, diaDiem: '', soLuong: 'nhiều', noiDung: 'a', hinhThuc: 'b' },
      [
        ['Địa điểm tổ chức', REQUIRED],
        ['Số lượng ĐVTN tham gia', "'nhiều' không phải số (cần một số nguyên, ví dụ 25)."],
      ],
      '2020-05',
    ],
    [
      'amount written in words, impossible date, unknown activity, negative weight',
      'ke-hoach-nho-65-nam',
      { hoatDong: 'Văn nghệ', noiDung: 'x', ngayToChuc: '32/12/2023', soTien: 'một triệu', khoiLuong: -3 },
      [
        [
          'Hoạt động',
          "'Văn nghệ' không có trong danh sách (chọn một trong: Tuyên truyền lịch sử, ý nghĩa phong trào Kế hoạch nhỏ;",
        ],
        ['Ngày tổ chức', "'32/12/2023' không phải ngày hợp lệ: tháng 12 không có ngày 32"],
        ['Số tiền thu được', "'một triệu' cần viết số tiền bằng chữ số, không viết bằng chữ (ví dụ 1.000.000)."],
        ['Khối lượng thu gom (kg)', "'-3' phải từ 0 trở lên."],
      ],
      'mot-lan',
    ],
    [
      'date month-first is refused, negative amount',
      'ke-hoach-nho-65-nam',
      { hoatDong: 'Tuyên truyền', noiDung: 'x', ngayToChuc: '12/31/2023', soTien: '-500.000' },
      [
        ['Ngày tổ chức', "'12/31/2023' không phải ngày hợp lệ: không có tháng 31"],
        ['Số tiền thu được', "'-500.000' số tiền không được âm"],
      ],
      'mot-lan',
    ],
    [
      'joint-plan row with garbage everywhere',
      'lien-tich-2022-2023',
      { ngay: 'tuần sau', loai: 'Picnic', ten: '', soNguoi: 'nhiều' },
      [
        ['Ngày tổ chức', "'tuần sau' không phải ngày hợp lệ (cần ngày/tháng/năm, ví dụ 15/09/2024)."],
        [
          'Loại hoạt động',
          "'Picnic' không có trong danh sách (chọn một trong: Gặp gỡ, đối thoại giữa nhà trường với học sinh;",
        ],
        ['Tên hoạt động', REQUIRED],
        ['Số người tham gia', "'nhiều' không phải số (cần một số nguyên, ví dụ 25)."],
      ],
      '2022-2023',
    ],
    [
      'member registration: unknown category, month 13, blank goals',
      'ren-luyen-2014-dang-ky',
      { hoTen: 'X', ngaySinh: '13/13/1995', doiTuong: 'Giáo viên', renLuyen: 'a', hanhDong: '' },
      [
        ['Ngày sinh', "'13/13/1995' không phải ngày hợp lệ: không có tháng 13"],
        ['Đối tượng', "'Giáo viên' không có trong danh sách (chọn một trong: Đoàn viên công nhân, viên chức;"],
        ['05 tiêu chí hành động', REQUIRED],
      ],
      'mot-lan',
    ],
    [
      "phase 'Đợt V' that the plan does not have",
      'ren-luyen-2014-danh-gia',
      { dot: 'Đợt V', hoTen: 'Trần Thị Bích', renLuyen: 'Giỏi', hanhDong: '' },
      [
        ['Đợt', "'Đợt V' không có trong danh sách (chọn một trong: Đợt I; Đợt II; Đợt III; Đợt IV)."],
        [
          'Kết quả rèn luyện',
          "'Giỏi' không có trong danh sách (chọn một trong: Hoàn thành xuất sắc; Hoàn thành tốt; Hoàn thành; Không hoàn thành).",
        ],
        ['Kết quả hành động', REQUIRED],
      ],
      'chua-xac-dinh',
    ],
    [
      'phase left blank',
      'ren-luyen-2014-danh-gia',
      { dot: null, hoTen: 'A', renLuyen: 'HT', hanhDong: 'HT' },
      [['Đợt', REQUIRED]],
      'chua-xac-dinh',
    ],
  ])('%s (%s)', (_label, formId, cells, expected, periodId) => {
    const outcome = validate(formId, cells);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.rowNumber).toBe(ROW);
    expect(outcome.periodId).toBe(periodId);
    expect(outcome.errors.map((e) => e.column)).toEqual(expected.map(([header]) => header));
    outcome.errors.forEach((error, i) => {
      const [header, phrase] = expected[i] ?? ['', ''];
      const lead = `Dòng ${ROW}, cột '${header}': `;
      expect(error.message.startsWith(lead), error.message).toBe(true);
      expect(error.message.slice(lead.length)).toContain(phrase);
      expect(error.message.endsWith('.')).toBe(true);
      expect(error.message).toBe(error.message.normalize('NFC'));
    });
  });

  it("says a blank required cell is 'chưa nhập' without quoting the empty cell", () => {
    const outcome = validate('lien-tich-2022-2023', { ngay: '1/10/2022', loai: 'Khác', ten: ' ' });
    expect(outcome.ok ? [] : outcome.errors).toEqual([
      { column: 'Tên hoạt động', message: "Dòng 12, cột 'Tên hoạt động': chưa nhập (cột bắt buộc)." },
    ]);
  });

  it('quotes a cell typed in NFD back in NFC', () => {
    const outcome = validate('tap-huan-2024', { hoTen: 'A', chucVu: NFD('Hiệu trưởng'), soDienThoai: '0983018027' });
    expect(outcome.ok ? [] : outcome.errors).toEqual([
      {
        column: 'Chức vụ',
        message:
          "Dòng 12, cột 'Chức vụ': 'Hiệu trưởng' không có trong danh sách (chọn một trong: Tổng phụ trách Đội; Phó Tổng phụ trách Đội; Bí thư Chi đoàn giáo viên; Phó Bí thư Chi đoàn giáo viên).",
      },
    ]);
  });

  it('reports every required column of an all-blank row, in column order', () => {
    const outcome = validate('30-phut-bao-cao', {});
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.message)).toEqual([
      "Dòng 12, cột 'Tháng': chưa nhập (cột bắt buộc).",
      "Dòng 12, cột 'Tuần': chưa nhập (cột bắt buộc).",
      "Dòng 12, cột 'Địa điểm tổ chức': chưa nhập (cột bắt buộc).",
      "Dòng 12, cột 'Số lượng ĐVTN tham gia': chưa nhập (cột bắt buộc).",
      "Dòng 12, cột 'Nội dung tổ chức': chưa nhập (cột bắt buộc).",
      "Dòng 12, cột 'Hình thức tổ chức': chưa nhập (cột bắt buộc).",
    ]);
  });
});
