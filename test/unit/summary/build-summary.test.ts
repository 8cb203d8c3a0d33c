import { describe, expect, it } from 'vitest';
import { sharedSourceId } from '../../../functions/src/domain/shared/shared-source.js';
import { xlsxCellContent } from '../../../functions/src/adapters/sheet-layout/summary-cells.js';
import {
  LINE_HEIGHT_POINTS,
  rowHeightFor,
  summaryColumnWidths,
} from '../../../functions/src/adapters/sheet-layout/summary-print-layout.js';
import { builtinForm, storedSubmission } from '../../support/forms.js';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import { readFormTab } from '../../../functions/src/domain/forms/read-form-tab.js';
import { periodsOf } from '../../../functions/src/domain/periods/schedule.js';
import { formPeriodStats } from '../../../functions/src/domain/stats/form-period-stats.js';
import { buildSummary } from '../../../functions/src/domain/summary/build-summary.js';
import type {
  DistrictPicture,
  SourceProblem,
  StoredSubmission,
} from '../../../functions/src/domain/summary/district-picture.js';
import type { SummaryCell, SummaryTab } from '../../../functions/src/domain/summary/summary-model.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';

const KE_HOACH_NHO = builtinForm('ke-hoach-nho-65-nam'); // once, "trước ngày 14/12/2023", every Liên đội
const LIEN_TICH = builtinForm('lien-tich-2022-2023'); // school year, due end of 31/05/2023, Tiểu học + THCS
const TAP_HUAN = builtinForm('tap-huan-2024'); // once, 10g00 15/09/2024, Tiểu học + THCS, fee per row
const FORMS = [KE_HOACH_NHO, LIEN_TICH, TAP_HUAN];

/** 10g00 ICT on 20/09/2024. */
const NOW = new Date('2024-09-20T03:00:00.000Z');

const NAME_A = 'Liên đội Tiểu học Lương Thế Vinh';
const NAME_B = 'Liên đội THCS Văn Lang';
const NAME_C = 'Liên đội Liên cấp Ánh Dương';
const HYPERLINK = '=HYPERLINK("http://evil.example","Bấm vào đây")';

const UNITS: Unit[] = [
  {
    id: 'ld-a',
    name: NAME_A,
    type: 'lien-doi',
    level: 'Tiểu học',
    cluster: 'Cụm 1',
    contacts: [{ name: 'Nguyễn Thị Hoa', email: 'hoa@ltv.edu.vn', phone: '0983 018 027' }],
    source: 'ld-a.xlsx',
  },
  {
    id: 'ld-b',
    name: NAME_B,
    type: 'lien-doi',
    level: 'THCS',
    cluster: 'Cụm 1',
    contacts: [{ name: 'Trần Văn Bình', email: 'binh@vanlang.edu.vn', phone: '0912 345 678' }],
    source: 'ld-b.xlsx',
  },
  // Level "Liên cấp": owes only ke-hoach-nho-65-nam (tap-huan and lien-tich name Tiểu học and THCS).
  {
    id: 'ld-c',
    name: NAME_C,
    type: 'lien-doi',
    level: 'Liên cấp',
    cluster: 'Cụm 2',
    contacts: [],
    source: 'ld-c.xlsx',
  },
];

const stored = storedSubmission;

const MSG_DATE = "Dòng 5, cột 'Ngày tổ chức': '31/02/2023' không phải ngày có thật.";
const MSG_MONEY = `Dòng 5, cột 'Số tiền thu được': '${HYPERLINK}' không phải số tiền.`;
const MSG_COUNT = "Dòng 5, cột 'Số đội viên tham gia': '-5' phải từ 0 trở lên.";
const MSG_ROW = 'Dòng 5: chưa ghi nhận vì trang thiếu cột bắt buộc.';

