export const MAILBOX_FAILURES = ['auth', 'connection', 'timeout', 'folder', 'unknown'] as const;
export type MailboxFailure = (typeof MAILBOX_FAILURES)[number];

/** Reading the mailbox failed; the message is for an operator, in English, and names IMAP_URL or the folder to fix. */
export class MailboxError extends Error {
  override readonly name = 'MailboxError';
  constructor(
    readonly failure: MailboxFailure,
    message: string,
  ) {
    super(message);
  }
}
