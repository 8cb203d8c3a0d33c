import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import type { Mailer } from '../../jobs/notify/ports.js';
import { messageOf } from './smtp-mailer.js';

/**
 * The embedded default with no SMTP configured: each message is written as an .eml file
 * (open it with Outlook or Thunderbird), numbered in sending order.
 */
export function createOutboxMailer(options: { readonly dir: string; readonly from: string }): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `hộp thư đi ${options.dir}`,
    async send(mail) {
      const info = await transport.sendMail(messageOf(mail, options.from));
      await mkdir(options.dir, { recursive: true });
      const next = (await emlFiles(options.dir)).length + 1;
      const name = `${String(next).padStart(4, '0')}-${mail.noticeId.replace(/[^a-zA-Z0-9-]+/g, '_')}.eml`;
      const temp = path.join(options.dir, `.${name}.tmp`);
      await writeFile(temp, info.message as Buffer);
      await rename(temp, path.join(options.dir, name));
      return { messageId: String(info.messageId) };
    },
    async close() {
      transport.close();
    },
  };
}

/** The outbox's messages in sending order, with their (decoded) subject and recipients. */
export async function listOutbox(dir: string): Promise<{ file: string; subject: string; to: string }[]> {
  const files = await emlFiles(dir);
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(await readFile(path.join(dir, file)));
      const to = [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address ?? '') ?? []).join(', ');
      return { file: path.join(dir, file), subject: mail.subject ?? '', to };
    }),
  );
}

async function emlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.eml')).sort();
}