const SUBMISSIONS: StoredSubmission[] = [
  // ld-a, tap-huan: 3 people, complete on 14/09 09g00 → on time.
  stored(TAP_HUAN.id, 'mot-lan', 'ld-a', {
    firstCompleteAt: '2024-09-14T02:00:00.000Z',
    lastChangedAt: '2024-09-14T02:00:00.000Z',
    rows: [
      {
        rowNumber: 3,
        values: {
          stt: 1,
          hoTen: 'Nguyễn Thị Hoa',
          chucVu: 'Tổng phụ trách Đội',
          gioiTinh: 'Nữ',
          ngaySinh: '1990-09-15',
          soDienThoai: '0983018027',
          email: 'hoa@ltv.edu.vn',
          thamGia: ['Tập huấn 18/9/2024', 'Hành trình 20–22/9/2024'],
          daDongKinhPhi: true,
        },
      },
      {
        rowNumber: 4,
        values: {
          stt: 2,
          hoTen: HYPERLINK,
          chucVu: 'Bí thư Chi đoàn giáo viên',
          soDienThoai: '0912345678',
          thamGia: ['Tập huấn 18/9/2024'],
          daDongKinhPhi: false,
          ghiChu: '+84 gọi sau 17g',
        },
      },
      {
        rowNumber: 5,
        values: { stt: 3, hoTen: 'Lê Văn Nam', chucVu: 'Phó Tổng phụ trách Đội', soDienThoai: '0909000111' },
      },
    ],
  }),
  // ld-a, ke-hoach-nho: complete 16/12/2023 10g00, 2 days after 14/12 00:00 → late.
  stored(KE_HOACH_NHO.id, 'mot-lan', 'ld-a', {
    firstCompleteAt: '2023-12-16T03:00:00.000Z',
    lastChangedAt: '2023-12-16T03:00:00.000Z',
    rows: [
      {
        rowNumber: 4,
        values: {
          stt: 1,
          hoatDong: 'Thu gom giấy vụn, phế liệu',
          noiDung: 'Thu gom giấy vụn',
          ngayToChuc: '2023-11-20',
          soDoiVien: 450,
          soTien: 1_500_000,
          khoiLuong: 1250.5,
        },
      },
    ],
  }),
  // ld-b, ke-hoach-nho: one valid row, one rejected → partial, overdue.
  stored(KE_HOACH_NHO.id, 'mot-lan', 'ld-b', {
    firstCompleteAt: null,
    lastChangedAt: '2023-12-10T03:00:00.000Z',
    rows: [
      {
        rowNumber: 4,
        values: {
          stt: 1,
          hoatDong: 'Tuyên truyền lịch sử, ý nghĩa phong trào Kế hoạch nhỏ',
          noiDung: 'Phát thanh măng non',
          ngayToChuc: '2023-12-02',
          soTien: 200_000,
        },
      },
    ],
    rejected: [
      {
        rowNumber: 5,
        periodId: 'mot-lan',
        cells: {
          STT: 2,
          'Hoạt động': 'Thu gom',
          'Ngày tổ chức': '31/02/2023',
          'Số đội viên tham gia': -5,
          'Số tiền thu được': HYPERLINK,
        },
        errors: [
          { column: 'Ngày tổ chức', message: MSG_DATE },
          { column: 'Số tiền thu được', message: MSG_MONEY },
          { column: 'Số đội viên tham gia', message: MSG_COUNT },
          { message: MSG_ROW },
        ],
      },
    ],
  }),
  // ld-a, lien-tich: two dialogues, complete 20/05/2023 → on time.
  stored(LIEN_TICH.id, '2022-2023', 'ld-a', {
    firstCompleteAt: '2023-05-20T03:00:00.000Z',
    lastChangedAt: '2023-05-20T03:00:00.000Z',
    rows: [
      {
        rowNumber: 3,
        values: {
          stt: 1,
          ngay: '2022-10-20',
          loai: 'Gặp gỡ, đối thoại giữa nhà trường với học sinh',
          ten: 'Đối thoại đầu năm',
          soNguoi: 300,
        },
      },
      {
        rowNumber: 4,
        values: {
          stt: 2,
          ngay: '2023-03-08',
          loai: 'Gặp gỡ, đối thoại giữa nhà trường với học sinh',
          ten: 'Đối thoại giữa năm',
          soNguoi: 250,
        },
      },
    ],
  }),
  // ld-b, lien-tich: "không phát sinh" on 30/05/2023 → nil on time.
  stored(LIEN_TICH.id, '2022-2023', 'ld-b', {
    firstCompleteAt: '2023-05-30T03:00:00.000Z',
    lastChangedAt: '2023-05-30T03:00:00.000Z',
    nilRows: [3],
  }),
];

