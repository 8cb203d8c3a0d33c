import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { MailDeliveryError } from '../../jobs/notify/mail-delivery-error.js';
import type { Mailer, OutgoingMail } from '../../jobs/notify/ports.js';
import { makePrivateDir, writePrivateFile } from '../private-files.js';
import { toSendMailOptions } from './compose.js';
import { redact } from './smtp-error.js';

export interface OutboxMailerOptions {
  /** The outbox folder; created on the first message. */
  readonly dir: string;
  /** The From header, e.g. '"Quận Đoàn 1" <vanphong@example.com>'. */
  readonly from: string;
  /** The Date header of each message (default: now). */
  readonly clock?: () => Date;
}

/** One message of the outbox, for the CLI to list. */
export interface OutboxEntry {
  /** Path of the .eml file (the outbox folder joined with the file name). */
  readonly file: string;
  /** Decoded subject, readable Vietnamese. */
  readonly subject: string;
  /** The To header as text, display names decoded. */
  readonly to: string;
}

/** `0001-<notice id>.eml`: a sequence number, then the notice id. */
const EML_FILE = /^(\d+)-.*\.eml$/;
const SEQUENCE_WIDTH = 4;

/**
 * The embedded default when no SMTP server is configured: each message is built exactly as it
 * would go over SMTP and written as `<dir>/<NNNN>-<notice id>.eml` (open it with Outlook or
 * Thunderbird). Numbers continue after the files already there, so names sort in sending order;
 * each file appears whole (written to a temporary file, then renamed).
 */
export function createOutboxMailer(options: OutboxMailerOptions): Mailer {
  const dir = path.resolve(options.dir);
  const clock = options.clock ?? (() => new Date());
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  // One message at a time, so two sends never take the same number.
  let queue: Promise<unknown> = Promise.resolve();

  const write = async (mail: OutgoingMail): Promise<{ messageId: string }> => {
    let info;
    try {
      info = await transport.sendMail(toSendMailOptions(mail, options.from, clock()));
    } catch (error) {
      throw new MailDeliveryError(
        'unknown',
        `Could not build the message (${codeOf(error)}): ${error instanceof Error ? redact(error.message) : 'no reason given'}.`,
        false,
      );
    }
    if (!Buffer.isBuffer(info.message))
      throw new MailDeliveryError(
        'unknown',
        'Could not build the message: nodemailer returned a stream instead of a buffer.',
        false,
      );
    const message = info.message;
    try {
      await makePrivateDir(dir);
      const sequence = (await lastSequence(dir)) + 1;
      const name = `${String(sequence).padStart(SEQUENCE_WIDTH, '0')}-${fileSafe(mail.noticeId)}.eml`;
      await writePrivateFile(path.join(dir, name), message);
    } catch (error) {
      throw new MailDeliveryError(
        'unknown',
        `Could not write to the outbox folder ${dir} (${codeOf(error)}): check that it exists and is writable.`,
        false,
      );
    }
    return { messageId: info.messageId };
  };

  return {
    description: `hộp thư đi (tệp .eml) ${dir}`,
    send(mail) {
      const result = queue.then(() => write(mail));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      await queue;
      transport.close();
    },
  };
}

/** The outbox's messages in sending order, with their decoded subject and recipients; none when the folder does not exist. */
export async function listOutbox(dir: string): Promise<OutboxEntry[]> {
  const names = await emlFiles(dir);
  const entries: OutboxEntry[] = [];
  for (const { name } of names) {
    const file = path.join(dir, name);
    const parsed = await simpleParser(await readFile(file));
    const to = [parsed.to ?? []]
      .flat()
      .map((a) => a.text)
      .join(', ');
    entries.push({ file, subject: parsed.subject ?? '', to });
  }
  return entries;
}

async function emlFiles(dir: string): Promise<{ name: string; sequence: number }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const match = EML_FILE.exec(name);
      return match?.[1] ? [{ name, sequence: Number(match[1]) }] : [];
    })
    .sort((a, b) => a.sequence - b.sequence || a.name.localeCompare(b.name));
}

async function lastSequence(dir: string): Promise<number> {
  const files = await emlFiles(dir);
  return files.at(-1)?.sequence ?? 0;
}

/** A notice id as part of a file name: accents dropped (Đ → D), anything but letters, digits, `.`, `_`, `~` and `-` becomes `_`. */
function fileSafe(noticeId: string): string {
  const plain = noticeId
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  const safe = plain
    .replace(/[^A-Za-z0-9._~-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
  return safe || 'notice';
}

function codeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'no error code';
}
