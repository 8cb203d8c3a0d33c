import type { Firestore } from '@google-cloud/firestore';
import { withDeadline, DEFAULT_STORE_DEADLINE_MS } from './store-deadline.js';

/** The size of the units registry at the last run, so a registry that suddenly shrank is noticed (`districtState/registry`). */
export class FirestoreRegistryMark {
  constructor(
    private readonly db: Firestore,
    private readonly deadlineMs: number = DEFAULT_STORE_DEADLINE_MS,
  ) {}

  private get ref() {
    return this.db.collection('districtState').doc('registry');
  }

  async load(): Promise<number | undefined> {
    const doc = await withDeadline(this.ref.get(), this.deadlineMs, 'reading the registry size');
    const count = doc.data()?.unitCount;
    return typeof count === 'number' ? count : undefined;
  }

  /** Remember the registry's size; returns the writes made (0 when it was already this size). */
  async save(unitCount: number, previous: number | undefined): Promise<number> {
    if (previous === unitCount) return 0;
    await withDeadline(this.ref.set({ unitCount }), this.deadlineMs, 'recording the registry size');
    return 1;
  }
}
