import type { FormSpec, PeriodRule } from '../../domain/forms/form-spec.js';
import { dateLabel, monthLabel } from '../../domain/periods/period-id.js';
import { formatDeadline } from '../../domain/time/ict.js';

/** The deadline of a form's period rule in Vietnamese, e.g. 'ngày 5 hằng tháng, cho tháng trước (tháng 4/2020 – tháng 12/2022)'. */
export function formatPeriodDeadline(period: PeriodRule): string {
  switch (period.type) {
    case 'once':
      return formatDeadline(period.due);
    case 'monthly':
      return `ngày ${period.dueDay} hằng tháng, cho tháng trước (tháng ${monthLabel(period.from)} – tháng ${monthLabel(period.to)})`;
    case 'weekly': {
      const after =
        period.dueAfterDays === 0 ? 'Chủ nhật hằng tuần' : `${period.dueAfterDays} ngày sau Chủ nhật của mỗi tuần`;
      return `${after} (từ ${dateLabel(period.from)} đến ${dateLabel(period.to)})`;
    }
    case 'phases':
      return period.phases.map((phase) => `${phase.name}: ${formatDeadline(phase.due)}`).join('; ');
    case 'school-year':
      return `${formatDeadline(period.due)} (năm học ${period.schoolYear.replace('-', ' – ')})`;
  }
}

/** The issuer line above a form: 'Hội đồng Đội quận Long Biên — Kế hoạch số 06-KH/HĐĐ' (joint plans may carry no number). */
export function formatIssuerLine(spec: FormSpec): string {
  return spec.planNumber === undefined ? spec.issuer : `${spec.issuer} — Kế hoạch số ${spec.planNumber}`;
}
