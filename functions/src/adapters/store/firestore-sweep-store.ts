import { Timestamp, type DocumentData, type Firestore } from '@google-cloud/firestore';
import { COLLECTIONS } from './schema/collections.js';
import { CONVERTERS } from './schema/converters.js';
import type { SourceDoc } from './schema/documents.js';
import { DEFAULT_STORE_DEADLINE_MS, storeGuard, type StoreGuard } from './store-deadline.js';
import type { ExplicitFormState, FormDraft } from '../../domain/submissions/explicit-submission.js';
import type { PlanVersionRecord } from '../../domain/plans/plan-version.js';
import type { StoredCell } from '../../domain/forms/read-form-tab.js';
import { SOURCE_KINDS, type SourceOrigin } from '../../domain/sources/source-origin.js';
import type {
  CommitResult,
  SourceState,
  StoredFormRows,
  SweepRecord,
  SweepStore,
  UnitCommit,
} from '../../jobs/sweep/ports.js';
import { isCreateConflict } from './store-errors.js';
import { unitCommitWrites } from './unit-commit-writes.js';

/**
 * The sweep's persistence on Firestore: each changed unit committed atomically, so concurrent sweeps stay
 * consistent; a transaction reads and compares, and a unit whose submissions are all new is created without reading.
 */
export class FirestoreSweepStore implements SweepStore {
  /** Plan versions known to be stored: a sweep of an unchanged district reads them once per store, not once per sweep. */
  private readonly storedVersions = new Set<string>();
  private readonly guard: StoreGuard;

  constructor(
    private readonly db: Firestore,
    deadlineMs: number = DEFAULT_STORE_DEADLINE_MS,
  ) {
    this.guard = storeGuard(deadlineMs);
  }

  async loadSourceStates(): Promise<Map<string, SourceState>> {
    const snapshot = await this.guard("loading the units' sources", () =>
      this.db.collection(COLLECTIONS.sources).withConverter(CONVERTERS.sources).get(),
    );
    return new Map(snapshot.docs.map((doc) => [doc.id, sourceStateFromDoc(doc.id, doc.data())]));
  }

  async loadUnitFormRows(unitId: string, formId: string): Promise<StoredFormRows | undefined> {
    const query = this.db
      .collection(COLLECTIONS.submissions)
      .withConverter(CONVERTERS.submissions)
      .where('unitId', '==', unitId)
      .where('formId', '==', formId);
    const snapshot = await this.guard(`loading unit ${unitId}'s rows of ${formId}`, () => query.get());
    if (snapshot.empty) return undefined;
    const docs = snapshot.docs.map((doc) => doc.data());
    return {
      valid: docs.flatMap((d) =>
        d.rows.map((row) => ({ values: row.values as StoredFormRows['valid'][number]['values'] })),
      ),
      rejected: docs.flatMap((d) =>
        d.rejected.map((row) => ({ rowNumber: row.rowNumber, cells: storedCellsOf(row.cells) })),
      ),
    };
  }

  async commitUnit(commit: UnitCommit): Promise<CommitResult> {
    return this.guard(`committing unit ${commit.unitId}`, async () => {
      const created = commit.firstSubmissions ? await this.createFirstSubmissions(commit) : undefined;
      return created ?? this.commitTransaction(commit);
    });
  }

  /**
   * A unit whose submissions the sweep has never stored: written without reading them first, in
   * one atomic batch whose every submission and revision is a `create`. That is what the transaction
   * would write when none exists, so the result is the same; when one does exist after all (another
   * sweep got there first) nothing is written and undefined says to read and compare in a transaction.
   */
  private async createFirstSubmissions(commit: UnitCommit): Promise<CommitResult | undefined> {
    const planned = unitCommitWrites(this.db, commit, () => undefined);
    const batch = this.db.batch();
    for (const write of planned.writes) batch.create(write.ref, write.data);
    batch.set(this.db.collection(COLLECTIONS.sources).doc(commit.unitId), sourceStateDoc(commit.state));
    try {
      await batch.commit();
    } catch (error) {
      if (isCreateConflict(error)) return undefined;
      throw error;
    }
    return { submissionsWritten: planned.submissionsWritten, writes: planned.writes.length + 1 };
  }

  private commitTransaction(commit: UnitCommit): Promise<CommitResult> {
    const typed = this.db.collection(COLLECTIONS.submissions).withConverter(CONVERTERS.submissions);
    return this.db.runTransaction(async (tx) => {
      const refs = commit.submissions.map((s) => typed.doc(s.id));
      const snapshots = refs.length ? await tx.getAll(...refs) : [];
      const planned = unitCommitWrites(this.db, commit, (i) =>
        snapshots[i]?.exists ? snapshots[i]?.data() : undefined,
      );
      for (const write of planned.writes) tx.set(write.ref, write.data, { merge: write.merge });
      tx.set(this.db.collection(COLLECTIONS.sources).doc(commit.unitId), sourceStateDoc(commit.state));
      return { submissionsWritten: planned.submissionsWritten, writes: planned.writes.length + 1 };
    });
  }

  async saveSourceState(state: SourceState): Promise<CommitResult> {
    await this.guard(`saving unit ${state.unitId}`, () =>
      this.db.collection(COLLECTIONS.sources).doc(state.unitId).set(sourceStateDoc(state)),
    );
    return { submissionsWritten: 0, writes: 1 };
  }

