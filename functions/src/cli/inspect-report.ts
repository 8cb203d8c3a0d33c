import Table from 'cli-table3';
import type { CellValue } from '../domain/forms/cell-parser.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import { formatVietnameseNumber as n } from '../domain/cells/number-format.js';
import { periodLabel } from '../domain/periods/period-id.js';
import { sourceOriginLabel, type SourceOrigin } from '../domain/sources/source-origin.js';
import type { Unit } from '../domain/units/unit.js';
import { INSPECT } from './messages.js';
import type { Output } from './output.js';
import { COMPACT_TABLE } from './table-style.js';

const MAX_REJECTED_LINES = 30;

/** A submission as `inspect` reads it from Firestore (`rows` only with --rows). */
export interface InspectedSubmission {
  readonly id: string;
  readonly formId: string;
  readonly periodId: string;
  readonly unitId: string;
  readonly counts: { read: number; valid: number; rejected: number };
  readonly complete: boolean;
  readonly revision: number;
  readonly rejected: readonly { errors: readonly { message: string }[] }[];
  readonly rows?: readonly { rowNumber: number; values: Readonly<Record<string, CellValue>> }[];
}

/** A unit's (or shared sheet's) stored source state, as far as `inspect` shows it. */
export interface InspectedSource {
  readonly unitId: string;
  readonly origin: SourceOrigin | undefined;
}

/** "Nguồn: …" for one source; a state stored before origins were recorded says how to get it. */
export function sourceText(origin: SourceOrigin | undefined): string {
  return origin ? `Nguồn: ${sourceOriginLabel(origin)}` : 'Nguồn: chưa ghi nhận (lần chạy `tonghop sweep` tới sẽ ghi)';
}

/** The control's plans and units, for names; empty when it could not be read. */
export interface InspectedControl {
  readonly forms: readonly FormSpec[];
  readonly units: readonly Unit[];
}

/** The person's view of what Firestore holds: submissions by unit and form name, sheet problems, rejected rows, and with --rows each valid row's values. */
export function printInspectReport(
  out: Output,
  report: {
    submissions: readonly InspectedSubmission[];
    problems: readonly { unitId: string; message: string }[];
    sources: readonly InspectedSource[];
    control: InspectedControl;
    unit: string | undefined;
    rows: boolean;
  },
): void {
  const { submissions, problems, control } = report;
  const unitName = (unitId: string) => {
    const name = control.units.find((u) => u.id === unitId)?.name;
    return name ? `${name} (${unitId})` : unitId;
  };
  const formOf = (formId: string) => control.forms.find((f) => f.id === formId);
  const formName = (formId: string) => formOf(formId)?.tab ?? formId;
  const period = (s: InspectedSubmission) => {
    const form = formOf(s.formId);
    return form ? periodLabel(form, s.periodId) : s.periodId;
  };
  const sorted = [...submissions].sort(
    (a, b) =>
      a.unitId.localeCompare(b.unitId) || a.formId.localeCompare(b.formId) || a.periodId.localeCompare(b.periodId),
  );
  if (sorted.length === 0) {
    out.print(
      report.unit
        ? INSPECT.noSubmissionsOfUnit(unitName(report.unit))
        : 'Firestore chưa có bài nộp nào (chạy `npm start` hoặc `tonghop sweep` trước).',
    );
  } else {
    const table = new Table({
      ...COMPACT_TABLE,
      head: ['Đơn vị', 'Biểu mẫu', 'Kỳ', 'Hợp lệ', 'Từ chối', 'Đủ', 'Lần sửa'],
    });
    for (const s of sorted)
      table.push([
        unitName(s.unitId),
        formName(s.formId),
        period(s),
        n(s.counts.valid),
        n(s.counts.rejected),
        s.complete ? 'đủ' : 'chưa',
        n(s.revision),
      ]);
    out.print(table.toString());
    out.print(`${n(sorted.length)} bài nộp.`);
  }
  if (report.rows) {
    for (const s of sorted.filter((s) => (s.rows ?? []).length > 0)) {
      out.print('');
      out.print(`${unitName(s.unitId)} · ${formName(s.formId)} · ${period(s)}:`);
      for (const row of s.rows ?? []) out.print(`  Dòng ${row.rowNumber}: ${rowText(row.values, formOf(s.formId))}`);
    }
  }
  if (report.sources.length) {
    out.print('');
    out.print('Nguồn dữ liệu:');
    for (const source of report.sources) out.print(`  - ${unitName(source.unitId)}: ${sourceText(source.origin)}`);
  }
  if (problems.length) {
    out.print('');
    out.print('Vấn đề của tệp/trang:');
    for (const p of problems) out.print(`  - ${unitName(p.unitId)}: ${p.message}`);
  }
  const rejectedLines = sorted.flatMap((s) =>
    s.rejected.flatMap((r) => r.errors.map((e) => `${unitName(s.unitId)} · ${formName(s.formId)}: ${e.message}`)),
  );
  if (rejectedLines.length) {
    out.print('');
    out.print(`Dòng bị từ chối (${n(rejectedLines.length)} lỗi):`);
    for (const line of rejectedLines.slice(0, MAX_REJECTED_LINES)) out.print(`  - ${line}`);
    if (rejectedLines.length > MAX_REJECTED_LINES)
      out.print(
        `  … và ${n(rejectedLines.length - MAX_REJECTED_LINES)} lỗi khác (lọc bằng --unit <mã> hoặc --form <mã>).`,
      );
  }
}

/** A row's values as "Họ và tên: Nguyễn Văn A · Số đội viên: 1.200", in the form's column order and headers. */
function rowText(values: Readonly<Record<string, CellValue>>, form: FormSpec | undefined): string {
  const keys = form
    ? [
        ...form.columns.map((c) => c.key).filter((k) => k in values),
        ...Object.keys(values).filter((k) => !form.columns.some((c) => c.key === k)),
      ]
    : Object.keys(values);
  return keys
    .map((key) => `${form?.columns.find((c) => c.key === key)?.header ?? key}: ${valueText(values[key])}`)
    .join(' · ');
}

function valueText(value: CellValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return n(value);
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  // Dates are stored ISO (2024-09-15); a person reads 15/09/2024.
  if (typeof value === 'string') return value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');
  return value.join(', ');
}
