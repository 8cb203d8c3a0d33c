import { Timestamp, type Firestore } from '@google-cloud/firestore';
import type { MailboxEntry, MailboxLedger } from '../../jobs/mailbox/ports.js';
import { MAILBOX_STATES } from '../../jobs/mailbox/ports.js';
import { COLLECTIONS } from './schema/collections.js';
import { CONVERTERS } from './schema/converters.js';
import type { MailboxDoc } from './schema/documents.js';
import { DEFAULT_STORE_DEADLINE_MS, storeGuard, type StoreGuard } from './store-deadline.js';
import { isAlreadyExists } from './store-errors.js';

/** `mailbox/{hash of Message-ID}`: one document per incoming message, moved forward one step at a time. */
export class FirestoreMailboxLedger implements MailboxLedger {
  private readonly guard: StoreGuard;

  constructor(
    private readonly db: Firestore,
    deadlineMs: number = DEFAULT_STORE_DEADLINE_MS,
  ) {
    this.guard = storeGuard(deadlineMs);
  }

  private doc(key: string) {
    return this.db.collection(COLLECTIONS.mailbox).withConverter(CONVERTERS.mailbox).doc(key);
  }

  async get(key: string): Promise<MailboxEntry | undefined> {
    const snapshot = await this.guard(`reading mail ${key}`, () => this.doc(key).get());
    const data = snapshot.data();
    return data ? entryOf(key, data) : undefined;
  }

  async create(key: string, now: Date): Promise<boolean> {
    try {
      await this.guard(`recording mail ${key}`, () =>
        this.doc(key).create({ state: 'received', receivedBy: Timestamp.fromDate(now) }),
      );
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      throw error;
    }
  }

  async markIngested(key: string, fields: Pick<MailboxEntry, 'unitId' | 'reply'>, now: Date): Promise<boolean> {
    const ref = this.doc(key);
    const mark = () =>
      this.db.runTransaction(async (tx) => {
        const current = await tx.get(ref);
        if (current.get('state') !== 'received') return false;
        tx.update(ref, {
          state: 'ingested',
          ingestedAt: Timestamp.fromDate(now),
          unitId: fields.unitId,
          ...(fields.reply ? { reply: { ...fields.reply } } : {}),
        });
        return true;
      });
    return this.guard(`marking mail ${key} ingested`, mark);
  }

  async claimReply(key: string, now: Date): Promise<boolean> {
    const ref = this.doc(key);
    const claim = () =>
      this.db.runTransaction(async (tx) => {
        const current = await tx.get(ref);
        if (current.get('state') !== 'ingested') return false;
        tx.update(ref, { state: 'replying', replyClaimedAt: Timestamp.fromDate(now) });
        return true;
      });
    return this.guard(`claiming the reply to mail ${key}`, claim);
  }

  async releaseReply(
    key: string,
    error: { readonly code: string; readonly message: string },
    now: Date,
  ): Promise<void> {
    await this.guard(`releasing the reply to mail ${key}`, () =>
      this.doc(key).update({ state: 'ingested', lastError: { ...error }, failedAt: Timestamp.fromDate(now) }),
    );
  }

  async markDone(
    key: string,
    outcome: { readonly replyMessageId?: string; readonly replyUnknown?: boolean; readonly replyRefused?: string },
    now: Date,
  ): Promise<void> {
    await this.guard(`marking mail ${key} done`, () =>
      this.doc(key).update({ state: 'done', doneAt: Timestamp.fromDate(now), ...outcome }),
    );
  }
}

function entryOf(key: string, data: MailboxDoc): MailboxEntry {
  const state = MAILBOX_STATES.find((s) => s === data.state) ?? 'received';
  const reply = data.reply as MailboxEntry['reply'] | undefined;
  return { key, state, ...(data.unitId !== undefined ? { unitId: data.unitId } : {}), ...(reply ? { reply } : {}) };
}
