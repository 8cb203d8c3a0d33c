import { describe, expect, it } from 'vitest';
import { decideNotices } from '../../../functions/src/domain/notices/decide-notices.js';
import { DEFAULT_NOTICE_POLICY, type LedgerEntry } from '../../../functions/src/domain/notices/notice-kinds.js';
import { renderPaymentNotice } from '../../../functions/src/domain/notices/render-payment-notice.js';
import type { StoredSubmission } from '../../../functions/src/domain/summary/district-picture.js';
import { pictureOf } from '../../support/summary-picture.js';
import { FINANCE_UNITS, financePlans } from './finance-plans.js';

const { registration, receipts } = financePlans();
const ictMorning = (day: string) => new Date(`${day}T08:00:00+07:00`);

function stored(formId: string, unitId: string, rows: Record<string, string | number>[]): StoredSubmission {
  const at = ictMorning('2024-09-10');
  return {
    id: `${formId}~mot-lan~${unitId}`,
    formId,
    unitId,
    periodId: 'mot-lan',
    rows: rows.map((values, i) => ({ rowNumber: i + 2, values })),
    rejected: [],
    nilRows: [],
    counts: { read: rows.length, valid: rows.length, rejected: 0, nil: 0 },
    complete: true,
    nil: false,
    firstCompleteAt: at,
    lastChangedAt: at,
  };
}
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ hoVaTen: `Người ${i + 1}` }));
const receipt = (soTien: number, soBienLai: string) => ({ soTien, ngayNop: '2024-09-12', soBienLai });

/** An Bình paid in full, Minh Đức in part, Lương Thế Vinh nothing; the chi đoàn registered nobody. */
const SUBMISSIONS = [
  stored('dang-ky', 'th-an-binh', people(2)),
  stored('thu-kinh-phi', 'th-an-binh', [receipt(3_800_000, 'BL-1')]),
  stored('dang-ky', 'thcs-minh-duc', people(3)),
  stored('thu-kinh-phi', 'thcs-minh-duc', [receipt(1_900_000, 'BL-2')]),
  stored('dang-ky', 'th-luong-the-vinh', people(1)),
];

function decide(now: Date, ledger: ReadonlyMap<string, LedgerEntry> = new Map(), submissions = SUBMISSIONS) {
  const picture = pictureOf([registration, receipts], { now, units: FINANCE_UNITS }, submissions);
  return decideNotices({ picture, ledger, policy: DEFAULT_NOTICE_POLICY, sentToday: 0 });
}
const payments = (d: ReturnType<typeof decide>) =>
  d.send.filter((n) => n.payment).map((n) => [n.unitId, n.stage, n.payment?.balance]);

describe('payment reminders: only to units that still owe, keyed to the payment deadline', () => {
  it('sends nothing before the reminder days of 16/09/2024', () => {
    expect(payments(decide(ictMorning('2024-09-12')))).toEqual([]);
  });

  it('reminds the units with còn nợ > 0 on 13/09, and says why the paid unit gets none', () => {
    const d = decide(ictMorning('2024-09-13'));
    expect(payments(d)).toEqual([
      ['th-luong-the-vinh', 'reminder', 1_900_000],
      ['thcs-minh-duc', 'reminder', 3_800_000],
    ]);
    expect(d.send.find((n) => n.unitId === 'thcs-minh-duc' && n.payment)).toMatchObject({
      id: 'thu-kinh-phi~mot-lan~thcs-minh-duc~reminder',
      status: 'partial',
      to: ['thcs-minh-duc@truong.edu.vn'],
    });
    expect(d.suppressed).toContainEqual({
      formId: 'thu-kinh-phi',
      periodId: 'mot-lan',
      unitId: 'th-an-binh',
      stage: 'reminder',
      reason: 'đã đóng đủ kinh phí',
    });
  });

  it('sends each stage once: a reminder in the ledger is not sent again the same stage', () => {
    const sent: LedgerEntry = {
      id: 'thu-kinh-phi~mot-lan~thcs-minh-duc~reminder',
      state: 'sent',
      attempts: 1,
      recipients: 1,
      sentAt: ictMorning('2024-09-13'),
    };
    expect(payments(decide(ictMorning('2024-09-15'), new Map([[sent.id, sent]])))).toEqual([
      ['th-luong-the-vinh', 'reminder', 1_900_000],
    ]);
  });

  it('a unit that paid after the reminder gets no further one', () => {
    const paidLater = [...SUBMISSIONS, stored('thu-kinh-phi', 'th-luong-the-vinh', [receipt(1_900_000, 'BL-3')])];
    const d = decide(ictMorning('2024-09-17'), new Map(), paidLater);
    expect(payments(d)).toEqual([['thcs-minh-duc', 'overdue', 3_800_000]]);
  });

  it('counts "quá hạn N ngày" in ICT calendar days, as a report\'s overdue status does, also for a deadline with a time', () => {
    // Due 10g00 16/09/2024: at 11g00 the next day 25 hours have passed, but it is the first day overdue.
    const atTen = {
      ...receipts,
      metrics: receipts.metrics.map((m) =>
        m.type === 'balance' && m.payBy ? { ...m, payBy: { ...m.payBy, time: '10:00' } } : m,
      ),
    };
    const picture = pictureOf(
      [registration, atTen],
      { now: new Date('2024-09-17T11:00:00+07:00'), units: FINANCE_UNITS },
      SUBMISSIONS,
    );
    const d = decideNotices({ picture, ledger: new Map(), policy: DEFAULT_NOTICE_POLICY, sentToday: 0 });
    expect(d.send.filter((n) => n.payment).map((n) => [n.unitId, n.stage, n.daysOverdue])).toEqual([
      ['th-luong-the-vinh', 'overdue', 1],
      ['thcs-minh-duc', 'overdue', 1],
    ]);
  });

  it('the receipts plan itself never makes a unit "chưa nộp": no ordinary notice is planned for it', () => {
    expect(decide(ictMorning('2024-09-17')).send.filter((n) => n.formId === 'thu-kinh-phi' && !n.payment)).toEqual([]);
  });

  it('the mail names the amount owed, the deadline and where to pay, in Vietnamese', () => {
    const notice = decide(ictMorning('2024-09-13')).send.find((n) => n.unitId === 'thcs-minh-duc' && n.payment);
    if (!notice?.payment) throw new Error('no payment notice');
    const mail = renderPaymentNotice(
      { ...notice, payment: notice.payment },
      {
        feeForm: registration,
        receiptsForm: receipts,
        unit: FINANCE_UNITS[1]!,
        settings: { districtName: 'Quận Đoàn 1', officeEmail: '', contactName: '', contactPhone: '' },
        feePerRow: 1_900_000,
        payAt: 'bộ phận tài chính Quận Đoàn, thứ 3 và thứ 5 theo giờ hành chính',
      },
    );
    expect(mail.subject).toBe('[Nhắc đóng kinh phí] Đăng ký tập huấn — còn nợ 3.800.000 đ — hạn 16/09/2024');
    const facts = mail.text.replace(/: +/g, ': ');
    expect(facts).toContain('Phải nộp: 5.700.000 đ (3 người × 1.900.000 đ)');
    expect(facts).toContain('Còn nợ: 3.800.000 đ');
    expect(facts).toContain('Hạn đóng kinh phí: ngày 16/09/2024');
    expect(facts).toContain('Nơi nộp: bộ phận tài chính Quận Đoàn, thứ 3 và thứ 5 theo giờ hành chính');
    expect(mail.text).toBe(mail.text.normalize('NFC'));
  });
});
