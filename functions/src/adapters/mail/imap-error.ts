import { MailboxError } from '../../jobs/mailbox/mailbox-error.js';
import { redact } from './smtp-error.js';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'NoConnection',
  'EConnectionClosed',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ETIMEOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);

/**
 * Translate an imapflow error into ours at the adapter boundary. The message names IMAP_URL and the fix;
 * it never carries the password, and any address a server echoes keeps only its domain.
 * @param endpoint the server without credentials, e.g. `imaps://imap.gmail.com:993/INBOX`
 */
export function toMailboxError(error: unknown, endpoint: string): MailboxError {
  const e = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const code = typeof e.code === 'string' ? e.code : '';
  const said = redact([e.serverResponseCode, e.responseText].filter((v) => typeof v === 'string' && v).join(' '));
  const facts =
    [code, said].filter(Boolean).join(': ') || (error instanceof Error ? redact(error.message) : 'no reason given');
  if (e.authenticationFailed === true || code === 'AUTHENTICATIONFAILED') {
    return new MailboxError(
      'auth',
      `IMAP server ${endpoint} rejected the login (${facts}): check the user and password in IMAP_URL (Gmail and Outlook accounts need an app password).`,
    );
  }
  if (TIMEOUT_CODES.has(code))
    return new MailboxError(
      'timeout',
      `IMAP server ${endpoint} did not answer in time (${facts}): check the host and port in IMAP_URL and the firewall; the mailbox is read again on the next run.`,
    );
  if (/CERT|SSL|TLS/i.test(code))
    return new MailboxError(
      'connection',
      `TLS with the IMAP server ${endpoint} failed (${facts}): use imaps:// with port 993 and imap:// with port 143, and check the server certificate.`,
    );
  if (CONNECTION_CODES.has(code))
    return new MailboxError(
      'connection',
      `Could not reach the IMAP server ${endpoint} (${facts}): check the host and port in IMAP_URL and that the server is running.`,
    );
  if (
    e.serverResponseCode === 'NONEXISTENT' ||
    /mailbox doesn't exist|unknown mailbox|no such mailbox/i.test(String(e.responseText ?? ''))
  ) {
    return new MailboxError(
      'folder',
      `The IMAP folder of ${endpoint} does not exist (${facts}): fix the folder at the end of IMAP_URL, e.g. imaps://user:password@imap.gmail.com/INBOX.`,
    );
  }
  return new MailboxError(
    'unknown',
    `Reading the IMAP mailbox ${endpoint} failed (${facts}); the mailbox is read again on the next run.`,
  );
}
