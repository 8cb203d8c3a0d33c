import { formSpecSchema, UNIT_TYPES, type ColumnSpec, type FormSpec, type UnitType } from '../forms/form-spec.js';
import { UNIT_TYPE_LABELS } from '../units/unit.js';
import {
  COLUMN_TYPE_ALIASES,
  COLUMN_TYPE_NAMES,
  COMPLETENESS_BASIS_NAMES,
  COUNT_SPAN_NAMES,
  FORM_KIND_NAMES,
  DISTRICT_FILLER_ALIASES,
  DISTRICT_FILLER_NAME,
  METRIC_TYPE_NAMES,
  PARENT_FILLER_PREFIX,
  parentFillerName,
  PERIOD_TYPE_ALIASES,
  PERIOD_TYPE_NAMES,
  PLAN_STATUS_NAMES,
  SUBMIT_MODE_ALIASES,
  SUBMIT_MODE_NAMES,
  vocabularyOptions,
} from './plan-vocabulary.js';

/**
 * The plan tabs of the control workbook, each described as a form so they are read with the
 * same machinery (and the same Vietnamese row/column messages) as a unit's sheet:
 * "Biểu mẫu" one row per plan, "Cột biểu mẫu" one row per column, "Danh mục lựa chọn" one row
 * per option, "Đợt" one row per phase, "Tạm nghỉ" one row per pause, "Chỉ số" one row per metric.
 */
const NO_PERIOD = { type: 'once', due: { date: '2000-01-01' } } as const;
const NO_TARGET = { unitTypes: ['lien-doi'] } as const;

type ColumnInput = Omit<Partial<ColumnSpec>, 'key' | 'header' | 'type'> & Pick<ColumnSpec, 'key' | 'header' | 'type'>;

function tabSpec(id: string, tab: string, title: string, columns: ColumnInput[]): FormSpec {
  return formSpecSchema.parse({
    id,
    title,
    issuer: 'Quận Đoàn',
    kind: 'registration',
    tab,
    columns,
    period: NO_PERIOD,
    targets: NO_TARGET,
    minRows: 0,
  });
}

const formId = (help?: string): ColumnInput => ({
  key: 'formId',
  header: 'Mã biểu mẫu',
  aliases: ['Mã'],
  type: 'text',
  required: true,
  maxLength: 60,
  ...(help ? { help } : {}),
});

const UNIT_TYPE_ALIASES: Readonly<Record<UnitType, readonly string[]>> = {
  'lien-doi': ['LĐ', 'Liên đội trường'],
  'co-so-doan': ['Đoàn cơ sở', 'Cơ sở', 'CSĐ'],
  'chi-doan': ['Chi đoàn cơ sở', 'Chi đoàn bộ phận'],
};

// A type, then 'Cấp trên của' that type (its aliases too: 'Cấp trên của CSĐ'), then the district office.
const UNIT_TYPE_OPTIONS = [
  ...UNIT_TYPES.map((type) => ({ value: UNIT_TYPE_LABELS[type], aliases: [...UNIT_TYPE_ALIASES[type]] })),
  ...UNIT_TYPES.map((type) => ({
    value: parentFillerName(type),
    aliases: UNIT_TYPE_ALIASES[type].map((alias) => `${PARENT_FILLER_PREFIX} ${alias}`),
  })),
  { value: DISTRICT_FILLER_NAME, aliases: [...DISTRICT_FILLER_ALIASES] },
];

