import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_HEADER } from '../../functions/src/adapters/mail/compose.js';
import { createSmtpMailer } from '../../functions/src/adapters/mail/smtp-mailer.js';
import { FirestoreNoticeLedger } from '../../functions/src/adapters/store/firestore-notice-ledger.js';
import { FirestoreReviewStore } from '../../functions/src/adapters/store/firestore-review-store.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { DEFAULT_NOTICE_POLICY } from '../../functions/src/domain/notices/notice-kinds.js';
import { DISTRICT_REVIEWER } from '../../functions/src/domain/review/review-decision.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { notify } from '../../functions/src/jobs/notify/notify.js';
import { testFirestore } from '../support/firestore.js';
import { startCapturingSmtp, type CapturingSmtp } from '../support/smtp.js';
import { reviewNoticeId } from '../../functions/src/domain/ids/document-ids.js';
import {
  ADDED_ROW as EXTRA_ROW,
  REVIEW_SETTINGS as SETTINGS,
  REVIEWED_ROWS as ROWS,
  REVIEWED_UNIT,
  useReviewDistrict,
} from '../support/review-district.js';

/** 08:00 ICT on the given day of September 2024 (inside sending hours). */
const morning = (day: number) => new Date(Date.UTC(2024, 8, day, 1, 0));
const UNIT: Unit = { ...REVIEWED_UNIT, contacts: [{ name: 'Tổng phụ trách', email: 'TPT@Truong.example' }] };
const COMMENT = 'Thiếu danh sách người phụ trách điểm tập huấn';

