import type { Firestore } from '@google-cloud/firestore';
import { COLLECTIONS } from './schema/collections.js';
import { CONVERTERS } from './schema/converters.js';
import { DEFAULT_STORE_DEADLINE_MS, storeGuard, type StoreGuard } from './store-deadline.js';

/** The size of the units registry at the last run, so a registry that suddenly shrank is noticed (`districtState/registry`). */
export class FirestoreRegistryMark {
  private readonly guard: StoreGuard;

  constructor(
    private readonly db: Firestore,
    deadlineMs: number = DEFAULT_STORE_DEADLINE_MS,
  ) {
    this.guard = storeGuard(deadlineMs);
  }

  private get ref() {
    return this.db.collection(COLLECTIONS.districtState).withConverter(CONVERTERS.registry).doc('registry');
  }

  async load(): Promise<number | undefined> {
    const doc = await this.guard('reading the registry size', () => this.ref.get());
    return doc.data()?.unitCount;
  }

  /** Remember the registry's size; returns the writes made (0 when it was already this size). */
  async save(unitCount: number, previous: number | undefined): Promise<number> {
    if (previous === unitCount) return 0;
    await this.guard('recording the registry size', () => this.ref.set({ unitCount }));
    return 1;
  }
}
