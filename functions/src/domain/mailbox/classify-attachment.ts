import { formatVietnameseNumber } from '../cells/number-format.js';

/** One attached file as the mailbox job sees it before reading it. */
export interface AttachmentFacts {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  /** The first bytes of the file (8 are enough). */
  readonly head: Uint8Array;
  /** Whether the file names an `EncryptedPackage` stream (what a password-protected Office file holds). */
  readonly encryptedPackage: boolean;
}

export const ATTACHMENT_VERDICTS = ['xlsx', 'too-large', 'encrypted', 'archive', 'old-excel', 'not-xlsx'] as const;
export type AttachmentVerdict = (typeof ATTACHMENT_VERDICTS)[number];

const ARCHIVE = /\.(zip|rar|7z|gz|tgz|tar)$/i;
const ARCHIVE_TYPES = /zip|rar|7z|x-tar|gzip|compressed/i;
/** Compound File Binary: old .xls, and every password-protected Office file (Excel wraps the encrypted package in it). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Whether an attachment can be read as a unit's workbook, and if not, why (checked by name, type, size and first bytes only). */
export function classifyAttachment(file: AttachmentFacts, maxBytes: number): AttachmentVerdict {
  const name = file.fileName.toLowerCase();
  if (ARCHIVE.test(name) || (!name.endsWith('.xlsx') && ARCHIVE_TYPES.test(file.contentType))) return 'archive';
  if (file.size > maxBytes) return 'too-large';
  const cfb = startsWith(file.head, CFB_MAGIC);
  // A compound file named .xlsx is password-protected, or an old .xls renamed: its stream names tell them apart.
  if (name.endsWith('.xlsx') && cfb) return file.encryptedPackage ? 'encrypted' : 'old-excel';
  if (name.endsWith('.xlsx')) return startsWith(file.head, ZIP_MAGIC) ? 'xlsx' : 'not-xlsx';
  if (name.endsWith('.xls') || name.endsWith('.xlsm') || name.endsWith('.xlsb')) return 'old-excel';
  return 'not-xlsx';
}

/** The Vietnamese sentence telling the sender what to do about an attachment that was not read. */
export function attachmentRefusal(
  fileName: string,
  verdict: Exclude<AttachmentVerdict, 'xlsx'>,
  maxBytes: number,
): string {
  const file = `Tệp '${fileName}'`;
  switch (verdict) {
    case 'too-large':
      return `${file} lớn hơn giới hạn ${formatVietnameseNumber(Math.floor(maxBytes / (1024 * 1024)))} MB nên chưa được đọc. Hãy xóa các trang, hình ảnh không cần thiết rồi gửi lại.`;
    case 'encrypted':
      return `${file} đang đặt mật khẩu nên hệ thống không mở được. Hãy bỏ mật khẩu (Tệp ▸ Thông tin ▸ Bảo vệ sổ làm việc) rồi gửi lại.`;
    case 'archive':
      return `${file} là tệp nén. Hãy đính kèm trực tiếp tệp Excel .xlsx, không nén.`;
    case 'old-excel':
      return `${file} không phải định dạng Excel .xlsx. Hãy mở tệp, chọn Lưu thành (Save As) ▸ Sổ làm việc Excel (.xlsx) rồi gửi lại.`;
    case 'not-xlsx':
      return `${file} không phải tệp Excel .xlsx nên không được đọc. Hệ thống chỉ nhận báo cáo bằng tệp .xlsx theo biểu mẫu.`;
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}
