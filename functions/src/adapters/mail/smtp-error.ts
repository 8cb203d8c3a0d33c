import { MailDeliveryError, type MailFailure } from '../../jobs/notify/mail-delivery-error.js';

/** What nodemailer puts on the errors it hands back (its own `NodemailerError` fields, read defensively). */
interface SmtpErrorFields {
  readonly code: string;
  readonly originalCode: string;
  readonly responseCode: number | undefined;
  readonly response: string;
  readonly command: string;
  readonly timeoutType: string;
  readonly message: string;
}

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ESOCKET',
  'ECONNREFUSED',
  'ECONNRESET',
  'EDNS',
  'ETLS',
  'EPIPE',
  'EPROXY',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ETIMEOUT']);
const TLS_CODE = /CERT|SSL|TLS/i;

/**
 * Translate a nodemailer error into ours, at the adapter boundary: nothing above the adapter
 * looks at nodemailer's errors. The message tells an operator what to fix, in English, with the
 * error code and SMTP reply code. It never carries a recipient's local part or the message body
 * (personal data stays out of logs), and the raw error is not attached as `cause` for that reason.
 *
 * A hostile or careless server may echo the login back in its reply: the reply to a failed login is
 * never shown, and the credentials (plain or base64, as AUTH PLAIN/LOGIN send them) are masked in any other.
 *
 * @param endpoint the server without credentials, e.g. `smtp://smtp.example.com:587`
 * @param credentials the user and password of SMTP_URL, to be masked wherever the server repeats them
 */
export function toMailDeliveryError(
  error: unknown,
  endpoint: string,
  credentials: { readonly user?: string; readonly password?: string } = {},
): MailDeliveryError {
  const e = withoutCredentials(fieldsOf(error), credentials);
  const codes = [e.code || 'no error code', e.originalCode && e.originalCode !== e.code ? e.originalCode : '']
    .filter(Boolean)
    .join('/');
  const facts = [
    codes,
    e.responseCode !== undefined ? `SMTP ${e.responseCode}` : '',
    e.command ? `at ${e.command}` : '',
    e.timeoutType,
  ]
    .filter(Boolean)
    .join(', ');
  const said = e.response && e.code !== 'EAUTH' && e.code !== 'ENOAUTH' ? ` Server said: "${redact(e.response)}".` : '';
  const fail = (failure: MailFailure, permanent: boolean, what: string, fix: string): MailDeliveryError =>
    new MailDeliveryError(failure, `${what} (${facts}): ${fix}.${said}`, permanent);
  const rc = e.responseCode;
  const transientReply = rc !== undefined && rc >= 400 && rc < 500;

  if (e.code === 'EAUTH') {
    return fail(
      'auth',
      !transientReply,
      `SMTP server ${endpoint} rejected the login`,
      'check the user and password in SMTP_URL (Gmail and Outlook accounts need an app password)',
    );
  }
  if (e.code === 'ENOAUTH') {
    return fail(
      'auth',
      true,
      `SMTP server ${endpoint} requires a login`,
      'put the user and password in SMTP_URL, e.g. smtps://user:password@host:465',
    );
  }
  if (TIMEOUT_CODES.has(e.code) || TIMEOUT_CODES.has(e.originalCode)) {
    return fail(
      'timeout',
      false,
      `SMTP server ${endpoint} did not answer in time`,
      'check the host and port in SMTP_URL (port 465 needs smtps://, port 587 needs smtp://) and the firewall; the notice is retried on the next run',
    );
  }
  if (CONNECTION_CODES.has(e.code) || CONNECTION_CODES.has(e.originalCode)) {
    if (e.code === 'EDNS') {
      return fail(
        'connection',
        false,
        `Could not look up the SMTP host of ${endpoint}`,
        'check the host name in SMTP_URL and the DNS of this machine',
      );
    }
    if (e.code === 'ETLS' || TLS_CODE.test(e.originalCode)) {
      return fail(
        'connection',
        false,
        `TLS with the SMTP server ${endpoint} failed`,
        'use smtps:// with port 465 and smtp:// with port 587, and check the server certificate',
      );
    }
    if (e.code === 'ECONNREFUSED' || e.originalCode === 'ECONNREFUSED') {
      return fail(
        'connection',
        false,
        `Nothing accepted the connection at ${endpoint}`,
        'check the host and port in SMTP_URL and that the server is running',
      );
    }
    return fail(
      'connection',
      false,
      `The connection to the SMTP server ${endpoint} failed or was closed unexpectedly`,
      'the notice is retried on the next run; if this keeps happening, check the host and port in SMTP_URL and the server limits',
    );
  }
  if (rc !== undefined && rc >= 400 && rc < 600) {
    // RFC 5321: 5yz is a permanent refusal, 4yz a transient one. 503 (bad sequence of commands)
    // is about the session, not the message, so it is worth another try (as nodemailer says too).
    const permanent = rc >= 500 && rc !== 503;
    const retry = 'the server deferred it; the notice is retried on the next run';
    if (/^MAIL\b/i.test(e.command)) {
      return fail(
        'rejected',
        permanent,
        `SMTP server ${endpoint} refused the sender`,
        permanent ? 'check that TONGHOP_MAIL_FROM is an address this SMTP account may send as' : retry,
      );
    }
    if (/^RCPT\b/i.test(e.command)) {
      return fail(
        'rejected',
        permanent,
        `SMTP server ${endpoint} refused the recipients`,
        permanent ? "check the unit's e-mail addresses in the control workbook" : retry,
      );
    }
    return fail(
      'rejected',
      permanent,
      `SMTP server ${endpoint} refused the message`,
      permanent ? "see the server's reason (size, spam filter, sending limits)" : retry,
    );
  }
  if (e.code === 'EENVELOPE') {
    return fail(
      'rejected',
      true,
      'The message has no usable sender or recipient',
      "check the unit's e-mail addresses in the control workbook and TONGHOP_MAIL_FROM",
    );
  }
  return fail(
    'unknown',
    false,
    `Sending through ${endpoint} failed: ${redact(e.message) || 'no reason given'}`,
    'the notice is retried on the next run',
  );
}

