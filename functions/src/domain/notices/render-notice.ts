import { rowMessage } from '../feedback/build-unit-feedback.js';
import type { FormSpec } from '../forms/form-spec.js';
import { STATUS_HEADER } from '../forms/header-match.js';
import { NIL_PHRASE } from '../forms/nil-declaration.js';
import type { Period } from '../periods/schedule.js';
import { isShortOfCoverage, uncoveredNote } from '../rules/coverage.js';
import { STATUS_DISPLAY } from '../status/status-kinds.js';
import type { StoredSubmission } from '../summary/district-picture.js';
import type { DistrictSettings } from '../units/read-control.js';
import type { Unit } from '../units/unit.js';
import type { PlannedNotice } from './decide-notices.js';
import { eventAndFeeSentence } from './event-and-fee.js';
import { renderMail, type MailBlock } from './mail-blocks.js';
import type { NoticeStage } from './notice-kinds.js';
import { dueLong, dueShort, planReference, subjectLine } from './notice-text.js';

/** What a notice is rendered from: the form, period and unit it is about, and where the unit fixes it. */
export interface NoticeContext {
  readonly spec: FormSpec;
  readonly period: Period;
  readonly unit: Unit;
  /** The unit's stored submission for this form and period, if it has one. */
  readonly submission?: StoredSubmission;
  readonly settings: DistrictSettings;
  /** The unit's spreadsheet URL, or its file name in workbook mode. */
  readonly sheetLink: string;
  /** Problems with the unit's whole file or this form's tab (unreadable file, missing tab, renamed header). */
  readonly sheetProblems?: readonly string[];
  /** When the notice is sent: an event already under way or a payment date gone by is not spoken of as upcoming. */
  readonly now: Date;
  /** Every plan, to name the form a coverage plan is measured against ("chưa có «Đăng ký …» để đối chiếu"). */
  readonly forms?: readonly FormSpec[];
}

/** A rendered message: subject, plain text and HTML (NFC). */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** How many rejected rows a notice lists before "và N lỗi khác". */
export const LISTED_ROWS = 5;

/** The subject tag of each stage: "[Nhắc nộp báo cáo] …". */
export function stageTag(stage: NoticeStage, daysOverdue: number | undefined): string {
  switch (stage) {
    case 'reminder':
      return 'Nhắc nộp báo cáo';
    case 'due':
      return 'Hôm nay hết hạn nộp';
    case 'overdue':
      return 'Quá hạn nộp báo cáo';
    case 'escalation':
      return `Quá hạn ${daysOverdue ?? 1} ngày — đã báo Quận Đoàn`;
  }
}

/** The Vietnamese message of one notice to one unit, as plain text and HTML. */
export function renderNotice(notice: PlannedNotice, context: NoticeContext): RenderedMail {
  const { spec, period } = context;
  const periodPart = spec.period.type === 'once' ? '' : ` — ${period.label}`;
  const subject = [planReference(spec), `${spec.tab}${periodPart}`, `hạn ${dueShort(notice.due)}`]
    .filter((s) => s !== undefined)
    .join(' — ');
  const { text, html } = renderMail(noticeBlocks(notice, context));
  return { subject: subjectLine(`[${stageTag(notice.stage, notice.daysOverdue)}] ${subject}`), text, html };
}

function noticeBlocks(notice: PlannedNotice, context: NoticeContext): MailBlock[] {
  const { spec, period, unit, settings } = context;
  const names = [...new Set(unit.contacts.map((c) => c.name.trim()).filter((n) => n !== ''))];
  const due = dueLong(notice.due);
  const overdue = notice.daysOverdue === undefined ? '' : `, quá hạn ${notice.daysOverdue} ngày`;
  const plan = [planReference(spec), spec.title].filter((s) => s !== undefined).join(' — ');
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: `Kính gửi: ${unit.name}${names.length ? ` (đồng chí ${names.join(', ')})` : ''}` },
    { kind: 'paragraph', text: intro(notice, due, settings.districtName), strong: notice.stage !== 'reminder' },
    ...optionalParagraph(eventAndFeeSentence(spec, context.now)),
    {
      kind: 'facts',
      rows: [
        ['Căn cứ', plan],
        ['Đơn vị ban hành', spec.issuer],
        ['Biểu mẫu', `trang '${spec.tab}'`],
        // A once form's period label only repeats its deadline.
        ...(spec.period.type === 'once' ? [] : [['Kỳ báo cáo', period.label] as const]),
        ['Hạn nộp', due],
        ['Tình trạng', `${STATUS_DISPLAY[notice.status].label}${overdue}`],
      ],
    },
    ...problemBlocks(notice, context),
    // "Không phát sinh" is for a unit with nothing to report: never offered to one that typed rows, even wrong ones.
    ...(hasNoRows(context.submission) ? [{ kind: 'paragraph', text: nilHint(spec) } as const] : []),
    { kind: 'link', before: 'Nơi nhập và sửa báo cáo: ', target: context.sheetLink, after: ` (trang '${spec.tab}').` },
  ];
  const contact = contactLine(settings);
  if (contact) blocks.push({ kind: 'paragraph', text: contact });
  blocks.push({
    kind: 'paragraph',
    text: `${settings.districtName ? `${settings.districtName}\n` : ''}Thư này do hệ thống tổng hợp báo cáo gửi tự động. Nếu đơn vị vừa nộp đủ, xin bỏ qua thư này.`,
  });
  return blocks;
}

