import { Timestamp, type Firestore } from '@google-cloud/firestore';
import { COLLECTIONS } from './schema/collections.js';
import { CONVERTERS } from './schema/converters.js';
import { DEFAULT_STORE_DEADLINE_MS, withStoreDeadline } from './store-deadline.js';

export type UnitCallClaim =
  { readonly admitted: true } | { readonly admitted: false; readonly retryAfterSeconds: number };

/**
 * `webhookUnitCalls/{unit}`: when the unit's last admitted webhook call came. A call closer than
 * the minimum interval to it is not admitted. Read and written in one transaction, so two calls
 * racing on two function instances cannot both pass; the document expires (TTL policy on
 * `expireAt`) once the interval is over.
 */
export class FirestoreUnitCallLimiter {
  constructor(
    private readonly db: Firestore,
    private readonly intervalSeconds: number,
    private readonly deadlineMs: number = DEFAULT_STORE_DEADLINE_MS,
  ) {}

  /** Admit the unit's call at `now` (and remember it), or say how many seconds are left. */
  async claim(unitId: string, now: Date): Promise<UnitCallClaim> {
    if (this.intervalSeconds === 0) return { admitted: true };
    const ref = this.db.collection(COLLECTIONS.webhookUnitCalls).withConverter(CONVERTERS.webhookUnitCalls).doc(unitId);
    const intervalMs = this.intervalSeconds * 1000;
    const claim = this.db.runTransaction(async (tx) => {
      const last = (await tx.get(ref)).data()?.at;
      const elapsedMs = last ? now.getTime() - last.toMillis() : Infinity;
      if (elapsedMs >= 0 && elapsedMs < intervalMs)
        return { admitted: false, retryAfterSeconds: Math.ceil((intervalMs - elapsedMs) / 1000) } as const;
      tx.set(ref, { at: Timestamp.fromDate(now), expireAt: Timestamp.fromMillis(now.getTime() + intervalMs) });
      return { admitted: true } as const;
    });
    return withStoreDeadline(claim, this.deadlineMs, `limiting unit ${unitId}'s webhook calls`);
  }
}
