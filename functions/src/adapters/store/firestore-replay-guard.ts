import { createHash } from 'node:crypto';
import { Timestamp, type Firestore } from '@google-cloud/firestore';
import { isAlreadyExists } from './firestore-client.js';
import { COLLECTIONS } from './firestore-sweep-store.js';


/**
 * `webhookSignatures/{sha256 of the signature}`: each signed call is accepted once. The document
 * is created before the call is served (a `create` fails if it exists, so two replays racing each
 * other cannot both pass) and expires after the signature window (TTL policy on `expireAt`).
 */
export class FirestoreReplayGuard {
  constructor(private readonly db: Firestore) {}

  /** True the first time a signature is seen; false for a replay. */
  async claim(signature: string, expireAt: Date): Promise<boolean> {
    const id = createHash('sha256').update(signature).digest('hex');
    try {
      await this.db.collection(COLLECTIONS.webhookSignatures).doc(id).create({ expireAt: Timestamp.fromDate(expireAt) });
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      throw error;
    }
  }
}
