/** Where a unit stands for one form and period (DESIGN "Statuses"). */
export const SUBMISSION_STATUSES = [
  'missing',
  'partial',
  'nil',
  'complete-on-time',
  'complete-late',
  'revised-after-deadline',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/**
 * Characters a status symbol may use: each is drawn by the common fonts (Arial, Times New Roman, Roboto)
 * or their usual fallbacks, so a printed summary never shows an empty box (as '⏰' did).
 */
export const PRINT_SAFE_SYMBOL_CHARACTERS: readonly string[] = ['✓', '✗', '!', '*', '○'];

/** Vietnamese name, symbol and colour of each status, shared by every place a person sees one. */
export const STATUS_DISPLAY: Readonly<
  Record<SubmissionStatus, { readonly label: string; readonly symbol: string; readonly color: string }>
> = {
  'complete-on-time': { label: 'Đủ, đúng hạn', symbol: '✓', color: 'C6EFCE' },
  'revised-after-deadline': { label: 'Đủ đúng hạn, sửa sau hạn', symbol: '✓*', color: 'E2EFDA' },
  'complete-late': { label: 'Đủ, trễ hạn', symbol: '✓!', color: 'FFEB9C' },
  nil: { label: 'Không phát sinh', symbol: '○', color: 'DDEBF7' },
  partial: { label: 'Chưa đạt (có lỗi hoặc thiếu dòng)', symbol: '!', color: 'F8CBAD' },
  missing: { label: 'Chưa nộp', symbol: '✗', color: 'FFC7CE' },
};

/** Statuses that count as a report received in full (nil included: the unit answered). */
export const COMPLETE_STATUSES: readonly SubmissionStatus[] = [
  'complete-on-time',
  'complete-late',
  'revised-after-deadline',
  'nil',
];

/** Type guard for stored status strings. */
export function isSubmissionStatus(value: unknown): value is SubmissionStatus {
  return typeof value === 'string' && (SUBMISSION_STATUSES as readonly string[]).includes(value);
}
