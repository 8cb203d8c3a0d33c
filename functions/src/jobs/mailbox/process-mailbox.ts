import { identifyUnit } from '../../domain/mailbox/identify-unit.js';
import { mailboxResultReply, unknownSenderReply, type ReplyText } from '../../domain/mailbox/mailbox-reply.js';
import { messageKey } from '../../domain/mailbox/message-key.js';
import { MailDeliveryError } from '../notify/mail-delivery-error.js';
import type { Mailer } from '../notify/ports.js';
import { ingestAttachments, type AttachmentIngestContext } from './ingest-attachments.js';
import type { IncomingMessage, Mailbox, MailboxEntry, MailboxLedger } from './ports.js';
import { sortAttachments } from './read-attachments.js';
import { mailboxReplyId } from '../../domain/ids/document-ids.js';

export interface ProcessMailboxInput extends AttachmentIngestContext {
  readonly mailbox: Mailbox;
  readonly ledger: MailboxLedger;
  readonly mailer: Mailer;
  /** Attachments above this size are refused unread (TONGHOP_MAX_FILE_MB). */
  readonly maxAttachmentBytes: number;
  /**
   * Called after a message's ingest is recorded and after its reply is recorded, before the next step.
   * The CLI saves the embedded Firestore here; tests stop a run here to prove a crash loses and repeats nothing.
   */
  readonly between?: (step: 'ingested' | 'replied', key: string) => Promise<void>;
}

export type MessageResult =
  'ingested' | 'unknown-sender' | 'nothing-readable' | 'already-done' | 'reply-failed' | 'no-reply-address';

/** What became of one message; no address and no subject (they are personal data and stay out of logs). */
export interface MessageOutcome {
  readonly key: string;
  readonly result: MessageResult;
  readonly unitId?: string;
  readonly rowsValid: number;
  readonly rowsRejected: number;
  /** sent: this run sent the reply; unknown: a crashed run may have sent it (never sent twice); failed: refused by the server. */
  readonly reply: 'sent' | 'unknown' | 'earlier' | 'none' | 'failed';
}

export interface ProcessMailboxResult {
  readonly messages: readonly MessageOutcome[];
  /** The mail server failed in a way every message would: the rest waits for the next run. */
  readonly stoppedBy?: string;
}

/**
 * Read each new message once: find its unit, ingest its .xlsx attachments as the unit's file at the
 * message's received time, reply with the result, then mark it processed in the mailbox. The ledger
 * (keyed by Message-ID) is written before each step, so a re-run after a crash neither ingests nor replies
 * twice, and a message whose processing did not finish stays unmarked and is taken up again.
 */
export async function processMailbox(input: ProcessMailboxInput): Promise<ProcessMailboxResult> {
  const messages: MessageOutcome[] = [];
  for (const ref of await input.mailbox.pending()) {
    const message = await input.mailbox.fetch(ref);
    const key = messageKey(message);
    const outcome = await processMessage(input, message, key);
    messages.push(outcome);
    if (outcome.result === 'reply-failed') return { messages, stoppedBy: 'reply-failed' };
    await input.between?.('replied', key);
    await input.mailbox.markProcessed(ref);
  }
  return { messages };
}