const PROBLEMS: SourceProblem[] = [
  { unitId: 'ld-c', severity: 'error', message: 'Không mở được tệp ld-c.xlsx: tệp bị hỏng.' },
  {
    unitId: 'ld-b',
    formId: TAP_HUAN.id,
    severity: 'warning',
    message: "Trang 'Đăng ký tập huấn': cột 'Ghi chú' xuất hiện 2 lần.",
  },
  {
    unitId: 'ld-b',
    formId: TAP_HUAN.id,
    severity: 'error',
    message: "Trang 'Đăng ký tập huấn': thiếu cột bắt buộc 'Họ và tên'.",
  },
];

function pictureOf(
  submissions: readonly StoredSubmission[],
  problems: readonly SourceProblem[] = PROBLEMS,
): DistrictPicture {
  const periods = FORMS.flatMap((spec) =>
    periodsOf(spec).map((period) => {
      const mine = new Map(
        submissions.filter((s) => s.formId === spec.id && s.periodId === period.id).map((s) => [s.unitId, s]),
      );
      return { spec, period, stats: formPeriodStats({ spec, period, units: UNITS, submissions: mine, now: NOW }) };
    }),
  );
  return {
    settings: {
      districtName: 'Quận 1',
      officeEmail: 'quandoan1@example.vn',
      contactName: 'Phạm Thu Trang',
      contactPhone: '0283 822 1234',
    },
    forms: FORMS,
    units: UNITS,
    periods,
    submissions,
    sourceProblems: problems,
    now: NOW,
    // Wide enough that all three plans are current here; the window itself is tested in current-first.test.ts.
    currentDays: 500,
  };
}

const model = buildSummary(pictureOf(SUBMISSIONS));

function tab(name: string): SummaryTab {
  const found = model.tabs.find((t) => t.name === name);
  if (!found) throw new Error(`no tab ${name}`);
  return found;
}

const headers = (t: SummaryTab) => t.columns.map((c) => c.header);

const KHN = 'Kế hoạch nhỏ 65 năm · hạn 14/12/2023';
const LT = 'Hoạt động liên tịch · năm học 2022 – 2023';
const TH = 'Đăng ký tập huấn · hạn 15/09/2024';
/** 14/12/2023 00:00 ICT → 20/09/2024: 18 days to 01/01, + 244 to 01/09, + 19 = 281. */
const KHN_DAYS = 281;

describe('buildSummary: the model', () => {
  it('is titled with the district and stamped with now', () => {
    expect(model.title).toBe('Tổng hợp báo cáo — Quận 1');
    expect(model.generatedAt).toEqual(NOW);
  });

  it('has the front page and the tabs a meeting prints, then the reference tabs: one data tab per current form, Lưu trữ, Lưu trữ chỉ số', () => {
    expect(model.tabs.map((t) => t.name)).toEqual([
      'Bảng điều khiển',
      'Tổng quan',
      'Tiến độ đơn vị',
      'Theo cụm',
      'Quá hạn',
      'Lỗi dữ liệu',
      'Chỉ số',
      'Kế hoạch nhỏ 65 năm',
      'Hoạt động liên tịch',
      'Đăng ký tập huấn',
      'Lưu trữ',
      'Lưu trữ chỉ số',
    ]);
  });

  it('marks the data tabs and archives as reference, each with a last title line saying why only its top prints', () => {
    const reference = model.tabs.filter((t) => t.reference).map((t) => t.name);
    expect(reference).toEqual([
      'Kế hoạch nhỏ 65 năm',
      'Hoạt động liên tịch',
      'Đăng ký tập huấn',
      'Lưu trữ',
      'Lưu trữ chỉ số',
    ]);
    const data = tab('Đăng ký tập huấn');
    expect(data.title.at(-1)).toBe(
      `Trang tham khảo (${data.rows.length} dòng) để tra cứu trên màn hình, không cần in cho cuộc họp: tệp .xlsx chỉ in phần đầu này (muốn in cả bảng: xóa vùng in).`,
    );
    for (const t of model.tabs.filter((t) => !t.reference)) expect(t.title.join(' ')).not.toContain('Trang tham khảo');
  });

  it('gives every printed page the district and "tính đến hh:mm dd/mm/yyyy"', () => {
    expect(model.footer).toEqual({ district: 'Quận 1', asOf: 'tính đến 10:00 20/09/2024' });
  });

  it.each([
    ['read in the same run', '2024-09-20T02:59:30Z', 'tính đến 10:00 20/09/2024', ''],
    [
      'read earlier',
      '2024-09-20T00:50:00Z',
      'tính đến 10:00 20/09/2024 · số liệu quét lúc 07:50 20/09/2024',
      ' (số liệu quét lúc 07:50 20/09/2024)',
    ],
    [
      'read the day before',
      '2024-09-19T12:30:00Z',
      'tính đến 10:00 20/09/2024 · số liệu quét lúc 19:30 19/09/2024',
      ' (số liệu quét lúc 19:30 19/09/2024)',
    ],
  ])('says when the sheets were %s, in the footer and on the front page', (_, sweptAt, footer, note) => {
    const aged = buildSummary({ ...pictureOf(SUBMISSIONS), sweptAt: new Date(sweptAt) });
    expect(aged.footer?.asOf).toBe(footer);
    expect(aged.tabs[0]?.title[1]).toBe(`Tình hình các kế hoạch đang thực hiện, tính đến 10g00 20/09/2024${note}.`);
  });

  it('every row of every tab has one cell per column', () => {
    for (const t of model.tabs)
      for (const row of t.rows) expect([t.name, row.length]).toEqual([t.name, t.columns.length]);
  });

  it('falls back to "toàn quận" without a district name', () => {
    const unnamed = buildSummary({
      ...pictureOf(SUBMISSIONS),
      settings: { districtName: '', officeEmail: '', contactName: '', contactPhone: '' },
    });
    expect(unnamed.title).toBe('Tổng hợp báo cáo — toàn quận');
  });
});

