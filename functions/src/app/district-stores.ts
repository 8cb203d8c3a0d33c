import type { Firestore } from '@google-cloud/firestore';
import { FirestoreNoticeLedger } from '../adapters/store/firestore-notice-ledger.js';
import { FirestoreRegistryMark } from '../adapters/store/firestore-registry-mark.js';
import { FirestoreSummaryStore } from '../adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../adapters/store/firestore-sweep-store.js';

/** The Firestore stores a district's jobs read and write. */
export interface DistrictStores {
  readonly db: Firestore;
  readonly sweep: FirestoreSweepStore;
  readonly summary: FirestoreSummaryStore;
  readonly notices: FirestoreNoticeLedger;
  /** The registry's size at the last run (a registry that suddenly shrank is noticed). */
  readonly registry: FirestoreRegistryMark;
}

/** The stores of one Firestore database. */
export function districtStores(db: Firestore): DistrictStores {
  return {
    db,
    sweep: new FirestoreSweepStore(db),
    summary: new FirestoreSummaryStore(db),
    notices: new FirestoreNoticeLedger(db),
    registry: new FirestoreRegistryMark(db),
  };
}
