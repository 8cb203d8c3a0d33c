import { dueLong } from '../notices/notice-text.js';
import { ONCE_PERIOD } from '../periods/period-id.js';
import { formatVietnameseNumber as n } from '../cells/number-format.js';
import { STATUS_DISPLAY } from '../status/status-kinds.js';
import { formatIctDateTime } from '../time/ict.js';
import type { ReportCounts, ReportFigures, ReportMetric } from './report-figures.js';
import type { ReportHeading } from './report-heading.js';
import { feeBlocks } from './report-fees.js';
import { lowerFirst, upperFirst } from '../cells/sentence-case.js';

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
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      readonly rows: readonly ReportTableRow[];
      readonly firstShare?: number;
    }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'placeholder'; readonly hint: string; readonly lines: number };

export interface ReportTableRow {
  readonly cells: readonly string[];
  /** The total row. */
  readonly bold?: boolean;
}

/** Columns of the results table, left to right. */
export const RESULT_COLUMNS = [
  'Cụm thi đua',
  'Phải nộp',
  'Đã nộp đủ',
  'Đúng hạn',
  'Trễ hạn',
  'Chưa đạt',
  'Chưa nộp',
  'Tỉ lệ nộp đủ',
] as const;

/** The results table of a plan counted on approved reports: 'Đã nộp đủ' and its rate say so. */
export const APPROVED_RESULT_COLUMNS: readonly string[] = RESULT_COLUMNS.map((c) =>
  c === 'Đã nộp đủ' ? 'Đã nộp đủ, đã duyệt' : c === 'Tỉ lệ nộp đủ' ? 'Tỉ lệ nộp đủ (đã duyệt)' : c,
);

/** How the text names the complete reports: approved ones when the plan counts those. */
function completeWords(figures: Pick<ReportFigures, 'countedOn'>): string {
  return figures.countedOn ? 'đã nộp đủ và được duyệt' : 'đã nộp đủ';
}

/** Lay out the report of one plan and period from its figures and the district's heading. */
export function reportDocument(heading: ReportHeading, figures: ReportFigures): ReportDocument {
  const t = figures.total;
  const what = `${lowerFirst(reportWhat(figures))} (${figures.periodLabel})`;
  const body: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: `${figures.planNumber ? `Thực hiện Kế hoạch số ${figures.planNumber}, ` : ''}${heading.issuerInText} báo cáo ${what}, số liệu tính đến ${instantText(figures.asOf)}, như sau:`,
    },
    { kind: 'heading', text: 'TÌNH HÌNH NỘP BÁO CÁO' },
    {
      kind: 'paragraph',
      text:
        `Hạn nộp: ${dueLong(figures.due)}. Số đơn vị phải nộp: ${n(t.expected)}; ${completeWords(figures)}: ${n(t.complete)} (${rate(t.complete, t.expected)}), ` +
        `trong đó đúng hạn ${n(t.onTime)}, trễ hạn ${n(t.late)}${t.nil ? `, báo không phát sinh ${n(t.nil)}` : ''}${figures.countedOn ? `; nộp đủ, chờ duyệt: ${n(t.awaitingApproval ?? 0)}` : ''}; nộp chưa đạt yêu cầu: ${n(t.partial)}; chưa nộp: ${n(t.missing)}.`,
    },
    {
      kind: 'table',
      columns: figures.countedOn ? APPROVED_RESULT_COLUMNS : RESULT_COLUMNS,
      rows: [
        ...figures.byCluster.map((c) => ({ cells: resultCells(c.cluster, c) })),
        { cells: resultCells('Tổng cộng', t), bold: true },
      ],
    },
    { kind: 'heading', text: 'KẾT QUẢ THỰC HIỆN' },
    figures.metrics.length
      ? { kind: 'list', items: figures.metrics.map(metricLine) }
      : { kind: 'paragraph', text: 'Kế hoạch không đặt chỉ số thống kê.' },
    ...(figures.fees ?? []).flatMap((fees, i, all): ReportBlock[] => [
      { kind: 'heading', text: `KINH PHÍ${all.length > 1 ? ` (${i + 1})` : ''}` },
      ...feeBlocks(fees),
    ]),
    { kind: 'heading', text: 'ĐƠN VỊ CHƯA NỘP HOẶC NỘP CHƯA ĐẠT' },
    figures.owing.length
      ? {
          kind: 'list',
          items: figures.owing.map(
            (u, i) =>
              `${i + 1}. ${u.name}${u.cluster ? ` (${u.cluster})` : ''}: ${owingStatus(u)}${u.daysOverdue ? `, quá hạn ${n(u.daysOverdue)} ngày` : ''}.`,
          ),
        }
      : { kind: 'paragraph', text: 'Tất cả đơn vị đã nộp đủ báo cáo.' },
    { kind: 'heading', text: 'ĐÁNH GIÁ CHUNG' },
    { kind: 'placeholder', hint: '(Ưu điểm, hạn chế và nguyên nhân — cán bộ phụ trách bổ sung.)', lines: 3 },
    { kind: 'heading', text: 'ĐỀ XUẤT' },
    { kind: 'placeholder', hint: '(Đề xuất, kiến nghị với cấp trên — cán bộ phụ trách bổ sung.)', lines: 2 },
    { kind: 'paragraph', text: `Trên đây là báo cáo ${what} của ${heading.issuerInText}./.` },
  ];
  return { heading, title: 'BÁO CÁO', subject: reportSubject(figures), body: numberedSections(body) };
}

