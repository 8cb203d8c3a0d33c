import { localizePlan } from '../../../functions/src/domain/plans/district-placeholders.js';
import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import type { SheetRow, SheetTab } from '../../../functions/src/domain/forms/read-form-tab.js';
import { planSheetTabs, plansRows } from '../../../functions/src/domain/plans/plan-rows.js';
import { readControlTabs, unitIdOf } from '../../../functions/src/domain/units/read-control.js';
import { formsForUnit, formTargetsUnit } from '../../../functions/src/domain/units/targets.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { CONTROL_UNITS_HEADER, testUnit } from '../../support/builders.js';

const specs = await loadBuiltinForms();

function spec(id: string): FormSpec {
  const found = specs.find((s) => s.id === id);
  if (!found) throw new Error(`built-in form ${id} not loaded`);
  return found;
}

function sheet(name: string, first: number, ...cells: RawCell[][]): SheetTab {
  const rows: SheetRow[] = cells.map((c, i) => ({ rowNumber: first + i, cells: c }));
  return { name, rows };
}

const UNIT_HEADER = [...CONTROL_UNITS_HEADER, 'Hoạt động từ'];

const UNITS_TAB = sheet(
  'Đơn vị',
  1,
  ['DANH SÁCH ĐƠN VỊ THỰC HIỆN BÁO CÁO'],
  UNIT_HEADER,
  [
    'TH Lương Thế Vinh',
    'Liên đội TH Lương Thế Vinh',
    'Liên đội',
    'Tiểu học',
    'Cụm 1',
    'Nguyễn Thị Mai',
    'Mai@ThLTV.edu.vn',
    983018027,
    850,
    'th-luong-the-vinh.xlsx',
    '1/9/2024',
  ],
  [
    'THCS Minh Đức',
    'Liên đội THCS Minh Đức',
    'LĐ',
    'THCS',
    'Cụm 2',
    'Trần Văn Bình',
    'binh@minhduc.edu.vn',
    '0909 123 456',
    1200,
    'thcs-minh-duc.xlsx',
    '',
  ],
  ['ĐTN Sở Y tế', 'Đoàn TN Sở Y tế', 'doan co so', 'Khối cơ quan', '', '', '', '', 120, 'so-y-te.xlsx', ''],
  ['cd-khu-pho-3', 'Chi đoàn Khu phố 3', 'Chi đoàn bộ phận', '', 'Cụm 3', 'Lê Văn Cường', '', '', '', 'kp3.xlsx', ''],
  ['th-luong-the-vinh', 'Trùng mã', 'Liên đội', 'Tiểu học', '', '', '', '', '', 'trung.xlsx', ''],
  ['cd-2', 'Chi đoàn 2', 'Chi đoàn', '', '', 'Phạm Thu', 'thu@', '', '', 'cd2.xlsx', ''],
  ['x-1', 'Trường X', 'Trường', '', '', '', '', '', '', 'x.xlsx', ''],
  ['!!!', 'Ký hiệu lạ', 'Liên đội', '', '', '', '', '', '', 'k.xlsx', ''],
);

const SETTINGS_TAB = sheet(
  'thong tin chung',
  1,
  ['Tên đơn vị tổng hợp', 'Quận Đoàn 1'],
  ['email van phong', '  vanphong@quandoan1.vn '],
  ['Cán bộ phụ trách:', 'Lê Ánh Hồng'],
  ['Số điện thoại liên hệ', '0983.018.027'],
  ['Ghi chú', 'không phải một thiết lập'],
  ['Tên đơn vị tổng hợp'],
);

const control = readControlTabs([UNITS_TAB, SETTINGS_TAB]);

