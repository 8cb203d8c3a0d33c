import type { Deadline, FormSpec } from '../forms/form-spec.js';
import { DAY_MS, formatDeadline, formatIctDate, ictDateOf, ICT_OFFSET_MS } from '../time/ict.js';
import { pad2 } from '../time/calendar.js';

/** Text pieces shared by the unit notices and the district digest: deadlines, plan names, HTML escaping. */

/** Escape a value for HTML text and attribute values (& < > " '). */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** One line for a mail subject: NFC, no line breaks or runs of spaces (no header injection). */
export function subjectLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** "Kế hoạch số 42-KHLT/GDĐT-HĐĐ-NTN", or undefined for a plan that carries no number. */
export function planReference(spec: FormSpec): string | undefined {
  return spec.planNumber ? `Kế hoạch số ${spec.planNumber}` : undefined;
}

/** A due instant back as the deadline it came from: a time of day, or none for the end of its day. */
export function deadlineOf(due: Date): Deadline {
  const msOfDay = (due.getTime() + ICT_OFFSET_MS) % DAY_MS;
  const date = ictDateOf(due);
  if (msOfDay >= DAY_MS - 60_000) return { date };
  const minutes = Math.floor(msOfDay / 60_000);
  return { date, time: `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}` };
}

/** A due instant for a body: '10g00 ngày 15/09/2024', 'ngày 05/05/2020' (end of day), 'trước ngày 14/12/2023' (00:00). */
export function dueLong(due: Date): string {
  return formatDeadline(deadlineOf(due));
}

/** A due instant for a subject: '10g00 15/09/2024', '05/05/2020' (end of day), 'trước 14/12/2023' (00:00). */
export function dueShort(due: Date): string {
  const deadline = deadlineOf(due);
  const day = formatIctDate(due);
  if (deadline.time === undefined) return day;
  if (deadline.time === '00:00') return `trước ${day}`;
  const [hour = '0', minute = '00'] = deadline.time.split(':');
  return `${Number(hour)}g${minute} ${day}`;
}
