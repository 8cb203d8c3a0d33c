import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { SheetTab } from '../../../functions/src/domain/forms/read-form-tab.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import { COLUMNS_X, COLUMNS_Y, PLAN_X, PLAN_Y, planTab } from './plan-sheet-fixture.js';

type Row = Record<string, RawCell>;
interface Sheet {
  forms?: Row[];
  columns?: Row[];
  lists?: Row[];
  phases?: Row[];
  metrics?: Row[];
}

/** Plan x with a change, beside a correct plan y that must go on. */
function tabsOf(sheet: Sheet): SheetTab[] {
  return [
    planTab('Biểu mẫu', [...(sheet.forms ?? [PLAN_X]), PLAN_Y]),
    planTab('Cột biểu mẫu', [...(sheet.columns ?? COLUMNS_X), ...COLUMNS_Y]),
    planTab('Danh mục lựa chọn', sheet.lists ?? []),
    planTab('Đợt', sheet.phases ?? []),
    planTab('Chỉ số', sheet.metrics ?? []),
  ];
}

const col = (order: number, header: string, type: string, more: Row = {}): Row => ({
  'Mã biểu mẫu': 'x',
  'Thứ tự': order,
  'Tiêu đề cột': header,
  Kiểu: type,
  ...more,
});
const monthly = {
  ...PLAN_X,
  'Kỳ báo cáo': 'Hằng tháng',
  'Hạn nộp': null,
  'Từ tháng': '9/2024',
  'Đến tháng': '5/2025',
  'Ngày hạn hằng tháng': 5,
};
const metric = (more: Row): Row => ({ 'Mã biểu mẫu': 'x', 'Mã chỉ số': 'm', 'Tên chỉ số': 'M', ...more });

