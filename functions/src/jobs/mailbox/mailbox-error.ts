import { ADVICE } from '../../domain/errors/advice.js';
import { EXIT, type FailureExitCode } from '../../domain/errors/exit-code.js';
import { OperatorError } from '../../domain/errors/operator-error.js';
export const MAILBOX_FAILURES = ['auth', 'connection', 'timeout', 'folder', 'unknown'] as const;
export type MailboxFailure = (typeof MAILBOX_FAILURES)[number];

/** Reading the mailbox failed; the message is for an operator, in English, and names IMAP_URL or the folder to fix. */
export class MailboxError extends OperatorError {
  override readonly name = 'MailboxError';
  constructor(
    readonly failure: MailboxFailure,
    message: string,
  ) {
    super(message);
  }

  /** A refused login or a missing folder is a setting to fix; anything else may pass on a later run. */
  get exitCode(): FailureExitCode {
    return this.failure === 'auth' || this.failure === 'folder' ? EXIT.usage : EXIT.problems;
  }
  get fix(): string {
    return this.failure === 'auth' || this.failure === 'folder'
      ? 'check the address, user, app password and folder in IMAP_URL'
      : 'run `tonghop mailbox` again later: unread mail is read next time, none is answered twice';
  }
  get advice(): string {
    return this.failure === 'auth' || this.failure === 'folder' ? ADVICE.mailboxAccess : ADVICE.mailboxLater;
  }
}