  async savePlanVersions(records: readonly PlanVersionRecord[]): Promise<CommitResult> {
    // Versions are content-addressed and never deleted: one seen stored needs no second look from this store.
    const unseen = records.filter((r) => !this.storedVersions.has(r.version));
    if (unseen.length === 0) return { submissionsWritten: 0, writes: 0 };
    const collection = this.db.collection(COLLECTIONS.planVersions);
    const refs = unseen.map((r) => collection.withConverter(CONVERTERS.planVersions).doc(r.version));
    const saving = async () => {
      const present = await this.db.getAll(...refs);
      // Only a new version pays for a transaction (two sweeps may store the same one at once).
      const writes = present.every((doc) => doc.exists)
        ? 0
        : await this.db.runTransaction(async (tx) => {
            const snapshots = await tx.getAll(...refs);
            const missing = unseen.filter((_, i) => !snapshots[i]?.exists);
            for (const r of missing)
              tx.create(collection.doc(r.version), { formId: r.formId, definition: r.definition });
            return missing.length;
          });
      for (const r of unseen) this.storedVersions.add(r.version);
      return { submissionsWritten: 0, writes };
    };
    return this.guard('saving the plan versions', saving);
  }

  async recordSweep(record: SweepRecord): Promise<void> {
    const created = () =>
      this.db
        .collection(COLLECTIONS.sweeps)
        .doc(record.id)
        .create({
          startedAt: Timestamp.fromDate(record.startedAt),
          finishedAt: Timestamp.fromDate(record.finishedAt),
          durationMs: record.finishedAt.getTime() - record.startedAt.getTime(),
          totals: { ...record.totals },
          // A run record stays small whatever the district's size.
          problems: record.problems.slice(0, 200).map((p) => ({ ...p })),
          problemCount: record.problems.length,
        });
    await this.guard('recording the sweep', created);
  }
}

/** The `sources/{unit}` document of a source state. */
export function sourceStateDoc(state: SourceState): DocumentData {
  return {
    status: state.status,
    // The revision keeps its stored field name `size`, so documents written before the rename still compare.
    fingerprint: state.fingerprint
      ? { modifiedAt: Timestamp.fromDate(state.fingerprint.modifiedAt), size: state.fingerprint.revision }
      : null,
    contentHash: state.contentHash,
    specsHash: state.specsHash,
    submissionHashes: { ...state.submissionHashes },
    problems: state.problems.map((p) => ({ ...p })),
    counts: { ...state.counts },
    tabs: state.tabs.map((t) => ({ ...t })),
    ...(state.feedbackHash ? { feedbackHash: state.feedbackHash } : {}),
    ...(state.explicit ? { explicit: explicitDoc(state.explicit) } : {}),
    ...(state.origin ? { origin: { kind: state.origin.kind, file: state.origin.file } } : {}),
  };
}

/** Read a `sources/{unit}` document (checked by its converter) back into the sweep's view of it. */
export function sourceStateFromDoc(unitId: string, data: SourceDoc): SourceState {
  return {
    unitId,
    status: data.status,
    fingerprint: data.fingerprint
      ? { modifiedAt: data.fingerprint.modifiedAt.toDate(), revision: Number(data.fingerprint.size) }
      : null,
    contentHash: data.contentHash,
    specsHash: data.specsHash,
    submissionHashes: data.submissionHashes,
    problems: data.problems as unknown as SourceState['problems'],
    counts: data.counts,
    tabs: data.tabs as unknown as SourceState['tabs'],
    ...(data.feedbackHash !== undefined ? { feedbackHash: data.feedbackHash } : {}),
    ...(data.explicit ? { explicit: explicitFromDoc(data.explicit) } : {}),
    ...originFromDoc(data.origin),
  };
}

/** A stored origin, when it names a kind this version knows. */
function originFromDoc(origin: SourceDoc['origin']): { origin: SourceOrigin } | undefined {
  const kind = SOURCE_KINDS.find((k) => k === origin?.kind);
  return origin && kind ? { origin: { kind, file: origin.file } } : undefined;
}

/** "Bấm nộp" forms' states with their instants as Firestore timestamps. */
function explicitDoc(explicit: Readonly<Record<string, ExplicitFormState>>): DocumentData {
  return Object.fromEntries(
    Object.entries(explicit).map(([formId, s]) => [
      formId,
      {
        ...(s.submittedAt ? { submittedAt: Timestamp.fromDate(s.submittedAt) } : {}),
        ...(s.draft
          ? {
              draft: {
                editedAt: Timestamp.fromDate(s.draft.editedAt),
                hash: s.draft.hash,
                ...(s.draft.rowStatuses ? { rowStatuses: { ...s.draft.rowStatuses } } : {}),
              },
            }
          : {}),
      },
    ]),
  );
}

function explicitFromDoc(data: NonNullable<SourceDoc['explicit']>): Record<string, ExplicitFormState> {
  return Object.fromEntries(
    Object.entries(data).map(([formId, s]) => {
      const draft: FormDraft | undefined = s.draft && {
        editedAt: s.draft.editedAt.toDate(),
        hash: s.draft.hash,
        ...(s.draft.rowStatuses ? { rowStatuses: s.draft.rowStatuses } : {}),
      };
      return [
        formId,
        { ...(s.submittedAt ? { submittedAt: s.submittedAt.toDate() } : {}), ...(draft ? { draft } : {}) },
      ];
    }),
  );
}

/** A refused row's cells as stored: only the kinds a sweep writes (text, number, yes/no); anything else is left out. */
function storedCellsOf(cells: Readonly<Record<string, unknown>>): Record<string, StoredCell> {
  return Object.fromEntries(
    Object.entries(cells).filter((entry): entry is [string, StoredCell] =>
      ['string', 'number', 'boolean'].includes(typeof entry[1]),
    ),
  );
}
