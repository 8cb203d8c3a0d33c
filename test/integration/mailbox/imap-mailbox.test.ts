import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { openImapMailbox, PROCESSED_KEYWORD } from '../../../functions/src/adapters/mail/imap-mailbox.js';
import { createSmtpMailer } from '../../../functions/src/adapters/mail/smtp-mailer.js';
import { FirestoreMailboxLedger } from '../../../functions/src/adapters/store/firestore-mailbox-ledger.js';
import { FirestoreSummaryStore } from '../../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitFolderDrop } from '../../../functions/src/adapters/workbook/unit-folder-drop.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { processMailbox, type ProcessMailboxInput } from '../../../functions/src/jobs/mailbox/process-mailbox.js';
import { startDovecot, type TestDovecot } from '../../support/dovecot.js';
import { testFirestore } from '../../support/firestore.js';
import { rawMessage, workbookBytes } from '../../support/mail-messages.js';
import { startCapturingSmtp, type CapturingSmtp } from '../../support/smtp.js';
import { titled, type TestCell } from '../../support/workbooks.js';
import { TRAINING_HEADER, trainingRow, useTempDir } from '../../support/builders.js';
import { loadRevisions } from '../../support/revisions.js';

const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@quandoan.example',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
/** After the deadline (10:00 15/09/2024): timeliness must come from the message, not from the run. */
const NOW = new Date('2024-09-20T01:00:00Z');
const BEFORE_DEADLINE = new Date('2024-09-14T02:00:00Z');
const school = (id: string, name: string, emails: string[]): Unit => ({
  id,
  name,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: emails.map((email) => ({ name: 'TPT', email })),
  members: 500,
  source: `${id}.xlsx`,
});
const UNITS = [
  school('ai-mo', 'Liên đội Tiểu học Ái Mộ', ['aimo@truong.example']),
  school('bo-de', 'Liên đội Tiểu học Bồ Đề', ['bode@truong.example', 'tpt.bode@truong.example']),
];
const registration = (rows: TestCell[][]) =>
  workbookBytes([{ name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', TRAINING_HEADER, rows) }]);

/** The mailbox job end to end against a real Dovecot, a real SMTP server and the Firestore emulator. */
describe('processMailbox over IMAP', () => {
  const firestore = testFirestore('imap-mailbox');
  let dovecot: TestDovecot;
  let smtp: CapturingSmtp;
  const unitsDir = useTempDir('tonghop-mailbox');
  let forms: FormSpec[];

  const run = async (options: { between?: ProcessMailboxInput['between']; smtpUrl?: string } = {}) => {
    const mailbox = await openImapMailbox({ url: dovecot.url() });
    const mailer = createSmtpMailer({
      url: options.smtpUrl ?? smtp.url,
      from: '"Quận Đoàn thử" <vp@quandoan.example>',
    });
    try {
      return await processMailbox({
        mailbox,
        ledger: new FirestoreMailboxLedger(firestore.db),
        mailer,
        drop: new UnitFolderDrop(unitsDir()),
        units: UNITS,
        forms,
        settings: SETTINGS,
        sweepStore: new FirestoreSweepStore(firestore.db),
        store: new FirestoreSummaryStore(firestore.db),
        now: NOW,
        maxAttachmentBytes: 1024 * 1024,
        ...(options.between ? { between: options.between } : {}),
      });
    } finally {
      await mailer.close();
      await mailbox.close();
    }
  };
  const submissionDoc = async (unitId: string) =>
    (await firestore.db.collection('submissions').where('unitId', '==', unitId).get()).docs[0];
  const submission = async (unitId: string) => (await submissionDoc(unitId))?.data();
  const revisions = async (unitId: string) => {
    const doc = await submissionDoc(unitId);
    return doc ? (await loadRevisions(doc.ref)).length : 0;
  };
  const repliesTo = (address: string) =>
    smtp.received.filter((m) => [m.to ?? []].flat().some((a) => a.text.includes(address)));
  const processed = async (uid: number) => (await dovecot.flags()).get(uid)?.has(PROCESSED_KEYWORD);

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startCapturingSmtp()]);
    // Two forms the schools owe: a file holding one of them says nothing about the other.
    forms = (await loadBuiltinForms()).filter((f) => f.id === 'tap-huan-2024' || f.id === 'ke-hoach-nho-65-nam');
  });
  afterAll(async () => {
    await Promise.all([dovecot?.stop(), smtp?.close()]);
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('ingests a known sender’s workbook at the received time, replies once in Vietnamese and flags the message', async () => {
    const attachment = await registration([trainingRow(1, 'Nguyễn Thị Lan'), trainingRow(2, 'Trần Minh Đức')]);
    const uid = await dovecot.append(
      await rawMessage({
        from: 'Tổng phụ trách <AiMo@truong.example>',
        subject: 'Gửi báo cáo',
        messageId: '<m1@truong.example>',
        attachments: [{ filename: 'dang ky.xlsx', content: attachment }],
      }),
      { receivedAt: BEFORE_DEADLINE },
    );

    const result = await run();

    expect(result.messages).toEqual([
      expect.objectContaining({ result: 'ingested', unitId: 'ai-mo', rowsValid: 2, rowsRejected: 0, reply: 'sent' }),
    ]);
    expect((await submission('ai-mo'))?.rows).toHaveLength(2);
    const [reply] = repliesTo('aimo@truong.example');
    expect(reply?.subject).toBe('Kết quả nhận báo cáo qua thư: Liên đội Tiểu học Ái Mộ');
    expect(reply?.text).toContain('lúc 9g00 14/09/2024');
    expect(reply?.text).toMatch(/Dòng hợp lệ:\s+2/);
    // Received before the deadline, read after it: on time.
    expect(reply?.text).toContain('Đăng ký tập huấn (hạn nộp: 10g00 ngày 15/09/2024): ✓ Đủ, đúng hạn.');
    expect(reply?.text).not.toContain('Kế hoạch nhỏ');
    expect(await processed(uid)).toBe(true);
  });

  it('a second contact of a unit is recognised, and each rejected row is listed with its message', async () => {
    const attachment = await registration([
      trainingRow(1, 'Lê Thu Hà'),
      trainingRow(2, 'Đỗ Minh Khoa', { phone: '12345' }),
    ]);
    await dovecot.append(
      await rawMessage({
        from: 'tpt.bode@truong.example',
        subject: 'Báo cáo',
        messageId: '<m2@truong.example>',
        attachments: [{ filename: 'bao-cao.xlsx', content: attachment }],
      }),
      { receivedAt: BEFORE_DEADLINE },
    );

    const result = await run();

    expect(result.messages).toEqual([
      expect.objectContaining({ result: 'ingested', unitId: 'bo-de', rowsValid: 1, rowsRejected: 1 }),
    ]);
    const [reply] = repliesTo('tpt.bode@truong.example');
    expect(reply?.text).toMatch(/Dòng lỗi:\s+1/);
    expect(reply?.text).toMatch(/Dòng 6\b.*12345|12345.*dòng 6\b/i);
    expect(reply?.text).toContain('Chưa đạt');
  });

  it('a re-run ingests and replies nothing again, also when the same message arrives twice', async () => {
    const before = { replies: smtp.received.length, revisions: await revisions('ai-mo') };
    expect((await run()).messages).toEqual([]);
    // A copy of the first message (same Message-ID), e.g. delivered again by a forwarding rule.
    const attachment = await registration([trainingRow(1, 'Nguyễn Thị Lan'), trainingRow(2, 'Trần Minh Đức')]);
    const uid = await dovecot.append(
      await rawMessage({
        from: 'aimo@truong.example',
        subject: 'Gửi báo cáo',
        messageId: '<m1@truong.example>',
        attachments: [{ filename: 'dang ky.xlsx', content: attachment }],
      }),
      { receivedAt: NOW },
    );

    const result = await run();

    expect(result.messages).toEqual([expect.objectContaining({ reply: 'earlier' })]);
    expect(smtp.received.length).toBe(before.replies);
    expect(await revisions('ai-mo')).toBe(before.revisions);
    expect(await processed(uid)).toBe(true);
  });

  it('an unknown sender gets a polite reply on how to register, and nothing is stored', async () => {
    const attachment = await registration([trainingRow(1, 'Phạm Văn Nam')]);
    await dovecot.append(
      await rawMessage({
        from: 'la@khac.example',
        subject: 'Báo cáo tập huấn',
        messageId: '<m3@khac.example>',
        attachments: [{ filename: 'bao-cao.xlsx', content: attachment }],
      }),
      { receivedAt: BEFORE_DEADLINE },
    );
    const sources = (await firestore.db.collection('sources').get()).size;

    const result = await run();

    expect(result.messages).toEqual([
      expect.objectContaining({ result: 'unknown-sender', reply: 'sent', rowsValid: 0 }),
    ]);
    expect(result.messages[0]).not.toHaveProperty('unitId');
    const [reply] = repliesTo('la@khac.example');
    expect(reply?.subject).toBe('Chưa ghi nhận báo cáo: chưa xác định được đơn vị gửi');
    expect(reply?.text).toContain('thêm địa chỉ thư này vào danh sách liên hệ');
    expect((await firestore.db.collection('sources').get()).size).toBe(sources);
  });

  it('a file without a form’s tab keeps what was sent for it, and the reply says so', async () => {
    const rowsBefore = (await submission('ai-mo'))?.rows.length;
    const revisionsBefore = await revisions('ai-mo');
    const other = await workbookBytes([{ name: 'Ghi chú', rows: [['Đơn vị gửi bổ sung sau']] }]);
    await dovecot.append(
      await rawMessage({
        from: 'aimo@truong.example',
        subject: 'Bổ sung',
        messageId: '<m8@truong.example>',
        attachments: [{ filename: 'ghi-chu.xlsx', content: other }],
      }),
      { receivedAt: NOW },
    );

    const result = await run();

    expect(result.messages).toEqual([expect.objectContaining({ result: 'ingested', unitId: 'ai-mo', rowsValid: 0 })]);
    expect((await submission('ai-mo'))?.rows.length).toBe(rowsBefore);
    expect(await revisions('ai-mo')).toBe(revisionsBefore);
    const reply = repliesTo('aimo@truong.example').at(-1);
    expect(reply?.text).toContain(
      "lần này không có trang 'Đăng ký tập huấn': báo cáo đã gửi trước đó của trang này được giữ nguyên",
    );
  });

  it('a reply the server refuses for good is recorded and does not hold up the messages after it', async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('khong-ton-tai'))
          return callback(Object.assign(new Error('5.1.1 no such user'), { responseCode: 550 }));
        callback();
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', () => resolve()));
    const address = refusing.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const attachment = await registration([trainingRow(1, 'Nguyễn Thị Lan')]);
      const gone = await dovecot.append(
        await rawMessage({
          from: 'khong-ton-tai@khac.example',
          subject: 'Báo cáo',
          messageId: '<m9@khac.example>',
          attachments: [{ filename: 'a.xlsx', content: attachment }],
        }),
        { receivedAt: NOW },
      );
      const next = await dovecot.append(
        await rawMessage({
          from: 'la2@khac.example',
          subject: 'Báo cáo',
          messageId: '<m10@khac.example>',
          attachments: [{ filename: 'a.xlsx', content: attachment }],
        }),
        { receivedAt: NOW },
      );

      const result = await run({ smtpUrl: `smtp://127.0.0.1:${port}` });

      expect(result.stoppedBy).toBeUndefined();
      expect(result.messages.map((m) => m.reply)).toEqual(['failed', 'sent']);
      expect(await processed(gone)).toBe(true);
      expect(await processed(next)).toBe(true);
    } finally {
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });

  it('never answers a machine, nor a stranger who attached nothing', async () => {
    const outOfOffice = await dovecot.append(
      await rawMessage({
        from: 'aimo@truong.example',
        subject: 'Trả lời tự động: Kết quả nhận báo cáo',
        messageId: '<ooo@truong.example>',
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
      { receivedAt: NOW },
    );
    const spam = await dovecot.append(
      await rawMessage({ from: 'quangcao@khac.example', subject: 'Khuyến mãi', messageId: '<spam@khac.example>' }),
      { receivedAt: NOW },
    );
    const repliesBefore = smtp.received.length;

    const result = await run();

    expect(result.messages.map((m) => m.reply)).toEqual(['none', 'none']);
    expect(smtp.received.length).toBe(repliesBefore);
    expect(await processed(outOfOffice)).toBe(true);
    expect(await processed(spam)).toBe(true);
  });

  it('a crash between ingest and flag loses nothing and repeats nothing', async () => {
    const attachment = await registration([
      trainingRow(1, 'Nguyễn Thị Lan'),
      trainingRow(2, 'Trần Minh Đức'),
      trainingRow(3, 'Vũ Thị Mai'),
    ]);
    const uid = await dovecot.append(
      await rawMessage({
        from: 'aimo@truong.example',
        subject: 'Bổ sung',
        messageId: '<m4@truong.example>',
        attachments: [{ filename: 'bo-sung.xlsx', content: attachment }],
      }),
      { receivedAt: NOW },
    );
    const repliesBefore = repliesTo('aimo@truong.example').length;
    const revisionsBefore = await revisions('ai-mo');

    // First crash: right after the ingest was recorded, before the reply.
    const crash = (at: string) => async (step: string) => {
      if (step === at) throw new Error(`crash at ${at}`);
    };
    await expect(run({ between: crash('ingested') })).rejects.toThrow('crash at ingested');
    expect(await processed(uid)).toBe(false);
    expect(repliesTo('aimo@truong.example').length).toBe(repliesBefore);
    expect((await submission('ai-mo'))?.rows).toHaveLength(3);

    // Second crash: the reply went out, the flag did not.
    await expect(run({ between: crash('replied') })).rejects.toThrow('crash at replied');
    expect(await processed(uid)).toBe(false);
    expect(repliesTo('aimo@truong.example').length).toBe(repliesBefore + 1);

    const result = await run();

    expect(result.messages).toEqual([expect.objectContaining({ reply: 'earlier' })]);
    expect(await processed(uid)).toBe(true);
    expect(repliesTo('aimo@truong.example').length).toBe(repliesBefore + 1);
    expect(await revisions('ai-mo')).toBe(revisionsBefore + 1);
  });

  it('zipped, password-protected and non-Excel attachments get a clear reply and change nothing', async () => {
    // A real password-protected workbook (test/fixtures/foreign/recipes/password-protected.sh).
    const encrypted = await readFile(path.resolve('test/fixtures/foreign/libreoffice-1904-password.xlsx'));
    const uid = await dovecot.append(
      await rawMessage({
        from: 'bode@truong.example',
        subject: 'Báo cáo',
        messageId: '<m5@truong.example>',
        attachments: [
          { filename: 'bao-cao.zip', content: Buffer.from('PK\u0003\u0004zip'), contentType: 'application/zip' },
          { filename: 'bao-cao.xlsx', content: encrypted },
          {
            filename: 'ban-cu.xlsx',
            content: await readFile(path.resolve('test/fixtures/foreign/libreoffice-excel97.xls')),
          },
          { filename: 'bao-cao.pdf', content: Buffer.from('%PDF-1.4'), contentType: 'application/pdf' },
        ],
      }),
      { receivedAt: NOW },
    );
    const revisionsBefore = await revisions('bo-de');

    const result = await run();

    expect(result.messages).toEqual([
      expect.objectContaining({ result: 'nothing-readable', unitId: 'bo-de', reply: 'sent' }),
    ]);
    const reply = repliesTo('bode@truong.example').at(-1);
    expect(reply?.text).toContain("Tệp 'bao-cao.zip' là tệp nén");
    expect(reply?.text).toContain("Tệp 'bao-cao.xlsx' đang đặt mật khẩu");
    // An old .xls renamed .xlsx is a compound file too, but not a password-protected one.
    expect(reply?.text).toContain("Tệp 'ban-cu.xlsx' không phải định dạng Excel .xlsx");
    expect(reply?.text).not.toContain("Tệp 'ban-cu.xlsx' đang đặt mật khẩu");
    expect(reply?.text).toContain("Tệp 'bao-cao.pdf' không phải tệp Excel .xlsx");
    expect(await revisions('bo-de')).toBe(revisionsBefore);
    expect(await processed(uid)).toBe(true);
  });

  it('two runs at once on the same message reply once and store one revision', async () => {
    const attachment = await registration([
      trainingRow(1, 'Lê Thu Hà'),
      trainingRow(2, 'Đỗ Minh Khoa'),
      trainingRow(3, 'Hoàng Văn An'),
    ]);
    const uid = await dovecot.append(
      await rawMessage({
        from: 'bode@truong.example',
        subject: 'Sửa lại',
        messageId: '<m6@truong.example>',
        attachments: [{ filename: 'sua.xlsx', content: attachment }],
      }),
      { receivedAt: NOW },
    );
    const repliesBefore = repliesTo('bode@truong.example').length;
    const revisionsBefore = await revisions('bo-de');

    const results = await Promise.all([run(), run()]);

    expect(results.flatMap((r) => r.messages).filter((m) => m.reply === 'sent')).toHaveLength(1);
    expect(repliesTo('bode@truong.example').length).toBe(repliesBefore + 1);
    expect(await revisions('bo-de')).toBe(revisionsBefore + 1);
    expect(await processed(uid)).toBe(true);
  });

  it('leaves alone messages received before the look-back day', async () => {
    const attachment = await registration([trainingRow(1, 'Nguyễn Thị Lan')]);
    const old = await dovecot.append(
      await rawMessage({
        from: 'aimo@truong.example',
        subject: 'Cũ',
        messageId: '<m7@truong.example>',
        attachments: [{ filename: 'cu.xlsx', content: attachment }],
      }),
      { receivedAt: new Date('2024-01-02T02:00:00Z') },
    );
    const mailbox = await openImapMailbox({ url: dovecot.url(), since: new Date('2024-09-01T00:00:00Z') });
    try {
      expect(await mailbox.pending()).not.toContain(String(old));
    } finally {
      await mailbox.close();
    }
  });
});