/** [what, the sheet, tab, row, header, words the message holds, plans kept when x itself is fine]. */
const MISTAKES: [string, Sheet, string, number | undefined, string | undefined, string, string[]?][] = [
  [
    'a type that does not exist',
    { columns: [COLUMNS_X[0]!, col(2, 'Ngày sinh', 'Ngayy')] },
    'Cột biểu mẫu',
    3,
    'Kiểu',
    "'Ngayy' không có trong danh sách (chọn một trong: Chữ; Số nguyên",
  ],
  [
    'a column row for a plan not in Biểu mẫu',
    { columns: [...COLUMNS_X, { ...COLUMNS_X[0]!, 'Mã biểu mẫu': 'z' }] },
    'Cột biểu mẫu',
    4,
    'Mã biểu mẫu',
    "biểu mẫu 'z' không có trong trang 'Biểu mẫu'",
    ['x', 'y'],
  ],
  [
    'a list that does not exist',
    { columns: [...COLUMNS_X, col(3, 'Chức vụ', 'Lựa chọn', { 'Danh mục': 'Chức danh' })] },
    'Cột biểu mẫu',
    4,
    'Danh mục',
    "danh mục 'Chức danh' không có trong trang 'Danh mục lựa chọn'",
  ],
  [
    'a list on a text column',
    {
      columns: [...COLUMNS_X, col(3, 'Ghi chú', 'Chữ', { 'Danh mục': 'DS' })],
      lists: [{ 'Danh mục': 'DS', 'Giá trị': 'A' }],
    },
    'Cột biểu mẫu',
    4,
    'Danh mục',
    "chỉ cột kiểu 'Lựa chọn' hoặc 'Nhiều lựa chọn' dùng danh mục",
  ],
  [
    'a list column without a list',
    { columns: [...COLUMNS_X, col(3, 'Chức vụ', 'Lựa chọn')] },
    'Cột biểu mẫu',
    4,
    'Danh mục',
    'cần tên một danh mục',
  ],
  [
    'a value twice in a list',
    {
      lists: [
        { 'Danh mục': 'DS', 'Giá trị': 'Nam' },
        { 'Danh mục': 'ds', 'Giá trị': 'nam' },
      ],
    },
    'Danh mục lựa chọn',
    3,
    'Giá trị',
    "giá trị 'nam' đã có trong danh mục 'DS'",
    ['x', 'y'],
  ],
  [
    'a phase for a plan that is not Theo đợt',
    { phases: [{ 'Mã biểu mẫu': 'x', Đợt: 'Đợt I', Tháng: '3/2014', 'Hạn nộp': '10/4/2014' }] },
    'Đợt',
    2,
    'Mã biểu mẫu',
    "không phải 'Theo đợt', nên không có đợt",
  ],
  [
    'a Theo đợt plan without phases',
    {
      forms: [{ ...PLAN_X, 'Kỳ báo cáo': 'Theo đợt', 'Hạn nộp': null }],
      columns: [...COLUMNS_X, col(3, 'Đợt', 'Lựa chọn', { 'Bắt buộc': 'Có', 'Cột kỳ báo cáo': 'Có' })],
    },
    'Biểu mẫu',
    2,
    'Kỳ báo cáo',
    "trang 'Đợt' chưa có đợt nào",
  ],
  [
    'a phase month that is not a month',
    {
      forms: [{ ...PLAN_X, 'Kỳ báo cáo': 'Theo đợt', 'Hạn nộp': null }],
      columns: [...COLUMNS_X, col(3, 'Đợt', 'Lựa chọn', { 'Bắt buộc': 'Có', 'Cột kỳ báo cáo': 'Có' })],
      phases: [{ 'Mã biểu mẫu': 'x', Đợt: 'Đợt I', Tháng: '13/2014', 'Hạn nộp': '10/4/2014' }],
    },
    'Đợt',
    2,
    'Tháng',
    "'13/2014' không có tháng 13",
  ],
  [
    'the same plan id twice',
    { forms: [PLAN_X, { ...PLAN_X, 'Tên biểu mẫu': 'Khác' }] },
    'Biểu mẫu',
    3,
    'Mã biểu mẫu',
    "mã biểu mẫu 'x' bị trùng với một dòng phía trên",
    ['x', 'y'],
  ],
  [
    'a plan with no columns that is not built in',
    { columns: [] },
    'Biểu mẫu',
    2,
    'Mã biểu mẫu',
    "biểu mẫu 'x' không có cột nào ở trang 'Cột biểu mẫu'",
  ],
  [
    'a plan id that is not lowercase-dashed',
    {
      forms: [{ ...PLAN_X, 'Mã biểu mẫu': 'Tap Huan' }],
      columns: COLUMNS_X.map((c) => ({ ...c, 'Mã biểu mẫu': 'Tap Huan' })),
    },
    'Biểu mẫu',
    2,
    'Mã biểu mẫu',
    "mã 'Tap Huan' chỉ được gồm chữ thường không dấu",
  ],
  [
    'a definition without its title',
    { forms: [{ ...PLAN_X, 'Tên biểu mẫu': null }] },
    'Biểu mẫu',
    2,
    'Tên biểu mẫu',
    'chưa nhập',
  ],
  [
    'a tab name longer than Excel allows',
    { forms: [{ ...PLAN_X, 'Trang tính': 'Đăng ký tham gia tập huấn nghiệp vụ năm học' }] },
    'Biểu mẫu',
    2,
    'Trang tính',
    'dài quá 31 ký tự',
  ],
  [
    'a monthly plan without its day',
    {
      forms: [{ ...monthly, 'Ngày hạn hằng tháng': null }],
      columns: [...COLUMNS_X, col(3, 'Tháng', 'Tháng', { 'Bắt buộc': 'Có', 'Cột kỳ báo cáo': 'Có' })],
    },
    'Biểu mẫu',
    2,
    'Ngày hạn hằng tháng',
    "chưa nhập; biểu mẫu kỳ 'Hằng tháng' cần cột này",
  ],
  [
    'a field the period kind does not use',
    { forms: [{ ...PLAN_X, 'Ngày hạn hằng tháng': 5 }] },
    'Biểu mẫu',
    2,
    'Ngày hạn hằng tháng',
    "biểu mẫu kỳ 'Một lần' không dùng cột này",
  ],
  [
    'a monthly plan without a period column',
    { forms: [monthly] },
    'Biểu mẫu',
    2,
    'Kỳ báo cáo',
    "cần đúng một cột ghi 'Có' ở cột 'Cột kỳ báo cáo'",
  ],
  [
    'a period column of the wrong type',
    { forms: [monthly], columns: [...COLUMNS_X, col(3, 'Tháng', 'Chữ', { 'Bắt buộc': 'Có', 'Cột kỳ báo cáo': 'Có' })] },
    'Cột biểu mẫu',
    4,
    'Kiểu',
    "phải có kiểu 'Tháng'",
  ],
  [
    'a period column not required',
    { forms: [monthly], columns: [...COLUMNS_X, col(3, 'Tháng', 'Tháng', { 'Cột kỳ báo cáo': 'Có' })] },
    'Cột biểu mẫu',
    4,
    'Bắt buộc',
    "phải ghi 'Có' ở cột 'Bắt buộc'",
  ],
  [
    'a period ending before it starts',
    {
      forms: [{ ...monthly, 'Từ tháng': '5/2025', 'Đến tháng': '9/2024' }],
      columns: [...COLUMNS_X, col(3, 'Tháng', 'Tháng', { 'Bắt buộc': 'Có', 'Cột kỳ báo cáo': 'Có' })],
    },
    'Biểu mẫu',
    2,
    'Từ tháng',
    'kỳ bắt đầu (5/2025) sau khi kết thúc (9/2024)',
  ],
  [
    'a school year of two years apart',
    { forms: [{ ...PLAN_X, 'Kỳ báo cáo': 'Năm học', 'Năm học': '2022-2024' }] },
    'Biểu mẫu',
    2,
    'Năm học',
    "'2022-2024' không phải năm học",
  ],
  [
    'two headers that fold to one',
    { columns: [...COLUMNS_X, col(3, 'Ho va ten', 'Chữ')] },
    'Cột biểu mẫu',
    4,
    'Tiêu đề cột',
    "tên 'Ho va ten' trùng với tên của cột 'Họ và tên'",
  ],
  [
    'an alias that is another column',
    { columns: [...COLUMNS_X, col(3, 'Ghi chú', 'Chữ', { 'Tên khác': 'Số tiền' })] },
    'Cột biểu mẫu',
    4,
    'Tiêu đề cột',
    "tên 'Số tiền' trùng với tên của cột 'Số tiền'",
  ],
  [
    'a column key that is not camelCase',
    { columns: [...COLUMNS_X, col(3, 'Ghi chú', 'Chữ', { 'Mã cột': 'ghi chu' })] },
    'Cột biểu mẫu',
    4,
    'Mã cột',
    'mã cột chỉ gồm chữ và số không dấu',
  ],
  [
    'two columns with one order',
    { columns: [...COLUMNS_X, col(2, 'Ghi chú', 'Chữ')] },
    'Cột biểu mẫu',
    4,
    'Thứ tự',
    'thứ tự 2 đã dùng cho một cột khác',
  ],
  [
    'a metric on a column the plan lacks',
    { metrics: [metric({ 'Cách tính': 'Tổng cột', Cột: 'Số người' })] },
    'Chỉ số',
    2,
    'Cột',
    "biểu mẫu không có cột 'Số người'",
  ],
  [
    'a metric without the column it needs',
    { metrics: [metric({ 'Cách tính': 'Tổng cột' })] },
    'Chỉ số',
    2,
    'Cột',
    "cách tính 'Tổng cột' cần cột này",
  ],
  [
    'a metric counting a value not in the list',
    {
      columns: [...COLUMNS_X, col(3, 'Giới tính', 'Lựa chọn', { 'Danh mục': 'GT' })],
      lists: [{ 'Danh mục': 'GT', 'Giá trị': 'Nam' }],
      metrics: [metric({ 'Cách tính': 'Đếm dòng có giá trị', Cột: 'Giới tính', 'Giá trị': 'Nữ' })],
    },
    'Chỉ số',
    2,
    'Giá trị',
    "'Nữ' không có trong danh mục của cột 'Giới tính'",
  ],
  [
    'a metric way that does not exist',
    { metrics: [metric({ 'Cách tính': 'Trung bình' })] },
    'Chỉ số',
    2,
    'Cách tính',
    "'Trung bình' không có trong danh sách",
  ],
  [
    'the same metric id twice',
    { metrics: [metric({ 'Cách tính': 'Đếm dòng' }), metric({ 'Cách tính': 'Đếm dòng' })] },
    'Chỉ số',
    3,
    'Mã chỉ số',
    "mã chỉ số 'm' đã dùng",
  ],
  [
    'a metric id with spaces',
    { metrics: [metric({ 'Mã chỉ số': 'so dong', 'Cách tính': 'Đếm dòng' })] },
    'Chỉ số',
    2,
    'Mã chỉ số',
    'mã chỉ gồm chữ thường không dấu',
  ],
];

