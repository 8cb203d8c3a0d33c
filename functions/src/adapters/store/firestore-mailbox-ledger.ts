import { Timestamp, type DocumentData, type Firestore } from '@google-cloud/firestore';
import type { MailboxEntry, MailboxLedger } from '../../jobs/mailbox/ports.js';
import { MAILBOX_STATES, type MailboxState } from '../../jobs/mailbox/ports.js';
import { isAlreadyExists } from './firestore-client.js';

/** `mailbox/{hash of Message-ID}`: one document per incoming message, moved forward one step at a time. */
export class FirestoreMailboxLedger implements MailboxLedger {
  constructor(private readonly db: Firestore) {}

  private doc(key: string) {
    return this.db.collection('mailbox').doc(key);
  }

  async get(key: string): Promise<MailboxEntry | undefined> {
    const snapshot = await this.doc(key).get();
    const data = snapshot.data();
    return data ? entryOf(key, data) : undefined;
  }

  async create(key: string, now: Date): Promise<boolean> {
    try {
      await this.doc(key).create({ state: 'received', receivedBy: Timestamp.fromDate(now) });
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      throw error;
    }
  }

  async markIngested(key: string, fields: Pick<MailboxEntry, 'unitId' | 'reply'>, now: Date): Promise<boolean> {
    const ref = this.doc(key);
    return this.db.runTransaction(async (tx) => {
      const current = await tx.get(ref);
      if (current.get('state') !== 'received') return false;
      tx.update(ref, { state: 'ingested', ingestedAt: Timestamp.fromDate(now), ...(fields.unitId ? { unitId: fields.unitId } : {}), ...(fields.reply ? { reply: { ...fields.reply } } : {}) });
      return true;
    });
  }

  async claimReply(key: string, now: Date): Promise<boolean> {
    const ref = this.doc(key);
    return this.db.runTransaction(async (tx) => {
      const current = await tx.get(ref);
      if (current.get('state') !== 'ingested') return false;
      tx.update(ref, { state: 'replying', replyClaimedAt: Timestamp.fromDate(now) });
      return true;
    });
  }

  async releaseReply(key: string, error: { readonly code: string; readonly message: string }, now: Date): Promise<void> {
    await this.doc(key).update({ state: 'ingested', lastError: { ...error }, failedAt: Timestamp.fromDate(now) });
  }

  async markDone(key: string, outcome: { readonly replyMessageId?: string; readonly replyUnknown?: boolean; readonly replyRefused?: string }, now: Date): Promise<void> {
    await this.doc(key).update({ state: 'done', doneAt: Timestamp.fromDate(now), ...outcome });
  }
}

function entryOf(key: string, data: DocumentData): MailboxEntry {
  const state = MAILBOX_STATES.includes(data.state) ? (data.state as MailboxState) : 'received';
  const reply = data.reply as MailboxEntry['reply'] | undefined;
  return { key, state, ...(typeof data.unitId === 'string' ? { unitId: data.unitId } : {}), ...(reply && typeof reply.to === 'string' ? { reply } : {}) };
}
