import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { writeTestWorkbook, type TestTab } from './workbooks.js';

export interface TestAttachment {
  readonly filename: string;
  readonly content: Buffer;
  readonly contentType?: string;
}

/** A raw RFC 5322 message as a mail client would send it, built by nodemailer. */
export async function rawMessage(mail: {
  readonly from: string;
  readonly subject: string;
  readonly messageId?: string;
  readonly date?: Date;
  readonly headers?: Readonly<Record<string, string>>;
  readonly attachments?: readonly TestAttachment[];
}): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail({
    from: mail.from,
    to: 'baocao@quandoan.example',
    subject: mail.subject,
    text: 'Kính gửi Quận Đoàn, đơn vị gửi báo cáo đính kèm.',
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.date ? { date: mail.date } : {}),
    ...(mail.headers ? { headers: { ...mail.headers } } : {}),
    attachments: (mail.attachments ?? []).map((a) => ({
      filename: a.filename,
      content: a.content,
      ...(a.contentType ? { contentType: a.contentType } : {}),
    })),
  });
  return info.message as Buffer;
}

/** The bytes of a test workbook. */
export async function workbookBytes(tabs: readonly TestTab[]): Promise<Buffer> {
  const file = path.join(tmpdir(), `mail-${randomBytes(6).toString('hex')}.xlsx`);
  try {
    await writeTestWorkbook(file, tabs);
    return await readFile(file);
  } finally {
    await rm(file, { force: true });
  }
}