describe('readControlTabs: units registry', () => {
  it('reads the valid units in sheet order', () => {
    expect(control.units.map((u) => u.id)).toEqual([
      'th-luong-the-vinh',
      'thcs-minh-duc',
      'dtn-so-y-te',
      'cd-khu-pho-3',
      'cd-2',
    ]);
  });

  it('keeps a unit whose contact email is mistyped, without that email (it stays expected to report)', () => {
    expect(control.units.find((u) => u.id === 'cd-2')?.contacts).toEqual([{ name: 'Phạm Thu' }]);
  });

  it('keeps a unit whose phone is mistyped, without that phone', () => {
    const reading = readControlTabs([
      sheet('Đơn vị', 1, UNIT_HEADER, ['a', 'A', 'Liên đội', '', '', 'Lan', 'lan@a.edu.vn', '12345', '', 'a.xlsx']),
    ]);
    expect(reading.units.map((u) => u.contacts)).toEqual([[{ name: 'Lan', email: 'lan@a.edu.vn' }]]);
    expect(reading.problems).toEqual([
      expect.stringMatching(
        /^Trang 'Đơn vị', dòng 2, cột 'Số điện thoại': '12345' .*; đơn vị vẫn được tổng hợp nhưng thư nhắc sẽ không gửi tới địa chỉ này\./,
      ),
    ]);
  });

  it("refuses a second unit pointing at the same file (it would be credited with the other unit's rows)", () => {
    const reading = readControlTabs([
      sheet(
        'Đơn vị',
        1,
        UNIT_HEADER,
        ['a', 'A', 'Liên đội', '', '', '', '', '', '', 'chung.xlsx'],
        ['b', 'B', 'Liên đội', '', '', '', '', '', '', './chung.xlsx'],
        ['c', 'C', 'Liên đội', '', '', '', '', '', '', 'c.xlsx'],
      ),
    ]);
    expect(reading.units.map((u) => u.id)).toEqual(['a', 'c']);
    expect(reading.problems).toEqual([
      "Trang 'Đơn vị', dòng 3: tệp báo cáo './chung.xlsx' đã được dùng cho đơn vị 'a' (dòng 2); mỗi đơn vị cần một tệp riêng, nên dòng này bị bỏ qua. Hãy sửa cột 'Tệp báo cáo'.",
    ]);
  });

  it("slugifies the id 'TH Lương Thế Vinh' and normalizes the contact", () => {
    expect(control.units[0]).toEqual({
      id: 'th-luong-the-vinh',
      name: 'Liên đội TH Lương Thế Vinh',
      type: 'lien-doi',
      level: 'Tiểu học',
      cluster: 'Cụm 1',
      contacts: [{ name: 'Nguyễn Thị Mai', email: 'mai@thltv.edu.vn', phone: '0983018027' }],
      members: 850,
      source: 'th-luong-the-vinh.xlsx',
      activeFrom: '2024-09-01',
    });
  });

  it.each<[string, Unit['type']]>([
    ['th-luong-the-vinh', 'lien-doi'],
    ['thcs-minh-duc', 'lien-doi'],
    ['dtn-so-y-te', 'co-so-doan'],
    ['cd-khu-pho-3', 'chi-doan'],
  ])('reads the Vietnamese type label or alias of %s as %s', (id, type) => {
    expect(control.units.find((u) => u.id === id)?.type).toBe(type);
  });

  it('leaves level, cluster and contacts empty when not given', () => {
    expect(control.units.find((u) => u.id === 'dtn-so-y-te')).toMatchObject({
      level: 'Khối cơ quan',
      cluster: '',
      contacts: [],
    });
  });

  it.each<[string, string]>([
    [
      'an invalid email, with its row and column',
      "Trang 'Đơn vị', dòng 8, cột 'Email': 'thu@' không phải địa chỉ email hợp lệ (ví dụ ten@truong.edu.vn); đơn vị vẫn được tổng hợp nhưng thư nhắc sẽ không gửi tới địa chỉ này. Hãy sửa trên bảng điều khiển.",
    ],
    [
      'an unknown unit type',
      "Trang 'Đơn vị', dòng 9, cột 'Loại đơn vị': 'Trường' không có trong danh sách (chọn một trong: Liên đội; Cơ sở Đoàn; Chi đoàn).",
    ],
    [
      'a duplicate id',
      "Trang 'Đơn vị', dòng 7: mã đơn vị 'th-luong-the-vinh' bị trùng với một dòng phía trên; dòng này bị bỏ qua.",
    ],
    [
      'an id without letters or digits',
      "Trang 'Đơn vị', dòng 10: mã đơn vị '!!!' không có chữ hoặc số nào; hãy đặt mã như th-luong-the-vinh.",
    ],
  ])('reports %s', (_label, problem) => {
    expect(control.problems).toContain(problem);
  });

  it('reports exactly those four problems', () => {
    expect(control.problems).toHaveLength(4);
  });

  it('reports ids that only differ by accents, case or spacing as duplicates', () => {
    const reading = readControlTabs([
      sheet(
        'Đơn vị',
        1,
        UNIT_HEADER,
        ['TH Lương Thế Vinh', 'A', 'Liên đội', '', '', '', '', '', '', 'a.xlsx'],
        ['  th  luong the VINH ', 'B', 'Liên đội', '', '', '', '', '', '', 'b.xlsx'],
      ),
    ]);
    expect(reading.units.map((u) => u.name)).toEqual(['A']);
    expect(reading.problems).toEqual([
      "Trang 'Đơn vị', dòng 3: mã đơn vị 'th luong the VINH' bị trùng với một dòng phía trên; dòng này bị bỏ qua.",
    ]);
  });

  it("reports a missing 'Đơn vị' tab", () => {
    const reading = readControlTabs([SETTINGS_TAB]);
    expect(reading.units).toEqual([]);
    expect(reading.problems).toEqual([
      "Bảng điều khiển thiếu trang 'Đơn vị' (danh sách đơn vị): chưa có đơn vị nào để tổng hợp.",
    ]);
  });

  it('reports a missing required column of the units tab', () => {
    const reading = readControlTabs([
      sheet('Đơn vị', 1, ['Mã đơn vị', 'Tên đơn vị', 'Tệp báo cáo'], ['a', 'A', 'a.xlsx']),
    ]);
    expect(reading.units).toEqual([]);
    expect(reading.problems[0]).toBe(
      "Trang 'Đơn vị': thiếu cột bắt buộc 'Loại đơn vị' (tiêu đề được chấp nhận: 'Loại đơn vị', 'Loại'). Hãy thêm lại cột hoặc sửa tiêu đề cho đúng.",
    );
  });

  it("takes the workbook named after the unit when 'Tệp báo cáo' is blank or absent (a Google unit not provisioned yet)", () => {
    const reading = readControlTabs([
      sheet(
        'Đơn vị',
        1,
        ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị'],
        ['TH Lương Thế Vinh', 'Liên đội TH Lương Thế Vinh', 'Liên đội'],
      ),
    ]);
    expect(reading.problems).toEqual([]);
    expect(reading.units.map((u) => [u.id, u.source])).toEqual([['th-luong-the-vinh', 'th-luong-the-vinh.xlsx']]);
  });

  it('does not lose the email of a unit whose contact name was left blank', () => {
    // The registry is the only source of addresses for reminders: an email typed there must not vanish silently.
    const reading = readControlTabs([
      sheet('Đơn vị', 1, UNIT_HEADER, [
        'th-a',
        'Liên đội TH A',
        'Liên đội',
        'Tiểu học',
        '',
        '',
        'tpt@tha.edu.vn',
        '',
        '',
        'a.xlsx',
      ]),
    ]);
    const kept = reading.units[0]?.contacts.some((c) => c.email === 'tpt@tha.edu.vn') ?? false;
    const reported = reading.problems.some((p) => p.includes('dòng 2'));
    expect(kept || reported).toBe(true);
  });
});