/** "chưa nộp", "chưa đạt (có lỗi hoặc thiếu dòng)", or with a coverage plan's shortfall "chưa đạt (còn 12 đoàn viên chưa đánh giá)". */
function owingStatus(u: ReportFigures['owing'][number]): string {
  const label = STATUS_DISPLAY[u.status].label.toLocaleLowerCase('vi');
  return u.note ? `${label.replace(/\s*\(.*\)$/u, '')} (${lowerFirst(u.note)})` : label;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'] as const;

/** Section headings numbered I, II, … in order, so an optional section (Kinh phí) never leaves a gap. */
export function numberedSections(body: readonly ReportBlock[]): ReportBlock[] {
  let n = 0;
  return body.map((b) => (b.kind === 'heading' ? { ...b, text: `${ROMAN[n++] ?? String(n)}. ${b.text}` } : b));
}

/** The line under "BÁO CÁO": what is reported, e.g. "Kết quả đăng ký tham gia tập huấn … (hạn 15/09/2024)". */
export function reportSubject(figures: Pick<ReportFigures, 'formTitle' | 'periodLabel'>): string {
  return `${upperFirst(reportWhat(figures))} (${figures.periodLabel})`;
}

/** What is reported, from the form's title: "Báo cáo kết quả X" → "kết quả X", "Đăng ký X" → "kết quả đăng ký X". */
function reportWhat(figures: Pick<ReportFigures, 'formTitle'>): string {
  const what = figures.formTitle.replace(/^Báo cáo\s+/iu, '');
  return /^kết quả/iu.test(what) ? what : `Kết quả ${lowerFirst(what)}`;
}

function instantText(instant: Date): string {
  const [time = '', date = ''] = formatIctDateTime(instant).split(' ');
  return `${time} ngày ${date}`;
}

/** A no-break space before "%", so a justified line never leaves "%" alone at the start of the next one. */
const PERCENT = '\u00a0%';

/** A percentage as Vietnamese write it: 15 of 20 → "75 %", 2 of 3 → "66,7 %"; "—" when nothing is expected. */
export function rate(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${n(Math.round(Math.min(1, part / whole) * 1000) / 10)}${PERCENT}`;
}

function resultCells(label: string, c: ReportCounts): string[] {
  return [
    label,
    n(c.expected),
    n(c.complete),
    n(c.onTime),
    n(c.late),
    n(c.partial),
    n(c.missing),
    rate(c.complete, c.expected),
  ];
}

/** "Kinh phí tập huấn: 28.500.000 đ"; with a target, how many units meet it. */
function metricLine(m: ReportMetric): string {
  const value = m.total === null ? 'chưa có số liệu' : metricValue(m.total, m.format);
  const target = m.target
    ? ` (mục tiêu ${m.target.description}: ${n(m.target.unitsMeeting)}/${n(m.target.unitsMeasured)} đơn vị đạt)`
    : '';
  return `- ${m.label}: ${value}${target}.`;
}

/** A metric's value in its format: money "1.900.000 đ", percent "75 %", numbers "1.234". */
export function metricValue(value: number, format: ReportMetric['format']): string {
  switch (format) {
    case 'money':
      return `${n(Math.round(value))} đ`;
    case 'percent':
      return `${n(Math.round(value * 1000) / 10)}${PERCENT}`;
    case 'decimal':
      return n(Math.round(value * 100) / 100);
    case 'int':
      return n(value);
  }
}

/**
 * The report's file name: "Bao-cao-30-phut-bao-cao-2022-11.docx", or "Bao-cao-tap-huan-2024.docx" for a
 * plan with one period (ids are ASCII already).
 */
export function reportFileName(
  figures: Pick<ReportFigures, 'formId' | 'periodId'>,
  extension: 'docx' | 'xlsx' | 'json',
): string {
  const period = figures.periodId === ONCE_PERIOD ? '' : `-${figures.periodId}`;
  return `Bao-cao-${figures.formId}${period}.${extension}`;
}
