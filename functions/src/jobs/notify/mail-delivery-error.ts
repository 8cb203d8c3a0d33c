import { ADVICE } from '../../domain/errors/advice.js';
import { EXIT, type FailureExitCode } from '../../domain/errors/exit-code.js';
import { OperatorError } from '../../domain/errors/operator-error.js';
/** Why a message was not accepted, in our own terms (adapters translate nodemailer's codes into these). */
export const MAIL_FAILURES = ['auth', 'connection', 'timeout', 'rejected', 'unknown'] as const;
export type MailFailure = (typeof MAIL_FAILURES)[number];

/** A message the mail server did not accept; `permanent` failures (5xx, bad address) are not worth retrying soon. */
export class MailDeliveryError extends OperatorError {
  override readonly name = 'MailDeliveryError';
  constructor(
    readonly failure: MailFailure,
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** A refused login is a setting to fix; anything else may pass on a later run. */
  get exitCode(): FailureExitCode {
    return this.failure === 'auth' ? EXIT.usage : EXIT.problems;
  }
  get fix(): string {
    return this.failure === 'auth'
      ? 'check the user and password in SMTP_URL'
      : 'check that the mail server in SMTP_URL answers (or that the outbox folder is writable), then run again: unsent mail is sent next time';
  }
  get advice(): string {
    return this.failure === 'auth' ? ADVICE.mailAuth : ADVICE.mail;
  }
}
