import { chmod, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxMailer } from '../../functions/src/adapters/mail/outbox-mailer.js';
import { makePrivateDir, writePrivateFile } from '../../functions/src/adapters/private-files.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { writeSummaryWorkbook } from '../../functions/src/adapters/workbook/write-summary-workbook.js';
import type { UnitFeedback } from '../../functions/src/domain/feedback/unit-feedback.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { writeTestWorkbook } from '../support/workbooks.js';
import { useTempDir } from '../support/builders.js';

/** Files holding personal data are readable by their owner only; folders we create likewise. */
const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe('files with personal data are written 0600, folders we create 0700', () => {
  const tempDir = useTempDir('tonghop-private');
  let dir: string;
  const previousUmask = process.umask(0o022);

  beforeAll(async () => {
    dir = tempDir();
  });
  afterAll(async () => {
    process.umask(previousUmask);
  });

  it('writePrivateFile creates 0600 and makes an existing world-readable file 0600; makePrivateDir creates 0700', async () => {
    await makePrivateDir(path.join(dir, 'a', 'b'));
    expect(await modeOf(path.join(dir, 'a'))).toBe(0o700);
    expect(await modeOf(path.join(dir, 'a', 'b'))).toBe(0o700);
    const file = path.join(dir, 'a', 'b', 'x.bin');
    await writeFile(file, 'old');
    await chmod(file, 0o644);
    await writePrivateFile(file, Buffer.from('new'));
    expect(await modeOf(file)).toBe(0o600);
    expect(await readdir(path.join(dir, 'a', 'b'))).toEqual(['x.bin']);
  });

  it('a unit workbook given its row statuses becomes 0600, from 0644', async () => {
    const units = path.join(dir, 'units');
    const file = path.join(units, 'u.xlsx');
    await writeTestWorkbook(file, [{ name: 'Trang 1', rows: [['Họ và tên'], ['Lan']] }]);
    await chmod(file, 0o644);
    const unit: Unit = {
      id: 'u',
      name: 'Liên đội U',
      type: 'lien-doi',
      level: '',
      cluster: '',
      contacts: [],
      source: 'u.xlsx',
    };
    const folder = new UnitWorkbookFolder(units);
    const fingerprint = await folder.fingerprint(unit);
    if (!fingerprint) throw new Error('the unit workbook was not written');
    const feedback: UnitFeedback = {
      unitId: 'u',
      tabs: [],
      standing: {
        title: ['Tình hình nộp báo cáo'],
        columns: [{ header: 'Biểu mẫu', format: 'text' }],
        rows: [['Đăng ký tập huấn']],
      },
    };
    expect(await folder.write(unit, feedback, fingerprint)).toMatchObject({ outcome: 'written' });
    expect(await modeOf(file)).toBe(0o600);
  });

  it('outbox mails, the summary and the control workbook are 0600 in folders created 0700', async () => {
    const outbox = path.join(dir, 'outbox');
    await createOutboxMailer({
      dir: outbox,
      from: '"Quận Đoàn" <vp@quandoan.example>',
      clock: () => new Date('2024-09-16T00:30:00Z'),
    }).send({
      to: ['tpt@ltv.example'],
      cc: [],
      subject: 'Nhắc nộp báo cáo',
      text: 'Kính gửi Liên đội.',
      html: '<p>Kính gửi Liên đội.</p>',
      noticeId: 'a~b~c~reminder',
    });
    const [mail] = await readdir(outbox);
    expect(await modeOf(outbox)).toBe(0o700);
    expect(await modeOf(path.join(outbox, String(mail)))).toBe(0o600);

    const summary = path.join(dir, 'summary', 'tong-hop.xlsx');
    await writeSummaryWorkbook(summary, {
      title: 'Tổng hợp báo cáo — Quận Đoàn 1',
      generatedAt: new Date('2024-09-16T01:00:00Z'),
      tabs: [],
    });
    expect(await modeOf(path.dirname(summary))).toBe(0o700);
    expect(await modeOf(summary)).toBe(0o600);

    const control = path.join(dir, 'control', 'control.xlsx');
    await writeControlWorkbook(control, {
      settings: {
        districtName: 'Quận Đoàn 1',
        officeEmail: 'vp@quandoan.example',
        contactName: 'Văn phòng',
        contactPhone: '0283829',
      },
      units: [],
      plans: [],
    });
    expect(await modeOf(control)).toBe(0o600);
  });
});
