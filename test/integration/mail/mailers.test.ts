import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxMailer, listOutbox } from '../../../functions/src/adapters/mail/outbox-mailer.js';
import { createSmtpMailer } from '../../../functions/src/adapters/mail/smtp-mailer.js';
import { MailDeliveryError } from '../../../functions/src/jobs/notify/mail-delivery-error.js';
import type { OutgoingMail } from '../../../functions/src/jobs/notify/ports.js';

const MAIL: OutgoingMail = {
  to: ['tpt@truong.example'],
  cc: ['vanphong@quandoan.example'],
  subject: '[Nhắc nộp báo cáo] Kế hoạch số 06-KH/HĐĐ — Kế hoạch nhỏ 65 năm — trước 14/12/2023',
  text: 'Kính gửi: Liên đội Tiểu học Lương Thế Vinh',
  html: '<p>Kính gửi: <b>Liên đội Tiểu học Lương Thế Vinh</b></p>',
  noticeId: 'ke-hoach-nho-65-nam~2023-12-14~th-ltv~reminder',
};

/** An SMTP server that answers each recipient with a chosen SMTP code. */
async function refusingServer(options: { rcptCode?: number; password?: string }): Promise<{ url: string; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: options.password === undefined,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.password === options.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      if (!options.rcptCode) return callback();
      const error = Object.assign(new Error(`${options.rcptCode} mailbox unavailable`), { responseCode: options.rcptCode });
      return callback(error);
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const auth = options.password === undefined ? '' : 'tonghop:sai-mat-khau@';
  return { url: `smtp://${auth}127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('SMTP failures become our own errors', () => {
  it.each([
    ['a wrong password', { password: 'dung-mat-khau' }, 'auth', true],
    ['a refused mailbox (550)', { rcptCode: 550 }, 'rejected', true],
    ['a deferred mailbox (451)', { rcptCode: 451 }, 'rejected', false],
  ] as const)('%s', async (_label, behaviour, failure, permanent) => {
    const server = await refusingServer(behaviour);
    const mailer = createSmtpMailer({ url: server.url, from: 'vanphong@quandoan.example', connectionTimeoutMs: 2000 });
    try {
      const sending = mailer.send(MAIL);
      await expect(sending).rejects.toBeInstanceOf(MailDeliveryError);
      await expect(sending).rejects.toMatchObject({ failure, permanent });
      // Operator messages name the SMTP code, never the recipient's address.
      await expect(sending).rejects.not.toThrow('tpt@truong.example');
    } finally {
      await mailer.close();
      await server.close();
    }
  });

  it('a server that is not there', async () => {
    const server = await refusingServer({});
    await server.close();
    const mailer = createSmtpMailer({ url: server.url, from: 'vanphong@quandoan.example', connectionTimeoutMs: 2000 });
    await expect(mailer.send(MAIL)).rejects.toMatchObject({ failure: 'connection', permanent: false });
    await mailer.close();
  });
});

describe('the outbox folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tonghop-outbox-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes one .eml per message in sending order, readable back with its Vietnamese subject', async () => {
    const first = createOutboxMailer({ dir, from: '"Quận Đoàn 1" <vanphong@quandoan.example>' });
    await first.send(MAIL);
    await first.send({ ...MAIL, subject: 'Thư thứ hai — Đoàn cơ sở', noticeId: 'b~c~d~due' });
    // Another run continues the numbering.
    const second = createOutboxMailer({ dir, from: 'vanphong@quandoan.example' });
    await second.send({ ...MAIL, subject: 'Thư thứ ba', noticeId: 'digest~2024-09-23' });
    expect((await readdir(dir)).sort()).toEqual(['0001-ke-hoach-nho-65-nam_2023-12-14_th-ltv_reminder.eml', '0002-b_c_d_due.eml', '0003-digest_2024-09-23.eml']);
    const listed = await listOutbox(dir);
    expect(listed.map((m) => m.subject)).toEqual([MAIL.subject, 'Thư thứ hai — Đoàn cơ sở', 'Thư thứ ba']);
    expect(listed[0]?.to).toBe('tpt@truong.example');
  });
});