function intro(notice: PlannedNotice, due: string, districtName: string): string {
  const late =
    notice.daysOverdue === undefined ? 'Báo cáo đã quá hạn' : `Báo cáo đã quá hạn ${notice.daysOverdue} ngày`;
  switch (notice.stage) {
    case 'reminder':
      return `Hạn nộp báo cáo dưới đây sắp đến (${due}). Đề nghị đơn vị hoàn thành và nộp trước hạn.`;
    case 'due':
      return `Hôm nay là hạn cuối nộp báo cáo dưới đây (${due}). Đề nghị đơn vị hoàn thành ngay trong hôm nay.`;
    case 'overdue':
      return `${late} (hạn nộp: ${due}). Đề nghị đơn vị khẩn trương hoàn thành.`;
    case 'escalation':
      return `${late} (hạn nộp: ${due}). Thư này được gửi đồng thời tới ${districtName || 'Quận Đoàn'} để theo dõi; đề nghị đơn vị hoàn thành ngay.`;
  }
}

/** What is missing or wrong: nothing received, or the rejected rows as the unit reads them. */
function problemBlocks(notice: PlannedNotice, context: NoticeContext): MailBlock[] {
  const { spec, period, submission } = context;
  // "Not received" is often "received but unreadable": the unit is told which, and what to do.
  const sheet = (context.sheetProblems ?? []).map((text): MailBlock => ({ kind: 'paragraph', text }));
  if (notice.status === 'missing' || !submission) {
    return [
      {
        kind: 'paragraph',
        text: `Đến thời điểm gửi thư này, hệ thống chưa nhận được báo cáo của đơn vị cho kỳ ${period.label}.`,
      },
      ...sheet,
    ];
  }
  const rejected = [...submission.rejected].sort((a, b) => a.rowNumber - b.rowNumber);
  // A coverage plan's shortfall says what the unit still lacks, not a count of rows it has.
  const coverage: MailBlock[] = isShortOfCoverage(submission)
    ? [
        {
          kind: 'paragraph',
          text: `Báo cáo của đơn vị chưa đủ. ${uncoveredNote(spec, submission, context.forms ?? [spec])}.`,
        },
      ]
    : [];
  if (rejected.length === 0 && coverage.length > 0) return coverage;
  if (rejected.length === 0) {
    const valid = submission.counts.valid;
    return [
      {
        kind: 'paragraph',
        text: `Báo cáo của đơn vị chưa đủ: cần ít nhất ${spec.minRows} dòng hợp lệ, hiện có ${valid} dòng.`,
      },
    ];
  }
  const listed = rejected.slice(0, LISTED_ROWS);
  const others = rejected.slice(LISTED_ROWS).reduce((n, row) => n + Math.max(1, row.errors.length), 0);
  const items = listed.map((row) => `Dòng ${row.rowNumber}: ${rowMessage(row.errors).split('\n').join(' ')}`);
  if (others > 0) items.push(`và ${others} lỗi khác`);
  return [
    ...coverage,
    {
      kind: 'list',
      title: `Báo cáo của đơn vị còn ${rejected.length} dòng chưa hợp lệ ở trang '${spec.tab}' (chưa được tổng hợp). Đề nghị đơn vị sửa các dòng này:`,
      items,
    },
    { kind: 'paragraph', text: `Mỗi dòng lỗi có ghi chú ✗ ở cột '${STATUS_HEADER}' của trang '${spec.tab}'.` },
  ];
}

function optionalParagraph(text: string | undefined): MailBlock[] {
  return text === undefined ? [] : [{ kind: 'paragraph', text }];
}

function hasNoRows(submission: StoredSubmission | undefined): boolean {
  return submission === undefined || submission.counts.read === 0;
}

function nilHint(spec: FormSpec): string {
  const periodColumn = spec.columns.find((c) => c.period);
  const which = periodColumn ? `, ghi kỳ báo cáo ở cột '${periodColumn.header}'` : '';
  return `Nếu trong kỳ này đơn vị không có nội dung để báo cáo, hãy ghi "${NIL_PHRASE}" vào một dòng của trang '${spec.tab}'${which} và để trống các ô khác.`;
}

function contactLine(settings: DistrictSettings): string | undefined {
  const parts = [
    settings.contactName ? `đồng chí ${settings.contactName}` : undefined,
    settings.contactPhone ? `điện thoại ${settings.contactPhone}` : undefined,
    settings.officeEmail ? `email ${settings.officeEmail}` : undefined,
  ].filter((p) => p !== undefined);
  return parts.length ? `Mọi thắc mắc xin liên hệ ${parts.join(' — ')}.` : undefined;
}
