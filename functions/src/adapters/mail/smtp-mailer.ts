import nodemailer, { type SendMailOptions } from 'nodemailer';
import { MailDeliveryError, type MailFailure } from '../../jobs/notify/mail-delivery-error.js';
import type { Mailer, OutgoingMail } from '../../jobs/notify/ports.js';

export interface SmtpMailerOptions {
  /** SMTP_URL, e.g. smtps://user:app-password@smtp.gmail.com:465 */
  readonly url: string;
  /** e.g. '"Quận Đoàn 1" <vanphong@example.com>' */
  readonly from: string;
  readonly connectionTimeoutMs?: number;
  readonly socketTimeoutMs?: number;
}

/** Mail over a pooled SMTP connection; nodemailer's errors become MailDeliveryError here and nowhere else. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport({
    ...connectionOf(options.url),
    pool: true,
    maxConnections: 3,
    maxMessages: 100,
    connectionTimeout: options.connectionTimeoutMs ?? 30_000,
    greetingTimeout: options.connectionTimeoutMs ?? 30_000,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
  });
  return {
    description: `SMTP ${withoutPassword(options.url)}`,
    async send(mail) {
      try {
        const info = await transport.sendMail(messageOf(mail, options.from));
        return { messageId: String(info.messageId) };
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** The nodemailer message of an outgoing mail: multipart/alternative, UTF-8, traced by our notice id. */
export function messageOf(mail: OutgoingMail, from: string): SendMailOptions {
  return {
    from,
    to: [...mail.to],
    ...(mail.cc.length ? { cc: [...mail.cc] } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { 'X-Tonghop-Notice': mail.noticeId },
  };
}

/** Translate nodemailer's error codes (EAUTH, ECONNECTION, ETIMEDOUT, SMTP 4xx/5xx …) into ours, without personal data. */
export function toDeliveryError(error: unknown): MailDeliveryError {
  const e = (error ?? {}) as { code?: string; responseCode?: number; command?: string };
  const code = e.code ?? '';
  const response = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const where = `${code || 'no code'}${response ? `, SMTP ${response}` : ''}${e.command ? ` after ${e.command}` : ''}`;
  const fail = (failure: MailFailure, permanent: boolean, fix: string) => new MailDeliveryError(failure, `${fix} (${where})`, permanent, { cause: error });
  if (code === 'EAUTH') return fail('auth', true, 'SMTP server rejected the login: check the user and password in SMTP_URL');
  if (['ETIMEDOUT', 'ETIMEOUT'].includes(code)) return fail('timeout', false, 'SMTP server did not answer in time');
  if (['ECONNECTION', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EDNS', 'ETLS'].includes(code)) return fail('connection', false, 'Could not reach or stay connected to the SMTP server: check SMTP_URL host and port');
  if (response !== undefined && response >= 500) return fail('rejected', true, 'SMTP server refused the message');
  if (response !== undefined && response >= 400) return fail('rejected', false, 'SMTP server deferred the message');
  if (code === 'EENVELOPE') return fail('rejected', true, 'SMTP server refused the sender or a recipient');
  return fail('unknown', false, 'Sending failed');
}

/** Host, port, TLS and login from SMTP_URL (smtps:// = TLS from the start, port 465 by default). */
function connectionOf(url: string): { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } } {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const auth = parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {};
  return { host: parsed.hostname, port: Number(parsed.port) || (secure ? 465 : 587), secure, ...auth };
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.username = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'smtp';
  }
}
