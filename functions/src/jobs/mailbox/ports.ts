import type { ReplyText } from '../../domain/mailbox/mailbox-reply.js';
import type { Unit } from '../../domain/units/unit.js';
import type { FeedbackTarget } from '../summarize/ports.js';
import type { UnitSheetSource } from '../sweep/ports.js';

/** One file attached to an incoming message. */
export interface IncomingAttachment {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/** An incoming message, parsed. */
export interface IncomingMessage {
  /** Where the mailbox finds it again (an IMAP UID, a file name). */
  readonly ref: string;
  readonly messageId: string | undefined;
  /** The sender's address (From, else Sender); undefined when there is none. */
  readonly from: string | undefined;
  readonly subject: string;
  /** When the message reached the district (IMAP INTERNALDATE; the Date header for a file): the submission time. */
  readonly receivedAt: Date;
  readonly size: number;
  readonly attachments: readonly IncomingAttachment[];
  /** Sent by a machine (auto-reply, bounce, list): never answered. */
  readonly automated: boolean;
}

/** Where units' messages arrive: an IMAP folder, or a local folder of .eml files. Throws MailboxError. */
export interface Mailbox {
  readonly description: string;
  /** Messages not marked processed yet, oldest first (refs only: each is fetched when its turn comes). */
  pending(): Promise<readonly string[]>;
  fetch(ref: string): Promise<IncomingMessage>;
  /** Mark it so `pending` never lists it again (an IMAP keyword, a file moved to a subfolder). */
  markProcessed(ref: string): Promise<void>;
  close(): Promise<void>;
}

export const MAILBOX_STATES = ['received', 'ingested', 'replying', 'done'] as const;
export type MailboxState = (typeof MAILBOX_STATES)[number];

/** What the ledger remembers of a message (never its sender in logs: the reply's recipient is stored, not printed). */
export interface MailboxEntry {
  readonly key: string;
  readonly state: MailboxState;
  readonly unitId?: string;
  /** The reply decided once the message was ingested: sent as it is after a crash. */
  readonly reply?: ReplyText & { readonly to: string };
}

/**
 * `mailbox/{hash of Message-ID}`: received → ingested (the reply fixed) → replying → done.
 * Each step is written before the next begins, so a crash anywhere repeats only what is safe to repeat.
 */
export interface MailboxLedger {
  get(key: string): Promise<MailboxEntry | undefined>;
  /** Create the entry; false when it exists already. */
  create(key: string, now: Date): Promise<boolean>;
  /** received → ingested, in a transaction: false when another run got there first (its reply stands). */
  markIngested(
    key: string,
    fields: { readonly unitId?: string; readonly reply?: ReplyText & { readonly to: string } },
    now: Date,
  ): Promise<boolean>;
  /** ingested → replying, in a transaction: true for exactly one caller. */
  claimReply(key: string, now: Date): Promise<boolean>;
  /** replying → ingested again after the mail server refused the reply (it was not sent). */
  releaseReply(key: string, error: { readonly code: string; readonly message: string }, now: Date): Promise<void>;
  markDone(
    key: string,
    outcome: { readonly replyMessageId?: string; readonly replyUnknown?: boolean; readonly replyRefused?: string },
    now: Date,
  ): Promise<void>;
}

/** Puts an attachment where the unit's sheets are read from, then reads it like any sweep would. */
export interface UnitFileDrop {
  /**
   * Check that the bytes are a readable workbook (SheetReadError with a Vietnamese message when not),
   * then store them as the unit's file, with `receivedAt` as its modification time (the sweep's submission time).
   * Returns the unit as its file is now read (its 'Tệp báo cáo' may name the file just created).
   */
  place(unit: Unit, fileName: string, bytes: Buffer, receivedAt: Date): Promise<Unit>;
  readonly sheets: UnitSheetSource & FeedbackTarget;
}