describe('readControlTabs: district settings', () => {
  it("reads 'Thông tin chung' label/value rows, ignoring accents and case of labels", () => {
    expect(control.settings).toEqual({
      districtName: 'Quận Đoàn 1',
      officeEmail: 'vanphong@quandoan1.vn',
      contactName: 'Lê Ánh Hồng',
      contactPhone: '0983.018.027',
    });
  });

  it.each([
    ['a header injection', 'vp@x\r\nBcc: spy@evil.example'],
    ['two addresses', 'vp@q1.vn, spy@evil.example'],
    ['no domain', 'vanphong@'],
  ])('never uses an office email that is not exactly one address (%s): it is blank and reported', (_, typed) => {
    const reading = readControlTabs([UNITS_TAB, sheet('Thông tin chung', 1, ['Email văn phòng', typed])]);
    expect(reading.settings.officeEmail).toBe('');
    expect(reading.problems).toContainEqual(
      expect.stringMatching(
        /^Trang 'Thông tin chung': 'Email văn phòng' .* không phải địa chỉ email hợp lệ .*; thư tổng hợp hằng ngày và bản sao thư đôn đốc sẽ không được gửi cho văn phòng tới khi sửa\.$/s,
      ),
    );
  });

  it("reads the report's optional rows (tonghop report) beside the district's, labels matched loosely", () => {
    const reading = readControlTabs([
      UNITS_TAB,
      sheet(
        'Thông tin chung',
        1,
        ['Tên đơn vị tổng hợp', 'Quận Đoàn 1'],
        ['co quan cap tren', 'Thành Đoàn TP. Hồ Chí Minh'],
        ['Người ký', ' Nguyễn  Văn A '],
      ),
    ]);
    expect(reading.settings).toEqual({
      districtName: 'Quận Đoàn 1',
      officeEmail: '',
      contactName: '',
      contactPhone: '',
      parentBody: 'Thành Đoàn TP. Hồ Chí Minh',
      signerName: 'Nguyễn Văn A',
    });
  });

  it('gives empty settings without the tab', () => {
    expect(readControlTabs([UNITS_TAB]).settings).toEqual({
      districtName: '',
      officeEmail: '',
      contactName: '',
      contactPhone: '',
    });
  });
});

