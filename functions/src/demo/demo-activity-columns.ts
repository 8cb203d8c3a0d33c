import type { FormSpecInput } from '../domain/forms/form-spec.js';

/**
 * What the demo's activity reports (a cơ sở Đoàn's outings, a chi đoàn's meetings) share: how many members took
 * part and a note, counted as activities and as members taking part.
 */
export const ACTIVITY_REPORT_COLUMNS: FormSpecInput['columns'] = [
  {
    key: 'soDoanVien',
    header: 'Số đoàn viên tham gia',
    aliases: ['Số đoàn viên'],
    type: 'int',
    required: true,
    min: 0,
  },
  { key: 'ghiChu', header: 'Ghi chú', type: 'text', maxLength: 500 },
];

/** The activity count (labelled as the plan names its activities) and the members taking part, summed. */
export function activityMetrics(activitiesLabel: string): FormSpecInput['metrics'] {
  return [
    { type: 'row-count', id: 'so-buoi', label: activitiesLabel },
    { type: 'sum', id: 'so-luot', label: 'Số lượt đoàn viên tham gia', column: 'soDoanVien' },
  ];
}
