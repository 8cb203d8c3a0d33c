import type { ReportCounts } from './report-figures.js';

/**
 * The fixed layout of the machine-readable export (Bao-cao-<form>-<period>.xlsx), version
 * REPORT_LAYOUT_VERSION. Every tab has title lines, an empty row, then its header on row
 * EXPORT_HEADER_ROW and data below. A city-level tonghop reads the "Kết quả" tab as a unit's
 * report: its plan (city-plan.ts) declares exactly these headers.
 */
export const EXPORT_HEADER_ROW = 5;

export const EXPORT_TABS = {
  result: 'Kết quả',
  byCluster: 'Theo cụm',
  metrics: 'Chỉ số',
  owing: 'Đơn vị chưa nộp',
} as const;

/** The count columns, in order, with the key a city plan gives each. */
export const EXPORT_COUNT_COLUMNS: readonly {
  readonly key: Exclude<keyof ReportCounts, 'awaitingApproval'>;
  readonly header: string;
}[] = [
  { key: 'expected', header: 'Phải nộp' },
  { key: 'complete', header: 'Đã nộp đủ' },
  { key: 'onTime', header: 'Đúng hạn' },
  { key: 'late', header: 'Trễ hạn' },
  { key: 'revisedAfterDeadline', header: 'Sửa sau hạn' },
  { key: 'partial', header: 'Chưa đạt' },
  { key: 'nil', header: 'Không phát sinh' },
  { key: 'missing', header: 'Chưa nộp' },
];

/** "Kết quả": one row, the district's totals, after these identifying columns. */
export const EXPORT_RESULT_ID_COLUMNS = [
  { key: 'formId', header: 'Mã biểu mẫu' },
  { key: 'periodId', header: 'Mã kỳ' },
  { key: 'periodLabel', header: 'Kỳ' },
] as const;

/** "Theo cụm": one row per cụm thi đua, then the counts. */
export const EXPORT_CLUSTER_HEADER = 'Cụm thi đua';

/** "Chỉ số": one row per metric of the plan. */
export const EXPORT_METRIC_HEADERS = [
  'Mã chỉ số',
  'Chỉ số',
  'Định dạng',
  'Giá trị',
  'Mục tiêu',
  'Số đơn vị đạt',
  'Số đơn vị có số liệu',
] as const;

/** "Đơn vị chưa nộp": one row per unit missing or partial. */
export const EXPORT_OWING_HEADERS = ['Mã đơn vị', 'Đơn vị', 'Cụm thi đua', 'Tình trạng', 'Số ngày quá hạn'] as const;