describe('Tổng quan', () => {
  const overview = tab('Tổng quan');

  it('has the counts and the three labelled rates', () => {
    expect(headers(overview)).toEqual([
      'Biểu mẫu · Kỳ',
      'Kế hoạch số',
      'Hạn nộp',
      'Phải nộp',
      'Đã nộp đủ',
      'Đúng hạn',
      'Trễ hạn',
      'Sửa sau hạn',
      'Chưa đạt',
      'Không phát sinh',
      'Chưa nộp',
      'Tỉ lệ nộp đủ',
      'Tỉ lệ đúng hạn (÷ phải nộp)',
      'Tỉ lệ đúng hạn (÷ đã nộp)',
    ]);
    expect(overview.columns.map((c) => c.format)).toEqual([
      'text',
      'text',
      'text',
      'int',
      'int',
      'int',
      'int',
      'int',
      'int',
      'int',
      'int',
      'percent',
      'percent',
      'percent',
    ]);
    expect(overview.title).toEqual([
      'Tình hình nộp báo cáo — Quận 1',
      'Kế hoạch đang thực hiện, tính đến 10g00 20/09/2024; các kỳ cũ ở trang "Lưu trữ".',
    ]);
  });

  it.each<[number, string, SummaryCell[]]>([
    // The latest deadline first. A on time, B missing (C not targeted): 1 ÷ 2, 1 ÷ 2, 1 ÷ 1; due 10g00 15/09/2024.
    [0, 'tap-huan-2024', [TH, '42-KHLT/GDĐT-HĐĐ-NTN', '10g00 15/09/2024', 2, 1, 1, 0, 0, 0, 0, 1, 0.5, 0.5, 1]],
    // A late, B partial, C missing: 1 complete of 3 expected, none on time; due 00:00 reads "trước ngày".
    [1, 'ke-hoach-nho-65-nam', [KHN, '06-KH/HĐĐ', 'trước ngày 14/12/2023', 3, 1, 0, 1, 0, 1, 0, 1, 1 / 3, 0, 0]],
    // A on time, B nil on time (C not targeted): 2 of 2; due at the end of 31/05/2023.
    [2, 'lien-tich-2022-2023', [LT, '', 'hết ngày 31/05/2023', 2, 2, 2, 0, 0, 0, 1, 0, 1, 1, 1]],
  ])('row %i: %s', (index, _formId, expected) => {
    expect(overview.rows[index]).toEqual(expected);
  });

  it('explains the rates in Vietnamese only, citing no foreign system', () => {
    expect(overview.notes?.join(' ')).not.toMatch(/DHIS2|reporting rate/);
    expect(overview.charts ?? []).toEqual([]);
  });
});

