import { Timestamp, type DocumentData, type Firestore } from '@google-cloud/firestore';
import { formSpecSchema, type FormSpec } from '../../domain/forms/form-spec.js';
import type { FormPeriodStats } from '../../domain/stats/form-period-stats.js';
import type { StoredSubmission } from '../../domain/summary/district-picture.js';
import type { UnitScopeStore } from '../../jobs/ingest/ports.js';
import type { SummaryStore } from '../../jobs/summarize/ports.js';
import type { SourceState } from '../../jobs/sweep/ports.js';
import { COLLECTIONS, FirestoreSweepStore, sourceStateFromDoc } from './firestore-sweep-store.js';

/** The summary job's persistence on Firestore: reads submissions and sources, writes `stats/{form}~{period}`. */
export class FirestoreSummaryStore implements SummaryStore, UnitScopeStore {
  private readonly sweepStore: FirestoreSweepStore;

  constructor(private readonly db: Firestore) {
    this.sweepStore = new FirestoreSweepStore(db);
  }

  async loadSubmissions(): Promise<StoredSubmission[]> {
    const snapshot = await this.db.collection(COLLECTIONS.submissions).get();
    return snapshot.docs.map((doc) => submissionFromDoc(doc.id, doc.data()));
  }

  async loadSubmission(id: string): Promise<StoredSubmission | undefined> {
    const doc = await this.db.collection(COLLECTIONS.submissions).doc(id).get();
    const data = doc.data();
    return data ? submissionFromDoc(doc.id, data) : undefined;
  }

  async loadUnitSubmissions(unitId: string): Promise<StoredSubmission[]> {
    const snapshot = await this.db.collection(COLLECTIONS.submissions).where('unitId', '==', unitId).get();
    return snapshot.docs.map((doc) => submissionFromDoc(doc.id, doc.data()));
  }

  async loadFormPeriodSubmissions(formId: string, periodId: string): Promise<StoredSubmission[]> {
    const snapshot = await this.db.collection(COLLECTIONS.submissions).where('formId', '==', formId).where('periodId', '==', periodId).get();
    return snapshot.docs.map((doc) => submissionFromDoc(doc.id, doc.data()));
  }

  async loadSourceState(unitId: string): Promise<SourceState | undefined> {
    const doc = await this.db.collection(COLLECTIONS.sources).doc(unitId).get();
    const data = doc.data();
    return data ? sourceStateFromDoc(unitId, data) : undefined;
  }

  async loadStatsHash(formId: string, periodId: string): Promise<string | undefined> {
    const doc = await this.db.collection(COLLECTIONS.stats).doc(`${formId}~${periodId}`).get();
    const hash: unknown = doc.get('inputsHash');
    return typeof hash === 'string' ? hash : undefined;
  }

  async loadSourceStates(): Promise<Map<string, SourceState>> {
    const snapshot = await this.db.collection(COLLECTIONS.sources).get();
    return new Map(snapshot.docs.map((doc) => [doc.id, sourceStateFromDoc(doc.id, doc.data())]));
  }

  async loadLastSweepAt(): Promise<Date | undefined> {
    const snapshot = await this.db.collection(COLLECTIONS.sweeps).orderBy('startedAt', 'desc').limit(1).select('startedAt').get();
    const startedAt: unknown = snapshot.docs[0]?.get('startedAt');
    return startedAt instanceof Timestamp ? startedAt.toDate() : undefined;
  }

  async loadStatsHashes(): Promise<Map<string, string>> {
    const snapshot = await this.db.collection(COLLECTIONS.stats).select('inputsHash').get();
    return new Map(snapshot.docs.map((doc) => [doc.id, String(doc.get('inputsHash'))]));
  }

  async saveStats(stats: FormPeriodStats, inputsHash: string, computedAt: Date): Promise<void> {
    // Days overdue change with the clock: they are computed when shown, never stored.
    const units = stats.units.map(({ unitId, status, onTime, daysLate }) => ({ unitId, status, ...(onTime === undefined ? {} : { onTime }), ...(daysLate === undefined ? {} : { daysLate }) }));
    await this.db
      .collection(COLLECTIONS.stats)
      .doc(`${stats.formId}~${stats.periodId}`)
      // A JSON round trip drops undefined fields, which Firestore refuses.
      .set({ ...(JSON.parse(JSON.stringify({ ...stats, units })) as DocumentData), inputsHash, computedAt: Timestamp.fromDate(computedAt) });
  }

  async loadPlanDefinitions(versions: readonly string[]): Promise<Map<string, FormSpec>> {
    if (versions.length === 0) return new Map();
    const collection = this.db.collection(COLLECTIONS.planVersions);
    const snapshots = await this.db.getAll(...versions.map((v) => collection.doc(v)));
    const definitions = new Map<string, FormSpec>();
    for (const snapshot of snapshots) {
      // Checked on read: a definition that no longer parses (an older schema) is simply not described.
      const parsed = formSpecSchema.safeParse(parseJson(snapshot.get('definition')));
      if (parsed.success) definitions.set(snapshot.id, parsed.data);
    }
    return definitions;
  }

  async saveSourceState(state: SourceState): Promise<unknown> {
    return this.sweepStore.saveSourceState(state);
  }
}

function parseJson(text: unknown): unknown {
  try {
    return typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** A stored valid row: its number, values and, when it has some, the notes on its cells. */
function storedRow(row: DocumentData): StoredSubmission['rows'][number] {
  const notes = Array.isArray(row.notes) ? row.notes.map((n: DocumentData) => ({ column: String(n.column), note: String(n.note) })) : [];
  return { rowNumber: Number(row.rowNumber), values: row.values ?? {}, ...(notes.length > 0 ? { notes } : {}) };
}

function submissionFromDoc(id: string, data: DocumentData): StoredSubmission {
  return {
    id,
    formId: data.formId,
    periodId: data.periodId,
    unitId: data.unitId,
    counts: { nil: 0, ...data.counts },
    complete: Boolean(data.complete),
    ...(typeof data.uncovered === 'number' ? { uncovered: data.uncovered } : {}),
    nil: Boolean(data.nil),
    firstCompleteAt: data.firstCompleteAt ? (data.firstCompleteAt as Timestamp).toDate() : null,
    lastChangedAt: (data.lastChangedAt as Timestamp).toDate(),
    rows: (data.rows ?? []).map(storedRow),
    rejected: data.rejected ?? [],
    nilRows: data.nilRows ?? [],
    ...(typeof data.planVersion === 'string' ? { planVersion: data.planVersion } : {}),
    ...(typeof data.contentHash === 'string' && data.contentHash !== '' ? { contentHash: data.contentHash } : {}),
    ...(typeof data.planChangedFrom === 'string' ? { planChangedFrom: data.planChangedFrom } : {}),
    ...(data.lockedChange ? { lockedChange: { changedAt: (data.lockedChange.changedAt as Timestamp).toDate(), rowNumbers: data.lockedChange.rowNumbers ?? [] } } : {}),
  };
}