/** "Biểu mẫu": a plan's definition, or (with only Mã biểu mẫu, Áp dụng and the deadline) an override of a built-in plan. */
export const PLAN_FORMS_TAB_SPEC = tabSpec('control-plans', 'Biểu mẫu', 'Biểu mẫu áp dụng', [
  formId('Viết liền, không dấu, ví dụ tap-huan-2024. Dùng lại mã này ở các trang Cột biểu mẫu, Đợt, Chỉ số.'),
  { key: 'planNumber', header: 'Số kế hoạch', aliases: ['Số KH', 'Số hiệu'], type: 'text', maxLength: 60 },
  { key: 'title', header: 'Tên biểu mẫu', aliases: ['Tên'], type: 'text', maxLength: 500 },
  { key: 'issuer', header: 'Cơ quan ban hành', aliases: ['Đơn vị ban hành', 'Ban hành'], type: 'text', maxLength: 300 },
  {
    key: 'kind',
    header: 'Loại',
    aliases: ['Loại biểu mẫu'],
    type: 'enum',
    options: vocabularyOptions(FORM_KIND_NAMES),
  },
  {
    key: 'tab',
    header: 'Trang tính',
    aliases: ['Tên trang tính', 'Tên trang'],
    type: 'text',
    maxLength: 31,
    help: 'Tên trang trong bảng tính của đơn vị (tối đa 31 ký tự).',
  },
  { key: 'description', header: 'Mô tả', aliases: ['Nội dung kế hoạch'], type: 'text', maxLength: 5000 },
  {
    key: 'periodType',
    header: 'Kỳ báo cáo',
    aliases: ['Kỳ'],
    type: 'enum',
    options: vocabularyOptions(PERIOD_TYPE_NAMES, PERIOD_TYPE_ALIASES),
  },
  { key: 'dueDate', header: 'Hạn nộp', aliases: ['Hạn'], type: 'date', help: 'Biểu mẫu Một lần và Năm học.' },
  { key: 'dueTime', header: 'Giờ hạn', aliases: ['Giờ'], type: 'time', help: 'Để trống: hết ngày hạn nộp.' },
  {
    key: 'dueDay',
    header: 'Ngày hạn hằng tháng',
    aliases: ['Hạn hằng tháng'],
    type: 'int',
    min: 1,
    max: 28,
    help: 'Báo cáo Hằng tháng: nộp trước ngày này của tháng sau.',
  },
  { key: 'fromMonth', header: 'Từ tháng', type: 'month', help: 'Báo cáo Hằng tháng: tháng đầu tiên, ví dụ 4/2020.' },
  { key: 'toMonth', header: 'Đến tháng', type: 'month', help: 'Báo cáo Hằng tháng: tháng cuối cùng.' },
  { key: 'fromDate', header: 'Từ ngày', type: 'date', help: 'Báo cáo Hằng tuần: ngày bắt đầu.' },
  { key: 'toDate', header: 'Đến ngày', type: 'date', help: 'Báo cáo Hằng tuần: ngày kết thúc.' },
  {
    key: 'dueAfterDays',
    header: 'Hạn sau cuối tuần (ngày)',
    aliases: ['Hạn sau Chủ nhật (ngày)'],
    type: 'int',
    min: 0,
    max: 30,
    help: 'Báo cáo Hằng tuần: số ngày sau Chủ nhật; để trống là 1 (thứ Hai).',
  },
  { key: 'schoolYear', header: 'Năm học', type: 'text', maxLength: 20, help: 'Biểu mẫu Năm học: ví dụ 2024-2025.' },
  {
    key: 'unitTypes',
    header: 'Đối tượng',
    aliases: ['Loại đơn vị'],
    type: 'multi-enum',
    options: UNIT_TYPE_OPTIONS,
    help: 'Loại đơn vị phải nộp, cách nhau bằng dấu phẩy; để trống là mọi đơn vị. Quận Đoàn: văn phòng tự nhập (ví dụ biên lai thu kinh phí), mỗi dòng ghi tên đơn vị; đơn vị không phải nộp. Cấp trên của Chi đoàn: mỗi cơ sở Đoàn có chi đoàn trực thuộc tự nhập vào bảng tính của mình, mỗi dòng ghi tên một chi đoàn của mình (cột Chi đoàn hoặc Đơn vị); chi đoàn không phải nộp.',
  },
  {
    key: 'levels',
    header: 'Cấp học / Khối',
    aliases: ['Cấp học', 'Khối'],
    type: 'text',
    maxLength: 300,
    help: 'Chỉ các đơn vị thuộc cấp học này (cách nhau bằng dấu phẩy); để trống là mọi cấp.',
  },
  {
    key: 'clusters',
    header: 'Cụm thi đua',
    aliases: ['Cụm'],
    type: 'text',
    maxLength: 300,
    help: 'Chỉ các đơn vị thuộc cụm này (cách nhau bằng dấu phẩy); để trống là mọi cụm.',
  },
  { key: 'minRows', header: 'Số dòng tối thiểu', type: 'int', min: 0, help: 'Để trống là 1.' },
  {
    key: 'graceDays',
    header: 'Gia hạn (ngày)',
    aliases: ['Số ngày gia hạn'],
    type: 'int',
    min: 0,
    max: 60,
    help: 'Số ngày sau hạn vẫn tính đúng hạn; để trống là 0.',
  },
  {
    key: 'lockDate',
    header: 'Khóa sổ sau',
    aliases: ['Khóa sổ'],
    type: 'date',
    help: 'Sau ngày này, thay đổi của đơn vị được ghi nhận nhưng không áp dụng.',
  },
  { key: 'lockTime', header: 'Giờ khóa sổ', type: 'time' },
  {
    key: 'eventDate',
    header: 'Ngày diễn ra',
    aliases: ['Ngày tổ chức'],
    type: 'date',
    help: 'Ngày diễn ra hoạt động đơn vị đăng ký (tập huấn, hành trình); thư nhắc ghi ngày này.',
  },
  { key: 'eventTime', header: 'Giờ diễn ra', aliases: ['Giờ tổ chức'], type: 'time' },
  { key: 'reminderDays', header: 'Nhắc trước (ngày)', type: 'int', min: 0, max: 60 },
  { key: 'escalationDays', header: 'Báo cấp trên sau (ngày)', type: 'int', min: 1, max: 120 },
  {
    key: 'enabled',
    header: 'Áp dụng',
    aliases: ['Sử dụng'],
    type: 'bool',
    help: 'Không: tạm không dùng biểu mẫu này.',
  },
  {
    key: 'status',
    header: 'Trạng thái',
    type: 'enum',
    options: vocabularyOptions(PLAN_STATUS_NAMES),
    help: 'Đã đóng: giữ dữ liệu, thôi nhắc nộp.',
  },
  {
    key: 'coverageOf',
    header: 'Đủ khi có mọi dòng của',
    aliases: ['Đủ khi đủ dòng của'],
    type: 'text',
    maxLength: 60,
    help: "Mã một biểu mẫu khác, ví dụ dang-ky-ren-luyen: mỗi kỳ chỉ Đủ khi mọi dòng của biểu mẫu đó (của cùng đơn vị) đều có ở đây; cột so khớp là cột ghi 'Phải có trong' biểu mẫu đó.",
  },
  {
    key: 'missingLabel',
    header: 'Cách gọi phần còn thiếu',
    aliases: ['Còn thiếu gọi là'],
    type: 'text',
    maxLength: 100,
    help: "Ví dụ 'đoàn viên chưa đánh giá' → 'Còn 12 đoàn viên chưa đánh giá'. Để trống: 'dòng chưa có'.",
  },
  {
    key: 'submitMode',
    header: 'Cách nộp',
    aliases: ['Hình thức nộp'],
    type: 'enum',
    options: vocabularyOptions(SUBMIT_MODE_NAMES, SUBMIT_MODE_ALIASES),
    help: 'Tự động (để trống): mỗi lần đơn vị sửa là đã nộp. Bấm nộp: chỉ tính khi đơn vị bấm Nộp báo cáo; sửa sau đó là bản nháp cho đến khi nộp lại.',
  },
  {
    key: 'review',
    header: 'Cần duyệt',
    aliases: ['Duyệt báo cáo'],
    type: 'bool',
    help: "Có: Quận Đoàn (và cơ sở Đoàn, với chi đoàn trực thuộc) duyệt từng báo cáo ở trang 'Duyệt báo cáo' của bảng tổng hợp. Không: không duyệt. Để trống: theo cài đặt chung 'Duyệt báo cáo'.",
  },
  {
    key: 'completenessBasis',
    header: 'Tính nộp đủ theo',
    aliases: ['Tính đủ theo'],
    type: 'enum',
    options: vocabularyOptions(COMPLETENESS_BASIS_NAMES),
    help: "Đã nộp (để trống): đơn vị nộp đủ là đủ. Đã duyệt: chỉ tính báo cáo đã được duyệt (cần 'Cần duyệt' là Có).",
  },
]);