describe('Tiến độ đơn vị', () => {
  const progress = tab('Tiến độ đơn vị');

  it('has one status column per form and period', () => {
    expect(headers(progress)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Cụm', TH, KHN, LT]);
    expect(progress.columns.slice(3).map((c) => c.format)).toEqual(['status', 'status', 'status']);
  });

  it('holds each unit’s status, null where the unit does not owe the form', () => {
    expect(progress.rows).toEqual([
      ['ld-a', NAME_A, 'Cụm 1', 'complete-on-time', 'complete-late', 'complete-on-time'],
      ['ld-b', NAME_B, 'Cụm 1', 'missing', 'partial', 'nil'],
      ['ld-c', NAME_C, 'Cụm 2', null, 'missing', null],
    ]);
  });

  it('explains every symbol in its notes', () => {
    expect(progress.notes).toEqual([
      'Chú giải:',
      '✗ Chưa nộp',
      '! Chưa đạt (có lỗi hoặc thiếu dòng)',
      '○ Không phát sinh',
      '✓ Đủ, đúng hạn',
      '✓! Đủ, trễ hạn',
      '✓* Đủ đúng hạn, sửa sau hạn',
    ]);
  });
});

describe('Theo cụm', () => {
  const clusters = tab('Theo cụm');

  it('has a row per cluster and per unit type for each form and period', () => {
    const keHoachNho = clusters.rows.filter((r) => r[0] === KHN);
    expect(keHoachNho).toEqual([
      // Cụm 1: A late, B partial → 1 ÷ 2, 0 ÷ 2, 0 ÷ 1
      [KHN, 'Cụm thi đua', 'Cụm 1', 2, 1, 0, 1, 0, 1, 0, 0, 0.5, 0, 0],
      // Cụm 2: C missing → 0 ÷ 1, 0 ÷ 1, nothing submitted → null
      [KHN, 'Cụm thi đua', 'Cụm 2', 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, null],
      [KHN, 'Loại đơn vị', 'Liên đội', 3, 1, 0, 1, 0, 1, 0, 1, 1 / 3, 0, 0],
    ]);
    expect(clusters.rows.filter((r) => r[0] === TH).map((r) => r[2])).toEqual(['Cụm 1', 'Liên đội']);
  });
});

describe('Quá hạn', () => {
  const overdue = tab('Quá hạn');

  it('lists units missing or partial after the deadline, most overdue first, then by name, with contacts', () => {
    expect(headers(overdue)).toEqual([
      'Đơn vị',
      'Cụm',
      'Biểu mẫu · Kỳ',
      'Hạn nộp',
      'Tình trạng',
      'Số ngày quá hạn',
      'Đã nhắc',
      'Người liên hệ',
      'Email',
      'Điện thoại',
    ]);
    // The contacts stay on screen; a meeting's printout leaves them out.
    expect(overdue.columns.filter((c) => c.screenOnly).map((c) => c.header)).toEqual([
      'Người liên hệ',
      'Email',
      'Điện thoại',
    ]);
    expect(overdue.rows).toEqual([
      [NAME_C, 'Cụm 2', KHN, 'trước ngày 14/12/2023', 'missing', KHN_DAYS, '', '', '', ''],
      [
        NAME_B,
        'Cụm 1',
        KHN,
        'trước ngày 14/12/2023',
        'partial',
        KHN_DAYS,
        '',
        'Trần Văn Bình',
        'binh@vanlang.edu.vn',
        '0912 345 678',
      ],
      // 15/09 10g00 → 20/09: 5 days.
      [
        NAME_B,
        'Cụm 1',
        TH,
        '10g00 15/09/2024',
        'missing',
        5,
        '',
        'Trần Văn Bình',
        'binh@vanlang.edu.vn',
        '0912 345 678',
      ],
    ]);
  });

  it('says what each overdue unit was sent and when', () => {
    const sentAt = new Date('2024-09-17T00:30:00Z');
    const withNotices = buildSummary({
      ...pictureOf(SUBMISSIONS),
      noticesSent: [
        {
          id: 'x',
          state: 'sent',
          attempts: 0,
          recipients: 1,
          sentAt,
          stage: 'overdue',
          unitId: 'ld-b',
          formId: TAP_HUAN.id,
          periodId: 'mot-lan',
        },
      ],
    });
    const rows = withNotices.tabs.find((t) => t.name === 'Quá hạn')?.rows ?? [];
    expect(rows.find((r) => r[2] === TH)?.[6]).toBe('Quá hạn 17/09/2024');
  });
});

describe('Lỗi dữ liệu', () => {
  const errors = tab('Lỗi dữ liệu');

  it('lists file and tab errors (not warnings), then one row per error of each rejected row with the raw value', () => {
    expect(headers(errors)).toEqual(['Đơn vị', 'Trang', 'Dòng', 'Cột', 'Lỗi', 'Giá trị đã nhập']);
    expect(errors.rows).toEqual([
      [NAME_C, '(cả tệp)', null, '', 'Không mở được tệp ld-c.xlsx: tệp bị hỏng.', ''],
      [NAME_B, 'Đăng ký tập huấn', null, '', "Trang 'Đăng ký tập huấn': thiếu cột bắt buộc 'Họ và tên'.", ''],
      [NAME_B, 'Kế hoạch nhỏ 65 năm', 5, 'Ngày tổ chức', MSG_DATE, '31/02/2023'],
      [NAME_B, 'Kế hoạch nhỏ 65 năm', 5, 'Số tiền thu được', MSG_MONEY, HYPERLINK],
      // A number typed in the cell is shown as text.
      [NAME_B, 'Kế hoạch nhỏ 65 năm', 5, 'Số đội viên tham gia', MSG_COUNT, '-5'],
      [NAME_B, 'Kế hoạch nhỏ 65 năm', 5, '', MSG_ROW, ''],
    ]);
  });

  it("lists the control sheet's problems first, so a unit dropped from the registry is never silent", () => {
    const problem = "Trang 'Đơn vị', dòng 7: mã đơn vị 'ld-a' bị trùng với một dòng phía trên; dòng này bị bỏ qua.";
    const rows =
      buildSummary({ ...pictureOf(SUBMISSIONS), controlProblems: [problem] }).tabs.find((t) => t.name === 'Lỗi dữ liệu')
        ?.rows ?? [];
    expect(rows[0]).toEqual(['Bảng điều khiển (Quận Đoàn sửa)', '(bảng điều khiển)', null, '', problem, '']);
    expect(rows).toHaveLength(errors.rows.length + 1);
  });

  it('names a shared responses sheet by its form, not by its stored id', () => {
    const problem: SourceProblem = {
      unitId: sharedSourceId(TAP_HUAN.id),
      formId: TAP_HUAN.id,
      severity: 'error',
      message: "Dòng 5, cột 'Đơn vị': không có đơn vị nào tên 'Liên đội Tiểu học Kim Đồng'.",
    };
    const rows = buildSummary(pictureOf(SUBMISSIONS, [problem])).tabs.find((t) => t.name === 'Lỗi dữ liệu')?.rows ?? [];
    expect(rows[0]?.[0]).toBe(`Bảng trả lời chung «${TAP_HUAN.tab}»`);
  });

  it('shows the raw value when the unit’s sheet names the column by an accepted alias', () => {
    // "Ngày" and "Số tiền" are aliases of "Ngày tổ chức" and "Số tiền thu được" (see the form spec).
    const reading = readFormTab(compileForm(KE_HOACH_NHO), {
      name: 'Kế hoạch nhỏ 65 năm',
      rows: [
        { rowNumber: 1, cells: ['STT', 'Hoạt động', 'Nội dung', 'Ngày', 'Số đội viên', 'Số tiền'] },
        { rowNumber: 2, cells: [1, 'Thu gom', 'Thu gom giấy vụn', '31/02/2023', 40, 'ba trăm nghìn'] },
      ],
    });
    expect(reading.valid).toEqual([]);
    const [row] = reading.rejected;
    if (!row) throw new Error('the row was not rejected');
    const withAlias = stored(KE_HOACH_NHO.id, 'mot-lan', 'ld-c', {
      firstCompleteAt: null,
      lastChangedAt: '2023-12-10T03:00:00.000Z',
      rejected: [row],
    });
    const rows = buildSummary(pictureOf([withAlias], [])).tabs.find((t) => t.name === 'Lỗi dữ liệu')?.rows ?? [];
    expect(rows.map((r) => [r[3], r[5]])).toEqual([
      ['Ngày tổ chức', '31/02/2023'],
      ['Số tiền thu được', 'ba trăm nghìn'],
    ]);
  });
});

describe('data tabs', () => {
  it('Đăng ký tập huấn: unit columns, the form’s columns typed, and the fee per row', () => {
    const data = tab('Đăng ký tập huấn');
    expect(data.title.slice(0, 2)).toEqual([TAP_HUAN.title, `Kế hoạch số 42-KHLT/GDĐT-HĐĐ-NTN — ${TAP_HUAN.issuer}`]);
    expect(headers(data)).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Cụm',
      'Kỳ',
      'Dòng',
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
      'Kinh phí tập huấn',
    ]);
    expect(data.columns.map((c) => c.format)).toEqual([
      'text',
      'text',
      'text',
      'text',
      'int',
      'int',
      'text',
      'text',
      'text',
      'date',
      'text',
      'text',
      'text',
      'text',
      'text',
      'money',
    ]);
    expect(data.rows).toEqual([
      [
        'ld-a',
        NAME_A,
        'Cụm 1',
        'hạn 15/09/2024',
        3,
        1,
        'Nguyễn Thị Hoa',
        'Tổng phụ trách Đội',
        'Nữ',
        new Date('1990-09-14T17:00:00.000Z'), // 15/09/1990 00:00 ICT
        '0983 018 027',
        'hoa@ltv.edu.vn',
        'Tập huấn 18/9/2024; Hành trình 20–22/9/2024',
        true,
        null,
        1_900_000,
      ],
      [
        'ld-a',
        NAME_A,
        'Cụm 1',
        'hạn 15/09/2024',
        4,
        2,
        HYPERLINK,
        'Bí thư Chi đoàn giáo viên',
        null,
        null,
        '0912 345 678',
        null,
        'Tập huấn 18/9/2024',
        false,
        '+84 gọi sau 17g',
        1_900_000,
      ],
      [
        'ld-a',
        NAME_A,
        'Cụm 1',
        'hạn 15/09/2024',
        5,
        3,
        'Lê Văn Nam',
        'Phó Tổng phụ trách Đội',
        null,
        null,
        '0909 000 111',
        null,
        null,
        null,
        null,
        1_900_000,
      ],
    ]);
  });

  it('keeps user text that looks like a formula as a plain string', () => {
    const cell = tab('Đăng ký tập huấn').rows[1]?.[6];
    expect(typeof cell).toBe('string');
    expect(cell).toBe(HYPERLINK);
  });

  it('Kế hoạch nhỏ 65 năm: rows of every unit sorted by unit, money as a number, date as an instant, no fee column', () => {
    const data = tab('Kế hoạch nhỏ 65 năm');
    expect(headers(data).slice(5)).toEqual([
      'STT',
      'Hoạt động',
      'Tên hoạt động, nội dung',
      'Ngày tổ chức',
      'Số đội viên tham gia',
      'Số tiền thu được',
      'Khối lượng thu gom (kg)',
      'Ghi chú',
    ]);
    expect(data.columns.slice(5).map((c) => c.format)).toEqual([
      'int',
      'text',
      'text',
      'date',
      'int',
      'money',
      'decimal',
      'text',
    ]);
    expect(data.rows).toEqual([
      [
        'ld-a',
        NAME_A,
        'Cụm 1',
        'hạn 14/12/2023',
        4,
        1,
        'Thu gom giấy vụn, phế liệu',
        'Thu gom giấy vụn',
        new Date('2023-11-19T17:00:00.000Z'),
        450,
        1_500_000,
        1250.5,
        null,
      ],
      [
        'ld-b',
        NAME_B,
        'Cụm 1',
        'hạn 14/12/2023',
        4,
        1,
        'Tuyên truyền lịch sử, ý nghĩa phong trào Kế hoạch nhỏ',
        'Phát thanh măng non',
        new Date('2023-12-01T17:00:00.000Z'),
        null,
        200_000,
        null,
        null,
      ],
    ]);
    expect(data.title[1]).toBe(`Kế hoạch số 06-KH/HĐĐ — ${KE_HOACH_NHO.issuer}`);
  });

  it('Hoạt động liên tịch: a nil submission adds no data row; no plan number in the title', () => {
    const data = tab('Hoạt động liên tịch');
    expect(data.rows.map((r) => [r[0], r[3], r[4], r[6]])).toEqual([
      ['ld-a', 'năm học 2022 – 2023', 3, new Date('2022-10-19T17:00:00.000Z')],
      ['ld-a', 'năm học 2022 – 2023', 4, new Date('2023-03-07T17:00:00.000Z')],
    ]);
    expect(data.title[1]).toBe(LIEN_TICH.issuer);
  });
});