/** Review decisions mailed to the unit through a real SMTP server: one per decision, never twice. */
describe('review mails: one per decision to the unit, through the notices ledger', () => {
  const firestore = testFirestore('review-mail');
  const { forms, writeUnitFile, summarizeAt, typeDecision } = useReviewDistrict(firestore, UNIT, 'tonghop-review-mail');
  let smtp: CapturingSmtp;

  const notifyAt = async (now: Date) => {
    const mailer = createSmtpMailer({
      url: smtp.url,
      from: '"Quận Đoàn thử" <vp@example.com>',
      connectionTimeoutMs: 2000,
      socketTimeoutMs: 3000,
    });
    return notify({
      settings: SETTINGS,
      units: [UNIT],
      forms: forms(),
      store: new FirestoreSummaryStore(firestore.db),
      ledger: new FirestoreNoticeLedger(firestore.db),
      mailer,
      policy: DEFAULT_NOTICE_POLICY,
      now,
      sheetLinkOf: (unit) => `tệp ${unit.source}`,
      reviews: new FirestoreReviewStore(firestore.db),
    }).finally(() => mailer.close());
  };
  const reviewMails = () =>
    smtp.received.filter((m) => String(m.headers.get(NOTICE_HEADER.toLowerCase())).startsWith('review~'));
  const recipients = (mail: ParsedMail) => [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address) ?? []);

  beforeAll(async () => {
    await writeUnitFile(ROWS, new Date('2024-09-10T02:00:00Z'));
    smtp = await startCapturingSmtp();
    await summarizeAt(morning(11));
  });
  afterAll(async () => {
    await smtp?.close();
    await firestore.db.terminate();
  });

  it('sends nothing before the district decides', async () => {
    const result = await notifyAt(morning(11));
    expect(result.reviews).toEqual([]);
    expect(reviewMails()).toEqual([]);
  });

  it('"Cần bổ sung" sends the unit one mail with the comment and where to fix it; a re-run sends nothing', async () => {
    await typeDecision('Cần bổ sung', COMMENT);
    expect((await summarizeAt(morning(11))).review?.recorded).toBe(1);
    const first = await notifyAt(morning(11));
    expect(first.reviews.map((o) => o.result)).toEqual(['sent']);
    const [mail] = reviewMails();
    expect(reviewMails()).toHaveLength(1);
    expect(recipients(mail as ParsedMail)).toEqual(['tpt@truong.example']);
    expect(mail?.subject).toMatch(/^\[Duyệt báo cáo\] Cần bổ sung — .*Đăng ký/);
    expect(mail?.text).toContain(`Nhận xét:`);
    expect(mail?.text).toContain(COMMENT);
    expect(mail?.text).toContain('Nơi sửa báo cáo: tệp duyet.xlsx');
    expect(mail?.text).toContain('Kính gửi: Liên đội Duyệt Thử (đồng chí Tổng phụ trách)');
    expect(mail?.text).toBe(mail?.text?.normalize('NFC'));
    expect(mail?.html).toContain(COMMENT);

    const again = await notifyAt(morning(11));
    expect(again.reviews).toEqual([]);
    expect(reviewMails()).toHaveLength(1);
  });

  it('after the unit fixes the report and the district approves, one short "Đã duyệt" mail; a re-run sends nothing', async () => {
    await writeUnitFile([...ROWS, EXTRA_ROW], new Date('2024-09-12T02:00:00Z'));
    await summarizeAt(morning(12));
    // The "Cần bổ sung" was about the earlier version: the fix alone sends nothing.
    expect((await notifyAt(morning(12))).reviews).toEqual([]);
    await typeDecision('Đã duyệt', '');
    expect((await summarizeAt(morning(12))).review?.recorded).toBe(1);
    expect((await notifyAt(morning(12))).reviews.map((o) => o.result)).toEqual(['sent']);
    const approved = reviewMails()[1];
    expect(approved?.subject).toMatch(/^\[Duyệt báo cáo\] Đã duyệt — /);
    expect(approved?.text).toContain(`đã được ${DISTRICT_REVIEWER} duyệt lúc 8g00 12/09/2024`);
    expect(approved?.text).not.toContain(COMMENT);
    await notifyAt(morning(13));
    expect(reviewMails()).toHaveLength(2);
  });

  it('a decision changed by the unit before the mail goes out is not mailed', async () => {
    await writeUnitFile(ROWS, new Date('2024-09-13T02:00:00Z'));
    await summarizeAt(morning(13));
    await typeDecision('Cần bổ sung', 'Bổ sung người thứ ba');
    expect((await summarizeAt(morning(13))).review?.recorded).toBe(1);
    await writeUnitFile([...ROWS, EXTRA_ROW], new Date('2024-09-13T03:00:00Z'));
    await summarizeAt(morning(14));
    const result = await notifyAt(morning(14));
    expect(result.reviews).toEqual([]);
    expect(result.suppressed).toContainEqual(
      expect.objectContaining({ unitId: UNIT.id, reason: 'đơn vị đã sửa báo cáo sau quyết định: chờ duyệt lại' }),
    );
    expect(reviewMails()).toHaveLength(2);
  });

  it('a decision whose mail was claimed by a run killed before marking it sent is never mailed again', async () => {
    await typeDecision('Đã duyệt', 'Đủ hồ sơ');
    expect((await summarizeAt(morning(15))).review?.recorded).toBe(1);
    const decisions = await new FirestoreReviewStore(firestore.db).loadReviewDecisions();
    const latest = decisions[decisions.length - 1];
    if (!latest) throw new Error('no decision stored');
    // What a killed run leaves: the entry claimed (created before the send), never marked sent.
    const ledger = new FirestoreNoticeLedger(firestore.db);
    expect(
      await ledger.claim(
        {
          id: reviewNoticeId(latest),
          recipients: 1,
          unitId: UNIT.id,
          formId: latest.formId,
          periodId: latest.periodId,
        },
        morning(15),
        5,
      ),
    ).toBe(true);
    const result = await notifyAt(morning(15));
    expect(result.reviews).toEqual([]);
    expect(reviewMails()).toHaveLength(2);
    expect((await ledger.load()).get(reviewNoticeId(latest))?.state).toBe('claimed');
  });
});
