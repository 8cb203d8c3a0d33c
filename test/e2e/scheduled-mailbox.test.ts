import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSED_KEYWORD } from '../../functions/src/adapters/mail/imap-mailbox.js';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { logging } from '../../functions/src/handlers/log.js';
import { TRAINING_HEADER, useTempDir } from '../support/builders.js';
import { startDovecot, type TestDovecot } from '../support/dovecot.js';
import { testFirestore } from '../support/firestore.js';
import { builtinFormDue } from '../support/forms.js';
import { rawMessage, workbookBytes } from '../support/mail-messages.js';
import { titled } from '../support/workbooks.js';

const school = (id: string): Unit => ({
  id,
  name: `Liên đội ${id}`,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [{ name: 'TPT', email: `tpt@${id}.example` }],
  members: 300,
  source: `${id}.xlsx`,
});

/** `scheduledMailbox` in-process through functions-framework's test server, against a real Dovecot and the suite's emulator. */
describe('Cloud Function scheduledMailbox', () => {
  const firestore = testFirestore('fn-mailbox');
  const home = useTempDir('tonghop-fn-mailbox');
  let dovecot: TestDovecot;
  const logged: string[] = [];
  const tick = () =>
    request(getTestServer('scheduledMailbox'))
      .post('/')
      .set('ce-id', randomBytes(4).toString('hex'))
      .set('ce-specversion', '1.0')
      .set('ce-type', 'google.cloud.pubsub.topic.v1.messagePublished')
      .set('ce-source', '//pubsub.googleapis.com/projects/demo/topics/tonghop-mailbox')
      .set('content-type', 'application/json')
      .send({ message: { data: Buffer.from('{}').toString('base64') } });
  const outbox = async () => readdir(path.join(home(), 'outbox')).catch(() => [] as string[]);

  beforeAll(async () => {
    dovecot = await startDovecot();
    await writeControlWorkbook(path.join(home(), 'control.xlsx'), {
      settings: {
        districtName: 'Quận Đoàn thử',
        officeEmail: 'vp@example.com',
        contactName: 'Lê Ánh Hồng',
        contactPhone: '0983 018 027',
      },
      units: [school('th-a'), school('th-b')],
      plans: [builtinFormDue('tap-huan-2024', '2030-09-15')],
    });
    Object.assign(process.env, {
      TONGHOP_PROJECT_ID: firestore.projectId,
      TONGHOP_HOME: home(),
      TONGHOP_SOURCE: 'workbook',
      TONGHOP_CONTROL_WORKBOOK: path.join(home(), 'control.xlsx'),
      IMAP_URL: dovecot.url(),
    });
    logging.sink = (line) => void logged.push(line);
    await import('../../functions/src/index.js');
  }, 60_000);
  afterAll(async () => {
    await dovecot?.stop();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('ingests a unit’s emailed workbook, replies once, flags the message, and a second tick does nothing', async () => {
    const attachment = await workbookBytes([
      {
        name: 'Đăng ký tập huấn',
        rows: titled('ĐĂNG KÝ', TRAINING_HEADER, [
          [1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', '12/3/1990', '0983018027', null, 'Tập huấn', 'Có', null],
        ]),
      },
    ]);
    const uid = await dovecot.append(
      await rawMessage({
        from: 'tpt@th-a.example',
        subject: 'Báo cáo',
        messageId: '<fn1@th-a.example>',
        attachments: [{ filename: 'bao-cao.xlsx', content: attachment }],
      }),
    );

    const response = await tick();

    expect(response.status).toBe(204);
    expect((await firestore.db.doc('submissions/tap-huan-2024~mot-lan~th-a').get()).data()?.rows).toHaveLength(1);
    // The attachment became the unit's file (row statuses written back into it since).
    expect((await stat(path.join(home(), 'units', 'th-a.xlsx'))).size).toBeGreaterThan(0);
    const replies = await outbox();
    expect(replies).toHaveLength(1);
    expect((await dovecot.flags()).get(uid)?.has(PROCESSED_KEYWORD)).toBe(true);
    const done = logged
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .findLast((e) => e.message === 'scheduledMailbox done');
    expect(done).toMatchObject({ severity: 'INFO', messages: 1, ingested: 1, repliesSent: 1 });

    expect((await tick()).status).toBe(204);
    expect(await outbox()).toEqual(replies);
    expect(
      logged
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .findLast((e) => e.message === 'scheduledMailbox done'),
    ).toMatchObject({ messages: 0 });
    // Counts and keys only: no address, no name from the message or the workbook.
    for (const personal of ['tpt@th-a.example', 'Nguyễn Thị Lan', 'Báo cáo'])
      expect(logged.join('')).not.toContain(personal);
  });

  it('a mailbox it cannot log in to is logged with the setting to fix and acknowledged', async () => {
    await dovecot.stop();
    const response = await tick();
    expect(response.status).toBe(204);
    const error = logged.map((l) => JSON.parse(l) as Record<string, unknown>).findLast((e) => e.severity === 'ERROR');
    expect(String(error?.message)).toMatch(/^scheduledMailbox: .*IMAP_URL/);
  });
});
