import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { listOutbox } from '../../functions/src/adapters/mail/outbox-mailer.js';
import { emulatorHost } from '../support/firestore.js';
import { runCli } from '../support/cli.js';
import { builtinForm } from '../support/forms.js';
import { rawMessage, workbookBytes } from '../support/mail-messages.js';
import { titled } from '../support/workbooks.js';
import { TRAINING_HEADER, useTempDir } from '../support/builders.js';

/** `tonghop mailbox` with the embedded defaults: a folder of .eml files in, replies into the outbox. */
describe('tonghop mailbox', () => {
  const home = useTempDir('tonghop-cli-mailbox');
  let env: NodeJS.ProcessEnv;
  let control: string;
  const dir = () => path.dirname(control);

  beforeAll(async () => {
    env = {
      PATH: process.env.PATH,
      TONGHOP_HOME: home(),
      FIRESTORE_EMULATOR_HOST: emulatorHost(),
      TONGHOP_PROJECT_ID: `demo-mbx-${randomBytes(4).toString('hex')}`,
    };
    control = path.join(home(), 'quan', 'control.xlsx');
    const unit = {
      id: 'th-ai-mo',
      name: 'Liên đội Tiểu học Ái Mộ',
      type: 'lien-doi' as const,
      level: 'Tiểu học',
      cluster: 'Cụm 1',
      contacts: [{ name: 'TPT', email: 'aimo@truong.example' }],
      source: 'th-ai-mo.xlsx',
    };
    await writeControlWorkbook(control, {
      settings: {
        districtName: 'Quận Đoàn thử',
        officeEmail: 'vp@quandoan.example',
        contactName: 'Lê Ánh Hồng',
        contactPhone: '0983 018 027',
      },
      units: [unit],
      plans: [builtinForm('tap-huan-2024')],
    });
    const attachment = await workbookBytes([
      {
        name: 'Đăng ký tập huấn',
        rows: titled('ĐĂNG KÝ', TRAINING_HEADER, [
          [1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', '12/3/1990', '0983.018.027', null, 'Tập huấn', 'Có', null],
        ]),
      },
    ]);
    const mailbox = path.join(dir(), 'mailbox');
    await mkdir(mailbox, { recursive: true });
    await writeFile(
      path.join(mailbox, '01-ai-mo.eml'),
      await rawMessage({
        from: 'aimo@truong.example',
        subject: 'Báo cáo tập huấn',
        date: new Date('2024-09-14T02:00:00Z'),
        attachments: [{ filename: 'bao cao.xlsx', content: attachment }],
      }),
    );
    await writeFile(
      path.join(mailbox, '02-la.eml'),
      await rawMessage({
        from: 'la@khac.example',
        subject: 'Báo cáo',
        date: new Date('2024-09-14T03:00:00Z'),
        attachments: [{ filename: 'bao cao.xlsx', content: attachment }],
      }),
    );
  });

  it('ingests the known unit’s file, answers both senders into the outbox, and a re-run does nothing', async () => {
    const run = await runCli(['--json', 'mailbox', '--control', control, '--now', '2024-09-20T08:00:00+07:00'], env);
    expect(run.stderr).not.toContain('@');
    expect(run.code).toBe(0);
    const { result } = JSON.parse(run.stdout);
    expect(result.messages).toEqual([
      expect.objectContaining({ result: 'ingested', unitId: 'th-ai-mo', rowsValid: 1, reply: 'sent' }),
      expect.objectContaining({ result: 'unknown-sender', reply: 'sent' }),
    ]);
    expect(await readdir(path.join(dir(), 'units'))).toEqual(['th-ai-mo.xlsx']);
    expect((await readdir(path.join(dir(), 'mailbox', 'da-xu-ly'))).sort()).toEqual(['01-ai-mo.eml', '02-la.eml']);
    const outbox = await listOutbox(path.join(dir(), 'outbox'));
    expect(outbox.map((m) => m.subject)).toEqual([
      'Kết quả nhận báo cáo qua thư: Liên đội Tiểu học Ái Mộ',
      'Chưa ghi nhận báo cáo: chưa xác định được đơn vị gửi',
    ]);

    const again = await runCli(['mailbox', '--control', control, '--now', '2024-09-20T09:00:00+07:00'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 thư mới');
    expect(await listOutbox(path.join(dir(), 'outbox'))).toHaveLength(2);
  });

  it('names IMAP_URL when it is not a usable address', async () => {
    const run = await runCli(['mailbox', '--control', control], { ...env, IMAP_URL: 'imap.gmail.com' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid setting IMAP_URL');
    expect(run.stderr).toContain('imaps://tên-đăng-nhập:mật-khẩu-ứng-dụng@máy-chủ/INBOX');
  });
});
