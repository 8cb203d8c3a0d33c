import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { createOutboxMailer, listOutbox } from '../../../functions/src/adapters/mail/outbox-mailer.js';
import type { OutgoingMail } from '../../../functions/src/jobs/notify/ports.js';
import { useTempDir } from '../../support/builders.js';

const FROM = '"Quận Đoàn 1" <vanphong@quandoan.example>';
const UNIT = 'Liên đội Tiểu học Lương Thế Vinh';
const NOW = new Date('2024-09-16T00:30:00Z'); // 07g30 ICT

const FIRST: OutgoingMail = {
  to: ['tongphutrach@ltv.example'],
  cc: ['vanphong@quandoan.example'],
  subject: '[Nhắc nộp báo cáo] Kế hoạch số 42-KHLT/GDĐT-HĐĐ-NTN — hạn 10g00 15/09/2024',
  text: `Kính gửi: ${UNIT},\nđơn vị chưa nộp báo cáo.`,
  html: `<p>Kính gửi: <b>${UNIT}</b>,</p><p>đơn vị chưa nộp báo cáo.</p>`,
  noticeId: 'ke-hoach-42~2024-09-15~th-ltv~overdue',
};
const SECOND: OutgoingMail = {
  ...FIRST,
  to: ['bithu@thcs-nguyen-du.example', 'tpt@thcs-nguyen-du.example'],
  // NFD in, NFC out.
  subject: 'Đến hạn: Báo cáo tháng 9 — Liên đội THCS Nguyễn Du'.normalize('NFD'),
  // Slashes and spaces cannot go into a file name as they are.
  noticeId: 'bao-cao-thang/2024-09~thcs nguyen du~due',
};
const THIRD: OutgoingMail = {
  ...FIRST,
  cc: [],
  subject: 'Tổng hợp ngày 16/09/2024 — Cụm 3',
  noticeId: 'digest~2024-09-16',
};

const dir = useTempDir('tonghop-outbox');

async function parse(file: string): Promise<ParsedMail> {
  return simpleParser(await readFile(file));
}

describe('createOutboxMailer', () => {
  it('writes each message as a numbered .eml, in sending order, that parses back intact', async () => {
    await writeFile(path.join(dir(), 'ghi-chu.txt'), 'not a message');
    const mailer = createOutboxMailer({ dir: dir(), from: FROM, clock: () => NOW });
    // Sent together, numbered in the order send() was called.
    const results = await Promise.all([FIRST, SECOND, THIRD].map((m) => mailer.send(m)));
    await mailer.close();

    const names = (await readdir(dir())).filter((n) => n.endsWith('.eml')).sort();
    expect(names).toEqual([
      '0001-ke-hoach-42~2024-09-15~th-ltv~overdue.eml',
      '0002-bao-cao-thang_2024-09~thcs_nguyen_du~due.eml',
      '0003-digest~2024-09-16.eml',
    ]);
    // No temporary files left behind.
    expect((await readdir(dir())).sort()).toEqual([...names, 'ghi-chu.txt'].sort());

    for (const [i, sent] of [FIRST, SECOND, THIRD].entries()) {
      const parsed = await parse(path.join(dir(), names[i] ?? ''));
      expect(parsed.messageId).toBe(results[i]?.messageId);
      expect(results[i]?.messageId).toMatch(/^<[^<>\s]+@quandoan\.example>$/);
      expect(parsed.subject).toBe(sent.subject.normalize('NFC'));
      expect(parsed.subject).not.toMatch(/\p{M}/u);
      expect(parsed.text).toContain(UNIT);
      expect(parsed.text).not.toMatch(/\p{M}/u);
      expect(parsed.html || '').toContain(`<b>${UNIT}</b>`);
      expect(String(parsed.headers.get('x-tonghop-notice'))).toBe(sent.noticeId);
      expect(JSON.stringify(parsed.headers.get('content-type'))).toContain('multipart/alternative');
      expect(parsed.date?.toISOString()).toBe(NOW.toISOString());
      expect(parsed.from?.value).toEqual([{ name: 'Quận Đoàn 1', address: 'vanphong@quandoan.example' }]);
      expect([parsed.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address))).toEqual(sent.to);
      expect([parsed.cc ?? []].flat().flatMap((a) => a.value.map((v) => v.address))).toEqual(sent.cc);
    }
  });

  it('lists the outbox with readable Vietnamese subjects, in order', async () => {
    const listed = await listOutbox(dir());
    expect(listed.map((m) => path.basename(m.file))).toEqual([
      '0001-ke-hoach-42~2024-09-15~th-ltv~overdue.eml',
      '0002-bao-cao-thang_2024-09~thcs_nguyen_du~due.eml',
      '0003-digest~2024-09-16.eml',
    ]);
    expect(listed.map((m) => m.subject)).toEqual([FIRST.subject, SECOND.subject.normalize('NFC'), THIRD.subject]);
    expect(listed[0]?.file).toBe(path.join(dir(), '0001-ke-hoach-42~2024-09-15~th-ltv~overdue.eml'));
    expect(listed[1]?.to).toBe('bithu@thcs-nguyen-du.example, tpt@thcs-nguyen-du.example');
  });

  it('a second mailer on the same folder continues the numbering', async () => {
    const next = createOutboxMailer({ dir: dir(), from: FROM });
    await next.send({ ...THIRD, subject: 'Thư thứ tư — Đoàn cơ sở', noticeId: 'digest~2024-09-17' });
    await next.close();
    const listed = await listOutbox(dir());
    expect(listed.map((m) => path.basename(m.file))).toHaveLength(4);
    expect(path.basename(listed[3]?.file ?? '')).toBe('0004-digest~2024-09-17.eml');
    expect(listed[3]?.subject).toBe('Thư thứ tư — Đoàn cơ sở');
  });

  it('continues after the highest number already there, and orders past 9999 by number', async () => {
    // An outbox of its own, beside the one the other tests fill.
    const other = path.join(dir(), 'hop-thu-khac');
    await mkdir(other);
    const seed = createOutboxMailer({ dir: other, from: FROM });
    await seed.send(FIRST);
    await seed.close();
    const [written] = await readdir(other);
    await writeFile(path.join(other, '9999-cu.eml'), await readFile(path.join(other, written ?? '')));
    const mailer = createOutboxMailer({ dir: other, from: FROM });
    await mailer.send(THIRD);
    // Accents are dropped from the file name; the header keeps the id, as RFC 2047 encoded words.
    await mailer.send({ ...THIRD, noticeId: 'Đoàn trường/Nguyễn Du' });
    await mailer.close();
    expect((await listOutbox(other)).map((m) => path.basename(m.file))).toEqual([
      '0001-ke-hoach-42~2024-09-15~th-ltv~overdue.eml',
      '9999-cu.eml',
      '10000-digest~2024-09-16.eml',
      '10001-Doan_truong_Nguyen_Du.eml',
    ]);
    const raw = await readFile(path.join(other, '10001-Doan_truong_Nguyen_Du.eml'), 'latin1');
    expect(/^X-Tonghop-Notice: (.*)$/m.exec(raw)?.[1]).toMatch(/^=\?UTF-8\?[BQ]\?[\x20-\x7e]+$/);
  });

  it('an outbox that does not exist yet lists as empty', async () => {
    await expect(listOutbox(path.join(dir(), 'chua-co'))).resolves.toEqual([]);
  });
});
