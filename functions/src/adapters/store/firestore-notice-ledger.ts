import { FieldValue, Timestamp, type Firestore } from '@google-cloud/firestore';
import { NOTICE_STAGES, type LedgerEntry } from '../../domain/notices/notice-kinds.js';
import { ictDateOf } from '../../domain/time/ict.js';
import type { NoticeLedger } from '../../jobs/notify/ports.js';
import { COLLECTIONS } from './schema/collections.js';
import { CONVERTERS } from './schema/converters.js';
import type { NoticeDoc } from './schema/documents.js';
import { DEFAULT_STORE_DEADLINE_MS, storeGuard, type StoreGuard } from './store-deadline.js';
import { isAlreadyExists } from './store-errors.js';

/**
 * `notices/{form}~{period}~{unit}~{stage}`: created before a message is sent (create fails if the
 * document exists, so concurrent runs cannot both claim it), then marked sent or failed.
 */
export class FirestoreNoticeLedger implements NoticeLedger {
  private readonly guard: StoreGuard;

  constructor(
    private readonly db: Firestore,
    deadlineMs: number = DEFAULT_STORE_DEADLINE_MS,
  ) {
    this.guard = storeGuard(deadlineMs);
  }

  private get notices() {
    return this.db.collection(COLLECTIONS.notices).withConverter(CONVERTERS.notices);
  }

  async load(): Promise<Map<string, LedgerEntry>> {
    const snapshot = await this.guard('loading the notices ledger', () => this.notices.get());
    return new Map(snapshot.docs.map((doc) => [doc.id, entryFromDoc(doc.id, doc.data())]));
  }

  async claim(entry: Omit<LedgerEntry, 'state' | 'attempts'>, now: Date, maxAttempts: number): Promise<boolean> {
    const ref = this.notices.doc(entry.id);
    const fields = { ...entry, claimedAt: Timestamp.fromDate(now) };
    const what = `claiming notice ${entry.id}`;
    try {
      // Written as the entry is: the converter checks what is read back, not what is written.
      await this.guard(what, () =>
        this.db
          .collection(COLLECTIONS.notices)
          .doc(entry.id)
          .create({ ...fields, state: 'claimed', attempts: 0 }),
      );
      return true;
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
    // It exists: only a failed notice under the attempt cap may be claimed again, by one run only.
    const reclaim = () =>
      this.db.runTransaction(async (tx) => {
        const data = (await tx.get(ref)).data();
        if (!data || data.state !== 'failed' || data.attempts >= maxAttempts) return false;
        tx.update(ref, { ...fields, state: 'claimed' });
        return true;
      });
    return this.guard(what, reclaim);
  }

  async markSent(id: string, messageId: string, now: Date): Promise<void> {
    await this.guard(`marking notice ${id} sent`, () =>
      this.notices
        .doc(id)
        .update({ state: 'sent', messageId, sentAt: Timestamp.fromDate(now), sentDay: ictDateOf(now) }),
    );
  }

  async markFailed(id: string, error: { code: string; message: string }, now: Date): Promise<void> {
    await this.guard(`marking notice ${id} failed`, () =>
      this.notices.doc(id).update({
        state: 'failed',
        attempts: FieldValue.increment(1),
        lastError: error,
        failedAt: Timestamp.fromDate(now),
      }),
    );
  }
}

function entryFromDoc(id: string, data: NoticeDoc): LedgerEntry {
  const stage = NOTICE_STAGES.find((s) => s === data.stage);
  return {
    id,
    state: data.state,
    attempts: data.attempts,
    recipients: data.recipients,
    ...(data.sentAt ? { sentAt: data.sentAt.toDate() } : {}),
    ...(stage ? { stage } : {}),
    ...(data.unitId ? { unitId: data.unitId } : {}),
    ...(data.formId ? { formId: data.formId } : {}),
    ...(data.periodId ? { periodId: data.periodId } : {}),
  };
}
