import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { STATUS_HEADER } from '../../../functions/src/domain/forms/header-match.js';
import type { SheetTab } from '../../../functions/src/domain/forms/read-form-tab.js';
import {
  findRenamedTabs,
  headerMatchesForm,
  isRenamedTab,
  renamedTabMessage,
  unclaimedTabs,
} from '../../../functions/src/domain/forms/renamed-tabs.js';
import { HELP_SHEET, OWN_TABS } from '../../../functions/src/domain/sheets/own-tabs.js';
import { builtinForm } from '../../support/forms.js';

const TAP_HUAN = builtinForm('tap-huan-2024');
const BAO_CAO = builtinForm('30-phut-bao-cao');
const FORMS: readonly FormSpec[] = [TAP_HUAN, BAO_CAO];
const RESERVED = [...FORMS.map((f) => f.tab), ...OWN_TABS];

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
  STATUS_HEADER,
];
const BAO_CAO_HEADER: RawCell[] = [
  'STT',
  'Tháng',
  'Tuần',
  'Địa điểm tổ chức',
  'Số lượng ĐVTN tham gia',
  'Nội dung tổ chức',
  'Hình thức tổ chức',
  'Kết quả hoạt động',
];

/** A tab with a title row, the header on row 3 and one data row. */
function tabOf(name: string, header: readonly RawCell[]): SheetTab {
  return {
    name,
    rows: [
      { rowNumber: 1, cells: ['DANH SÁCH'] },
      { rowNumber: 3, cells: header },
      { rowNumber: 4, cells: [1, 'Nguyễn Văn A'] },
    ],
  };
}

const names = (found: ReadonlyMap<string, SheetTab>) =>
  Object.fromEntries([...found].map(([formId, tab]) => [formId, tab.name]));

describe('headerMatchesForm', () => {
  it.each([
    ['the full header, with the status column', TAP_HUAN_HEADER, true],
    ['every required column and half the form', ['Họ và tên', 'Chức vụ', 'Số điện thoại', 'Email', 'Giới tính'], true],
    ['the required columns alone (3 of 10)', ['Họ và tên', 'Chức vụ', 'Số điện thoại'], false],
    [
      'a required column missing',
      ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số điện thoại', 'Email', 'Nội dung tham gia', 'Ghi chú'],
      false,
    ],
    ['another form’s header', BAO_CAO_HEADER, false],
    ['no header at all', ['Ghi chép riêng'], false],
  ] as const)('%s: %s', (_, header, expected) => {
    expect(headerMatchesForm(TAP_HUAN, tabOf('Sheet1', header))).toBe(expected);
  });
});

describe('findRenamedTabs', () => {
  it('reads a renamed tab as the absent form whose header it has', () => {
    const tabs = [tabOf('Sheet1', TAP_HUAN_HEADER), tabOf(BAO_CAO.tab, BAO_CAO_HEADER)];
    expect(names(findRenamedTabs(FORMS, tabs, RESERVED))).toEqual({ [TAP_HUAN.id]: 'Sheet1' });
  });

  it('pairs two renamed tabs with their two forms', () => {
    const tabs = [tabOf('Trang tính2', BAO_CAO_HEADER), tabOf('Trang tính1', TAP_HUAN_HEADER)];
    expect(names(findRenamedTabs(FORMS, tabs, RESERVED))).toEqual({
      [TAP_HUAN.id]: 'Trang tính1',
      [BAO_CAO.id]: 'Trang tính2',
    });
  });

  it('takes nothing when every form’s tab is present, even a copy under another name', () => {
    const tabs = [
      tabOf(TAP_HUAN.tab, TAP_HUAN_HEADER),
      tabOf(BAO_CAO.tab, BAO_CAO_HEADER),
      tabOf('Sheet1', TAP_HUAN_HEADER),
    ];
    expect(findRenamedTabs(FORMS, tabs, RESERVED).size).toBe(0);
  });

  it('takes nothing when two tabs match the absent form', () => {
    const tabs = [tabOf('Sheet1', TAP_HUAN_HEADER), tabOf('Sheet2', TAP_HUAN_HEADER)];
    expect(findRenamedTabs(FORMS, tabs, RESERVED).size).toBe(0);
  });

  it('takes nothing when one tab matches two absent forms', () => {
    const twin: FormSpec = { ...TAP_HUAN, id: 'tap-huan-2025', tab: 'Đăng ký tập huấn 2025' };
    const forms = [TAP_HUAN, twin];
    const found = findRenamedTabs(forms, [tabOf('Sheet1', TAP_HUAN_HEADER)], [...forms.map((f) => f.tab), ...OWN_TABS]);
    expect(found.size).toBe(0);
  });

  it('never takes one of our own tabs or another form’s tab, whatever their header', () => {
    const otherForm = { ...BAO_CAO, id: 'not-owed', tab: 'Biểu mẫu khác' };
    const tabs = [
      tabOf(STANDING_TAB, TAP_HUAN_HEADER),
      tabOf(HELP_SHEET, TAP_HUAN_HEADER),
      tabOf('bieu mau KHAC', TAP_HUAN_HEADER),
    ];
    expect(findRenamedTabs(FORMS, tabs, [...RESERVED, otherForm.tab]).size).toBe(0);
  });
});

describe('unclaimedTabs', () => {
  it('leaves out form tabs and our own tabs, ignoring case and accents', () => {
    const tabs = ['dang ky tap huan', 'Tình hình nộp', 'Hướng dẫn', 'Danh mục', 'Sheet1', 'Trang tính1'].map(
      (name) => ({ name }),
    );
    expect(unclaimedTabs(tabs, RESERVED).map((t) => t.name)).toEqual(['Sheet1', 'Trang tính1']);
  });
});

describe('the unit is told', () => {
  it('which tab was read as which form, and the name to give it', () => {
    expect(renamedTabMessage('Sheet1', TAP_HUAN)).toBe(
      "Trang 'Sheet1' được đọc là biểu mẫu 'Đăng ký tập huấn' (khớp tiêu đề cột); đề nghị đổi tên trang thành 'Đăng ký tập huấn'.",
    );
    expect(renamedTabMessage('Sheet1', TAP_HUAN).normalize('NFC')).toBe(renamedTabMessage('Sheet1', TAP_HUAN));
  });

  it.each([
    ['Sheet1', true],
    ['Đăng ký tập huấn', false],
    ['dang ky  tap huan', false],
  ] as const)('isRenamedTab(%s) = %s', (name, expected) => {
    expect(isRenamedTab(name, TAP_HUAN)).toBe(expected);
  });
});
