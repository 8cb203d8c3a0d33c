import net from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../../functions/src/adapters/mail/smtp-mailer.js';
import { MailDeliveryError } from '../../../functions/src/jobs/notify/mail-delivery-error.js';
import type { Mailer, OutgoingMail } from '../../../functions/src/jobs/notify/ports.js';

const FROM = '"Quận Đoàn 1" <vanphong@quandoan.example>';
const SUBJECT = '[Nhắc nộp báo cáo] Kế hoạch số 42-KHLT/GDĐT-HĐĐ-NTN — hạn 10g00 15/09/2024';
const UNIT = 'Liên đội Tiểu học Lương Thế Vinh';
/** A local part that must never appear in an error message. */
const LOCAL_PART = 'ltv.tongphutrach';

const MAIL: OutgoingMail = {
  to: [`${LOCAL_PART}@truong.example`],
  cc: ['vanphong@quandoan.example'],
  subject: SUBJECT,
  text: `Kính gửi: ${UNIT},\nđơn vị chưa nộp báo cáo theo Kế hoạch số 42-KHLT/GDĐT-HĐĐ-NTN.`,
  html: `<p>Kính gửi: <b>${UNIT}</b>,</p><p>đơn vị chưa nộp báo cáo theo Kế hoạch số 42-KHLT/GDĐT-HĐĐ-NTN.</p>`,
  noticeId: 'ke-hoach-42~2024-09-15~th-ltv~overdue',
};

const MAILER_TIMEOUTS = { connectionTimeoutMs: 2000, socketTimeoutMs: 3000 } as const;
const USER = 'quandoan1';
const PASSWORD = 'mat-khau-dung';

interface Received {
  readonly parsed: ParsedMail;
  readonly raw: string;
  readonly rcptTo: string[];
}

interface TestServer {
  readonly port: number;
  readonly received: Received[];
  /** DATA commands seen, accepted or not. */
  dataAttempts: number;
  /** TCP connections accepted. */
  connections: number;
  url(auth?: string): string;
  close(): Promise<void>;
  readonly listening: () => boolean;
}

const servers: TestServer[] = [];
const mailers: Mailer[] = [];

afterAll(async () => {
  await Promise.all(mailers.map((m) => m.close()));
  await Promise.all(servers.map((s) => s.close()));
  // Nothing of ours is left listening.
  expect(servers.filter((s) => s.listening())).toEqual([]);
});

