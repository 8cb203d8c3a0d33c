import { formatVietnameseMoney } from '../cells/money.js';
import type { Deadline, FormSpec } from '../forms/form-spec.js';
import { formatDeadline, formatIctDate, ictInstant } from '../time/ict.js';

/**
 * What a unit must know besides the deadline, only as the plan declares it: when the activity takes
 * place (the plan's "Ngày diễn ra") and its fee (a "Tiền mỗi dòng" metric, with its payment date).
 */

/** '14g00 ngày 18/09/2024', or 'ngày 18/09/2024' when the plan gives no time. */
export function eventWhen(event: Deadline): string {
  const day = `ngày ${formatIctDate(ictInstant(event.date))}`;
  if (event.time === undefined) return day;
  const [hour = '0', minute = '00'] = event.time.split(':');
  return `${Number(hour)}g${minute} ${day}`;
}

/** One line per fee: 'Kinh phí tập huấn: 1.900.000 đ/người, hạn đóng ngày 16/09/2024'. */
export function feeLines(spec: FormSpec): string[] {
  const per = spec.kind === 'registration' ? 'người' : 'dòng';
  return spec.metrics.flatMap((metric) =>
    metric.type === 'fee-per-row' ? [`${metric.label}: ${formatVietnameseMoney(metric.amount)}/${per}${metric.payBy ? `, hạn đóng ${formatDeadline(metric.payBy)}` : ''}`] : [],
  );
}

/** The plan's event and fees as one sentence for a notice, or undefined when the plan declares neither. */
export function eventAndFeeSentence(spec: FormSpec): string | undefined {
  const parts = [...(spec.event ? [`diễn ra ${eventWhen(spec.event)}`] : []), ...feeLines(spec).map(lowerFirst)];
  return parts.length === 0 ? undefined : `Theo kế hoạch: ${parts.join('; ')}.`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