/** "Cột biểu mẫu": one row per column of a plan's form. */
export const PLAN_COLUMNS_TAB_SPEC = tabSpec('control-plan-columns', 'Cột biểu mẫu', 'Cột của biểu mẫu', [
  formId(),
  { key: 'order', header: 'Thứ tự', aliases: ['STT'], type: 'int', required: true, min: 1 },
  { key: 'header', header: 'Tiêu đề cột', aliases: ['Tên cột'], type: 'text', required: true, maxLength: 200 },
  {
    key: 'key',
    header: 'Mã cột',
    type: 'text',
    maxLength: 60,
    help: 'Để trống: tự đặt từ tiêu đề. Đã có dữ liệu thì đừng đổi mã cột.',
  },
  {
    key: 'aliases',
    header: 'Tên khác',
    type: 'text',
    maxLength: 1000,
    help: 'Các tiêu đề khác được chấp nhận, cách nhau bằng dấu chấm phẩy (;).',
  },
  {
    key: 'type',
    header: 'Kiểu',
    aliases: ['Kiểu dữ liệu'],
    type: 'enum',
    required: true,
    options: vocabularyOptions(COLUMN_TYPE_NAMES, COLUMN_TYPE_ALIASES),
  },
  { key: 'required', header: 'Bắt buộc', type: 'bool' },
  {
    key: 'list',
    header: 'Danh mục',
    type: 'text',
    maxLength: 100,
    help: 'Tên danh mục ở trang Danh mục lựa chọn (cho kiểu Lựa chọn, Nhiều lựa chọn).',
  },
  { key: 'min', header: 'Nhỏ nhất', type: 'decimal' },
  { key: 'max', header: 'Lớn nhất', type: 'decimal' },
  { key: 'maxLength', header: 'Độ dài tối đa', aliases: ['Số ký tự tối đa'], type: 'int', min: 1 },
  { key: 'help', header: 'Hướng dẫn', type: 'text', maxLength: 1000 },
  {
    key: 'period',
    header: 'Cột kỳ báo cáo',
    aliases: ['Kỳ báo cáo'],
    type: 'bool',
    help: 'Có: cột cho biết dòng thuộc tháng, tuần hay đợt nào.',
  },
  {
    key: 'counter',
    header: 'Cột số thứ tự',
    aliases: ['Số thứ tự'],
    type: 'bool',
    help: 'Có: cột STT; dòng chỉ có số thứ tự là dòng trống.',
  },
  {
    key: 'unique',
    header: 'Không trùng',
    aliases: ['Không được trùng'],
    type: 'bool',
    help: 'Có: hai dòng của biểu mẫu không được cùng giá trị (ví dụ số biên lai); với biểu mẫu định kỳ, trong cùng một kỳ.',
  },
  {
    key: 'uniqueWith',
    header: 'Không trùng cùng',
    aliases: ['Không trùng cùng cột'],
    type: 'text',
    maxLength: 500,
    help: 'Tiêu đề các cột khác (cách nhau bằng dấu chấm phẩy) mà cùng với cột này không được lặp lại trong một kỳ, ví dụ ở cột Họ và tên ghi Ngày sinh: mỗi đoàn viên một dòng mỗi đợt.',
  },
  {
    key: 'partOf',
    header: 'Là phần của',
    aliases: ['Là phần của cột', 'Thuộc tổng'],
    type: 'text',
    maxLength: 200,
    help: 'Tiêu đề một cột số khác của biểu mẫu: trên mỗi dòng, các cột ghi cùng cột đó cộng lại không được lớn hơn nó, ví dụ ở Đúng hạn và Trễ hạn ghi Đã nộp đủ.',
  },
  {
    key: 'mustExistIn',
    header: 'Phải có trong',
    aliases: ['Phải khớp với', 'Tham chiếu'],
    type: 'text',
    maxLength: 300,
    help: 'Giá trị phải có trong một cột của biểu mẫu khác do chính đơn vị nộp, dạng mã-biểu-mẫu/Tiêu đề cột, ví dụ dang-ky-ren-luyen/Họ và tên (không kể dấu, chữ hoa, khoảng trắng).',
  },
]);