describe('readPlanTabs: every mistake names its tab, row and column, and only its plan is skipped', () => {
  it.each(MISTAKES)('%s', (_what, sheet, tab, row, header, words, kept = ['y']) => {
    const reading = readPlanTabs(tabsOf(sheet));
    const problem = reading.problems.find((p) => p.message.includes(words));
    expect(problem, reading.problems.map((p) => p.message).join('\n')).toBeDefined();
    expect(problem).toMatchObject({ tab, row, header });
    expect(problem!.message).toMatch(
      new RegExp(`^Trang '${tab}', dòng ${row}, cột '${header?.replace(/[()]/g, '\\$&')}': `),
    );
    expect(reading.plans.map((p) => p.id)).toEqual(kept);
  });

  it('says which plan was left out and that the others go on', () => {
    const reading = readPlanTabs(tabsOf({ columns: [COLUMNS_X[0]!, col(2, 'Ngày sinh', 'Ngayy')] }));
    expect(reading.problems.map((p) => p.message)).toContain(
      "Trang 'Biểu mẫu', dòng 2: biểu mẫu 'x' chưa được áp dụng vì các lỗi ở trên; các biểu mẫu khác vẫn được tổng hợp.",
    );
    expect([...reading.skipped]).toEqual(['x']);
  });
});
