import type ExcelJS from 'exceljs';
import { describeColumnInput } from '../../domain/forms/column-presentation.js';
import type { ColumnSpec, FormSpec } from '../../domain/forms/form-spec.js';
import { STATUS_HEADER } from '../../domain/forms/header-match.js';
import { NIL_PHRASE } from '../../domain/forms/nil-declaration.js';
import { monthLabel } from '../../domain/periods/period-id.js';
import { rowHeightFor } from './summary-print-layout.js';
import { formatPeriodDeadline } from './write-deadline-text.js';
import { FIRST_DATA_ROW, HEADER_ROW } from './write-sheet-layout.js';

import { HELP_SHEET } from '../../domain/sheets/own-tabs.js';

export { HELP_SHEET };

const GENERAL_LINES: readonly string[] = [
  `Mỗi biểu mẫu nằm ở một trang riêng. Tiêu đề cột ở dòng ${HEADER_ROW}; nhập dữ liệu từ dòng ${FIRST_DATA_ROW}, mỗi dòng một người hoặc một hoạt động.`,
  'Không đổi tên trang, không đổi tên hay xóa tiêu đề cột; có thể thêm dòng, để trống cột không bắt buộc.',
  `Cột “${STATUS_HEADER}”: hệ thống tự ghi kết quả kiểm tra từng dòng (hợp lệ, hoặc lỗi cần sửa). Không nhập vào cột này.`,
  `${NIL_PHRASE}: nếu trong kỳ đơn vị không có nội dung nào để báo cáo, ghi một dòng chỉ có chữ “${NIL_PHRASE}” (báo cáo định kỳ thì ghi cả kỳ, ví dụ cột Tháng là 7/2021); không ghi dòng này khi kỳ đó đã có số liệu.`,
  'Ô có danh sách chọn vẫn nhận tên viết tắt quen dùng (ví dụ TPT, HTXS). Ngày ghi theo thứ tự ngày/tháng/năm.',
];

const BOLD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Column widths (characters): about one portrait A4 width in all, so the tab prints at a readable size. */
const HELP_COLUMN_WIDTHS = [24, 44, 11, 34] as const;
const PARAGRAPH_WIDTH = HELP_COLUMN_WIDTHS.reduce((sum, w) => sum + w, 0);

/** One row of the help tab: what kind of line it is (for styling) and its cells. */
export interface HelpRow {
  readonly kind: 'title' | 'paragraph' | 'heading' | 'table-header' | 'column' | 'status' | 'blank';
  readonly cells: readonly string[];
}

/** The help tab's rows: general rules, then for each form its title, plan, deadline and one line per column. */
export function helpTabRows(specs: readonly FormSpec[]): HelpRow[] {
  const rows: HelpRow[] = [{ kind: 'title', cells: ['HƯỚNG DẪN NHẬP BÁO CÁO'] }];
  rows.push(...GENERAL_LINES.map((line): HelpRow => ({ kind: 'paragraph', cells: [`• ${line}`] })));
  return [...rows, ...specs.flatMap(helpSectionRows)];
}

/** One form's section of the help tab: a blank line, its title, tab, plan, deadline and one line per column. */
export function helpSectionRows(spec: FormSpec): HelpRow[] {
  const rows: HelpRow[] = [{ kind: 'blank', cells: [] }, { kind: 'heading', cells: [spec.title] }];
  rows.push({ kind: 'paragraph', cells: [`Trang: “${spec.tab}”. Đơn vị ban hành: ${spec.issuer}${spec.planNumber === undefined ? '' : ` — Kế hoạch số ${spec.planNumber}`}.`] });
  rows.push({ kind: 'paragraph', cells: [`Hạn nộp: ${formatPeriodDeadline(spec.period)}.`] });
  if (spec.description !== undefined) rows.push({ kind: 'paragraph', cells: [spec.description] });
  rows.push({ kind: 'table-header', cells: ['Cột', 'Cách nhập', 'Bắt buộc', 'Ghi chú'] });
  for (const column of spec.columns) {
    rows.push({ kind: 'column', cells: [column.header, describeColumnInput(spec, column), column.required ? 'Bắt buộc' : 'Không', columnNote(spec, column)] });
  }
  rows.push({ kind: 'status', cells: [STATUS_HEADER, 'Hệ thống tự ghi', 'Không nhập', 'Kết quả kiểm tra từng dòng.'] });
  return rows;
}

/** Add the "Hướng dẫn" tab (see helpTabRows), styled: paragraphs across four columns, column tables boxed. */
export function addHelpSheet(workbook: ExcelJS.Workbook, specs: readonly FormSpec[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(HELP_SHEET, {
    // Fit to the width only: a long help runs onto more pages, never shrinks to an unreadable one.
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: `&L${HELP_SHEET}&RTrang &P/&N` },
  });
  sheet.columns = HELP_COLUMN_WIDTHS.map((width) => ({ width }));
  appendHelpRows(sheet, helpTabRows(specs));
  return sheet;
}

/** Add the forms' sections under what a "Hướng dẫn" tab already holds (a plan rolled out later), or a new help tab when there is none. */
export function appendHelpSections(workbook: ExcelJS.Workbook, specs: readonly FormSpec[]): void {
  const sheet = workbook.getWorksheet(HELP_SHEET);
  if (sheet) appendHelpRows(sheet, specs.flatMap(helpSectionRows));
  else addHelpSheet(workbook, specs);
}

function appendHelpRows(sheet: ExcelJS.Worksheet, rows: readonly HelpRow[]): void {
  for (const { kind, cells } of rows) {
    if (kind === 'paragraph' || kind === 'heading') {
      const row = addParagraph(sheet, cells[0] ?? '');
      if (kind === 'heading') {
        row.font = { bold: true, size: 12 };
        // 12 pt lines need more room than the 11 pt ones the height was counted in.
        row.height = Math.ceil((row.height ?? 15) * 1.2);
      }
      continue;
    }
    const row = sheet.addRow([...cells]);
    if (kind === 'title') row.font = { bold: true, size: 14 };
    if (kind === 'column' || kind === 'status' || kind === 'table-header') {
      row.alignment = { vertical: 'top', wrapText: true };
      // LibreOffice and print do not grow a row to its wrapped text: the height is set here.
      row.height = rowHeightFor(cells, HELP_COLUMN_WIDTHS);
    }
    if (kind === 'table-header' || kind === 'column' || kind === 'status') {
      row.eachCell((cell) => {
        cell.border = BOX;
        if (kind === 'table-header') {
          cell.font = { bold: true };
          cell.fill = BOLD_FILL;
        }
        if (kind === 'status') cell.font = { italic: true };
      });
    }
  }
}

function columnNote(spec: FormSpec, column: ColumnSpec): string {
  const notes = column.help === undefined ? [] : [column.help];
  if (column.period && spec.period.type === 'phases') {
    for (const phase of spec.period.phases) {
      const months = phase.months.map((m) => `tháng ${monthLabel(m)}`).join(', ');
      notes.push(`${phase.name} (${months})${phase.theme === undefined ? '' : `: ${phase.theme}`}`);
    }
  }
  if (column.aliases.length > 0) notes.push(`Tiêu đề khác được chấp nhận: ${column.aliases.join('; ')}`);
  return notes.join('\n');
}

function addParagraph(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Row {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, 4);
  row.alignment = { vertical: 'top', wrapText: true };
  // Excel does not grow merged rows to fit wrapped text.
  row.height = rowHeightFor([text], [PARAGRAPH_WIDTH]);
  return row;
}
