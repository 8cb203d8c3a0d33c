import { describe, expect, it } from 'vitest';
import { type LedgerEntry, type NoticeStage } from '../../../functions/src/domain/notices/notice-kinds.js';
import { renderDigest } from '../../../functions/src/domain/notices/render-digest.js';
import {
  BAO_CAO_30_PHUT,
  completeAt,
  KE_HOACH_NHO,
  onceForm,
  partial,
  pictureAt,
  school,
  TAP_HUAN,
  youthUnit,
} from './notice-fixtures.js';
import { noticeId } from '../../../functions/src/domain/ids/document-ids.js';

/** 10g00 ICT on 20/09/2024: tap-huan-2024 is 5 days overdue, ke-hoach-nho-65-nam 281 days (past the last notice). */
const NOW = '2024-09-20T03:00:00.000Z';
const TH = 'mot-lan';

const UNITS = [
  school('ld-b', { name: 'Liên đội Tiểu học Bến Nghé', cluster: 'Cụm 2' }),
  school('ld-a', { name: 'Liên đội Tiểu học Trần Hưng Đạo', cluster: 'Cụm 1' }),
  school('ld-c', { name: 'Liên đội Tiểu học Âu Cơ', cluster: 'Cụm 1' }),
  school('ld-d', { name: 'Liên đội THCS Đồng Khởi', level: 'THCS', cluster: '' }),
  school('ld-e', { name: 'Liên đội Tiểu học Kết Đoàn', cluster: 'Cụm 2' }),
];
// Closes 22/09 (open, inside the reminder window); 18/09 (all complete); 31/10 (not yet in the window).
const SAP_HAN = onceForm('sap-han', '2024-09-22');
const XONG = onceForm('xong', '2024-09-18');
const SAU = onceForm('sau', '2024-10-31');
const SUBMISSIONS = [
  completeAt(TAP_HUAN, TH, 'ld-e', '2024-09-14T02:00:00.000Z'),
  partial(TAP_HUAN, TH, 'ld-b', [4, 5]),
  completeAt(SAP_HAN, 'mot-lan', 'ld-a', '2024-09-19T02:00:00.000Z'),
  ...UNITS.map((u) => completeAt(XONG, 'mot-lan', u.id, '2024-09-17T02:00:00.000Z')),
];

const sent = (formId: string, periodId: string, unitId: string, stage: NoticeStage): LedgerEntry => ({
  id: noticeId(formId, periodId, unitId, stage),
  state: 'sent',
  attempts: 1,
  recipients: 1,
  sentAt: new Date('2024-09-20T00:30:00.000Z'),
  stage,
  unitId,
  formId,
  periodId,
});
const SENT_TODAY: LedgerEntry[] = [
  sent(TAP_HUAN.id, TH, 'ld-a', 'overdue'),
  // Only the id: the digest reads stage, unit, form and period from it.
  { id: noticeId(TAP_HUAN.id, TH, 'ld-b', 'overdue'), state: 'sent', attempts: 1, recipients: 1 },
  sent(SAP_HAN.id, 'mot-lan', 'ld-c', 'reminder'),
  sent(SAP_HAN.id, 'mot-lan', 'ld-d', 'reminder'),
  { id: 'digest~2024-09-19', state: 'sent', attempts: 1, recipients: 1 },
];

function digest(
  forms = [TAP_HUAN, KE_HOACH_NHO, SAP_HAN, XONG, SAU],
  units = UNITS,
  submissions = SUBMISSIONS,
  sentToday = SENT_TODAY,
) {
  return renderDigest({ picture: pictureAt(NOW, { forms, units, submissions }), sentToday, day: '2024-09-20' });
}