/** The fields with every spelling of the login masked: as typed, URL-decoded, base64 alone and as AUTH PLAIN's `\0user\0password`. */
function withoutCredentials(
  e: SmtpErrorFields,
  credentials: { readonly user?: string; readonly password?: string },
): SmtpErrorFields {
  const plain = [credentials.user, credentials.password].filter(
    (v): v is string => typeof v === 'string' && v.length >= 3,
  );
  const spellings = [...plain, ...plain.map(safeDecode)].filter((v) => v.length >= 3);
  const encoded = spellings.map((v) => Buffer.from(v).toString('base64'));
  if (credentials.user !== undefined && credentials.password !== undefined) {
    encoded.push(
      Buffer.from(`\0${safeDecode(credentials.user)}\0${safeDecode(credentials.password)}`).toString('base64'),
    );
  }
  const secrets = [...new Set([...spellings, ...encoded.map((b) => b.replace(/=+$/, ''))])].sort(
    (a, b) => b.length - a.length,
  );
  const mask = (text: string) => secrets.reduce((masked, secret) => masked.split(secret).join('***'), text);
  return { ...e, response: mask(e.response), message: mask(e.message) };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function fieldsOf(error: unknown): SmtpErrorFields {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return {
    code: text(record.code),
    originalCode: text(record.originalCode),
    responseCode: typeof record.responseCode === 'number' ? record.responseCode : undefined,
    response: text(record.response),
    command: text(record.command),
    timeoutType: text(record.timeoutType),
    message: error instanceof Error ? error.message : typeof error === 'string' ? error : '',
  };
}

/** Any address keeps only its domain (`***@truong.edu.vn`); control characters go; at most 200 characters. */
export function redact(text: string): string {
  const flat = text
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const masked = flat.replace(/[^\s<>()[\]{}"',;:]+@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*)/gu, '***@$1');
  return masked.length > 200 ? `${masked.slice(0, 199)}…` : masked;
}
