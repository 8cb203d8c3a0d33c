import { formatVietnameseMoney } from '../cells/money.js';
import type { Deadline, FormSpec } from '../forms/form-spec.js';
import { deadlineInstant, formatDeadline, formatIctDate, ictInstant } from '../time/ict.js';
import { lowerFirst } from '../cells/sentence-case.js';

/**
 * What a unit must know besides the deadline, only as the plan declares it: when the activity takes
 * place (the plan's "Ngày diễn ra") and its fee (a "Tiền mỗi dòng" metric, with its payment date).
 * A notice sent late (overdue, escalation) must not announce as upcoming what has already happened.
 */

/** '14g00 ngày 18/09/2024', or 'ngày 18/09/2024' when the plan gives no time. */
export function eventWhen(event: Deadline): string {
  const day = `ngày ${formatIctDate(ictInstant(event.date))}`;
  if (event.time === undefined) return day;
  const [hour = '0', minute = '00'] = event.time.split(':');
  return `${Number(hour)}g${minute} ${day}`;
}

/** Whether the event has started at `now`: from its hour, or from the start of its day when the plan gives no time. */
export function eventStarted(event: Deadline, now: Date): boolean {
  return now >= ictInstant(event.date, event.time);
}

/** One line per fee: 'Kinh phí tập huấn: 1.900.000 đ/người, hạn đóng ngày 16/09/2024', with ' (đã qua)' once that day is over at `now`. */
export function feeLines(spec: FormSpec, now: Date): string[] {
  const per = spec.kind === 'registration' ? 'người' : 'dòng';
  const payBy = (deadline: Deadline) =>
    `, hạn đóng ${formatDeadline(deadline)}${now > deadlineInstant(deadline) ? ' (đã qua)' : ''}`;
  return spec.metrics.flatMap((metric) =>
    metric.type === 'fee-per-row'
      ? [`${metric.label}: ${formatVietnameseMoney(metric.amount)}/${per}${metric.payBy ? payBy(metric.payBy) : ''}`]
      : [],
  );
}

/** The plan's event (only while it is still to come at `now`) and fees as one sentence for a notice, or undefined when nothing is left to say. */
export function eventAndFeeSentence(spec: FormSpec, now: Date): string | undefined {
  const upcoming = spec.event && !eventStarted(spec.event, now) ? [`diễn ra ${eventWhen(spec.event)}`] : [];
  const parts = [...upcoming, ...feeLines(spec, now).map(lowerFirst)];
  return parts.length === 0 ? undefined : `Theo kế hoạch: ${parts.join('; ')}.`;
}
