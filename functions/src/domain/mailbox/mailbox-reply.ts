import { formatVietnameseNumber as n } from '../cells/number-format.js';
import { renderMail, type MailBlock } from '../notices/mail-blocks.js';
import { dueLong } from '../notices/notice-text.js';
import { STATUS_DISPLAY } from '../status/status-kinds.js';
import { formatIctDateTime } from '../time/ict.js';
import type { DistrictSettings } from '../units/read-control.js';
import type { FormStanding } from './unit-standings.js';

/** What became of one attachment. */
export interface AttachmentResult {
  readonly fileName: string;
  /** Why it was not read (a Vietnamese sentence); absent when it was read. */
  readonly refused?: string;
  readonly counts?: { readonly valid: number; readonly rejected: number; readonly nil: number };
  /** Problems of the file or its tabs. */
  readonly problems?: readonly string[];
  /** One message per rejected row. */
  readonly rowErrors?: readonly string[];
}

/** A reply ready for the mailer (recipients are added by the job). */
export interface ReplyText {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Rows listed one by one in a reply; the rest are counted. */
export const MAX_LISTED_ROW_ERRORS = 30;

const SIGN_OFF = 'Thư này do hệ thống tổng hợp báo cáo gửi tự động.';

/** The reply to a unit's message: per attachment, rows accepted and in error (with messages), then each deadline and standing. */
export function mailboxResultReply(input: {
  readonly settings: DistrictSettings;
  readonly unitName: string;
  readonly receivedAt: Date;
  readonly files: readonly AttachmentResult[];
  readonly standings: readonly FormStanding[];
  /** The sender is not among the unit's contacts: the unit was found by the subject or the file name. */
  readonly senderNotListed: boolean;
}): ReplyText {
  const { settings } = input;
  const read = input.files.filter((f) => !f.refused);
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: `Kính gửi ${input.unitName},` },
    {
      kind: 'paragraph',
      text: `${settings.districtName || 'Quận Đoàn'} đã nhận thư của đơn vị lúc ${formatIctDateTime(input.receivedAt)}${read.length > 0 ? ` và ghi nhận ${n(read.length)} tệp báo cáo. Thời điểm nhận thư là thời điểm nộp dùng để tính đúng hạn.` : ' nhưng chưa ghi nhận được tệp báo cáo nào.'}`,
    },
  ];
  for (const file of input.files) blocks.push(...fileBlocks(file));
  if (input.files.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'Thư không có tệp đính kèm. Hãy đính kèm tệp Excel .xlsx theo biểu mẫu rồi gửi lại.',
      strong: true,
    });
  }
  if (input.standings.length > 0) {
    blocks.push({ kind: 'heading', text: 'Tình hình nộp' });
    blocks.push({
      kind: 'list',
      items: input.standings.map(
        (s) =>
          `${s.form} (hạn nộp: ${dueLong(s.due)}): ${STATUS_DISPLAY[s.status].symbol} ${STATUS_DISPLAY[s.status].label}.`,
      ),
    });
  }
  const hasErrors = input.files.some(
    (f) => f.refused || (f.counts?.rejected ?? 0) > 0 || (f.problems?.length ?? 0) > 0,
  );
  if (hasErrors)
    blocks.push({
      kind: 'paragraph',
      text: 'Đơn vị hãy sửa các lỗi trên trong tệp rồi gửi lại tệp đã sửa bằng một thư mới; lần gửi sau thay cho lần này.',
    });
  if (input.senderNotListed) {
    blocks.push({
      kind: 'paragraph',
      text: `Địa chỉ thư gửi chưa có trong danh sách liên hệ của ${input.unitName}, nên hệ thống nhận ra đơn vị qua tiêu đề hoặc tên tệp. Để lần sau nhận ra ngay, đề nghị báo ${contactOf(settings)} bổ sung địa chỉ này.`,
    });
  }
  blocks.push({ kind: 'paragraph', text: SIGN_OFF });
  return { subject: `Kết quả nhận báo cáo qua thư: ${input.unitName}`.normalize('NFC'), ...renderMail(blocks) };
}

/** The polite answer to a sender no unit can be found for: nothing was stored, and how to get registered. */
export function unknownSenderReply(input: {
  readonly settings: DistrictSettings;
  readonly receivedAt: Date;
  readonly candidates: readonly string[];
}): ReplyText {
  const { settings } = input;
  const district = settings.districtName || 'Quận Đoàn';
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: 'Kính gửi quý đơn vị,' },
    {
      kind: 'paragraph',
      text: `${district} đã nhận thư gửi lúc ${formatIctDateTime(input.receivedAt)}, nhưng chưa xác định được thư của đơn vị nào nên chưa ghi nhận nội dung nào của thư.`,
    },
  ];
  if (input.candidates.length > 1) {
    blocks.push({
      kind: 'list',
      title: 'Thư có thể là của một trong các đơn vị sau; hãy ghi rõ tên đơn vị trong tiêu đề thư rồi gửi lại:',
      items: [...input.candidates],
    });
  }
  blocks.push({
    kind: 'list',
    title: 'Để được ghi nhận, đơn vị làm một trong hai cách:',
    items: [
      `Đề nghị ${contactOf(settings)} thêm địa chỉ thư này vào danh sách liên hệ của đơn vị (mỗi đơn vị có thể đăng ký nhiều địa chỉ).`,
      'Ghi tên hoặc mã đơn vị trong tiêu đề thư, ví dụ: "Báo cáo Liên đội Trường Tiểu học Ái Mộ", rồi gửi lại.',
    ],
  });
  blocks.push({ kind: 'paragraph', text: SIGN_OFF });
  return { subject: 'Chưa ghi nhận báo cáo: chưa xác định được đơn vị gửi', ...renderMail(blocks) };
}

function fileBlocks(file: AttachmentResult): MailBlock[] {
  if (file.refused)
    return [
      { kind: 'heading', text: `Tệp '${file.fileName}'` },
      { kind: 'paragraph', text: `Chưa ghi nhận: ${file.refused}`, strong: true },
    ];
  const counts = file.counts ?? { valid: 0, rejected: 0, nil: 0 };
  const blocks: MailBlock[] = [
    { kind: 'heading', text: `Tệp '${file.fileName}'` },
    {
      kind: 'facts',
      rows: [
        ['Dòng hợp lệ', n(counts.valid - counts.nil)],
        ...(counts.nil > 0 ? [['Kỳ không phát sinh', n(counts.nil)] as const] : []),
        ['Dòng lỗi', n(counts.rejected)],
      ],
    },
  ];
  if ((file.problems?.length ?? 0) > 0)
    blocks.push({ kind: 'list', title: 'Lưu ý về tệp:', items: [...(file.problems ?? [])] });
  const errors = file.rowErrors ?? [];
  if (errors.length > 0) {
    const listed = errors.slice(0, MAX_LISTED_ROW_ERRORS);
    const more = errors.length - listed.length;
    blocks.push({
      kind: 'list',
      title: 'Các dòng lỗi (chưa được ghi nhận):',
      items: [...listed, ...(more > 0 ? [`… và ${n(more)} lỗi khác.`] : [])],
    });
  }
  return blocks;
}

function contactOf(settings: DistrictSettings): string {
  const who = settings.contactName ? `đồng chí ${settings.contactName}` : 'cán bộ phụ trách của Quận Đoàn';
  const reach = [settings.contactPhone, settings.officeEmail].filter(Boolean).join(', ');
  return reach ? `${who} (${reach})` : who;
}
