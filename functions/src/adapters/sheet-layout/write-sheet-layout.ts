import type { FormSpec } from '../../domain/forms/form-spec.js';
import { formatIssuerLine, formatPeriodDeadline } from './write-deadline-text.js';

/** A value the writers put in a cell as is: strings stay strings, even '=1+1'. */
export type WritableCell = string | number | boolean | Date | null;
/** One data row in the form's column order, without the status cell. */
export type WritableRow = readonly WritableCell[];

/** Row of the column headers in every form sheet we write (rows 1–4 are titles). */
export const HEADER_ROW = 5;
/** First data row under the header. */
export const FIRST_DATA_ROW = 6;

/** The hint under a form tab's title. */
export const FORM_HINT = `Nhập từ dòng ${FIRST_DATA_ROW}, mỗi dòng một người hoặc một hoạt động. Không đổi tên trang và tiêu đề cột; xem trang “Hướng dẫn”.`;

/** The four title lines above a form tab's header: issuer and plan, title, unit and deadline, hint. */
export function formTitleLines(spec: FormSpec, unitName: string | undefined): [string, string, string, string] {
  // A blank template leaves a dotted line for the unit to write its name on, as paper forms do.
  const unitLine = `Đơn vị: ${unitName ?? '……………………………………'} — Hạn nộp: ${formatPeriodDeadline(spec.period)}`;
  return [formatIssuerLine(spec), spec.title, unitLine, FORM_HINT];
}
