import type { FormSpec } from '../forms/form-spec.js';
import { periodsStartedBy, type Period } from '../periods/schedule.js';

/** Which period a report covers, or why none can be chosen (Vietnamese, for the district staff). */
export type ReportPeriodChoice =
  { readonly ok: true; readonly period: Period } | { readonly ok: false; readonly reason: string };

/**
 * The period to report: the one asked for, else the latest whose deadline has passed by `now`
 * (the report goes up after the units' deadline), else the first started one.
 */
export function reportPeriod(spec: FormSpec, now: Date, periodId?: string): ReportPeriodChoice {
  const started = periodsStartedBy(spec, now);
  if (periodId !== undefined) {
    const asked = started.find((p) => p.id === periodId);
    if (asked) return { ok: true, period: asked };
    const ids = started.map((p) => p.id).join(', ') || '(chưa có kỳ nào bắt đầu)';
    return {
      ok: false,
      reason: `Biểu mẫu '${spec.id}' không có kỳ '${periodId}' đã bắt đầu. Các kỳ có thể báo cáo: ${ids}.`,
    };
  }
  const due = started.filter((p) => p.due.getTime() <= now.getTime()).sort((a, b) => b.due.getTime() - a.due.getTime());
  const chosen = due[0] ?? started[0];
  if (!chosen) return { ok: false, reason: `Biểu mẫu '${spec.id}' chưa có kỳ nào bắt đầu, nên chưa có gì để báo cáo.` };
  return { ok: true, period: chosen };
}
