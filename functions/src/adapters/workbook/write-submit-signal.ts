import type ExcelJS from 'exceljs';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { SUBMIT_SIGNAL_LABEL } from '../../domain/forms/submit-signal.js';

/** Row of the "Nộp báo cáo" cells in a handed-out form tab: the issuer line, whose text ends well before the last column. */
export const SUBMIT_SIGNAL_ROW = 1;

const SIGNAL_NOTE =
  'Chọn "Có" rồi lưu tệp để nộp báo cáo. Sau khi tổng hợp, hệ thống ghi vào ô này "Đã nộp lúc …". Sửa số liệu sau đó là bản nháp: chọn lại "Có" để nộp lại.';
const SIGNAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

/**
 * A "Bấm nộp" form's tab gets its submit signal (domain/forms/submit-signal.ts): the label in the
 * last form column and, in the status column right of it, a Có/Không dropdown set to "Không".
 */
export function addSubmitSignal(sheet: ExcelJS.Worksheet, spec: FormSpec): void {
  if (spec.submitMode !== 'button') return;
  const label = sheet.getCell(SUBMIT_SIGNAL_ROW, spec.columns.length);
  label.value = SUBMIT_SIGNAL_LABEL;
  label.font = { bold: true };
  label.alignment = { horizontal: 'right', vertical: 'middle' };
  const signal = sheet.getCell(SUBMIT_SIGNAL_ROW, spec.columns.length + 1);
  signal.value = 'Không';
  signal.font = { bold: true };
  signal.fill = SIGNAL_FILL;
  signal.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  signal.alignment = { horizontal: 'center', vertical: 'middle' };
  signal.note = SIGNAL_NOTE;
  // No error alert: the system's own "Đã nộp lúc …" is not in the list.
  signal.dataValidation = { type: 'list', allowBlank: true, formulae: ['"Có,Không"'], showErrorMessage: false };
}
