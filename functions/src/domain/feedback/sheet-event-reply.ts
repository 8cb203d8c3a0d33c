import { formatVietnameseNumber as n } from '../cells/number-format.js';
import { STATUS_HEADER } from '../forms/header-match.js';
import { STATUS_DISPLAY, type SubmissionStatus } from '../status/status-kinds.js';
import type { DistrictPicture } from '../summary/district-picture.js';
import { formShortName } from '../summary/status-tabs.js';
import { formatIctDateTime } from '../time/ict.js';

/** What the unit's spreadsheet asked for: the on-edit trigger, "Kiểm tra dữ liệu", "Nộp báo cáo". */
export const SHEET_EVENT_ACTIONS = ['edit', 'check', 'submit'] as const;
export type SheetEventAction = (typeof SHEET_EVENT_ACTIONS)[number];

/** What one unit's ingest found, as the reply needs it. */
export interface SheetEventOutcome {
  readonly action: SheetEventAction;
  readonly unitId: string;
  readonly counts: { readonly valid: number; readonly rejected: number; readonly nil: number };
  /** Problems of the whole sheet (a missing tab, a renamed header), in Vietnamese. */
  readonly problems: readonly string[];
  /** Tabs of "Bấm nộp" forms edited since they were submitted (or never submitted). */
  readonly drafts?: readonly string[];
}

/** Longest reply a toast shows comfortably. */
const MAX_REPLY_LENGTH = 400;

/**
 * The short Vietnamese answer shown in the unit's spreadsheet (a toast, or an alert for
 * "Nộp báo cáo"): rows accepted and in error, the first sheet problem, and for a submission
 * where each form the unit owes stands now. `ok` is false while anything needs fixing.
 */
export function sheetEventReply(
  outcome: SheetEventOutcome,
  picture: DistrictPicture,
): { ok: boolean; message: string } {
  const { valid, rejected, nil } = outcome.counts;
  const parts = [
    `${outcome.action === 'submit' ? 'Đã nhận báo cáo' : 'Đã kiểm tra'}: ${n(valid - nil)} dòng hợp lệ${nil > 0 ? `, ${n(nil)} kỳ không phát sinh` : ''}, ${n(rejected)} dòng lỗi.`,
  ];
  if (rejected > 0) parts.push(`Xem lỗi ở cột '${STATUS_HEADER}'.`);
  if (outcome.problems[0]) parts.push(outcome.problems[0]);
  if (outcome.drafts?.length)
    parts.push(
      `Bản nháp chưa nộp ở trang ${outcome.drafts.map((t) => `'${t}'`).join(', ')}: chọn Tổng hợp ▸ Nộp báo cáo để gửi.`,
    );
  if (outcome.action === 'submit') parts.push(...latestStandings(outcome.unitId, picture));
  const message = parts.join(' ').normalize('NFC');
  return {
    ok: rejected === 0 && outcome.problems.length === 0,
    message: message.length > MAX_REPLY_LENGTH ? `${message.slice(0, MAX_REPLY_LENGTH - 1)}…` : message,
  };
}

/** For each form the unit owes: its latest period's status and deadline, e.g. "Đăng ký tập huấn (hạn 10:00 15/09/2024): ✓ Đủ, đúng hạn." */
function latestStandings(unitId: string, picture: DistrictPicture): string[] {
  const latest = new Map<string, { form: string; due: Date; status: SubmissionStatus }>();
  for (const { spec, period, stats } of picture.periods) {
    const standing = stats.units.find((u) => u.unitId === unitId);
    if (standing) latest.set(spec.id, { form: formShortName(spec), due: period.due, status: standing.status });
  }
  return [...latest.values()].map(
    ({ form, due, status }) =>
      `${form} (hạn ${formatIctDateTime(due)}): ${STATUS_DISPLAY[status].symbol} ${STATUS_DISPLAY[status].label}.`,
  );
}
