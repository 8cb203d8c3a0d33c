import type { LedgerEntry } from '../../domain/notices/notice-kinds.js';

/** A message ready to go: Vietnamese subject, plain text and HTML. */
export interface OutgoingMail {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Our ledger id, sent as a header so a message can be traced back. */
  readonly noticeId: string;
}

/** Sends mail: SMTP in production, an outbox folder of .eml files by default. Throws MailDeliveryError. */
export interface Mailer {
  readonly description: string;
  send(mail: OutgoingMail): Promise<{ readonly messageId: string }>;
  close(): Promise<void>;
}

/** The notices ledger: a notice is claimed (created) before it is sent, then marked sent or failed. */
export interface NoticeLedger {
  load(): Promise<Map<string, LedgerEntry>>;
  /**
   * Claim a notice for sending. Creating the entry fails if it exists, so two runs never both
   * claim it; a failed entry under the attempt cap is re-claimed in a transaction. False = not yours.
   */
  claim(entry: Omit<LedgerEntry, 'state' | 'attempts'>, now: Date, maxAttempts: number): Promise<boolean>;
  markSent(id: string, messageId: string, now: Date): Promise<void>;
  markFailed(id: string, error: { code: string; message: string }, now: Date): Promise<void>;
}
