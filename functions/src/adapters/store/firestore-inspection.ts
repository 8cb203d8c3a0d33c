import type { Firestore } from '@google-cloud/firestore';
import type { z } from 'zod';
import type { SourceOrigin } from '../../domain/sources/source-origin.js';
import { sourceStateFromDoc } from './firestore-sweep-store.js';
import { COLLECTIONS } from './schema/collections.js';
import { CONVERTERS } from './schema/converters.js';
import { SUBMISSION_SUMMARY_FIELDS, type SourceDoc, type submissionSummaryDocSchema } from './schema/documents.js';
import { DEFAULT_STORE_DEADLINE_MS, storeGuard, type StoreGuard } from './store-deadline.js';

/** A stored submission as `tonghop inspect` shows it: its counts and rejected rows, its valid rows when asked for. */
export type SubmissionSummary = { readonly id: string } & z.output<typeof submissionSummaryDocSchema>;

/** A unit's (or shared sheet's) stored source: the problems the last sweep found and where the file came from. */
export interface StoredSourceSummary {
  readonly unitId: string;
  readonly problems: SourceDoc['problems'];
  readonly origin: SourceOrigin | undefined;
}

/**
 * What `tonghop inspect` reads of Firestore, read-only: the submissions (of one unit or form, or all),
 * and every source's state. Through the converters and the store guard, like every store.
 */
export class FirestoreInspection {
  private readonly guard: StoreGuard;

  constructor(
    private readonly db: Firestore,
    deadlineMs: number = DEFAULT_STORE_DEADLINE_MS,
  ) {
    this.guard = storeGuard(deadlineMs);
  }

  /** The submissions of `unitId` and `formId` when given; each valid row's values only `withRows`. */
  async submissions(filter: {
    readonly unitId?: string | undefined;
    readonly formId?: string | undefined;
    readonly withRows: boolean;
  }): Promise<SubmissionSummary[]> {
    const fields = filter.withRows ? [...SUBMISSION_SUMMARY_FIELDS, 'rows'] : SUBMISSION_SUMMARY_FIELDS;
    let query = this.db
      .collection(COLLECTIONS.submissions)
      .select(...fields)
      .withConverter(CONVERTERS.submissionSummaries);
    if (filter.unitId !== undefined) query = query.where('unitId', '==', filter.unitId);
    if (filter.formId !== undefined) query = query.where('formId', '==', filter.formId);
    const snapshot = await this.guard('reading the submissions to inspect', () => query.get());
    return snapshot.docs.map((d) => ({ id: d.id, ...d.data() }));
  }

  /** Every stored source, by unit id. */
  async sources(): Promise<StoredSourceSummary[]> {
    const query = this.db.collection(COLLECTIONS.sources).withConverter(CONVERTERS.sources);
    const snapshot = await this.guard('reading the sources to inspect', () => query.get());
    return snapshot.docs.map((d) => {
      const data = d.data();
      return { unitId: d.id, problems: data.problems, origin: sourceStateFromDoc(d.id, data).origin };
    });
  }

  /** Whether any submission names this unit or form: a filter id found nowhere else may still be in stored data. */
  async holdsSubmissionOf(field: 'unitId' | 'formId', id: string): Promise<boolean> {
    const query = this.db.collection(COLLECTIONS.submissions).where(field, '==', id).limit(1);
    const snapshot = await this.guard(`looking for a submission of ${field} ${id}`, () => query.get());
    return !snapshot.empty;
  }
}
