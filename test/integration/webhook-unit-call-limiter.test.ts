import { afterAll, describe, expect, it } from 'vitest';
import { FirestoreUnitCallLimiter } from '../../functions/src/adapters/store/firestore-unit-call-limiter.js';
import { testFirestore } from '../support/firestore.js';

describe('FirestoreUnitCallLimiter (a minimum interval between one unit’s webhook calls)', () => {
  const firestore = testFirestore('unit-call-limiter');
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });
  const at = (seconds: number) => new Date(Date.UTC(2024, 8, 15, 1, 0, seconds));

  it('admits a call, refuses the same unit within the interval with the seconds left, and admits it again after', async () => {
    const limiter = new FirestoreUnitCallLimiter(firestore.db, 30);
    expect(await limiter.claim('th-a', at(0))).toEqual({ admitted: true });
    expect(await limiter.claim('th-a', at(10))).toEqual({ admitted: false, retryAfterSeconds: 20 });
    expect(await limiter.claim('th-b', at(10))).toEqual({ admitted: true });
    // A refused call does not move the unit's turn.
    expect(await limiter.claim('th-a', at(29))).toEqual({ admitted: false, retryAfterSeconds: 1 });
    expect(await limiter.claim('th-a', at(30))).toEqual({ admitted: true });
    expect((await firestore.db.doc('webhookUnitCalls/th-a').get()).get('expireAt').toDate()).toEqual(at(60));
  });

  it('admits exactly one of several calls racing on separate instances', async () => {
    const instances = Array.from({ length: 5 }, () => new FirestoreUnitCallLimiter(firestore.db, 30));
    const claims = await Promise.all(instances.map((limiter) => limiter.claim('th-race', at(0))));
    expect(claims.filter((c) => c.admitted)).toHaveLength(1);
  });

  it('admits every call when the interval is 0', async () => {
    const limiter = new FirestoreUnitCallLimiter(firestore.db, 0);
    expect(await limiter.claim('th-c', at(0))).toEqual({ admitted: true });
    expect(await limiter.claim('th-c', at(0))).toEqual({ admitted: true });
  });
});