describe('Chỉ số', () => {
  const metrics = tab('Chỉ số');

  it('has value columns by kind (counts as integers, measures with decimals) and a target column', () => {
    expect(headers(metrics)).toEqual([
      'Biểu mẫu · Kỳ',
      'Chỉ số',
      'Đơn vị',
      'Số lượng',
      'Số đo',
      'Số tiền',
      'Tỉ lệ',
      'Mục tiêu',
    ]);
  });

  it('prints rows no taller than their text: one line for a usual form · period label and school name, two for a long label', () => {
    const widths = summaryColumnWidths(metrics);
    const lines = (row: readonly SummaryCell[]) =>
      rowHeightFor(
        row.map((cell, c) => xlsxCellContent(cell, metrics.columns[c]?.format ?? 'text').display),
        widths,
      ) / LINE_HEIGHT_POINTS;
    const linesOf = (label: string) => [...new Set(metrics.rows.filter((row) => row[0] === label).map(lines))];
    expect(linesOf(KHN)).toEqual([1]);
    expect(linesOf(TH)).toEqual([1]);
    // 'Hoạt động liên tịch · năm học 2022 – 2023' fits its column; 'Gặp gỡ, đối thoại với học sinh (≥ 2 lần/năm)' beside it does not.
    const lienTich = metrics.rows.filter((row) => String(row[0]).startsWith('Hoạt động liên tịch'));
    const rowOf = (metric: string) => lienTich.find((row) => String(row[1]).startsWith(metric)) ?? [];
    expect(lines(rowOf('Gặp gỡ, đối thoại'))).toBe(2);
    expect(lines(rowOf('Số lượt người tham gia'))).toBe(1);
  });

  it('tap-huan-2024: district total then each unit that sent something; money in Số tiền', () => {
    expect(metrics.rows.filter((r) => r[0] === TH)).toEqual([
      [TH, 'Số người đăng ký', 'Toàn quận', 3, null, null, null, ''],
      [TH, 'Số người đăng ký', NAME_A, 3, null, null, null, ''],
      [TH, 'Kinh phí tập huấn', 'Toàn quận', null, null, 5_700_000, null, ''],
      [TH, 'Kinh phí tập huấn', NAME_A, null, null, 5_700_000, null, ''],
      [TH, 'Số Tổng phụ trách Đội', 'Toàn quận', 1, null, null, null, ''],
      [TH, 'Số Tổng phụ trách Đội', NAME_A, 1, null, null, null, ''],
    ]);
  });

  it("a cơ sở Đoàn's own summary totals its subtree as 'Toàn cơ sở', not the district", () => {
    const branch = { id: 'csd-x', name: 'Đoàn cơ sở X' };
    const own = buildSummary({ ...pictureOf(SUBMISSIONS), branch }).tabs.find((t) => t.name === 'Chỉ số');
    expect(own?.title[1]).toContain('giá trị toàn cơ sở, rồi từng đơn vị');
    expect(new Set(own?.rows.filter((r) => r[2] !== NAME_A && r[2] !== NAME_B).map((r) => r[2]))).toEqual(
      new Set(['Toàn cơ sở']),
    );
    expect(metrics.title[1]).toContain('giá trị toàn quận');
  });

  it('ke-hoach-nho-65-nam: sums over the valid rows of A and of partial B', () => {
    expect(metrics.rows.filter((r) => r[0] === KHN && r[1] === 'Số tiền Kế hoạch nhỏ thu được')).toEqual([
      [KHN, 'Số tiền Kế hoạch nhỏ thu được', 'Toàn quận', null, null, 1_700_000, null, ''],
      [KHN, 'Số tiền Kế hoạch nhỏ thu được', NAME_A, null, null, 1_500_000, null, ''],
      [KHN, 'Số tiền Kế hoạch nhỏ thu được', NAME_B, null, null, 200_000, null, ''],
    ]);
  });

  it('lien-tich-2022-2023: the target text counts the units meeting it', () => {
    // A: 2 dialogues (meets ≥ 2); B declared nil: 0.
    expect(metrics.rows.filter((r) => r[0] === LT && r[1] === 'Gặp gỡ, đối thoại với học sinh (≥ 2 lần/năm)')).toEqual([
      [LT, 'Gặp gỡ, đối thoại với học sinh (≥ 2 lần/năm)', 'Toàn quận', 2, null, null, null, '≥ 2 lần: 1/2 đơn vị đạt'],
      [LT, 'Gặp gỡ, đối thoại với học sinh (≥ 2 lần/năm)', NAME_A, 2, null, null, null, ''],
      [LT, 'Gặp gỡ, đối thoại với học sinh (≥ 2 lần/năm)', NAME_B, 0, null, null, null, ''],
    ]);
  });
});
