/** Why a message was not accepted, in our own terms (adapters translate nodemailer's codes into these). */
export const MAIL_FAILURES = ['auth', 'connection', 'timeout', 'rejected', 'unknown'] as const;
export type MailFailure = (typeof MAIL_FAILURES)[number];

/** A message the mail server did not accept; `permanent` failures (5xx, bad address) are not worth retrying soon. */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';
  constructor(
    readonly failure: MailFailure,
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
