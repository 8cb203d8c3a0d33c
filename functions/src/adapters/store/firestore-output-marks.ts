import { Timestamp, type Firestore } from '@google-cloud/firestore';
import type { OutputMarks } from '../google/google-summary-spreadsheet.js';
import { COLLECTIONS } from './firestore-sweep-store.js';

/** `outputs/{id}`: the hash of what was last written to an output (the summary spreadsheet), and when. */
export class FirestoreOutputMarks implements OutputMarks {
  constructor(private readonly db: Firestore) {}

  async read(outputId: string): Promise<string | undefined> {
    const doc = await this.db.collection(COLLECTIONS.outputs).doc(outputId).get();
    const hash = doc.get('hash') as unknown;
    return typeof hash === 'string' ? hash : undefined;
  }

  async write(outputId: string, hash: string): Promise<void> {
    await this.db.collection(COLLECTIONS.outputs).doc(outputId).set({ hash, writtenAt: Timestamp.now() });
  }
}
