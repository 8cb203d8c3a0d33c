import { formatVietnameseNumber as n } from '../cells/number-format.js';
import { STATUS_DISPLAY } from '../status/status-kinds.js';
import { formatIctDateTime } from '../time/ict.js';
import type { ReportCounts, ReportFigures, ReportMetric } from './report-figures.js';
import type { ReportHeading } from './report-heading.js';

/**
 * The report to the level above as data, in the order Nghị định 30/2020/NĐ-CP lays a document out:
 * heading (issuer, number, right block, place and date), title, body, then "Nơi nhận" beside the
 * signature. The docx adapter only typesets it.
 */
export interface ReportDocument {
  readonly heading: ReportHeading;
  readonly title: 'BÁO CÁO';
  readonly subject: string;
  readonly body: readonly ReportBlock[];
}

/** A block of the body: a section heading, a paragraph, a table, a list, or lines left for the office to write. */
export type ReportBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly rows: readonly ReportTableRow[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'placeholder'; readonly hint: string; readonly lines: number };

export interface ReportTableRow {
  readonly cells: readonly string[];
  /** The total row. */
  readonly bold?: boolean;
}

/** Columns of the results table, left to right. */
export const RESULT_COLUMNS = ['Cụm thi đua', 'Phải nộp', 'Đã nộp đủ', 'Đúng hạn', 'Trễ hạn', 'Chưa đạt', 'Chưa nộp', 'Tỉ lệ nộp đủ'] as const;

/** Lay out the report of one plan and period from its figures and the district's heading. */
export function reportDocument(heading: ReportHeading, figures: ReportFigures): ReportDocument {
  const t = figures.total;
  const plan = figures.planNumber ? `Kế hoạch số ${figures.planNumber} về ${lowerFirst(figures.formTitle)}` : lowerFirst(figures.formTitle);
  const body: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện ${plan}, ${heading.issuerInText} báo cáo tình hình nộp báo cáo của các đơn vị và kết quả thực hiện (${figures.periodLabel}), số liệu tính đến ${formatIctDateTime(figures.asOf)}, như sau:`,
    },
    { kind: 'heading', text: 'I. TÌNH HÌNH NỘP BÁO CÁO' },
    {
      kind: 'paragraph',
      text:
        `Hạn nộp: ${formatIctDateTime(figures.due)}. Số đơn vị phải nộp: ${n(t.expected)}; đã nộp đủ: ${n(t.complete)} (${rate(t.complete, t.expected)}), ` +
        `trong đó đúng hạn ${n(t.onTime)}, trễ hạn ${n(t.late)}${t.nil ? `, báo không phát sinh ${n(t.nil)}` : ''}; nộp chưa đạt yêu cầu: ${n(t.partial)}; chưa nộp: ${n(t.missing)}.`,
    },
    { kind: 'table', columns: RESULT_COLUMNS, rows: [...figures.byCluster.map((c) => ({ cells: resultCells(c.cluster, c) })), { cells: resultCells('Tổng cộng', t), bold: true }] },
    { kind: 'heading', text: 'II. KẾT QUẢ THỰC HIỆN' },
    figures.metrics.length ? { kind: 'list', items: figures.metrics.map(metricLine) } : { kind: 'paragraph', text: 'Kế hoạch không đặt chỉ số thống kê.' },
    { kind: 'heading', text: 'III. ĐƠN VỊ CHƯA NỘP HOẶC NỘP CHƯA ĐẠT' },
    figures.owing.length
      ? {
          kind: 'list',
          items: figures.owing.map((u, i) => `${i + 1}. ${u.name}${u.cluster ? ` (${u.cluster})` : ''}: ${STATUS_DISPLAY[u.status].label.toLocaleLowerCase('vi')}${u.daysOverdue ? `, quá hạn ${n(u.daysOverdue)} ngày` : ''}.`),
        }
      : { kind: 'paragraph', text: 'Tất cả đơn vị đã nộp đủ báo cáo.' },
    { kind: 'heading', text: 'IV. ĐÁNH GIÁ CHUNG' },
    { kind: 'placeholder', hint: '(Ưu điểm, hạn chế và nguyên nhân — cán bộ phụ trách bổ sung.)', lines: 3 },
    { kind: 'heading', text: 'V. ĐỀ XUẤT' },
    { kind: 'placeholder', hint: '(Đề xuất, kiến nghị với cấp trên — cán bộ phụ trách bổ sung.)', lines: 2 },
    { kind: 'paragraph', text: `Trên đây là báo cáo tình hình thực hiện ${plan} (${figures.periodLabel}) của ${heading.issuerInText}./.` },
  ];
  return { heading, title: 'BÁO CÁO', subject: reportSubject(figures), body };
}

/** The line under "BÁO CÁO": what is reported, e.g. "Kết quả đăng ký tham gia tập huấn … (hạn 15/09/2024)". */
export function reportSubject(figures: ReportFigures): string {
  const what = figures.formTitle.replace(/^Báo cáo\s+/iu, '');
  return `${/^kết quả/iu.test(what) ? upperFirst(what) : `Kết quả ${lowerFirst(what)}`} (${figures.periodLabel})`;
}

/** A percentage as Vietnamese write it: 15 of 20 → "75 %", 2 of 3 → "66,7 %"; "—" when nothing is expected. */
export function rate(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${n(Math.round(Math.min(1, part / whole) * 1000) / 10)} %`;
}

function resultCells(label: string, c: ReportCounts): string[] {
  return [label, n(c.expected), n(c.complete), n(c.onTime), n(c.late), n(c.partial), n(c.missing), rate(c.complete, c.expected)];
}

/** "Kinh phí tập huấn: 28.500.000 đ"; with a target, how many units meet it. */
function metricLine(m: ReportMetric): string {
  const value = m.total === null ? 'chưa có số liệu' : metricValue(m.total, m.format);
  const target = m.target ? ` (mục tiêu ${m.target.description}: ${n(m.target.unitsMeeting)}/${n(m.target.unitsMeasured)} đơn vị đạt)` : '';
  return `- ${m.label}: ${value}${target}.`;
}

/** A metric's value in its format: money "1.900.000 đ", percent "75 %", numbers "1.234". */
export function metricValue(value: number, format: ReportMetric['format']): string {
  switch (format) {
    case 'money':
      return `${n(Math.round(value))} đ`;
    case 'percent':
      return `${n(Math.round(value * 1000) / 10)} %`;
    case 'decimal':
      return n(Math.round(value * 100) / 100);
    case 'int':
      return n(value);
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** The report's file name: "Bao-cao-tap-huan-2024-2024-09-15.docx" (ids are ASCII already). */
export function reportFileName(figures: Pick<ReportFigures, 'formId' | 'periodId'>, extension: 'docx' | 'xlsx' | 'json'): string {
  return `Bao-cao-${figures.formId}-${figures.periodId}.${extension}`;
}
