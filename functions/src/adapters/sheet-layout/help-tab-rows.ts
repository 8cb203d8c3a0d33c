/** The rows of the "Hướng dẫn" tab, the same in a workbook and a Google spreadsheet; each adapter styles them its own way. */

import { describeColumnInput } from '../../domain/forms/column-presentation.js';
import type { ColumnSpec, FormSpec } from '../../domain/forms/form-spec.js';
import { STATUS_HEADER } from '../../domain/forms/header-match.js';
import { NIL_PHRASE } from '../../domain/forms/nil-declaration.js';
import { monthLabel } from '../../domain/periods/period-id.js';
import { formatPeriodDeadline } from './write-deadline-text.js';
import { FIRST_DATA_ROW, HEADER_ROW } from './write-sheet-layout.js';

const GENERAL_LINES: readonly string[] = [
  `Mỗi biểu mẫu nằm ở một trang riêng. Tiêu đề cột ở dòng ${HEADER_ROW}; nhập dữ liệu từ dòng ${FIRST_DATA_ROW}, mỗi dòng một người hoặc một hoạt động.`,
  'Không đổi tên trang, không đổi tên hay xóa tiêu đề cột; có thể thêm dòng, để trống cột không bắt buộc.',
  `Cột “${STATUS_HEADER}”: hệ thống tự ghi kết quả kiểm tra từng dòng (hợp lệ, hoặc lỗi cần sửa). Không nhập vào cột này.`,
  `${NIL_PHRASE}: nếu trong kỳ đơn vị không có nội dung nào để báo cáo, ghi một dòng chỉ có chữ “${NIL_PHRASE}” (báo cáo định kỳ thì ghi cả kỳ, ví dụ cột Tháng là 7/2021); không ghi dòng này khi kỳ đó đã có số liệu.`,
  'Ô có danh sách chọn vẫn nhận tên viết tắt quen dùng (ví dụ TPT, HTXS). Ngày ghi theo thứ tự ngày/tháng/năm.',
];

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
  const rows: HelpRow[] = [
    { kind: 'blank', cells: [] },
    { kind: 'heading', cells: [spec.title] },
  ];
  rows.push({
    kind: 'paragraph',
    cells: [
      `Trang: “${spec.tab}”. Đơn vị ban hành: ${spec.issuer}${spec.planNumber === undefined ? '' : ` — Kế hoạch số ${spec.planNumber}`}.`,
    ],
  });
  rows.push({ kind: 'paragraph', cells: [`Hạn nộp: ${formatPeriodDeadline(spec.period)}.`] });
  if (spec.description !== undefined) rows.push({ kind: 'paragraph', cells: [spec.description] });
  rows.push({ kind: 'table-header', cells: ['Cột', 'Cách nhập', 'Bắt buộc', 'Ghi chú'] });
  for (const column of spec.columns) {
    rows.push({
      kind: 'column',
      cells: [
        column.header,
        describeColumnInput(spec, column),
        column.required ? 'Bắt buộc' : 'Không',
        columnNote(spec, column),
      ],
    });
  }
  rows.push({ kind: 'status', cells: [STATUS_HEADER, 'Hệ thống tự ghi', 'Không nhập', 'Kết quả kiểm tra từng dòng.'] });
  return rows;
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
