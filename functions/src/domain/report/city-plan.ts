import { formSpecSchema, type Deadline, type FormSpec } from '../forms/form-spec.js';
import { EXPORT_COUNT_COLUMNS, EXPORT_RESULT_ID_COLUMNS, EXPORT_TABS } from './report-export-layout.js';

/**
 * How a district's counts fit together, so an export whose figures contradict themselves is rejected, not summed:
 * units reported in full, partly or not at all are among those that had to report; on time and late split those
 * in full. (Sửa sau hạn and Không phát sinh are counted inside Đã nộp đủ as well as in on time or late.)
 */
const COUNT_PART_OF: Partial<Record<(typeof EXPORT_COUNT_COLUMNS)[number]['key'], string>> = {
  complete: 'expected',
  partial: 'expected',
  missing: 'expected',
  onTime: 'complete',
  late: 'complete',
};

/**
 * The plan a city-level tonghop declares (in its "Biểu mẫu" / "Cột biểu mẫu" tabs) to collect
 * the districts' exports of one district plan: each district is a unit whose file is its
 * Bao-cao-<form>-<period>.xlsx, read from the "Kết quả" tab like any unit's report. The city's
 * metrics add the districts' counts up.
 */
export function cityPlanForReports(input: {
  readonly id: string;
  readonly title: string;
  /** The district plan whose exports are collected: a file of another plan is rejected with a message. */
  readonly districtFormId: string;
  /** The district plan's period reported on: an export of another period (last year's file sent again) is rejected too. */
  readonly districtPeriodId?: string;
  readonly due: Deadline;
  readonly issuer?: string;
}): FormSpec {
  const pinned = (key: string) =>
    key === 'formId' ? input.districtFormId : key === 'periodId' ? input.districtPeriodId : undefined;
  return formSpecSchema.parse({
    id: input.id,
    title: input.title,
    issuer: input.issuer ?? 'Thành Đoàn',
    kind: 'report',
    tab: EXPORT_TABS.result,
    columns: [
      ...EXPORT_RESULT_ID_COLUMNS.map((c) => ({
        key: c.key,
        header: c.header,
        type: pinned(c.key) === undefined ? 'text' : 'enum',
        required: c.key !== 'periodLabel',
        ...(pinned(c.key) === undefined ? {} : { options: [{ value: pinned(c.key) }] }),
      })),
      ...EXPORT_COUNT_COLUMNS.map((c) => ({
        key: c.key,
        header: c.header,
        type: 'int',
        required: true,
        min: 0,
        ...(COUNT_PART_OF[c.key] ? { partOf: COUNT_PART_OF[c.key] } : {}),
      })),
    ],
    period: { type: 'once', due: input.due },
    targets: { unitTypes: ['co-so-doan'] },
    minRows: 1,
    metrics: [
      { type: 'sum', id: 'phai-nop', label: 'Số đơn vị phải nộp (các quận)', column: 'expected' },
      { type: 'sum', id: 'da-nop-du', label: 'Số đơn vị đã nộp đủ (các quận)', column: 'complete' },
      { type: 'sum', id: 'dung-han', label: 'Số đơn vị nộp đúng hạn (các quận)', column: 'onTime' },
      { type: 'sum', id: 'chua-nop', label: 'Số đơn vị chưa nộp (các quận)', column: 'missing' },
    ],
  });
}
