import type { Firestore } from '@google-cloud/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../functions/src/adapters/store/schema/collections.js';
import { CONVERTERS } from '../../functions/src/adapters/store/schema/converters.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { loadRevisions } from '../support/revisions.js';
import { submissionId } from '../../functions/src/domain/ids/document-ids.js';
import type { SubmissionContent } from '../../functions/src/domain/submissions/build-submissions.js';
import type { SourceState, UnitCommit } from '../../functions/src/jobs/sweep/ports.js';
import { testFirestore } from '../support/firestore.js';

/**
 * A unit's submissions the sweep believes new are created without being read first (`firstSubmissions`).
 * The belief can be wrong (another sweep stored them a moment before): then nothing is lost, the
 * store reads and compares as a transaction would, and the audit trail holds every version.
 */

const FORM = 'tap-huan-2024';
const UNIT = 'th-an-binh';
const ID = submissionId(FORM, 'mot-lan', UNIT);
const SWEPT_AT = new Date('2024-09-16T01:00:00Z');

/** A one-period submission of `rows` valid rows whose only name is `name`. */
function content(name: string, rows: number): SubmissionContent {
  return {
    id: ID,
    formId: FORM,
    periodId: 'mot-lan',
    unitId: UNIT,
    rows: Array.from({ length: rows }, (_, i) => ({ rowNumber: 5 + i, periodId: 'mot-lan', values: { hoTen: name } })),
    rejected: [],
    nilRows: [],
    counts: { read: rows, valid: rows, rejected: 0, nil: 0 },
    nil: false,
    complete: true,
    contentHash: `${name}-${rows}`,
  };
}

function commit(submission: SubmissionContent, options: { locked?: boolean } = {}): UnitCommit {
  const state: SourceState = {
    unitId: UNIT,
    status: 'ok',
    fingerprint: { modifiedAt: SWEPT_AT, revision: 1 },
    contentHash: submission.contentHash,
    specsHash: 'specs',
    submissionHashes: { [ID]: submission.contentHash },
    problems: [],
    counts: submission.counts,
    tabs: [],
  };
  return {
    unitId: UNIT,
    state,
    submissions: [submission],
    changedAt: SWEPT_AT,
    lockedFormIds: new Set(options.locked ? [FORM] : []),
    sweptAt: SWEPT_AT,
    sourceName: `${UNIT}.xlsx`,
    planVersions: new Map([[FORM, 'v1']]),
    // The sweep's belief, from its remembered state: none of these is stored yet.
    firstSubmissions: true,
  };
}

describe('committing submissions believed new', () => {
  const stores = [testFirestore('first-submissions-a'), testFirestore('first-submissions-b')];
  afterAll(async () => {
    for (const f of stores) {
      await f.clear();
      await f.db.terminate();
    }
  });
  const stored = async (db: Firestore) => {
    const ref = db.collection(COLLECTIONS.submissions).doc(ID);
    const doc = (await ref.withConverter(CONVERTERS.submissions).get()).data();
    const trail = (await loadRevisions(ref)).map((r) => [r.revision, r.contentHash, r.applied]);
    return { doc, trail };
  };

  it('creates a new one in one write with its source state; one already stored is compared, its trail kept whole', async () => {
    const { db } = stores[0]!;
    const store = new FirestoreSweepStore(db);
    expect(await store.commitUnit(commit(content('Lan', 2)))).toEqual({ submissionsWritten: 1, writes: 2 });
    // The same content again (a second sweep that believed it new): nothing but the source state.
    expect(await store.commitUnit(commit(content('Lan', 2)))).toEqual({ submissionsWritten: 0, writes: 1 });
    // Different content believed new: the stored first version joins the trail, the new one is revision 2.
    expect(await store.commitUnit(commit(content('Minh', 3)))).toEqual({ submissionsWritten: 1, writes: 4 });
    const { doc, trail } = await stored(db);
    expect(doc).toMatchObject({ revision: 2, contentHash: 'Minh-3', counts: { read: 3 } });
    expect(trail).toEqual([
      [1, 'Lan-2', true],
      [2, 'Minh-3', true],
    ]);
    expect((await db.collection(COLLECTIONS.sources).doc(UNIT).get()).data()?.contentHash).toBe('Minh-3');
  });

  it('after the lock, a change believed new over a stored one is recorded, not applied', async () => {
    const { db } = stores[1]!;
    const store = new FirestoreSweepStore(db);
    // Nothing applied before the lock: the submission only says a late change was refused.
    await store.commitUnit(commit(content('Lan', 2), { locked: true }));
    await store.commitUnit(commit(content('Minh', 3), { locked: true }));
    const { doc, trail } = await stored(db);
    expect(doc).toMatchObject({ revision: 2, counts: { read: 0 }, lockedChange: { contentHash: 'Minh-3' } });
    expect(trail).toEqual([
      [1, 'Lan-2', false],
      [2, 'Minh-3', false],
    ]);
  });

  it('two different versions committed at once, both believed new: one is created, the other becomes revision 2', async () => {
    const f = testFirestore('first-submissions-race');
    try {
      const [a, b] = [new FirestoreSweepStore(f.db), new FirestoreSweepStore(f.db)];
      const results = await Promise.all([
        a.commitUnit(commit(content('Lan', 2))),
        b.commitUnit(commit(content('Minh', 3))),
      ]);
      expect(results.map((r) => r.submissionsWritten)).toEqual([1, 1]);
      const { doc, trail } = await stored(f.db);
      expect(doc?.revision).toBe(2);
      expect(trail.map(([revision]) => revision)).toEqual([1, 2]);
      expect(trail.map(([, hash]) => hash).sort()).toEqual(['Lan-2', 'Minh-3']);
      expect(trail[1]?.[1]).toBe(doc?.contentHash);
    } finally {
      await f.clear();
      await f.db.terminate();
    }
  });
});
