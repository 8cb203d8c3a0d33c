import { Timestamp, type Firestore } from '@google-cloud/firestore';
import { formSpecSchema, type FormSpec } from '../../domain/forms/form-spec.js';
import { formPeriodId } from '../../domain/ids/document-ids.js';
import type { FormPeriodStats } from '../../domain/stats/form-period-stats.js';
import type { StoredSubmission } from '../../domain/summary/district-picture.js';
import type { UnitScopeStore } from '../../jobs/ingest/ports.js';
import type { SummaryStore } from '../../jobs/summarize/ports.js';
import type { SourceState } from '../../jobs/sweep/ports.js';
import { FirestoreSweepStore, sourceStateFromDoc } from './firestore-sweep-store.js';
import { COLLECTIONS } from './schema/collections.js';
import { CONVERTERS } from './schema/converters.js';
import type { SubmissionDoc } from './schema/documents.js';
import { DEFAULT_STORE_DEADLINE_MS, storeGuard, type StoreGuard } from './store-deadline.js';

/** The summary job's persistence on Firestore: reads submissions and sources, writes `stats/{form}~{period}`. */
export class FirestoreSummaryStore implements SummaryStore, UnitScopeStore {
  private readonly sweepStore: FirestoreSweepStore;
  private readonly guard: StoreGuard;

  constructor(
    private readonly db: Firestore,
    deadlineMs: number = DEFAULT_STORE_DEADLINE_MS,
  ) {
    this.sweepStore = new FirestoreSweepStore(db, deadlineMs);
    this.guard = storeGuard(deadlineMs);
  }

  private get submissions() {
    return this.db.collection(COLLECTIONS.submissions).withConverter(CONVERTERS.submissions);
  }

  private get sources() {
    return this.db.collection(COLLECTIONS.sources).withConverter(CONVERTERS.sources);
  }

  async loadSubmissions(): Promise<StoredSubmission[]> {
    const snapshot = await this.guard('loading the submissions', () => this.submissions.get());
    return snapshot.docs.map((doc) => submissionFromDoc(doc.id, doc.data()));
  }

  async loadSubmission(id: string): Promise<StoredSubmission | undefined> {
    const doc = await this.guard(`loading submission ${id}`, () => this.submissions.doc(id).get());
    const data = doc.data();
    return data ? submissionFromDoc(doc.id, data) : undefined;
  }

  async loadUnitSubmissions(unitId: string): Promise<StoredSubmission[]> {
    const snapshot = await this.guard(`loading unit ${unitId}'s submissions`, () =>
      this.submissions.where('unitId', '==', unitId).get(),
    );
    return snapshot.docs.map((doc) => submissionFromDoc(doc.id, doc.data()));
  }

  async loadFormPeriodSubmissions(formId: string, periodId: string): Promise<StoredSubmission[]> {
    const query = this.submissions.where('formId', '==', formId).where('periodId', '==', periodId);
    const snapshot = await this.guard(`loading the submissions of ${formPeriodId(formId, periodId)}`, () =>
      query.get(),
    );
    return snapshot.docs.map((doc) => submissionFromDoc(doc.id, doc.data()));
  }

  async loadSourceState(unitId: string): Promise<SourceState | undefined> {
    const doc = await this.guard(`loading unit ${unitId}'s source`, () => this.sources.doc(unitId).get());
    const data = doc.data();
    return data ? sourceStateFromDoc(unitId, data) : undefined;
  }

  async loadStatsHash(formId: string, periodId: string): Promise<string | undefined> {
    const id = formPeriodId(formId, periodId);
    const doc = await this.guard(`loading the statistics of ${id}`, () =>
      this.db.collection(COLLECTIONS.stats).withConverter(CONVERTERS.stats).doc(id).get(),
    );
    return doc.data()?.inputsHash;
  }

  async loadSourceStates(): Promise<Map<string, SourceState>> {
    const snapshot = await this.guard("loading the units' sources", () => this.sources.get());
    return new Map(snapshot.docs.map((doc) => [doc.id, sourceStateFromDoc(doc.id, doc.data())]));
  }