/** "Danh mục lựa chọn": one row per accepted value of a named list. */
export const OPTION_LISTS_TAB_SPEC = tabSpec('control-option-lists', 'Danh mục lựa chọn', 'Danh mục lựa chọn', [
  { key: 'list', header: 'Danh mục', aliases: ['Tên danh mục'], type: 'text', required: true, maxLength: 100 },
  { key: 'value', header: 'Giá trị', aliases: ['Lựa chọn'], type: 'text', required: true, maxLength: 500 },
  {
    key: 'aliases',
    header: 'Tên khác',
    type: 'text',
    maxLength: 1000,
    help: 'Cách viết khác đơn vị hay dùng, cách nhau bằng dấu chấm phẩy (;).',
  },
]);

/** "Đợt": one row per phase of a 'Theo đợt' plan. */
export const PHASES_TAB_SPEC = tabSpec('control-plan-phases', 'Đợt', 'Các đợt của biểu mẫu theo đợt', [
  formId(),
  { key: 'name', header: 'Đợt', aliases: ['Tên đợt'], type: 'text', required: true, maxLength: 100 },
  {
    key: 'months',
    header: 'Tháng',
    type: 'text',
    required: true,
    maxLength: 200,
    help: 'Tháng của đợt, ví dụ 3/2014; nhiều tháng cách nhau bằng dấu phẩy.',
  },
  { key: 'theme', header: 'Chủ đề', type: 'text', maxLength: 500 },
  { key: 'dueDate', header: 'Hạn nộp', aliases: ['Hạn'], type: 'date', required: true },
  { key: 'dueTime', header: 'Giờ hạn', aliases: ['Giờ'], type: 'time' },
  {
    key: 'aliases',
    header: 'Tên khác',
    type: 'text',
    maxLength: 500,
    help: 'Cách viết khác của tên đợt, cách nhau bằng dấu chấm phẩy (;).',
  },
  {
    key: 'phaseId',
    header: 'Mã đợt',
    type: 'text',
    maxLength: 60,
    help: 'Để trống: tự đặt từ tên đợt. Đã có dữ liệu thì đừng đổi mã đợt.',
  },
]);

