import nodemailer from 'nodemailer';
import { MailDeliveryError } from '../../jobs/notify/mail-delivery-error.js';
import type { Mailer } from '../../jobs/notify/ports.js';
import { toSendMailOptions } from './compose.js';
import { toMailDeliveryError } from './smtp-error.js';

export interface SmtpMailerOptions {
  /** SMTP_URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 (TLS from the start). */
  readonly url: string;
  /** The From header, e.g. '"Quận Đoàn 1" <vanphong@example.com>'. */
  readonly from: string;
  /** Connecting, DNS and waiting for the greeting, each (default 30 s). */
  readonly connectionTimeoutMs?: number;
  /** Silence on an open connection before it is given up (default 60 s). */
  readonly socketTimeoutMs?: number;
  readonly tls?: { readonly rejectUnauthorized?: boolean };
}

/**
 * Mail through a small pool of SMTP connections. nodemailer's errors become MailDeliveryError
 * here and nowhere else; `close()` waits for the messages being sent, then closes the pool.
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const endpoint = endpointOf(options.url);
  const connectionTimeout = options.connectionTimeoutMs ?? 30_000;
  // An object with `url` (not createTransport(url, {...}): the second argument is message defaults,
  // so pool options there would be silently ignored). Keys next to `url` apply where the URL sets none.
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: 3,
    maxMessages: 100,
    connectionTimeout,
    greetingTimeout: connectionTimeout,
    dnsTimeout: connectionTimeout,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
    logger: false,
    ...(options.tls ? { tls: { ...options.tls } } : {}),
  });
  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;

  return {
    description: `SMTP ${endpoint}`,
    async send(mail) {
      if (closing)
        throw new MailDeliveryError(
          'unknown',
          `The SMTP mailer for ${endpoint} was closed before this message was sent: the notice is retried on the next run.`,
          false,
        );
      const sending = transport.sendMail(toSendMailOptions(mail, options.from));
      inFlight.add(sending);
      try {
        const info = await sending;
        return { messageId: info.messageId };
      } catch (error) {
        throw toMailDeliveryError(error, endpoint, credentialsOf(options.url));
      } finally {
        inFlight.delete(sending);
      }
    },
    close() {
      closing ??= Promise.allSettled([...inFlight]).then(() => transport.close());
      return closing;
    },
  };
}

/** The login of SMTP_URL (as written in the URL), so an error can mask it wherever a server repeats it. */
function credentialsOf(url: string): { user?: string; password?: string } {
  const parsed = new URL(url);
  return {
    ...(parsed.username ? { user: parsed.username } : {}),
    ...(parsed.password ? { password: parsed.password } : {}),
  };
}

/** `smtp://host:587` from SMTP_URL: scheme, host and port, never the user or password. */
function endpointOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('SMTP_URL is not a URL: expected smtp://user:password@host:587 or smtps://user:password@host:465');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new Error('SMTP_URL must start with smtp:// or smtps://, e.g. smtps://user:password@host:465');
  }
  if (!parsed.hostname) throw new Error('SMTP_URL has no host: expected smtp://user:password@host:587');
  const port = parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587');
  return `${parsed.protocol}//${parsed.hostname}:${port}`;
}
