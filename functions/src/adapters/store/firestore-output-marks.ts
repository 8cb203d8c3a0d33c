import { Timestamp, type Firestore } from '@google-cloud/firestore';
import type { OutputMarks } from '../google/google-summary-spreadsheet.js';
import { COLLECTIONS } from './schema/collections.js';
import { CONVERTERS } from './schema/converters.js';
import { DEFAULT_STORE_DEADLINE_MS, storeGuard, type StoreGuard } from './store-deadline.js';

/** `outputs/{id}`: the hash of what was last written to an output (the summary spreadsheet), and when. */
export class FirestoreOutputMarks implements OutputMarks {
  private readonly guard: StoreGuard;

  constructor(
    private readonly db: Firestore,
    deadlineMs: number = DEFAULT_STORE_DEADLINE_MS,
  ) {
    this.guard = storeGuard(deadlineMs);
  }

  private ref(outputId: string) {
    return this.db.collection(COLLECTIONS.outputs).withConverter(CONVERTERS.outputs).doc(outputId);
  }

  async read(outputId: string): Promise<string | undefined> {
    const doc = await this.guard(`reading output mark ${outputId}`, () => this.ref(outputId).get());
    return doc.data()?.hash;
  }

  async write(outputId: string, hash: string): Promise<void> {
    await this.guard(`writing output mark ${outputId}`, () =>
      this.ref(outputId).set({ hash, writtenAt: Timestamp.now() }),
    );
  }
}
