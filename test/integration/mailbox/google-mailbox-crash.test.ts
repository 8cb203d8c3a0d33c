import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRevisions } from '../../support/revisions.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { TRAINING_HEADER, trainingRow } from '../../support/builders.js';
import { startDovecot, type TestDovecot } from '../../support/dovecot.js';
import { testFirestore } from '../../support/firestore.js';
import { standinWithClock, TEST_FOLDER_ID } from '../../support/google.js';
import { createMailboxControl, runGoogleMailbox } from '../../support/google-mailbox-run.js';
import type { GoogleStandin } from '../../support/google-standin/index.js';
import { rawMessage, workbookBytes } from '../../support/mail-messages.js';
import { startCapturingSmtp, type CapturingSmtp } from '../../support/smtp.js';
import { titled } from '../../support/workbooks.js';

const TAB = 'Đăng ký tập huấn';
const RECEIVED = new Date('2024-09-14T02:00:00Z');
const NOW = new Date('2024-09-20T01:00:00Z');
const UNIT: Unit = {
  id: 'ai-mo',
  name: 'Liên đội Tiểu học Ái Mộ',
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [{ name: 'TPT', email: 'aimo@truong.example' }],
  members: 400,
  source: 'ai-mo.xlsx',
};
/**
 * Google mode, a run that dies after Drive stored the emailed .xlsx and before its id reached the control
 * spreadsheet's 'Tệp báo cáo' (the stand-in refuses that one write, so nothing after the upload happens).
 * The next run must find the uploaded file by name instead of making a second one, ingest once and reply once.
 */
describe('mailbox in Google mode: a crash between the Drive upload and recording its id', () => {
  const firestore = testFirestore('google-mailbox-crash');
  let standin: GoogleStandin;
  let dovecot: TestDovecot;
  let smtp: CapturingSmtp;
  let controlId: string;

  const runMailbox = () => runGoogleMailbox({ standin, dovecot, smtp, db: firestore.db, controlId }, [UNIT], NOW);
  const sourceInControl = () => standin.tabValues(controlId, 'Đơn vị').find((row) => row[0] === UNIT.id)?.[2];
  const submission = () => firestore.db.doc(`submissions/tap-huan-2024~mot-lan~${UNIT.id}`).get();
  /** Every .xlsx the runs created in the folder (one files.create upload each), by the ids Drive answered. */
  const uploadsCreated = () => standin.requests.filter((r) => r.kind === 'files.create.upload');

  beforeAll(async () => {
    let setClock: (at: Date) => void;
    ({ standin, setClock } = await standinWithClock(RECEIVED));
    [dovecot, smtp] = await Promise.all([startDovecot(), startCapturingSmtp()]);
    controlId = createMailboxControl(standin, [UNIT]);
    setClock(NOW);
  });
  afterAll(async () => {
    await Promise.all([dovecot?.stop(), smtp?.close(), standin?.close()]);
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('the first run stops after the upload: nothing recorded, nothing ingested, no reply, the message stays new', async () => {
    const attachment = await workbookBytes([
      {
        name: TAB,
        rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', TRAINING_HEADER, [
          trainingRow(1, 'Nguyễn Thị Lan'),
          trainingRow(2, 'Trần Minh Đức'),
        ]),
      },
    ]);
    await dovecot.append(
      await rawMessage({
        from: 'aimo@truong.example',
        subject: 'Gửi báo cáo',
        messageId: '<crash1@truong.example>',
        attachments: [{ filename: 'dang ky.xlsx', content: attachment }],
      }),
      { receivedAt: RECEIVED },
    );
    // The control spreadsheet refuses the write of 'Tệp báo cáo' (403 is not retried): the run dies right after the upload.
    standin.failNext(1, 403, { match: (r) => r.fileId === controlId && r.kind === 'values.batchUpdate' });

    await expect(runMailbox()).rejects.toThrow();

    expect(uploadsCreated()).toHaveLength(1);
    expect(sourceInControl()).toBe('ai-mo.xlsx');
    expect((await submission()).exists).toBe(false);
    expect(smtp.received).toHaveLength(0);
  });

  it('the next run finds the uploaded file instead of making a second one, records it, ingests once and replies once', async () => {
    standin.clearLog();

    const result = await runMailbox();

    expect(result.messages).toEqual([
      expect.objectContaining({ result: 'ingested', unitId: UNIT.id, rowsValid: 2, reply: 'sent' }),
    ]);
    expect(uploadsCreated()).toHaveLength(0);
    expect(standin.count('files.update.upload')).toBe(1);
    const id = String(sourceInControl());
    expect(standin.fileOf(id)).toMatchObject({ name: 'ai-mo.xlsx', parents: [TEST_FOLDER_ID] });
    expect(standin.fileOf(id).modifiedTime).toEqual(RECEIVED);
    expect((await firestore.db.doc(`sources/${UNIT.id}`).get()).data()?.origin).toEqual({ kind: 'mailbox', file: id });
    const doc = await submission();
    expect(doc.get('counts')).toMatchObject({ valid: 2, rejected: 0 });
    expect(await loadRevisions(doc.ref)).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.text).toContain('✓ Đủ, đúng hạn');
  });

  it('a third run finds the message done: no upload, no revision, no reply', async () => {
    standin.clearLog();
    expect((await runMailbox()).messages).toEqual([]);
    expect(standin.count('files.create.upload') + standin.count('files.update.upload')).toBe(0);
    expect(await loadRevisions((await submission()).ref)).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
  });
});
