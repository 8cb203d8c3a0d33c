import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreNoticeLedger } from '../../functions/src/adapters/store/firestore-notice-ledger.js';
import {
  clearNoticeJournal,
  JournaledNoticeLedger,
  replayNoticeJournal,
} from '../../functions/src/adapters/store/journaled-notice-ledger.js';
import { testFirestore } from '../support/firestore.js';
import { useTempDir } from '../support/builders.js';

const AT = new Date('2024-09-15T00:30:00Z');
const notice = (id: string) => ({
  id,
  recipients: 2,
  stage: 'due' as const,
  unitId: id,
  formId: 'tap-huan-2024',
  periodId: 'mot-lan',
});

/** The embedded mode's journal: what one emulator's ledger did is rebuilt in the next one's. */
describe('JournaledNoticeLedger', () => {
  const before = testFirestore('journal-before');
  const after = testFirestore('journal-after');
  const dir = useTempDir('tonghop-journal');
  let journal: string;

  beforeAll(async () => {
    journal = path.join(dir(), 'notice-journal.jsonl');
  });
  afterAll(async () => {
    for (const f of [before, after]) {
      await f.clear();
      await f.db.terminate();
    }
  });

  it('journals each claim before returning, and a replay gives the same ledger (claimed, sent, failed and re-claimed)', async () => {
    const ledger = new JournaledNoticeLedger(new FirestoreNoticeLedger(before.db), journal);
    expect(await ledger.claim(notice('sent'), AT, 3)).toBe(true);
    await ledger.markSent('sent', '<m1@x>', AT);
    expect(await ledger.claim(notice('claimed-only'), AT, 3)).toBe(true);
    expect(await ledger.claim(notice('retried'), AT, 3)).toBe(true);
    await ledger.markFailed('retried', { code: 'EENVELOPE', message: 'rejected' }, AT);
    expect(await ledger.claim(notice('retried'), AT, 3)).toBe(true);
    // Not ours: nothing is journaled for it.
    expect(await ledger.claim(notice('sent'), AT, 3)).toBe(false);
    expect((await readFile(journal, 'utf8')).trim().split('\n')).toHaveLength(6);
    // A line torn by the crash is ignored: its claim never returned, so nothing was sent for it.
    await appendFile(journal, '{"op":"claim","at":"2024-09-15T00:3');

    expect(await replayNoticeJournal(new FirestoreNoticeLedger(after.db), journal)).toBe(6);
    const summary = (entries: Map<string, { state: string; attempts: number }>) =>
      [...entries.values()].map(({ state, attempts }) => ({ state, attempts }));
    const rebuilt = await new FirestoreNoticeLedger(after.db).load();
    expect(summary(rebuilt)).toEqual(summary(await new FirestoreNoticeLedger(before.db).load()));
    expect(rebuilt.get('claimed-only')?.state).toBe('claimed');
    expect(rebuilt.get('retried')).toMatchObject({ state: 'claimed', attempts: 1 });
    // A claimed notice is never claimed again: at most once.
    expect(await new FirestoreNoticeLedger(after.db).claim(notice('claimed-only'), AT, 3)).toBe(false);
  });

  it('replays nothing once the journal is cleared (after a save)', async () => {
    await clearNoticeJournal(journal);
    expect(await replayNoticeJournal(new FirestoreNoticeLedger(after.db), journal)).toBe(0);
  });
});