async function processMessage(
  input: ProcessMailboxInput,
  message: IncomingMessage,
  key: string,
): Promise<MessageOutcome> {
  const { ledger, now } = input;
  let entry: MailboxEntry | undefined = await ledger.get(key);
  if (!entry) {
    await ledger.create(key, now);
    entry = (await ledger.get(key)) ?? { key, state: 'received' };
  }
  let found: Omit<MessageOutcome, 'key' | 'reply'> = {
    result: 'already-done',
    rowsValid: 0,
    rowsRejected: 0,
    ...(entry.unitId ? { unitId: entry.unitId } : {}),
  };
  if (entry.state === 'received') {
    const decided = await decide(input, message);
    found = decided.outcome;
    // Never answer a machine (auto-replies would answer each other for ever), nor a stranger who attached nothing (spam).
    const answerable =
      message.from &&
      !message.automated &&
      !(decided.outcome.result === 'unknown-sender' && message.attachments.length === 0);
    const reply = decided.reply && answerable ? { ...decided.reply, to: message.from } : undefined;
    const first = await ledger.markIngested(
      key,
      { ...(decided.outcome.unitId ? { unitId: decided.outcome.unitId } : {}), ...(reply ? { reply } : {}) },
      now,
    );
    // Another run recorded this message meanwhile: its reply is the one that counts.
    entry = first ? { key, state: 'ingested', ...(reply ? { reply } : {}) } : ((await ledger.get(key)) ?? entry);
    await input.between?.('ingested', key);
    if (first && !reply) {
      await ledger.markDone(key, {}, now);
      return { key, ...found, result: message.from ? found.result : 'no-reply-address', reply: 'none' };
    }
  }
  if (entry.state === 'done') return { key, ...found, reply: 'earlier' };
  if (entry.state === 'replying') {
    // A run stopped while the reply was going out: it may have left. At most once: never again.
    await ledger.markDone(key, { replyUnknown: true }, now);
    return { key, ...found, reply: 'unknown' };
  }
  const reply = entry.reply;
  if (!reply) {
    await ledger.markDone(key, {}, now);
    return { key, ...found, reply: 'none' };
  }
  if (!(await ledger.claimReply(key, now))) return { key, ...found, reply: 'earlier' };
  try {
    const sent = await input.mailer.send({
      to: [reply.to],
      cc: [],
      subject: reply.subject,
      text: reply.text,
      html: reply.html,
      noticeId: mailboxReplyId(key),
    });
    await ledger.markDone(key, { replyMessageId: sent.messageId }, now);
    return { key, ...found, reply: 'sent' };
  } catch (error) {
    if (!(error instanceof MailDeliveryError)) throw error;
    // The server refuses this reply for good (an address that does not exist): the message is done, the queue goes on.
    if (error.failure === 'rejected' && error.permanent) {
      await ledger.markDone(key, { replyRefused: error.message }, now);
      return { key, ...found, reply: 'failed' };
    }
    // The server is down or deferring: this reply and the rest wait for the next run.
    await ledger.releaseReply(key, { code: error.failure, message: error.message }, now);
    return { key, ...found, result: 'reply-failed', reply: 'failed' };
  }
}

/** Find the unit, ingest what can be read, and word the reply. Nothing is stored for an unknown sender. */
async function decide(
  input: ProcessMailboxInput,
  message: IncomingMessage,
): Promise<{ outcome: Omit<MessageOutcome, 'key' | 'reply'>; reply?: ReplyText }> {
  const { workbooks, refused } = sortAttachments(message.attachments, input.maxAttachmentBytes);
  const identified = identifyUnit(
    { from: message.from, subject: message.subject, fileNames: message.attachments.map((a) => a.fileName) },
    input.units,
  );
  if (!identified.found) {
    const reply = unknownSenderReply({
      settings: input.settings,
      receivedAt: message.receivedAt,
      candidates: identified.candidates.map((u) => u.name),
    });
    return { outcome: { result: 'unknown-sender', rowsValid: 0, rowsRejected: 0 }, reply };
  }
  const { unit } = identified;
  const ingested = await ingestAttachments(unit, workbooks, message.receivedAt, input);
  const files = [...ingested.files, ...refused];
  const reply = mailboxResultReply({
    settings: input.settings,
    unitName: unit.name,
    receivedAt: message.receivedAt,
    files,
    standings: ingested.standings,
    senderNotListed: identified.by !== 'sender',
  });
  const anyRead = ingested.files.some((f) => !f.refused);
  return {
    outcome: {
      result: anyRead ? 'ingested' : 'nothing-readable',
      unitId: unit.id,
      rowsValid: ingested.rowsValid,
      rowsRejected: ingested.rowsRejected,
    },
    reply,
  };
}