/** "Tạm nghỉ": months or weeks a periodic plan does not count (Tết, summer). */
export const PAUSES_TAB_SPEC = tabSpec('control-plan-pauses', 'Tạm nghỉ', 'Thời gian tạm nghỉ của báo cáo định kỳ', [
  formId(),
  { key: 'name', header: 'Tên đợt nghỉ', aliases: ['Tên', 'Lý do'], type: 'text', required: true, maxLength: 200 },
  { key: 'from', header: 'Từ ngày', type: 'date', required: true },
  { key: 'to', header: 'Đến ngày', type: 'date', required: true },
]);

/** "Chỉ số": one row per statistic the summary computes for a plan. */
export const METRICS_TAB_SPEC = tabSpec('control-plan-metrics', 'Chỉ số', 'Chỉ số thống kê của biểu mẫu', [
  formId(),
  {
    key: 'metricId',
    header: 'Mã chỉ số',
    type: 'text',
    required: true,
    maxLength: 60,
    help: 'Viết liền, không dấu, ví dụ tong-so-tien.',
  },
  { key: 'label', header: 'Tên chỉ số', type: 'text', required: true, maxLength: 300 },
  { key: 'how', header: 'Cách tính', type: 'enum', required: true, options: vocabularyOptions(METRIC_TYPE_NAMES) },
  {
    key: 'column',
    header: 'Cột',
    aliases: ['Cột tính'],
    type: 'text',
    maxLength: 200,
    help: 'Tiêu đề (hoặc mã) cột của biểu mẫu mà chỉ số dùng.',
  },
  {
    key: 'weekColumn',
    header: 'Cột tuần',
    type: 'text',
    maxLength: 200,
    help: 'Số tuần đạt chỉ tiêu: tiêu đề cột ghi tuần của hoạt động (1–5); cột Cột là số người tham gia.',
  },
  {
    key: 'equals',
    header: 'Giá trị',
    aliases: ['Giá trị cần đếm'],
    type: 'text',
    maxLength: 500,
    help: 'Đếm dòng có giá trị: giá trị của cột cần đếm.',
  },
  {
    key: 'per',
    header: 'Mỗi',
    type: 'enum',
    options: vocabularyOptions(COUNT_SPAN_NAMES),
    help: 'Đếm dòng có giá trị: đạt tối thiểu trong mỗi kỳ báo cáo hay mỗi tháng.',
  },
  {
    key: 'atLeast',
    header: 'Đạt tối thiểu',
    type: 'int',
    min: 1,
    help: 'Số lần cần đạt (Đếm dòng có giá trị), hoặc số hoạt động mỗi tuần (Số tuần có hoạt động, Số tuần đạt chỉ tiêu).',
  },
  {
    key: 'target',
    header: 'Tỉ lệ mục tiêu',
    type: 'decimal',
    min: 0,
    max: 100,
    help: 'Tỉ lệ tham gia, Số tuần đạt chỉ tiêu: phần trăm số đội viên/đoàn viên, ví dụ 100.',
  },
  {
    key: 'amount',
    header: 'Số tiền mỗi dòng',
    aliases: ['Số tiền'],
    type: 'money',
    help: 'Tiền mỗi dòng: số tiền mỗi người/dòng.',
  },
  { key: 'payByDate', header: 'Hạn nộp tiền', type: 'date' },
  { key: 'payByTime', header: 'Giờ nộp tiền', type: 'time' },
  {
    key: 'against',
    header: 'Đối chiếu với',
    type: 'text',
    maxLength: 200,
    help: 'Còn nợ: chỉ số Tiền mỗi dòng của biểu mẫu đăng ký, dạng mã-biểu-mẫu/mã-chỉ-số, ví dụ tap-huan-2024/kinh-phi.',
  },
  {
    key: 'payAt',
    header: 'Nơi nộp tiền',
    aliases: ['Nơi và giờ nộp'],
    type: 'text',
    maxLength: 500,
    help: 'Còn nợ: nơi và thời gian nộp, ghi trong thư nhắc đóng kinh phí.',
  },
]);

/** Every plan tab, in the order the control workbook shows them. */
export const PLAN_TAB_SPECS = [
  PLAN_FORMS_TAB_SPEC,
  PLAN_COLUMNS_TAB_SPEC,
  OPTION_LISTS_TAB_SPEC,
  PHASES_TAB_SPEC,
  PAUSES_TAB_SPEC,
  METRICS_TAB_SPEC,
] as const;

const PLAN_FORM_HEADERS = new Map(PLAN_FORMS_TAB_SPEC.columns.map((c) => [c.key, c.header]));

/** The "Biểu mẫu" header of a field key ('dueDay' → 'Ngày hạn hằng tháng'). */
export function planFormHeader(key: string): string {
  return PLAN_FORM_HEADERS.get(key) ?? key;
}
