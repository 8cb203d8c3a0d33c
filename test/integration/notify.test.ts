import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../functions/src/adapters/mail/smtp-mailer.js';
import { FirestoreNoticeLedger } from '../../functions/src/adapters/store/firestore-notice-ledger.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { DEFAULT_NOTICE_POLICY } from '../../functions/src/domain/notices/notice-kinds.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { notify, type NotifyResult } from '../../functions/src/jobs/notify/notify.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore, type TestFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { startCapturingSmtp, type CapturingSmtp } from '../support/smtp.js';
import { titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { useTempDir } from '../support/builders.js';

const HEADER = ['STT', 'Họ và tên', 'Chức vụ', 'Giới tính', 'Ngày sinh', 'Số điện thoại'];
const TAP_HUAN = builtinForm('tap-huan-2024');
const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vanphong@quandoan.example',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
/** 08:00 ICT on the given day of September 2024. */
const morning = (day: number) => new Date(Date.UTC(2024, 8, day, 1, 0));

const school = (id: string, email?: string): Unit => ({
  id,
  name: `Liên đội Tiểu học ${id}`,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: email ? [{ name: 'Tổng phụ trách', email }] : [],
  source: `${id}.xlsx`,
});
// done: complete on time; loi: rows with errors; vang1..vang4: sent nothing; khong-email: sent nothing, no email.
const UNITS = [
  school('done', 'done@truong.example'),
  school('loi', 'loi@truong.example'),
  ...[1, 2, 3, 4].map((i) => school(`vang${i}`, `vang${i}@truong.example`)),
  school('khong-email'),
];

describe('notices through a real SMTP server', () => {
  const dir = useTempDir('tonghop-notify');
  let firestore: TestFirestore;
  let smtp: CapturingSmtp;

  const run = (now: Date, url = smtp.url, db = firestore.db): Promise<NotifyResult> => {
    const mailer = createSmtpMailer({
      url,
      from: '"Quận Đoàn thử" <vanphong@quandoan.example>',
      connectionTimeoutMs: 2000,
      socketTimeoutMs: 3000,
    });
    return notify({
      settings: SETTINGS,
      units: UNITS,
      forms: [TAP_HUAN],
      store: new FirestoreSummaryStore(db),
      ledger: new FirestoreNoticeLedger(db),
      mailer,
      policy: DEFAULT_NOTICE_POLICY,
      now,
      sheetLinkOf: (unit) => `tệp ${unit.source}`,
    }).finally(() => mailer.close());
  };
  const noticeIds = (server: CapturingSmtp) => server.received.map((m) => String(m.headers.get('x-tonghop-notice')));

  beforeAll(async () => {
    const rows = (extra: TestCell[][]) => [
      {
        name: 'Đăng ký tập huấn',
        rows: titled('ĐĂNG KÝ', HEADER, [[1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', null, '0983018027'], ...extra]),
      },
    ];
    await writeTestWorkbook(path.join(dir(), 'done.xlsx'), rows([]), new Date('2024-09-10T02:00:00Z'));
    await writeTestWorkbook(
      path.join(dir(), 'loi.xlsx'),
      rows([[2, 'Phạm An', 'Giáo viên', 'Nam', '31/02/1990', '12345']]),
      new Date('2024-09-10T02:00:00Z'),
    );
  });
  afterAll(async () => {
    await smtp?.close();
  });

  const freshDistrict = async (name: string) => {
    firestore = testFirestore(name);
    await sweep({
      units: UNITS,
      forms: [TAP_HUAN],
      source: new UnitWorkbookFolder(dir()),
      store: new FirestoreSweepStore(firestore.db),
      now: morning(11),
    });
    smtp = await startCapturingSmtp();
  };

  it('sends each overdue unit one Vietnamese mail with HTML and text, nobody complete, and the digest; a second run sends nothing', async () => {
    await freshDistrict('notify-overdue');
    const first = await run(morning(17));
    const to = smtp.received
      .filter((m) => !String(m.headers.get('x-tonghop-notice')).startsWith('digest'))
      .flatMap((m) => [m.to].flat().flatMap((a) => a?.value.map((v) => v.address) ?? []));
    expect(to.sort()).toEqual([
      'loi@truong.example',
      'vang1@truong.example',
      'vang2@truong.example',
      'vang3@truong.example',
      'vang4@truong.example',
    ]);
    const mail = smtp.received.find(
      (m) => String(m.headers.get('x-tonghop-notice')) === 'tap-huan-2024~mot-lan~loi~overdue',
    );
    expect(mail?.subject).toContain('Quá hạn');
    expect(mail?.subject).toBe(mail?.subject?.normalize('NFC'));
    expect(mail?.html).toEqual(expect.stringContaining('Kế hoạch số 42-KHLT/GDĐT-HĐĐ-NTN'));
    expect(mail?.text).toEqual(expect.stringContaining("'12345' không phải số điện thoại Việt Nam"));
    expect(first.suppressed.map((s) => s.reason)).toContainEqual(expect.stringContaining('chưa có email'));
    expect(noticeIds(smtp)).toContain('digest~2024-09-17');

    const count = smtp.received.length;
    const again = await run(new Date(morning(17).getTime() + 3_600_000));
    expect(again.outcomes.filter((o) => o.result === 'sent')).toEqual([]);
    expect(again.digest.result).toBe('already-sent');
    expect(smtp.received).toHaveLength(count);
  });

  it('a dry run decides the same notices but sends and records nothing', async () => {
    const dry = createSmtpMailer({ url: smtp.url, from: 'vanphong@quandoan.example' });
    const before = smtp.received.length;
    const result = await notify({
      settings: SETTINGS,
      units: UNITS,
      forms: [TAP_HUAN],
      store: new FirestoreSummaryStore(firestore.db),
      ledger: new FirestoreNoticeLedger(firestore.db),
      mailer: dry,
      policy: DEFAULT_NOTICE_POLICY,
      now: morning(23),
      dryRun: true,
      sheetLinkOf: (unit) => unit.source,
    }).finally(() => dry.close());
    expect(result.outcomes.map((o) => [o.notice.unitId, o.notice.stage, o.result])).toContainEqual([
      'vang1',
      'escalation',
      'would-send',
    ]);
    expect(smtp.received).toHaveLength(before);
    const ledger = await new FirestoreNoticeLedger(firestore.db).load();
    expect(ledger.has('tap-huan-2024~mot-lan~vang1~escalation')).toBe(false);
  });

  it('copies the district office on escalations, a week after the deadline', async () => {
    const result = await run(morning(23));
    const escalation = smtp.received.find(
      (m) => String(m.headers.get('x-tonghop-notice')) === 'tap-huan-2024~mot-lan~vang1~escalation',
    );
    expect([escalation?.cc].flat().flatMap((a) => a?.value.map((v) => v.address) ?? [])).toEqual([
      'vanphong@quandoan.example',
    ]);
    expect(result.outcomes.filter((o) => o.result === 'sent').every((o) => o.notice.stage === 'escalation')).toBe(true);
  });

  it('sends nothing outside 07:00–20:00 in Vietnam, and says so', async () => {
    const before = smtp.received.length;
    const night = await run(new Date(Date.UTC(2024, 8, 18, 14, 30))); // 21g30 ICT
    expect(night.quiet).toBe(true);
    expect(smtp.received).toHaveLength(before);
  });

  it('when the server dies half-way: nothing marked sent that it did not accept, the rest goes on the next run, nothing twice', async () => {
    await freshDistrict('notify-server-down');
    smtp.goDownOnMessage(3);
    const broken = await run(morning(17));
    const accepted = noticeIds(smtp);
    expect(accepted).toHaveLength(2);
    const sent = broken.outcomes.filter((o) => o.result === 'sent').map((o) => o.notice.id);
    expect(sent.sort()).toEqual([...accepted].sort());
    expect(broken.outcomes.filter((o) => o.result === 'failed')).toHaveLength(1);
    const ledger = await new FirestoreNoticeLedger(firestore.db).load();
    expect(
      [...ledger.values()]
        .filter((e) => e.state === 'sent')
        .map((e) => e.id)
        .sort(),
    ).toEqual([...accepted].sort());

    const healthy = await startCapturingSmtp();
    try {
      await run(new Date(morning(17).getTime() + 600_000), healthy.url);
      const all = [...accepted, ...noticeIds(healthy)];
      expect(new Set(all).size).toBe(all.length);
      expect(all.filter((id) => !id.startsWith('digest')).sort()).toEqual(
        ['loi', 'vang1', 'vang2', 'vang3', 'vang4'].map((u) => `tap-huan-2024~mot-lan~${u}~overdue`),
      );
    } finally {
      await healthy.close();
    }
  });

  it('sends each notice exactly once when two runs start at the same time', async () => {
    await freshDistrict('notify-concurrent');
    const [a, b] = await Promise.all([run(morning(17)), run(morning(17))]);
    const ids = noticeIds(smtp);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !id.startsWith('digest'))).toHaveLength(5);
    expect(ids.filter((id) => id.startsWith('digest'))).toHaveLength(1);
    const sentByEither = [...a.outcomes, ...b.outcomes].filter((o) => o.result === 'sent').length;
    expect(sentByEither).toBe(5);
  });
});