describe('readControlTabs: the plans', () => {
  it("reads the district's plans from the plan tabs, and reports their mistakes with the registry's", () => {
    const plan = spec('tap-huan-2024');
    const reading = readControlTabs([UNITS_TAB, ...planSheetTabs(plansRows([plan]))]);
    expect(reading.plans.plans).toEqual([localizePlan(plan, reading.settings)]);
    const broken = readControlTabs([
      UNITS_TAB,
      sheet('Biểu mẫu', 1, ['Mã biểu mẫu', 'Tên biểu mẫu'], ['bao-cao-thang-10', 'Báo cáo tháng 10']),
    ]);
    expect(broken.problems).toContainEqual(
      expect.stringMatching(/^Trang 'Biểu mẫu'.*'bao-cao-thang-10' không có cột nào/),
    );
  });

  it('has no plan at all without plan tabs: nothing comes from code', () => {
    expect(readControlTabs([UNITS_TAB]).plans.plans).toEqual([]);
  });
});

describe('unitIdOf', () => {
  it.each([
    ['TH Lương Thế Vinh', 'th-luong-the-vinh'],
    ['  THCS   Minh Đức ', 'thcs-minh-duc'],
    ['Đoàn Phường Đa Kao', 'doan-phuong-da-kao'],
    ['TH Lương Thế Vinh'.normalize('NFD'), 'th-luong-the-vinh'],
    ['Chi đoàn (Khu phố 3)', 'chi-doan-khu-pho-3'],
    ['th-luong-the-vinh', 'th-luong-the-vinh'],
    ['Trường\u00a0TH\u200bA', 'truong-tha'],
    ['!!!', ''],
  ])("unitIdOf('%s') → '%s'", (typed, id) => {
    expect(unitIdOf(typed)).toBe(id);
  });
});

describe('formTargetsUnit', () => {
  const TAP_HUAN = spec('tap-huan-2024');
  const BY_CLUSTER: FormSpec = {
    ...TAP_HUAN,
    id: 'theo-cum',
    targets: { unitTypes: ['lien-doi', 'chi-doan'], levels: [], clusters: ['Cụm thi đua số 1', 'Cụm 2'] },
  };

  it.each<[string, boolean, FormSpec, Partial<Unit>]>([
    ['the type and a listed level', true, TAP_HUAN, { level: 'Tiểu học' }],
    ["a level typed without accents ('tieu hoc')", true, TAP_HUAN, { level: 'tieu hoc' }],
    ['a level in another case and with extra spaces', true, TAP_HUAN, { level: '  thcs ' }],
    ['a level in NFD', true, TAP_HUAN, { level: 'Tiểu học'.normalize('NFD') }],
    ['a level the form does not list', false, TAP_HUAN, { level: 'THPT' }],
    ['no level when the form lists levels', false, TAP_HUAN, { level: '' }],
    ['another unit type', false, TAP_HUAN, { type: 'co-so-doan', level: 'Tiểu học' }],
    [
      'any level when the form lists none',
      true,
      spec('30-phut-bao-cao'),
      { type: 'co-so-doan', level: 'Khối doanh nghiệp' },
    ],
    ['a listed cluster, folded', true, BY_CLUSTER, { cluster: 'cum thi dua so 1' }],
    ['another listed cluster', true, BY_CLUSTER, { type: 'chi-doan', cluster: 'CỤM 2' }],
    ['a cluster the form does not list', false, BY_CLUSTER, { cluster: 'Cụm 3' }],
    ['no cluster when the form lists clusters', false, BY_CLUSTER, { cluster: '' }],
    ['a listed cluster but another type', false, BY_CLUSTER, { type: 'co-so-doan', cluster: 'Cụm 2' }],
  ])('%s → %s', (_label, expected, form, u) => {
    expect(formTargetsUnit(form, testUnit('th-a', { cluster: '', ...u }), [])).toBe(expected);
  });
});

describe('formsForUnit', () => {
  it.each<[string, Partial<Unit>, string[]]>([
    [
      'a primary-school Liên đội',
      { type: 'lien-doi', level: 'Tiểu học' },
      ['ke-hoach-nho-65-nam', 'lien-tich-2022-2023', 'tap-huan-2024'],
    ],
    ['a high-school Liên đội', { type: 'lien-doi', level: 'THPT' }, ['ke-hoach-nho-65-nam']],
    ['a cơ sở Đoàn', { type: 'co-so-doan' }, ['30-phut-bao-cao', '30-phut-dang-ky']],
    ['a chi đoàn', { type: 'chi-doan' }, ['ren-luyen-2014-dang-ky', 'ren-luyen-2014-danh-gia']],
  ])('%s owes its forms in catalog order', (_label, u, ids) => {
    expect(formsForUnit(specs, testUnit('th-a', { cluster: '', ...u }), []).map((s) => s.id)).toEqual(ids);
  });
});
