import { Timestamp } from '@google-cloud/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { FirestoreNoticeLedger } from '../../functions/src/adapters/store/firestore-notice-ledger.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { COLLECTIONS } from '../../functions/src/adapters/store/schema/collections.js';
import { StoreDocumentError } from '../../functions/src/adapters/store/store-errors.js';
import { submissionId } from '../../functions/src/domain/ids/document-ids.js';
import type { SourceState } from '../../functions/src/jobs/sweep/ports.js';
import { RunStoppingError } from '../../functions/src/jobs/run-stopping-error.js';
import { testFirestore } from '../support/firestore.js';

describe('the Firestore schema (one converter per collection, checked on read)', () => {
  const firestore = testFirestore('store-schema');
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });
  const at = Timestamp.fromDate(new Date('2024-09-16T01:00:00Z'));
  const submissions = () => firestore.db.collection(COLLECTIONS.submissions);

  it('a submission of the wrong shape stops the run with its collection, id and field, not a crash deep inside', async () => {
    const id = submissionId('tap-huan-2024', 'mot-lan', 'th-hong-bang');
    await submissions().doc(id).set({
      formId: 'tap-huan-2024',
      periodId: 'mot-lan',
      unitId: 'th-hong-bang',
      revision: 1,
      lastChangedAt: 'hôm qua',
    });
    const reading = new FirestoreSummaryStore(firestore.db).loadSubmission(id);
    await expect(reading).rejects.toThrow(StoreDocumentError);
    await expect(reading).rejects.toThrow(
      `Firestore document submissions/${id} (collection 'submissions', id '${id}') does not have the shape tonghop stores: field 'lastChangedAt'`,
    );
    await expect(reading).rejects.toBeInstanceOf(RunStoppingError);
    await expect(reading).rejects.toMatchObject({ collection: 'submissions', id });
    await submissions().doc(id).delete();
  });

  it('a source state of the wrong shape stops the sweep before it reads any unit', async () => {
    await firestore.db.collection(COLLECTIONS.sources).doc('th-le-loi').set({ status: 'đã đọc', specsHash: 'x' });
    const loading = new FirestoreSweepStore(firestore.db).loadSourceStates();
    await expect(loading).rejects.toThrow(/sources\/th-le-loi .*field 'status'/);
    await firestore.db.collection(COLLECTIONS.sources).doc('th-le-loi').delete();
  });

  it('a notice of the wrong shape names the notices ledger', async () => {
    await firestore.db.collection(COLLECTIONS.notices).doc('digest~2024-09-16').set({ state: 'gửi rồi', attempts: 1 });
    await expect(new FirestoreNoticeLedger(firestore.db).load()).rejects.toThrow(
      /notices\/digest~2024-09-16 .*field 'state'/,
    );
    await firestore.db.collection(COLLECTIONS.notices).doc('digest~2024-09-16').delete();
  });

  it('still reads documents written by earlier versions (no counts.nil, no rows, no origin, fingerprint size as text)', async () => {
    const id = submissionId('bao-cao-30-phut', '2022-12', 'cd-a');
    await submissions()
      .doc(id)
      .set({
        formId: 'bao-cao-30-phut',
        periodId: '2022-12',
        unitId: 'cd-a',
        revision: 2,
        lastChangedAt: at,
        counts: { read: 1, valid: 1, rejected: 0 },
      });
    await firestore.db
      .collection(COLLECTIONS.sources)
      .doc('cd-a')
      .set({ status: 'ok', fingerprint: { modifiedAt: at, size: '7' }, contentHash: 'h', specsHash: 's' });
    const store = new FirestoreSummaryStore(firestore.db);
    expect(await store.loadSubmission(id)).toMatchObject({
      id,
      counts: { read: 1, valid: 1, rejected: 0, nil: 0 },
      rows: [],
      rejected: [],
      nilRows: [],
      firstCompleteAt: null,
      complete: false,
    });
    expect(await store.loadSourceState('cd-a')).toEqual({
      unitId: 'cd-a',
      status: 'ok',
      fingerprint: { modifiedAt: at.toDate(), revision: 7 },
      contentHash: 'h',
      specsHash: 's',
      submissionHashes: {},
      problems: [],
      counts: { read: 0, valid: 0, rejected: 0, nil: 0 },
      tabs: [],
    });
  });

  it('stores a state whose optional fields are undefined (the client ignores them) and reads it back as it was', async () => {
    const state: SourceState = {
      unitId: 'cd-b',
      status: 'ok',
      fingerprint: { modifiedAt: at.toDate(), revision: 3 },
      contentHash: 'c',
      specsHash: 's',
      submissionHashes: { [submissionId('f', 'mot-lan', 'cd-b')]: 'h1' },
      problems: [{ severity: 'warning', message: 'Dòng 3: thiếu ngày', formId: undefined }],
      counts: { read: 2, valid: 1, rejected: 1, nil: 0 },
      tabs: [{ formId: 'f', tab: 'Đăng ký', headerRowNumber: 4 }],
      origin: { kind: 'workbook', file: 'cd-b.xlsx' },
    };
    const store = new FirestoreSweepStore(firestore.db);
    await store.saveSourceState(state);
    const stored = (await firestore.db.collection(COLLECTIONS.sources).doc('cd-b').get()).data();
    expect(stored?.problems).toEqual([{ severity: 'warning', message: 'Dòng 3: thiếu ngày' }]);
    expect((await store.loadSourceStates()).get('cd-b')).toEqual({
      ...state,
      problems: [{ severity: 'warning', message: 'Dòng 3: thiếu ngày' }],
    });
  });
});
