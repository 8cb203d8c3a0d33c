import { formatVietnameseMoney } from '../cells/money.js';
import type { FormSpec } from '../forms/form-spec.js';
import type { DistrictSettings } from '../units/read-control.js';
import type { Unit } from '../units/unit.js';
import type { PaymentDue, PlannedNotice } from './decide-notices.js';
import { renderMail, type MailBlock } from './mail-blocks.js';
import type { NoticeStage } from './notice-kinds.js';
import { dueLong, dueShort, planReference, subjectLine } from './notice-text.js';
import type { RenderedMail } from './render-notice.js';

/** What a payment reminder is rendered from: the registration whose fee is owed, the receipts plan, the unit. */
export interface PaymentNoticeContext {
  readonly feeForm: FormSpec;
  readonly receiptsForm: FormSpec;
  readonly unit: Unit;
  readonly settings: DistrictSettings;
  /** Where and when to pay, from the plan ('Nơi nộp tiền'). */
  readonly payAt?: string;
  /** The fee per person, for the line that explains phải nộp. */
  readonly feePerRow: number;
}

/** The subject tag of each stage of a payment reminder: "[Nhắc đóng kinh phí] …". */
export function paymentStageTag(stage: NoticeStage, daysOverdue: number | undefined): string {
  switch (stage) {
    case 'reminder':
      return 'Nhắc đóng kinh phí';
    case 'due':
      return 'Hôm nay hết hạn đóng kinh phí';
    case 'overdue':
      return 'Quá hạn đóng kinh phí';
    case 'escalation':
      return `Quá hạn đóng kinh phí ${daysOverdue ?? 1} ngày — đã báo Quận Đoàn`;
  }
}

/** The Vietnamese payment reminder to one unit that still owes: how much, by when, where to pay. */
export function renderPaymentNotice(
  notice: PlannedNotice & { readonly payment: PaymentDue },
  context: PaymentNoticeContext,
): RenderedMail {
  const { feeForm } = context;
  const subject = [
    planReference(feeForm),
    feeForm.title,
    `còn nợ ${formatVietnameseMoney(notice.payment.balance)}`,
    `hạn ${dueShort(notice.due)}`,
  ]
    .filter((s) => s !== undefined)
    .join(' — ');
  const { text, html } = renderMail(paymentBlocks(notice, context));
  return { subject: subjectLine(`[${paymentStageTag(notice.stage, notice.daysOverdue)}] ${subject}`), text, html };
}

function paymentBlocks(
  notice: PlannedNotice & { readonly payment: PaymentDue },
  context: PaymentNoticeContext,
): MailBlock[] {
  const { feeForm, unit, settings, payment } = { ...context, payment: notice.payment };
  const due = dueLong(notice.due);
  const names = [...new Set(unit.contacts.map((c) => c.name.trim()).filter((n) => n !== ''))];
  const people = context.feePerRow > 0 ? Math.round(payment.owed / context.feePerRow) : 0;
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: `Kính gửi: ${unit.name}${names.length ? ` (đồng chí ${names.join(', ')})` : ''}` },
    {
      kind: 'paragraph',
      text: intro(notice.stage, due, formatVietnameseMoney(payment.balance)),
      strong: notice.stage !== 'reminder',
    },
    {
      kind: 'facts',
      rows: [
        ['Căn cứ', [planReference(feeForm), feeForm.title].filter((s) => s !== undefined).join(' — ')],
        [
          'Phải nộp',
          `${formatVietnameseMoney(payment.owed)} (${people} người × ${formatVietnameseMoney(context.feePerRow)})`,
        ],
        ['Đã nộp', formatVietnameseMoney(payment.paid)],
        ['Còn nợ', formatVietnameseMoney(payment.balance)],
        ['Hạn đóng kinh phí', due],
        ...(context.payAt ? [['Nơi nộp', context.payAt] as const] : []),
      ],
    },
    {
      kind: 'paragraph',
      text: `Số đã nộp tính theo biên lai đã ghi vào '${context.receiptsForm.title}' của Quận Đoàn. Nếu đơn vị đã nộp mà chưa thấy ghi nhận, xin mang theo biên lai khi liên hệ.`,
    },
  ];
  const contact = [
    settings.contactName ? `đồng chí ${settings.contactName}` : undefined,
    settings.contactPhone ? `điện thoại ${settings.contactPhone}` : undefined,
    settings.officeEmail ? `email ${settings.officeEmail}` : undefined,
  ].filter((p) => p !== undefined);
  if (contact.length) blocks.push({ kind: 'paragraph', text: `Mọi thắc mắc xin liên hệ ${contact.join(' — ')}.` });
  blocks.push({
    kind: 'paragraph',
    text: `${settings.districtName ? `${settings.districtName}\n` : ''}Thư này do hệ thống tổng hợp báo cáo gửi tự động. Nếu đơn vị vừa nộp đủ kinh phí, xin bỏ qua thư này.`,
  });
  return blocks;
}

function intro(stage: NoticeStage, due: string, balance: string): string {
  switch (stage) {
    case 'reminder':
      return `Hạn đóng kinh phí sắp đến (${due}). Đơn vị còn nợ ${balance}; đề nghị đơn vị nộp trước hạn.`;
    case 'due':
      return `Hôm nay là hạn cuối đóng kinh phí (${due}). Đơn vị còn nợ ${balance}; đề nghị đơn vị nộp ngay trong hôm nay.`;
    case 'overdue':
      return `Đã quá hạn đóng kinh phí (${due}). Đơn vị còn nợ ${balance}; đề nghị đơn vị khẩn trương nộp.`;
    case 'escalation':
      return `Đã quá hạn đóng kinh phí (${due}) và Quận Đoàn đã được báo. Đơn vị còn nợ ${balance}; đề nghị đơn vị nộp ngay.`;
  }
}
