import { parseVietnameseMonth } from '../cells/month.js';
import type { CellValue } from '../forms/cell-parser.js';
import type { FormSpecInput } from '../forms/form-spec.js';
import { slugOf } from './column-key.js';
import { planFormHeader } from './plan-layout.js';
import { splitList, type PlanChildRecords, type PlanRecord, type ReportAt } from './plan-records.js';
import { PERIOD_TYPE_NAMES, type PeriodType } from './plan-vocabulary.js';

// The period rule of a plan, from its "Biểu mẫu" row and its "Đợt" and "Tạm nghỉ" rows.

const headerOf = planFormHeader;

/** Which "Biểu mẫu" fields each period kind uses; the others must stay blank. */
const PERIOD_FIELDS: Readonly<Record<PeriodType, readonly string[]>> = {
  once: ['dueDate', 'dueTime'],
  'school-year': ['schoolYear', 'dueDate', 'dueTime'],
  monthly: ['fromMonth', 'toMonth', 'dueDay'],
  weekly: ['fromDate', 'toDate', 'dueAfterDays'],
  phases: [],
};
const REQUIRED_PERIOD_FIELDS: Readonly<Record<PeriodType, readonly string[]>> = {
  once: ['dueDate'],
  'school-year': ['schoolYear', 'dueDate'],
  monthly: ['fromMonth', 'toMonth', 'dueDay'],
  weekly: ['fromDate', 'toDate'],
  phases: [],
};
const ALL_PERIOD_FIELDS = [...new Set(Object.values(PERIOD_FIELDS).flat())];

/** A deadline from a date cell and an optional time cell. */
export function deadline(date: CellValue | undefined, time: CellValue | undefined): { date: string; time?: string } {
  return { date: String(date), ...(time !== undefined ? { time: String(time) } : {}) };
}

/** A plan's period rule, or undefined (with problems reported) when its cells do not make one. */
export function periodRule(
  type: PeriodType,
  form: PlanRecord,
  children: PlanChildRecords,
  at: ReportAt,
): FormSpecInput['period'] | undefined {
  const v = form.values;
  const name = PERIOD_TYPE_NAMES[type];
  let complete = true;
  for (const key of REQUIRED_PERIOD_FIELDS[type]) {
    if (v[key] === undefined) {
      at(form, headerOf(key), `chưa nhập; biểu mẫu kỳ '${name}' cần cột này.`);
      complete = false;
    }
  }
  for (const key of ALL_PERIOD_FIELDS) {
    if (v[key] !== undefined && !PERIOD_FIELDS[type].includes(key))
      at(form, headerOf(key), `biểu mẫu kỳ '${name}' không dùng cột này; hãy xóa ô này hoặc đổi 'Kỳ báo cáo'.`);
  }
  if (type !== 'phases')
    for (const phase of children.phases)
      at(
        phase,
        'Mã biểu mẫu',
        `biểu mẫu '${String(v.formId)}' có kỳ '${name}', không phải 'Theo đợt', nên không có đợt.`,
      );
  if (type !== 'monthly' && type !== 'weekly')
    for (const pause of children.pauses)
      at(
        pause,
        'Mã biểu mẫu',
        `biểu mẫu '${String(v.formId)}' có kỳ '${name}'; chỉ báo cáo Hằng tháng hoặc Hằng tuần có thời gian tạm nghỉ.`,
      );
  if (!complete) return undefined;
  const pauses = children.pauses.map((p) => ({ name: p.values.name, from: p.values.from, to: p.values.to }));
  switch (type) {
    case 'once':
      return { type, due: deadline(v.dueDate, v.dueTime) };
    case 'school-year': {
      const schoolYear = schoolYearOf(String(v.schoolYear));
      if (!schoolYear)
        at(form, 'Năm học', `'${String(v.schoolYear)}' không phải năm học (cần hai năm liền nhau, ví dụ 2024-2025).`);
      return schoolYear ? { type, schoolYear, due: deadline(v.dueDate, v.dueTime) } : undefined;
    }
    case 'monthly':
      return {
        type,
        from: String(v.fromMonth),
        to: String(v.toMonth),
        dueDay: Number(v.dueDay),
        pauses,
      } as FormSpecInput['period'];
    case 'weekly':
      return {
        type,
        from: String(v.fromDate),
        to: String(v.toDate),
        ...(v.dueAfterDays !== undefined ? { dueAfterDays: Number(v.dueAfterDays) } : {}),
        pauses,
      } as FormSpecInput['period'];
    case 'phases': {
      if (children.phases.length === 0)
        at(form, 'Kỳ báo cáo', `biểu mẫu theo đợt nhưng trang 'Đợt' chưa có đợt nào của '${String(v.formId)}'.`);
      const phases = children.phases.map((p) => phaseOf(p, at));
      return phases.length > 0 && phases.every((p) => p !== undefined) ? { type, phases } : undefined;
    }
  }
}

function schoolYearOf(text: string): string | undefined {
  const m = /^(\d{4})\s*[-–—/]\s*(\d{4})$/.exec(text.trim());
  return m && Number(m[2]) === Number(m[1]) + 1 ? `${m[1]}-${m[2]}` : undefined;
}

function phaseOf(record: PlanRecord, at: ReportAt) {
  const v = record.values;
  const months: string[] = [];
  for (const piece of splitList(v.months, ',').flatMap((p) => splitList(p, ';'))) {
    const month = parseVietnameseMonth(piece);
    if (month.ok) months.push(month.value);
    else at(record, 'Tháng', `'${piece}' ${month.reason}.`);
  }
  if (months.length !== splitList(v.months, ',').flatMap((p) => splitList(p, ';')).length) return undefined;
  const name = String(v.name);
  return {
    id: v.phaseId !== undefined ? String(v.phaseId) : slugOf(name),
    name,
    months,
    ...(v.theme !== undefined ? { theme: String(v.theme) } : {}),
    aliases: splitList(v.aliases, ';'),
    due: deadline(v.dueDate, v.dueTime),
  };
}
