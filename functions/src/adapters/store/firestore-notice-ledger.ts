import { FieldValue, Timestamp, type DocumentData, type Firestore } from '@google-cloud/firestore';
import type { LedgerEntry } from '../../domain/notices/notice-kinds.js';
import { ictDateOf } from '../../domain/time/ict.js';
import type { NoticeLedger } from '../../jobs/notify/ports.js';
import { isAlreadyExists } from './firestore-client.js';


/**
 * `notices/{form}~{period}~{unit}~{stage}`: created before a message is sent (create fails if the
 * document exists, so concurrent runs cannot both claim it), then marked sent or failed.
 */
export class FirestoreNoticeLedger implements NoticeLedger {
  constructor(private readonly db: Firestore) {}

  private get notices() {
    return this.db.collection('notices');
  }

  async load(): Promise<Map<string, LedgerEntry>> {
    const snapshot = await this.notices.get();
    return new Map(snapshot.docs.map((doc) => [doc.id, entryFromDoc(doc.id, doc.data())]));
  }

  async claim(entry: Omit<LedgerEntry, 'state' | 'attempts'>, now: Date, maxAttempts: number): Promise<boolean> {
    const ref = this.notices.doc(entry.id);
    const fields = withoutUndefined({ ...entry, claimedAt: Timestamp.fromDate(now) });
    try {
      await ref.create({ ...fields, state: 'claimed', attempts: 0 });
      return true;
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
    // It exists: only a failed notice under the attempt cap may be claimed again, by one run only.
    return this.db.runTransaction(async (tx) => {
      const current = await tx.get(ref);
      const data = current.data();
      if (!data || data.state !== 'failed' || Number(data.attempts ?? 0) >= maxAttempts) return false;
      tx.update(ref, { ...fields, state: 'claimed' });
      return true;
    });
  }

  async markSent(id: string, messageId: string, now: Date): Promise<void> {
    await this.notices.doc(id).update({ state: 'sent', messageId, sentAt: Timestamp.fromDate(now), sentDay: ictDateOf(now) });
  }

  async markFailed(id: string, error: { code: string; message: string }, now: Date): Promise<void> {
    await this.notices.doc(id).update({ state: 'failed', attempts: FieldValue.increment(1), lastError: error, failedAt: Timestamp.fromDate(now) });
  }
}

function entryFromDoc(id: string, data: DocumentData): LedgerEntry {
  return {
    id,
    state: data.state,
    attempts: Number(data.attempts ?? 0),
    recipients: Number(data.recipients ?? 0),
    ...(data.sentAt ? { sentAt: (data.sentAt as Timestamp).toDate() } : {}),
    ...(data.stage ? { stage: data.stage } : {}),
    ...(data.unitId ? { unitId: data.unitId } : {}),
    ...(data.formId ? { formId: data.formId } : {}),
    ...(data.periodId ? { periodId: data.periodId } : {}),
  };
}

function withoutUndefined(value: Record<string, unknown>): DocumentData {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
