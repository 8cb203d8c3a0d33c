import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import type { ColumnType, FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { COLUMN_TYPE_NAMES } from '../../../functions/src/domain/plans/plan-vocabulary.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import { COLUMNS_X, PLAN_X, planTab } from './plan-sheet-fixture.js';

type Row = Record<string, RawCell>;

function read(forms: Row[], columns: Row[], more: Record<string, Row[]> = {}) {
  return readPlanTabs([
    planTab('Biểu mẫu', forms),
    planTab('Cột biểu mẫu', columns),
    ...Object.entries(more).map(([name, rows]) => planTab(name, rows)),
  ]);
}

function onlyPlan(reading: ReturnType<typeof read>): FormSpec {
  expect(reading.problems.map((p) => p.message)).toEqual([]);
  expect(reading.plans).toHaveLength(1);
  return reading.plans[0]!;
}

describe('readPlanTabs: a plan typed in Vietnamese', () => {
  it('reads the smallest plan, generating column keys from headers and defaults from the schema', () => {
    const spec = onlyPlan(read([PLAN_X], COLUMNS_X));
    expect(spec).toMatchObject({
      id: 'x',
      title: 'Đăng ký X',
      kind: 'registration',
      tab: 'Đăng ký X',
      period: { type: 'once', due: { date: '2024-09-15' } },
      minRows: 1,
      graceDays: 0,
    });
    expect(spec.targets.unitTypes).toEqual(['lien-doi', 'co-so-doan', 'chi-doan']);
    expect(spec.columns.map((c) => [c.key, c.type, c.required])).toEqual([
      ['hoVaTen', 'text', true],
      ['soTien', 'money', false],
    ]);
  });

  const types = Object.entries(COLUMN_TYPE_NAMES) as [ColumnType, string][];
  it.each(types)('column type %s is typed as %s', (type, name) => {
    const isList = type === 'enum' || type === 'multi-enum';
    const reading = read(
      [PLAN_X],
      [
        { ...COLUMNS_X[0] },
        {
          'Mã biểu mẫu': 'x',
          'Thứ tự': 2,
          'Tiêu đề cột': 'Cột thử',
          Kiểu: name,
          ...(isList ? { 'Danh mục': 'DS' } : {}),
        },
      ],
      {
        'Danh mục lựa chọn': [{ 'Danh mục': 'DS', 'Giá trị': 'A', 'Tên khác': 'a1; a2' }],
      },
    );
    expect(onlyPlan(reading).columns[1]?.type).toBe(type);
  });

  it('reads the type typed without accents or with an alias', () => {
    const reading = read(
      [PLAN_X],
      [
        COLUMNS_X[0]!,
        { 'Mã biểu mẫu': 'x', 'Thứ tự': 2, 'Tiêu đề cột': 'Ngày sinh', Kiểu: 'ngay' },
        { 'Mã biểu mẫu': 'x', 'Thứ tự': 3, 'Tiêu đề cột': 'SĐT', Kiểu: 'Điện thoại' },
      ],
    );
    expect(onlyPlan(reading).columns.map((c) => c.type)).toEqual(['text', 'date', 'phone']);
  });

  const periodCases: [string, Row, Row[], Record<string, Row[]>, FormSpec['period']][] = [
    [
      'Một lần',
      { 'Hạn nộp': '15/9/2024', 'Giờ hạn': '10g00' },
      [],
      {},
      { type: 'once', due: { date: '2024-09-15', time: '10:00' } },
    ],
    [
      'Hằng tuần',
      { 'Hạn nộp': null, 'Từ ngày': '2/9/2024', 'Đến ngày': '31/5/2025', 'Hạn sau cuối tuần (ngày)': 2 },
      [
        {
          'Mã biểu mẫu': 'x',
          'Thứ tự': 3,
          'Tiêu đề cột': 'Ngày',
          Kiểu: 'Ngày',
          'Bắt buộc': 'Có',
          'Cột kỳ báo cáo': 'Có',
        },
      ],
      { 'Tạm nghỉ': [{ 'Mã biểu mẫu': 'x', 'Tên đợt nghỉ': 'Tết', 'Từ ngày': '27/1/2025', 'Đến ngày': '2/2/2025' }] },
      {
        type: 'weekly',
        from: '2024-09-02',
        to: '2025-05-31',
        dueAfterDays: 2,
        pauses: [{ name: 'Tết', from: '2025-01-27', to: '2025-02-02' }],
      },
    ],
    [
      'Hằng tháng',
      { 'Hạn nộp': null, 'Từ tháng': '9/2024', 'Đến tháng': 'T5/2025', 'Ngày hạn hằng tháng': 5 },
      [
        {
          'Mã biểu mẫu': 'x',
          'Thứ tự': 3,
          'Tiêu đề cột': 'Tháng',
          Kiểu: 'Tháng',
          'Bắt buộc': 'Có',
          'Cột kỳ báo cáo': 'Có',
        },
      ],
      { 'Tạm nghỉ': [{ 'Mã biểu mẫu': 'x', 'Tên đợt nghỉ': 'Hè', 'Từ ngày': '1/6/2025', 'Đến ngày': '31/8/2025' }] },
      {
        type: 'monthly',
        from: '2024-09',
        to: '2025-05',
        dueDay: 5,
        pauses: [{ name: 'Hè', from: '2025-06-01', to: '2025-08-31' }],
      },
    ],
    [
      'Năm học',
      { 'Năm học': '2024 – 2025', 'Hạn nộp': '31/5/2025' },
      [],
      {},
      { type: 'school-year', schoolYear: '2024-2025', due: { date: '2025-05-31' } },
    ],
    [
      'Theo đợt',
      { 'Hạn nộp': null },
      [
        {
          'Mã biểu mẫu': 'x',
          'Thứ tự': 3,
          'Tiêu đề cột': 'Đợt',
          Kiểu: 'Lựa chọn',
          'Bắt buộc': 'Có',
          'Cột kỳ báo cáo': 'Có',
        },
      ],
      {
        Đợt: [
          {
            'Mã biểu mẫu': 'x',
            Đợt: 'Đợt I',
            Tháng: '3/2014, 4/2014',
            'Chủ đề': 'Vì lý tưởng',
            'Hạn nộp': '10/4/2014',
            'Tên khác': 'Đợt 1; I',
          },
          {
            'Mã biểu mẫu': 'x',
            Đợt: 'Đợt II',
            Tháng: '5/2014',
            'Hạn nộp': '10/6/2014',
            'Giờ hạn': '17:00',
            'Mã đợt': 'dot-2',
          },
        ],
      },
      {
        type: 'phases',
        phases: [
          {
            id: 'dot-i',
            name: 'Đợt I',
            months: ['2014-03', '2014-04'],
            theme: 'Vì lý tưởng',
            aliases: ['Đợt 1', 'I'],
            due: { date: '2014-04-10' },
          },
          { id: 'dot-2', name: 'Đợt II', months: ['2014-05'], aliases: [], due: { date: '2014-06-10', time: '17:00' } },
        ],
      },
    ],
  ];
  it.each(periodCases)('period kind %s', (kind, fields, extraColumns, more, period) => {
    const spec = onlyPlan(read([{ ...PLAN_X, 'Kỳ báo cáo': kind, ...fields }], [...COLUMNS_X, ...extraColumns], more));
    expect(spec.period).toEqual(period);
  });

  it('reads targets, limits, lock, reminders, grace and description', () => {
    const row = {
      ...PLAN_X,
      'Số kế hoạch': '42-KHLT/GDĐT-HĐĐ-NTN',
      'Mô tả': 'Kinh phí 1.900.000 đồng/người.',
      'Đối tượng': 'Liên đội, CSĐ',
      'Cấp học / Khối': 'Tiểu học, THCS',
      'Cụm thi đua': 'Cụm 1',
      'Số dòng tối thiểu': 2,
      'Gia hạn (ngày)': 3,
      'Khóa sổ sau': '30/9/2024',
      'Giờ khóa sổ': '17:00',
      'Nhắc trước (ngày)': 5,
      'Báo cấp trên sau (ngày)': 7,
    };
    expect(onlyPlan(read([row], COLUMNS_X))).toMatchObject({
      planNumber: '42-KHLT/GDĐT-HĐĐ-NTN',
      description: 'Kinh phí 1.900.000 đồng/người.',
      targets: { unitTypes: ['lien-doi', 'co-so-doan'], levels: ['Tiểu học', 'THCS'], clusters: ['Cụm 1'] },
      minRows: 2,
      graceDays: 3,
      lockAfter: { date: '2024-09-30', time: '17:00' },
      notices: { reminderDays: 5, escalationDays: 7 },
    });
  });

  it('builds option lists with aliases that a unit row then matches', () => {
    const reading = read(
      [PLAN_X],
      [
        ...COLUMNS_X,
        { 'Mã biểu mẫu': 'x', 'Thứ tự': 3, 'Tiêu đề cột': 'Chức vụ', Kiểu: 'Lựa chọn', 'Danh mục': 'chuc vu' },
      ],
      {
        'Danh mục lựa chọn': [
          { 'Danh mục': 'Chức vụ', 'Giá trị': 'Tổng phụ trách Đội', 'Tên khác': 'TPT; TPT Đội' },
          { 'Danh mục': 'Chức vụ', 'Giá trị': 'Bí thư Chi đoàn giáo viên', 'Tên khác': 'BT' },
        ],
      },
    );
    const spec = onlyPlan(reading);
    expect(spec.columns[2]?.options).toEqual([
      { value: 'Tổng phụ trách Đội', aliases: ['TPT', 'TPT Đội'] },
      { value: 'Bí thư Chi đoàn giáo viên', aliases: ['BT'] },
    ]);
    const row = compileForm(spec).validateRow(5, { hoVaTen: 'Nguyễn Văn A', chucVu: 'tpt doi' });
    expect(row.ok && row.values.chucVu).toBe('Tổng phụ trách Đội');
  });

  it('reads every way of computing a metric', () => {
    const columns = [
      ...COLUMNS_X,
      { 'Mã biểu mẫu': 'x', 'Thứ tự': 3, 'Tiêu đề cột': 'Tuần', Kiểu: 'Số nguyên' },
      { 'Mã biểu mẫu': 'x', 'Thứ tự': 4, 'Tiêu đề cột': 'Loại hoạt động', Kiểu: 'Lựa chọn', 'Danh mục': 'Loại' },
    ];
    const metric = (id: string, how: string, more: Row = {}) => ({
      'Mã biểu mẫu': 'x',
      'Mã chỉ số': id,
      'Tên chỉ số': `Chỉ số ${id}`,
      'Cách tính': how,
      ...more,
    });
    const reading = read([PLAN_X], columns, {
      'Danh mục lựa chọn': [{ 'Danh mục': 'Loại', 'Giá trị': 'Gặp gỡ, đối thoại' }],
      'Chỉ số': [
        metric('so-dong', 'Đếm dòng'),
        metric('tong-tien', 'Tổng cột', { Cột: 'so tien' }),
        metric('kinh-phi', 'Tiền mỗi dòng', { 'Số tiền mỗi dòng': '1.900.000 đ', 'Hạn nộp tiền': '16/9/2024' }),
        metric('tuan', 'Số tuần có hoạt động', { Cột: 'Tuần', 'Đạt tối thiểu': 2 }),
        metric('tham-gia', 'Tỉ lệ tham gia', { Cột: 'Số tiền', 'Tỉ lệ mục tiêu': 80 }),
        metric('doi-thoai', 'Đếm dòng có giá trị', {
          Cột: 'Loại hoạt động',
          'Giá trị': 'gap go doi thoai',
          Mỗi: 'Tháng',
          'Đạt tối thiểu': 2,
        }),
      ],
    });
    expect(onlyPlan(reading).metrics).toEqual([
      { type: 'row-count', id: 'so-dong', label: 'Chỉ số so-dong' },
      { type: 'sum', id: 'tong-tien', label: 'Chỉ số tong-tien', column: 'soTien' },
      { type: 'fee-per-row', id: 'kinh-phi', label: 'Chỉ số kinh-phi', amount: 1900000, payBy: { date: '2024-09-16' } },
      { type: 'weeks-with-activity', id: 'tuan', label: 'Chỉ số tuan', weekColumn: 'tuan', minPerWeek: 2 },
      { type: 'participation-rate', id: 'tham-gia', label: 'Chỉ số tham-gia', column: 'soTien', target: 0.8 },
      {
        type: 'count-where',
        id: 'doi-thoai',
        label: 'Chỉ số doi-thoai',
        column: 'loaiHoatDong',
        equals: 'Gặp gỡ, đối thoại',
        atLeast: 2,
        per: 'month',
      },
    ]);
  });

  it('returns a closed plan marked closed and leaves out a plan switched off', () => {
    const reading = read(
      [
        { ...PLAN_X, 'Trạng thái': 'Đã đóng' },
        { ...PLAN_X, 'Mã biểu mẫu': 'y', 'Áp dụng': 'Không' },
      ],
      [...COLUMNS_X, ...COLUMNS_X.map((c) => ({ ...c, 'Mã biểu mẫu': 'y' }))],
    );
    expect(reading.problems).toEqual([]);
    expect(reading.plans.map((p) => p.id)).toEqual(['x']);
    expect([...reading.closed]).toEqual(['x']);
    expect([...reading.off]).toEqual(['y']);
  });
});