  async loadLastSweepAt(): Promise<Date | undefined> {
    const query = this.db
      .collection(COLLECTIONS.sweeps)
      .orderBy('startedAt', 'desc')
      .limit(1)
      .select('startedAt')
      .withConverter(CONVERTERS.sweepStarts);
    const snapshot = await this.guard('loading the last sweep', () => query.get());
    return snapshot.docs[0]?.data().startedAt.toDate();
  }

  async loadStatsHashes(): Promise<Map<string, string>> {
    const query = this.db.collection(COLLECTIONS.stats).select('inputsHash').withConverter(CONVERTERS.statsHashes);
    const snapshot = await this.guard('loading the statistics hashes', () => query.get());
    return new Map(snapshot.docs.map((doc) => [doc.id, doc.data().inputsHash]));
  }

  async saveStats(stats: FormPeriodStats, inputsHash: string, computedAt: Date): Promise<void> {
    // Days overdue change with the clock: they are computed when shown, never stored.
    const units = stats.units.map(({ unitId, status, onTime, daysLate }) => ({ unitId, status, onTime, daysLate }));
    const id = formPeriodId(stats.formId, stats.periodId);
    await this.guard(`saving the statistics of ${id}`, () =>
      this.db
        .collection(COLLECTIONS.stats)
        .doc(id)
        .set({ ...stats, units, inputsHash, computedAt: Timestamp.fromDate(computedAt) }),
    );
  }

  async loadPlanDefinitions(versions: readonly string[]): Promise<Map<string, FormSpec>> {
    if (versions.length === 0) return new Map();
    const collection = this.db.collection(COLLECTIONS.planVersions).withConverter(CONVERTERS.planVersions);
    const snapshots = await this.guard('loading the plan versions', () =>
      this.db.getAll(...versions.map((v) => collection.doc(v))),
    );
    const definitions = new Map<string, FormSpec>();
    for (const snapshot of snapshots) {
      // Checked on read: a definition that no longer parses (an older schema) is simply not described.
      const parsed = formSpecSchema.safeParse(parseJson(snapshot.data()?.definition));
      if (parsed.success) definitions.set(snapshot.id, parsed.data);
    }
    return definitions;
  }

  async saveSourceState(state: SourceState): Promise<unknown> {
    return this.sweepStore.saveSourceState(state);
  }
}

function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A stored valid row: its number, values and, when it has some, the notes on its cells. */
function storedRow(row: SubmissionDoc['rows'][number]): StoredSubmission['rows'][number] {
  const notes = row.notes ?? [];
  return {
    rowNumber: row.rowNumber,
    values: row.values as StoredSubmission['rows'][number]['values'],
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function submissionFromDoc(id: string, data: SubmissionDoc): StoredSubmission {
  return {
    id,
    formId: data.formId,
    periodId: data.periodId,
    unitId: data.unitId,
    counts: data.counts,
    complete: data.complete,
    ...(data.uncovered !== undefined ? { uncovered: data.uncovered } : {}),
    ...(data.coverageGap !== undefined ? { coverageGap: data.coverageGap } : {}),
    nil: data.nil,
    firstCompleteAt: data.firstCompleteAt?.toDate() ?? null,
    lastChangedAt: data.lastChangedAt.toDate(),
    rows: data.rows.map(storedRow),
    rejected: data.rejected as unknown as StoredSubmission['rejected'],
    nilRows: data.nilRows,
    ...(data.planVersion !== undefined ? { planVersion: data.planVersion } : {}),
    ...(data.contentHash ? { contentHash: data.contentHash } : {}),
    ...(typeof data.planChangedFrom === 'string' ? { planChangedFrom: data.planChangedFrom } : {}),
    ...(data.lockedChange
      ? { lockedChange: { changedAt: data.lockedChange.changedAt.toDate(), rowNumbers: data.lockedChange.rowNumbers } }
      : {}),
  };
}
