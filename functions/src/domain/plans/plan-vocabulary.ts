import type { CompletenessBasis } from '../review/approved-completeness.js';
import {
  COLUMN_TYPES,
  type ColumnType,
  type FormKind,
  type MetricSpec,
  type PeriodRule,
  type SubmitMode,
  type UnitType,
} from '../forms/form-spec.js';
import { columnTypeBehaviour } from '../forms/column-types.js';
import { UNIT_TYPE_LABELS } from '../units/unit.js';

/**
 * The Vietnamese words district staff type in the plan tabs of the control workbook,
 * one record per closed set of FormSpec, so reading and writing share one vocabulary.
 */

/** Column types as the 'Kiểu' column names them: the registry's Vietnamese names. */
export const COLUMN_TYPE_NAMES: Readonly<Record<ColumnType, string>> = Object.fromEntries(
  COLUMN_TYPES.map((type) => [type, columnTypeBehaviour(type).viName]),
) as Record<ColumnType, string>;

/** Other spellings accepted in the 'Kiểu' column. */
export const COLUMN_TYPE_ALIASES: Readonly<Partial<Record<ColumnType, readonly string[]>>> = {
  text: ['Văn bản', 'Chữ viết'],
  int: ['Số'],
  decimal: ['Số lẻ'],
  money: ['Tiền'],
  datetime: ['Ngày và giờ'],
  enum: ['Danh sách', 'Chọn một'],
  'multi-enum': ['Chọn nhiều'],
  phone: ['SĐT', 'Điện thoại'],
  email: ['Thư điện tử'],
  bool: ['Có hoặc Không', 'Đúng/Sai'],
};

/** Form kinds as the 'Loại' column names them. */
export const FORM_KIND_NAMES: Readonly<Record<FormKind, string>> = { registration: 'Đăng ký', report: 'Báo cáo' };

/** How units submit, as the 'Cách nộp' column names it. */
export const SUBMIT_MODE_NAMES: Readonly<Record<SubmitMode, string>> = { auto: 'Tự động', button: 'Bấm nộp' };

export const SUBMIT_MODE_ALIASES: Readonly<Partial<Record<SubmitMode, readonly string[]>>> = {
  auto: ['Tự nộp', 'Mỗi lần sửa'],
  button: ['Nộp khi bấm', 'Bấm nút nộp'],
};

/** 'Tính nộp đủ theo': whether a plan's completeness counts reports submitted in full, or approved in review. */
export const COMPLETENESS_BASIS_NAMES: Readonly<Record<CompletenessBasis, string>> = {
  submitted: 'Đã nộp',
  approved: 'Đã duyệt',
};

export type PeriodType = PeriodRule['type'];

/** Period kinds as the 'Kỳ báo cáo' column names them. */
export const PERIOD_TYPE_NAMES: Readonly<Record<PeriodType, string>> = {
  once: 'Một lần',
  weekly: 'Hằng tuần',
  monthly: 'Hằng tháng',
  phases: 'Theo đợt',
  'school-year': 'Năm học',
};

export const PERIOD_TYPE_ALIASES: Readonly<Partial<Record<PeriodType, readonly string[]>>> = {
  weekly: ['Hàng tuần', 'Tuần'],
  monthly: ['Hàng tháng', 'Tháng'],
  phases: ['Đợt'],
  'school-year': ['Cả năm học'],
};

export type MetricType = MetricSpec['type'];

/** How a metric is computed, as the 'Cách tính' column names it. */
export const METRIC_TYPE_NAMES: Readonly<Record<MetricType, string>> = {
  'row-count': 'Đếm dòng',
  sum: 'Tổng cột',
  'fee-per-row': 'Tiền mỗi dòng',
  'weeks-with-activity': 'Số tuần có hoạt động',
  'participation-rate': 'Tỉ lệ tham gia',
  'weeks-meeting-target': 'Số tuần đạt chỉ tiêu',
  'count-where': 'Đếm dòng có giá trị',
  balance: 'Còn nợ',
};

/** The 'Đối tượng' value of a plan the district office fills itself (its rows name the units). */
export const DISTRICT_FILLER_NAME = 'Quận Đoàn';
export const DISTRICT_FILLER_ALIASES: readonly string[] = [
  'Văn phòng Quận Đoàn',
  'Bộ phận tài chính Quận Đoàn',
  'Quận Đoàn nhập',
];

/** The 'Đối tượng' prefix of a plan each parent fills about its own units: 'Cấp trên của Chi đoàn'. */
export const PARENT_FILLER_PREFIX = 'Cấp trên của';

/** The 'Đối tượng' value of a plan the parents of units of this type fill ('Cấp trên của Chi đoàn'). */
export function parentFillerName(type: UnitType): string {
  return `${PARENT_FILLER_PREFIX} ${UNIT_TYPE_LABELS[type]}`;
}

/** The unit type a 'Đối tượng' value names the parents of ('Cấp trên của Chi đoàn' → 'chi-doan'), if it is one. */
export function parentFillerType(name: string): UnitType | undefined {
  return (Object.keys(UNIT_TYPE_LABELS) as UnitType[]).find((type) => parentFillerName(type) === name);
}

export type CountSpan = Extract<MetricSpec, { type: 'count-where' }>['per'];

/** The span a count-where target counts over, as the 'Mỗi' column names it. */
export const COUNT_SPAN_NAMES: Readonly<Record<CountSpan, string>> = { period: 'Kỳ báo cáo', month: 'Tháng' };

export const PLAN_STATUSES = ['open', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A plan's state, as the 'Trạng thái' column names it: closing keeps its data and stops reminders. */
export const PLAN_STATUS_NAMES: Readonly<Record<PlanStatus, string>> = { open: 'Đang áp dụng', closed: 'Đã đóng' };

/** Enum options ({ value, aliases }) for a vocabulary record, in the record's order. */
export function vocabularyOptions<K extends string>(
  names: Readonly<Record<K, string>>,
  aliases: Readonly<Partial<Record<K, readonly string[]>>> = {} as Partial<Record<K, readonly string[]>>,
): { value: string; aliases: string[] }[] {
  return (Object.keys(names) as K[]).map((key) => ({ value: names[key], aliases: [...(aliases[key] ?? [])] }));
}

/** The key whose Vietnamese name is `name` (a value the enum column already normalized). */
export function vocabularyKey<K extends string>(names: Readonly<Record<K, string>>, name: string): K | undefined {
  return (Object.keys(names) as K[]).find((key) => names[key] === name);
}
