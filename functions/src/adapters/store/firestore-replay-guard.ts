import { createHash } from 'node:crypto';
import { Timestamp, type Firestore } from '@google-cloud/firestore';
import { COLLECTIONS } from './schema/collections.js';
import { DEFAULT_STORE_DEADLINE_MS, storeGuard, type StoreGuard } from './store-deadline.js';
import { isAlreadyExists } from './store-errors.js';

/**
 * `webhookSignatures/{sha256 of the signature}`: each signed call is accepted once. The document
 * is created before the call is served (a `create` fails if it exists, so two replays racing each
 * other cannot both pass) and expires after the signature window (TTL policy on `expireAt`).
 */
export class FirestoreReplayGuard {
  private readonly guard: StoreGuard;

  constructor(
    private readonly db: Firestore,
    deadlineMs: number = DEFAULT_STORE_DEADLINE_MS,
  ) {
    this.guard = storeGuard(deadlineMs);
  }

  /** True the first time a signature is seen; false for a replay. */
  async claim(signature: string, expireAt: Date): Promise<boolean> {
    const id = createHash('sha256').update(signature).digest('hex');
    try {
      await this.guard('recording a webhook signature', () =>
        this.db
          .collection(COLLECTIONS.webhookSignatures)
          .doc(id)
          .create({ expireAt: Timestamp.fromDate(expireAt) }),
      );
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      throw error;
    }
  }
}