/** A real SMTP server on 127.0.0.1, closed in afterAll. */
async function startServer(behaviour: {
  readonly password?: string;
  /** A hostile server: its reply to a failed login repeats the user and password, plain and base64. */
  readonly echoLogin?: boolean;
  /** SMTP reply code for every RCPT TO (the reply names the address, as real servers do). */
  readonly rcptCode?: number;
  /** Cut the connection while receiving the n-th message (1-based) when this says so. */
  readonly dropMessage?: (n: number) => boolean;
}): Promise<TestServer> {
  const sockets = new Map<number, net.Socket>();
  const received: Received[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: behaviour.password === undefined,
    allowInsecureAuth: true,
    closeTimeout: 1000,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === behaviour.password) callback(null, { user: auth.username });
      else if (behaviour.echoLogin)
        callback(
          Object.assign(
            new Error(
              `Invalid login ${auth.username}:${auth.password} (${Buffer.from(`\0${auth.username}\0${auth.password}`).toString('base64')})`,
            ),
            { responseCode: 535 },
          ),
        );
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const code = behaviour.rcptCode;
      if (code === undefined) return callback();
      const text =
        code >= 500
          ? `5.1.1 <${address.address}>: Recipient address rejected: User unknown`
          : `4.7.1 <${address.address}>: Greylisted, try again later`;
      return callback(Object.assign(new Error(text), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const n = ++state.dataAttempts;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (behaviour.dropMessage?.(n)) {
          sockets.get(session.remotePort)?.destroy();
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              parsed,
              raw: raw.toString('latin1'),
              rcptTo: session.envelope.rcptTo.map((a) => a.address),
            });
            callback(null, 'OK queued');
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  server.server.on('connection', (socket: net.Socket) => {
    state.connections++;
    if (socket.remotePort !== undefined) sockets.set(socket.remotePort, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the test SMTP server has no port');
  let closed: Promise<void> | undefined;
  const state: TestServer = {
    port: address.port,
    received,
    dataAttempts: 0,
    connections: 0,
    url: (auth = '') => `smtp://${auth}127.0.0.1:${address.port}`,
    close: () => (closed ??= new Promise<void>((resolve) => server.close(() => resolve()))),
    listening: () => server.server.listening,
  };
  servers.push(state);
  return state;
}

function mailerFor(url: string): Mailer {
  const mailer = createSmtpMailer({ url, from: FROM, ...MAILER_TIMEOUTS });
  mailers.push(mailer);
  return mailer;
}

async function failureOf(sending: Promise<unknown>): Promise<MailDeliveryError> {
  const error = await sending.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailDeliveryError);
  return error as MailDeliveryError;
}

function header(parsed: ParsedMail, name: string): string {
  const value = parsed.headers.get(name);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

describe('createSmtpMailer: messages as a real SMTP server receives them', () => {
  it('sends multipart/alternative UTF-8 with the Vietnamese subject, CC and the notice header intact', async () => {
    const server = await startServer({ password: PASSWORD });
    const mailer = mailerFor(server.url(`${USER}:${PASSWORD}@`));
    // NFD input (as typed on a Mac) must arrive as NFC.
    const nfd: OutgoingMail = {
      ...MAIL,
      subject: SUBJECT.normalize('NFD'),
      text: MAIL.text.normalize('NFD'),
      noticeId: 'ke-hoach-42~2024-09-15~th-ltv~due',
    };
    const third: OutgoingMail = {
      ...MAIL,
      cc: [],
      subject: 'Tổng hợp ngày 16/09/2024 — Cụm 3: 4 đơn vị chưa nộp',
      noticeId: 'digest~2024-09-16',
    };
    const results = await Promise.all([MAIL, nfd, third].map((m) => mailer.send(m)));

    expect(server.received).toHaveLength(3);
    for (const [i, sent] of [MAIL, nfd, third].entries()) {
      const got = server.received.find((r) => header(r.parsed, 'x-tonghop-notice') === sent.noticeId);
      expect(got, sent.noticeId).toBeDefined();
      if (!got) continue;
      const { parsed, raw } = got;
      expect(parsed.messageId).toBe(results[i]?.messageId);
      expect(results[i]?.messageId).toMatch(/^<[^<>\s]+@quandoan\.example>$/);

      const subject = sent.subject.normalize('NFC');
      expect(parsed.subject).toBe(subject);
      expect(parsed.subject?.normalize('NFC')).toBe(parsed.subject);
      expect(parsed.subject).not.toMatch(/\p{M}/u);
      // The subject travels as encoded words: the raw header line is plain ASCII.
      const rawSubject = /^Subject:(.*(?:\r\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
      expect(rawSubject).toMatch(/=\?UTF-8\?[BQ]\?/i);
      expect(rawSubject).toMatch(/^[\x20-\x7e\r\n\t]*$/);

      expect(header(parsed, 'content-type')).toContain('multipart/alternative');
      expect(raw.toLowerCase()).toContain('charset=utf-8');
      expect(parsed.text).toContain(UNIT);
      expect(parsed.text?.normalize('NFC')).toBe(parsed.text);
      expect(parsed.text).not.toMatch(/\p{M}/u);
      expect(parsed.html || '').toContain(`<b>${UNIT}</b>`);

      expect(parsed.from?.value).toEqual([{ name: 'Quận Đoàn 1', address: 'vanphong@quandoan.example' }]);
      expect([parsed.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address))).toEqual(sent.to);
      expect([parsed.cc ?? []].flat().flatMap((a) => a.value.map((v) => v.address))).toEqual(sent.cc);
      expect(got.rcptTo.sort()).toEqual([...sent.to, ...sent.cc].sort());
    }
  });

  it('describes itself without the user or password', async () => {
    const mailer = mailerFor(`smtps://${USER}:${PASSWORD}@127.0.0.1:2465`);
    expect(mailer.description).toBe('SMTP smtps://127.0.0.1:2465');
    expect(mailerFor('smtp://127.0.0.1').description).toBe('SMTP smtp://127.0.0.1:587');
    expect(() => createSmtpMailer({ url: `http://${USER}:${PASSWORD}@127.0.0.1`, from: FROM })).toThrow(
      /smtp:\/\/ or smtps:\/\//,
    );
    let thrown: unknown;
    try {
      createSmtpMailer({ url: `${USER}:${PASSWORD}@127.0.0.1:587`, from: FROM });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(String(thrown)).toContain('SMTP_URL');
    expect(String(thrown)).not.toContain(PASSWORD);
  });
});

describe('createSmtpMailer: failures become MailDeliveryError', () => {
  it('a wrong password is a permanent auth failure that says what to fix', async () => {
    const server = await startServer({ password: PASSWORD });
    const error = await failureOf(mailerFor(server.url(`${USER}:sai-mat-khau@`)).send(MAIL));
    expect(error).toMatchObject({ failure: 'auth', permanent: true });
    expect(error.message).toContain('EAUTH');
    expect(error.message).toContain('535');
    expect(error.message).toContain('SMTP_URL');
    expect(error.message).not.toContain('sai-mat-khau');
    expect(error.message).not.toContain(LOCAL_PART);
    expect(server.received).toHaveLength(0);
    // The same server takes the right password.
    await expect(mailerFor(server.url(`${USER}:${PASSWORD}@`)).send(MAIL)).resolves.toMatchObject({
      messageId: expect.any(String),
    });
  });

  it('a server that echoes the login in its reply never gets the password into our message', async () => {
    const server = await startServer({ password: PASSWORD, echoLogin: true });
    const wrong = 'Mat-khau-bi-lo-2024';
    const error = await failureOf(mailerFor(server.url(`${USER}:${wrong}@`)).send(MAIL));
    expect(error).toMatchObject({ failure: 'auth' });
    expect(error.message).toContain('535');
    expect(error.message).not.toContain(wrong);
    expect(error.message).not.toContain(Buffer.from(`\0${USER}\0${wrong}`).toString('base64').replace(/=+$/, ''));
    expect(error.message).not.toContain(Buffer.from(wrong).toString('base64').replace(/=+$/, ''));
  });

  it.each([
    [550, true],
    [451, false],
  ] as const)(
    'a recipient refused with %i is rejected, permanent: %s, without the address in the message',
    async (code, permanent) => {
      const server = await startServer({ rcptCode: code });
      const error = await failureOf(mailerFor(server.url()).send(MAIL));
      expect(error).toMatchObject({ failure: 'rejected', permanent });
      expect(error.message).toContain(String(code));
      expect(error.message).toContain('EENVELOPE');
      // The server's reason is kept, the recipient's local part is not.
      expect(error.message).toMatch(/\*\*\*@(truong|quandoan)\.example/);
      expect(error.message).not.toContain(LOCAL_PART);
      expect(error.message).not.toContain(UNIT);
      expect(server.received).toHaveLength(0);
    },
  );

  it('a connection cut during the second message: the first is sent, the second fails transiently, the pool recovers', async () => {
    let dropping = true;
    const server = await startServer({ dropMessage: (n) => dropping && n === 2 });
    const mailer = mailerFor(server.url());
    const first = await mailer.send(MAIL);
    expect(first.messageId).toMatch(/^<.+@quandoan\.example>$/);
    const error = await failureOf(mailer.send({ ...MAIL, noticeId: 'ke-hoach-42~2024-09-15~th-ltv~escalation' }));
    expect(['connection', 'unknown']).toContain(error.failure);
    expect(error.permanent).toBe(false);
    expect(error.message).not.toContain(LOCAL_PART);
    // Tried once, not silently re-sent.
    expect(server.dataAttempts).toBe(2);
    expect(server.received.map((r) => header(r.parsed, 'x-tonghop-notice'))).toEqual([MAIL.noticeId]);

    dropping = false;
    await expect(mailer.send({ ...MAIL, noticeId: 'digest~2024-09-16' })).resolves.toMatchObject({
      messageId: expect.any(String),
    });
    expect(server.received).toHaveLength(2);
  });

  it('nothing listening is a transient connection failure naming ECONNREFUSED', async () => {
    const server = await startServer({});
    await server.close();
    const error = await failureOf(mailerFor(server.url()).send(MAIL));
    expect(error).toMatchObject({ failure: 'connection', permanent: false });
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain(`smtp://127.0.0.1:${server.port}`);
  });

  it('a server that never greets is a transient timeout, within the configured time', async () => {
    const silent = net.createServer(() => undefined);
    const open = new Set<net.Socket>();
    silent.on('connection', (socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    try {
      const address = silent.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const mailer = createSmtpMailer({
        url: `smtp://127.0.0.1:${port}`,
        from: FROM,
        connectionTimeoutMs: 300,
        socketTimeoutMs: 300,
      });
      mailers.push(mailer);
      // The 300 ms timeouts are the ones used: the default (30 s) would outlast the test's own timeout.
      const error = await failureOf(mailer.send(MAIL));
      expect(error).toMatchObject({ failure: 'timeout', permanent: false });
      expect(error.message).toContain('ETIMEDOUT');
    } finally {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
    expect(silent.listening).toBe(false);
  });

  it('messages one after the other share one pooled connection; a closed mailer refuses to send', async () => {
    const server = await startServer({});
    const mailer = mailerFor(server.url());
    for (const stage of ['reminder', 'due', 'overdue'])
      await mailer.send({ ...MAIL, noticeId: `ke-hoach-42~2024-09-15~th-ltv~${stage}` });
    expect(server.received).toHaveLength(3);
    expect(server.connections).toBe(1);
    await mailer.close();
    const error = await failureOf(mailer.send(MAIL));
    expect(error).toMatchObject({ failure: 'unknown', permanent: false });
    expect(server.received).toHaveLength(3);
  });
});