describe('renderDigest', () => {
  it("starts with the control sheet's problems (at most ten, then a count), and says nothing of them when there are none", () => {
    const problems = Array.from({ length: 12 }, (_, i) => `Trang 'Đơn vị', dòng ${i + 2}: lỗi số ${i + 1}.`);
    const { text, html } = renderDigest({
      picture: {
        ...pictureAt(NOW, { forms: [TAP_HUAN], units: UNITS, submissions: SUBMISSIONS }),
        controlProblems: problems,
      },
      sentToday: [],
      day: '2024-09-20',
    });
    expect(text).toContain('Bảng điều khiển cần sửa (12 mục)');
    expect(text).toContain("Trang 'Đơn vị', dòng 11: lỗi số 10.");
    expect(text).not.toContain('lỗi số 11.');
    expect(text).toContain('… và 2 mục khác (xem trang "Lỗi dữ liệu" của bảng tổng hợp).');
    expect(html).toContain('Bảng điều khiển cần sửa (12 mục)');
    expect(digest().text).not.toContain('Bảng điều khiển cần sửa');
  });

  it('has a dated subject naming the district', () => {
    expect(digest().subject).toBe('[Tổng hợp ngày 20/09/2024] Tình hình nộp báo cáo — Quận Đoàn 1');
  });

  it('lists the overdue units by cluster (Cụm 1, Cụm 2, then units without one), with days overdue and what they were sent today', () => {
    const { text } = digest();
    const section = text.slice(
      text.indexOf('Kế hoạch số 42-KHLT/GDĐT-HĐĐ-NTN — Đăng ký tập huấn'),
      text.indexOf('Biểu sap-han'),
    );
    const lines = section
      .split('\n')
      .filter((l) => l.startsWith('Cụm') || l.startsWith('(chưa') || l.startsWith('  - '));
    expect(lines).toEqual([
      'Cụm 1: 2 đơn vị quá hạn',
      '  - Liên đội Tiểu học Âu Cơ — Chưa nộp — quá hạn 5 ngày — hôm nay không gửi thư',
      '  - Liên đội Tiểu học Trần Hưng Đạo — Chưa nộp — quá hạn 5 ngày — hôm nay đã gửi: Quá hạn',
      'Cụm 2: 1 đơn vị quá hạn',
      '  - Liên đội Tiểu học Bến Nghé — Chưa đạt (có lỗi hoặc thiếu dòng) — quá hạn 5 ngày — hôm nay đã gửi: Quá hạn',
      '(chưa xếp cụm): 1 đơn vị quá hạn',
      '  - Liên đội THCS Đồng Khởi — Chưa nộp — quá hạn 5 ngày — hôm nay không gửi thư',
    ]);
    expect(section).toContain('Hạn nộp: 10g00 ngày 15/09/2024 (đã quá hạn 5 ngày). Đã nộp đủ 1/5 đơn vị (20 %).');
  });

  it.each([
    ['Đủ, đúng hạn', 1],
    ['Chưa đạt (có lỗi hoặc thiếu dòng)', 1],
    ['Chưa nộp', 3],
  ])('counts the units by status: %s %i', (label, count) => {
    const { text, html } = digest();
    expect(text).toMatch(new RegExp(`\\n${label.replace(/[()]/g, '\\$&')}:\\s+${count} đơn vị\\n`));
    expect(html).toContain(`>${label}</td><td style="padding:2px 0;vertical-align:top">${count} đơn vị</td>`);
  });

  it('leaves out statuses nobody has, periods everyone completed and periods not yet near their deadline', () => {
    const { text } = digest();
    expect(text).not.toContain('Đủ, trễ hạn');
    expect(text).not.toContain('Biểu xong');
    expect(text).not.toContain('Biểu sau');
  });

  it('gives an open period its counts and how many were reminded today, without listing units', () => {
    const { text } = digest();
    const section = text.slice(text.indexOf('Biểu sap-han'), text.indexOf('Quá hạn lâu'));
    expect(section).toContain('Hạn nộp: ngày 22/09/2024. Đã nộp đủ 1/5 đơn vị (20 %).');
    expect(section).toContain('Chưa đến hạn: 4 đơn vị chưa nộp đủ; hôm nay đã nhắc 2 đơn vị.');
    expect(section).not.toContain('  - ');
  });

  it('sums up periods past the last notice as one line per plan, without names', () => {
    const { text } = digest(
      [TAP_HUAN, KE_HOACH_NHO, BAO_CAO_30_PHUT],
      [...UNITS, youthUnit('dtn-y-te'), youthUnit('dtn-gd')],
    );
    const tail = text.slice(text.indexOf('Quá hạn lâu (quá 60 ngày, không còn gửi thư nhắc)'));
    expect(tail.split('\n').filter((l) => l.startsWith('  - '))).toEqual([
      '  - Kế hoạch số 06-KH/HĐĐ — Kế hoạch nhỏ 65 năm — hạn 14/12/2023: quá hạn lâu: 5 đơn vị',
      '  - Kế hoạch số 82-KH/ĐTĐN — Báo cáo 30 phút — 33 kỳ: tháng 4/2020, tháng 5/2020, tháng 6/2020, …: quá hạn lâu: 2 đơn vị',
    ]);
    expect(text).not.toContain('Đoàn cơ sở dtn-y-te');
  });

  it('counts the notices sent today, not the digests', () => {
    expect(digest().text).toContain('Hôm nay đã gửi 4 thư nhắc tới 4 đơn vị.');
  });

  it('says so when nothing is open or overdue', () => {
    const { text } = digest([XONG], UNITS, SUBMISSIONS, []);
    expect(text).toContain('Không có kế hoạch nào đang chờ nộp hoặc quá hạn.');
    expect(text).toContain('Hôm nay đã gửi 0 thư nhắc tới 0 đơn vị.');
  });

  it('escapes unit and cluster names in the HTML and writes NFC', () => {
    const units = [
      school('ld-x', {
        name: '<script>alert(1)</script> & Co'.normalize('NFD'),
        cluster: 'Cụm <b>3</b>'.normalize('NFD'),
      }),
    ];
    const { subject, text, html } = digest([TAP_HUAN], units, [], []);
    expect(text).toContain('<script>alert(1)</script> & Co — Chưa nộp');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(html).toContain('Cụm &lt;b&gt;3&lt;/b&gt;: 1 đơn vị quá hạn');
    expect(html).not.toMatch(/<script|<b>/);
    for (const part of [subject, text, html]) expect(part).toBe(part.normalize('NFC'));
  });
});
