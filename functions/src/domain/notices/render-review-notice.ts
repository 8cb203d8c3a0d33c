import { rowMessage } from '../feedback/build-unit-feedback.js';
import type { FormSpec } from '../forms/form-spec.js';
import { periodLabel } from '../periods/period-id.js';
import { REVIEW_LABELS, type ReviewDecision } from '../review/review-decision.js';
import type { StoredSubmission } from '../summary/district-picture.js';
import { formatIctDateTime } from '../time/ict.js';
import type { DistrictSettings } from '../units/read-control.js';
import type { Unit } from '../units/unit.js';
import { renderMail, type MailBlock } from './mail-blocks.js';
import { planReference, subjectLine } from './notice-text.js';
import { LISTED_ROWS, type RenderedMail } from './render-notice.js';

/** The subject tag of every review mail. */
export const REVIEW_MAIL_TAG = '[Duyệt báo cáo]';

/** What a review mail is rendered from: the decision, the report it is about, and where the unit fixes it. */
export interface ReviewNoticeContext {
  readonly decision: ReviewDecision;
  readonly spec: FormSpec;
  readonly unit: Unit;
  readonly submission: Pick<StoredSubmission, 'rejected'>;
  readonly settings: DistrictSettings;
  /** The unit's spreadsheet URL, or its file name in workbook mode. */
  readonly sheetLink: string;
}

/**
 * The Vietnamese mail of one review decision: "Cần bổ sung" with the district's comment, the rows still
 * rejected and where to fix them; "Đã duyệt" in a few lines.
 */
export function renderReviewNotice(context: ReviewNoticeContext): RenderedMail {
  const { decision, spec } = context;
  const period = spec.period.type === 'once' ? undefined : periodLabel(spec, decision.periodId);
  const subject = [`${REVIEW_MAIL_TAG} ${REVIEW_LABELS[decision.decision]}`, planReference(spec), spec.title, period]
    .filter((s) => s !== undefined)
    .join(' — ');
  const { text, html } = renderMail(
    decision.decision === 'approved' ? approvedBlocks(context, period) : needsMoreBlocks(context, period),
  );
  return { subject: subjectLine(subject), text, html };
}

function approvedBlocks(context: ReviewNoticeContext, period: string | undefined): MailBlock[] {
  const { decision } = context;
  return [
    greeting(context.unit),
    {
      kind: 'paragraph',
      text: `Báo cáo '${context.spec.title}'${period ? ` kỳ ${period}` : ''} của đơn vị đã được ${decision.by} duyệt lúc ${formatIctDateTime(decision.at)}.`,
    },
    ...(decision.comment ? [{ kind: 'paragraph', text: `Nhận xét: ${decision.comment}` } as const] : []),
    { kind: 'paragraph', text: 'Nếu đơn vị sửa báo cáo sau thời điểm này, báo cáo sẽ cần được duyệt lại.' },
    signature(context.settings),
  ];
}

function needsMoreBlocks(context: ReviewNoticeContext, period: string | undefined): MailBlock[] {
  const { decision, spec } = context;
  const rejected = [...context.submission.rejected].sort((a, b) => a.rowNumber - b.rowNumber);
  const items = rejected
    .slice(0, LISTED_ROWS)
    .map((row) => `Dòng ${row.rowNumber}: ${rowMessage(row.errors).split('\n').join(' ')}`);
  if (rejected.length > LISTED_ROWS) items.push(`và ${rejected.length - LISTED_ROWS} dòng lỗi khác`);
  return [
    greeting(context.unit),
    {
      kind: 'paragraph',
      text: `${decision.by} đã xem báo cáo '${spec.title}'${period ? ` kỳ ${period}` : ''} của đơn vị và đề nghị đơn vị bổ sung, sửa báo cáo theo nhận xét dưới đây.`,
      strong: true,
    },
    {
      kind: 'facts',
      rows: [
        ['Quyết định', REVIEW_LABELS[decision.decision]],
        ['Nhận xét', decision.comment],
        ['Người duyệt', decision.by],
        ['Thời điểm', formatIctDateTime(decision.at)],
      ],
    },
    ...(items.length > 0
      ? [
          {
            kind: 'list',
            title: `Ngoài ra, các dòng sau ở trang '${spec.tab}' chưa hợp lệ (chưa được tổng hợp):`,
            items,
          } as const,
        ]
      : []),
    {
      kind: 'link',
      before: 'Nơi sửa báo cáo: ',
      target: context.sheetLink,
      after: ` (trang '${spec.tab}'). Sau khi đơn vị sửa, Quận Đoàn sẽ duyệt lại.`,
    },
    signature(context.settings),
  ];
}

function greeting(unit: Unit): MailBlock {
  const names = [...new Set(unit.contacts.map((c) => c.name.trim()).filter((n) => n !== ''))];
  return { kind: 'paragraph', text: `Kính gửi: ${unit.name}${names.length ? ` (đồng chí ${names.join(', ')})` : ''}` };
}

function signature(settings: DistrictSettings): MailBlock {
  const contact = [
    settings.contactName ? `đồng chí ${settings.contactName}` : undefined,
    settings.contactPhone ? `điện thoại ${settings.contactPhone}` : undefined,
    settings.officeEmail ? `email ${settings.officeEmail}` : undefined,
  ].filter((p) => p !== undefined);
  const ask = contact.length ? `Mọi thắc mắc xin liên hệ ${contact.join(' — ')}.\n` : '';
  return {
    kind: 'paragraph',
    text: `${ask}${settings.districtName ? `${settings.districtName}\n` : ''}Thư này do hệ thống tổng hợp báo cáo gửi tự động.`,
  };
}
