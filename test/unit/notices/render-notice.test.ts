import { describe, expect, it } from 'vitest';
import { builtinForm, storedSubmission } from '../../support/forms.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { decideNotices, type PlannedNotice } from '../../../functions/src/domain/notices/decide-notices.js';
import { escapeHtml } from '../../../functions/src/domain/notices/notice-text.js';
import { renderNotice } from '../../../functions/src/domain/notices/render-notice.js';
import { periodById } from '../../../functions/src/domain/periods/schedule.js';
import type { StoredSubmission } from '../../../functions/src/domain/summary/district-picture.js';
import type { DistrictSettings } from '../../../functions/src/domain/units/read-control.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import {
  ALWAYS_OPEN,
  BAO_CAO_30_PHUT,
  KE_HOACH_NHO,
  partial,
  phoneError,
  pictureAt,
  REN_LUYEN_DANH_GIA,
  school,
  SETTINGS,
  TAP_HUAN,
} from './notice-fixtures.js';

const LINK = 'https://docs.google.com/spreadsheets/d/1AbC/edit?usp=sharing&ouid=7';
const HOA = school('ld-ltv', {
  name: 'Liên đội Tiểu học Lương Thế Vinh',
  contacts: [{ name: 'Nguyễn Thị Hoa', email: 'hoa@ltv.edu.vn', phone: '0983 018 027' }],
});
const PLAN = 'Kế hoạch số 42-KHLT/GDĐT-HĐĐ-NTN';

/** The notice decideNotices plans for the unit at `now`, rendered. */
function noticeAt(
  now: string,
  options: {
    spec?: FormSpec;
    periodId?: string;
    unit?: Unit;
    submission?: StoredSubmission;
    settings?: DistrictSettings;
    sheetLink?: string;
    sheetProblems?: string[];
    forms?: FormSpec[];
  } = {},
): { notice: PlannedNotice; subject: string; text: string; html: string } {
  const spec = options.spec ?? TAP_HUAN;
  const unit = options.unit ?? HOA;
  const picture = pictureAt(now, {
    forms: [spec],
    units: [unit],
    submissions: options.submission ? [options.submission] : [],
    settings: options.settings ?? SETTINGS,
  });
  const notice = decideNotices({ picture, ledger: new Map(), policy: ALWAYS_OPEN, sentToday: 0 }).send.find(
    (n) => n.periodId === (options.periodId ?? n.periodId),
  );
  const period = notice && periodById(spec, notice.periodId);
  if (!notice || !period) throw new Error(`no notice planned at ${now}`);
  const context = {
    spec,
    period,
    unit,
    settings: options.settings ?? SETTINGS,
    sheetLink: options.sheetLink ?? LINK,
    now: new Date(now),
    ...(options.submission ? { submission: options.submission } : {}),
    ...(options.sheetProblems ? { sheetProblems: options.sheetProblems } : {}),
    ...(options.forms ? { forms: options.forms } : {}),
  };
  return { notice, ...renderNotice(notice, context) };
}

describe('renderNotice: subjects and openings per stage', () => {
  it.each([
    [
      '2024-09-12T03:00:00.000Z',
      'reminder',
      `[Nhắc nộp báo cáo] ${PLAN} — Đăng ký tập huấn — hạn 10g00 15/09/2024`,
      'Hạn nộp báo cáo dưới đây sắp đến (10g00 ngày 15/09/2024).',
    ],
    [
      '2024-09-15T01:00:00.000Z',
      'due',
      `[Hôm nay hết hạn nộp] ${PLAN} — Đăng ký tập huấn — hạn 10g00 15/09/2024`,
      'Hôm nay là hạn cuối nộp báo cáo dưới đây (10g00 ngày 15/09/2024).',
    ],
    [
      '2024-09-17T01:00:00.000Z',
      'overdue',
      `[Quá hạn nộp báo cáo] ${PLAN} — Đăng ký tập huấn — hạn 10g00 15/09/2024`,
      'Báo cáo đã quá hạn 2 ngày (hạn nộp: 10g00 ngày 15/09/2024).',
    ],
    [
      '2024-09-23T01:00:00.000Z',
      'escalation',
      `[Quá hạn 8 ngày — đã báo Quận Đoàn] ${PLAN} — Đăng ký tập huấn — hạn 10g00 15/09/2024`,
      'Báo cáo đã quá hạn 8 ngày (hạn nộp: 10g00 ngày 15/09/2024). Thư này được gửi đồng thời tới Quận Đoàn 1 để theo dõi',
    ],
  ])('at %s (%s)', (now, stage, subject, opening) => {
    const mail = noticeAt(now);
    expect(mail.notice.stage).toBe(stage);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(opening);
    expect(mail.html).toContain(escapeHtml(opening));
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).toBe(part.normalize('NFC'));
  });

  it.each([
    [
      'a monthly report',
      BAO_CAO_30_PHUT,
      '2020-04',
      '2020-05-02T03:00:00.000Z',
      '[Nhắc nộp báo cáo] Kế hoạch số 82-KH/ĐTĐN — Báo cáo 30 phút — tháng 4/2020 — hạn 05/05/2020',
      ['Kỳ báo cáo:', 'tháng 4/2020'],
      'ngày 05/05/2020',
      "ghi kỳ báo cáo ở cột 'Tháng'",
    ],
    [
      'a phase',
      REN_LUYEN_DANH_GIA,
      'dot-2',
      '2014-06-11T03:00:00.000Z',
      '[Quá hạn nộp báo cáo] Kế hoạch số 21-KH/ĐTN-BTC — Đánh giá theo đợt — Đợt II (tháng 5/2014) — hạn 10/06/2014',
      ['Kỳ báo cáo:', 'Đợt II (tháng 5/2014)'],
      'ngày 10/06/2014',
      "ghi kỳ báo cáo ở cột 'Đợt'",
    ],
    [
      'a deadline "trước ngày"',
      KE_HOACH_NHO,
      'mot-lan',
      '2023-12-13T01:00:00.000Z',
      '[Hôm nay hết hạn nộp] Kế hoạch số 06-KH/HĐĐ — Kế hoạch nhỏ 65 năm — hạn trước 14/12/2023',
      ['Hạn nộp:', 'trước ngày 14/12/2023'],
      'trước ngày 14/12/2023',
      "trang 'Kế hoạch nhỏ 65 năm' và để trống",
    ],
  ] as const)(
    'names the period and deadline of %s',
    (_what, spec, periodId, now, subject, [label, value], due, nilHint) => {
      const unit =
        spec === BAO_CAO_30_PHUT
          ? { ...HOA, type: 'co-so-doan' as const }
          : spec === REN_LUYEN_DANH_GIA
            ? { ...HOA, type: 'chi-doan' as const }
            : HOA;
      const mail = noticeAt(now, { spec, periodId, unit });
      expect(mail.subject).toBe(subject);
      expect(mail.text).toMatch(new RegExp(`${label}\\s+${value.replace(/[()]/g, '\\$&')}`));
      expect(mail.text).toContain(`Hạn nộp:`);
      expect(mail.text).toContain(due);
      expect(mail.text).toContain(nilHint);
    },
  );
});

describe('renderNotice: the body', () => {
  it('greets the unit and its contact, names the plan, says what is missing, how to declare nothing, where to fix and whom to call', () => {
    const { text, html } = noticeAt('2024-09-17T01:00:00.000Z');
    const expected = [
      'Kính gửi: Liên đội Tiểu học Lương Thế Vinh (đồng chí Nguyễn Thị Hoa)',
      PLAN,
      TAP_HUAN.title,
      'Hội đồng Đội – Quận Đoàn 1 – Phòng Giáo dục và Đào tạo – Nhà Thiếu nhi',
      '10g00 ngày 15/09/2024',
      'Chưa nộp, quá hạn 2 ngày',
      'hệ thống chưa nhận được báo cáo của đơn vị',
      `hãy ghi "Không phát sinh" vào một dòng của trang 'Đăng ký tập huấn'`,
      `Nơi nhập và sửa báo cáo: ${LINK}`,
      'đồng chí Phạm Thu Trang — điện thoại 0283 822 1234 — email VanPhong@QuanDoan1.example',
    ];
    for (const line of expected) {
      expect(text).toContain(line);
      expect(html).toContain(
        escapeHtml(line).replace(
          escapeHtml(LINK),
          `<a href="${escapeHtml(LINK)}" style="color:#1155cc">${escapeHtml(LINK)}</a>`,
        ),
      );
    }
    expect(html).toContain(`<a href="${escapeHtml(LINK)}"`);
  });

  it('tells a unit whose file could not be read why nothing was received, in text and escaped HTML', () => {
    const problem = "Không đọc được tệp 'ld-x.xlsx': tệp bị hỏng <hoặc> không phải bảng tính Excel (.xlsx).";
    const { text, html } = noticeAt('2024-09-17T01:00:00.000Z', { sheetProblems: [problem] });
    expect(text).toContain('chưa nhận được báo cáo');
    expect(text).toContain(problem);
    expect(html).toContain('tệp bị hỏng &lt;hoặc&gt; không phải');
  });

  it('greets the unit alone when no contact has a name, and shows a file name as it is', () => {
    const unit = school('ld-x', {
      name: 'Liên đội THCS Văn Lang',
      contacts: [{ name: '', email: 'vanlang@example.vn' }],
    });
    const { text, html } = noticeAt('2024-09-17T01:00:00.000Z', { unit, sheetLink: 'tệp ld-x.xlsx' });
    expect(text).toMatch(/^Kính gửi: Liên đội THCS Văn Lang\n/);
    expect(text).toContain('Nơi nhập và sửa báo cáo: tệp ld-x.xlsx');
    expect(html).not.toContain('<a ');
  });

  it('writes Vietnamese in NFC even when the registry holds decomposed letters', () => {
    const nfd = 'Liên đội Tiểu học Nguyễn Bỉnh Khiêm'.normalize('NFD');
    const { text, html } = noticeAt('2024-09-17T01:00:00.000Z', { unit: { ...HOA, name: nfd } });
    expect(text).toContain('Liên đội Tiểu học Nguyễn Bỉnh Khiêm'.normalize('NFC'));
    expect(html).toBe(html.normalize('NFC'));
    expect(text).not.toContain(nfd);
  });
});

describe('renderNotice: the event and fee the plan declares', () => {
  it('a reminder for the training registration names the training time and the fee with its payment date', () => {
    const { text, html } = noticeAt('2024-09-12T03:00:00.000Z');
    const sentence =
      'Theo kế hoạch: diễn ra 14g00 ngày 18/09/2024; kinh phí tập huấn: 1.900.000 đ/người, hạn đóng ngày 16/09/2024.';
    expect(text).toContain(sentence);
    expect(html).toContain(escapeHtml(sentence));
  });

  it('an overdue notice after the payment date says the date has passed, and still names the training to come', () => {
    const { notice, text } = noticeAt('2024-09-17T01:00:00.000Z');
    expect(notice.stage).toBe('overdue');
    expect(text).toContain(
      'Theo kế hoạch: diễn ra 14g00 ngày 18/09/2024; kinh phí tập huấn: 1.900.000 đ/người, hạn đóng ngày 16/09/2024 (đã qua).',
    );
  });

  it.each([
    ['no event and no fee: nothing is invented', { ...TAP_HUAN, event: undefined, metrics: [] }, undefined],
    [
      'an event without a time, no fee',
      { ...TAP_HUAN, event: { date: '2024-09-20' }, metrics: [] },
      'Theo kế hoạch: diễn ra ngày 20/09/2024.',
    ],
    [
      'a fee without a payment date, no event',
      {
        ...TAP_HUAN,
        event: undefined,
        metrics: [{ type: 'fee-per-row' as const, id: 've', label: 'Tiền vé', amount: 50_000 }],
      },
      'Theo kế hoạch: tiền vé: 50.000 đ/người.',
    ],
  ])('%s', (_what, spec, sentence) => {
    const { text } = noticeAt('2024-09-12T03:00:00.000Z', { spec });
    if (sentence === undefined) expect(text).not.toContain('Theo kế hoạch');
    else expect(text).toContain(sentence);
  });
});

describe('renderNotice: a partial report lists its first rejected rows', () => {
  const twoErrors = (row: number) =>
    row === 9
      ? [phoneError(9), { column: 'Họ và tên', message: "Dòng 9, cột 'Họ và tên': chưa nhập (cột bắt buộc)." }]
      : [phoneError(row)];

  it.each([
    ['one row', [4], [4], undefined],
    ['five rows', [8, 4, 6, 5, 7], [4, 5, 6, 7, 8], undefined],
    ['seven rows, one with two errors', [10, 9, 8, 7, 6, 5, 4], [4, 5, 6, 7, 8], 'và 3 lỗi khác'],
    ['six rows', [4, 5, 6, 7, 8, 12], [4, 5, 6, 7, 8], 'và 1 lỗi khác'],
  ])('%s', (_what, rows, listed, more) => {
    const submission = partial(TAP_HUAN, 'mot-lan', HOA.id, rows, twoErrors);
    const { notice, text, html } = noticeAt('2024-09-17T01:00:00.000Z', { submission });
    expect(notice.status).toBe('partial');
    expect(text).toContain(
      `Báo cáo của đơn vị còn ${rows.length} dòng chưa hợp lệ ở trang 'Đăng ký tập huấn' (chưa được tổng hợp). Đề nghị đơn vị sửa các dòng này:`,
    );
    // A unit that typed rows is told to fix them, never to declare "Không phát sinh".
    expect(text).not.toContain('Không phát sinh');
    const items = text.split('\n').filter((l) => l.startsWith('  - '));
    expect(items).toEqual([
      ...listed.map((r) => `  - Dòng ${r}: ✗ Cột 'Số điện thoại': '12345' không phải số điện thoại Việt Nam.`),
      ...(more ? [`  - ${more}`] : []),
    ]);
    expect(text).not.toMatch(/Dòng \d+, cột/);
    expect(text).not.toContain('chưa nhận được báo cáo');
    expect(html.match(/<li /g)).toHaveLength(items.length);
  });

  it('says how many valid rows are still missing when no row was rejected', () => {
    const spec: FormSpec = { ...TAP_HUAN, minRows: 3 };
    const submission: StoredSubmission = {
      ...storedSubmission(TAP_HUAN.id, 'mot-lan', HOA.id, {
        rows: [3, 4],
        firstCompleteAt: null,
        lastChangedAt: '2024-09-10T02:00:00.000Z',
      }),
      complete: false,
    };
    const { text } = noticeAt('2024-09-17T01:00:00.000Z', { spec, submission });
    expect(text).toContain('Báo cáo của đơn vị chưa đủ: cần ít nhất 3 dòng hợp lệ, hiện có 2 dòng.');
    expect(text).not.toContain('Không phát sinh');
  });

  it.each([
    [{ uncovered: 12 }, 'Báo cáo của đơn vị chưa đủ. Còn 12 đoàn viên chưa đánh giá.'],
    [
      { coverageGap: 'not-sent' as const },
      'Báo cáo của đơn vị chưa đủ. Chưa có «Đăng ký chương trình “Rèn luyện và hành động” của đoàn viên năm 2014» để đối chiếu.',
    ],
  ])('says what an evaluation still lacks against the registration (%o), not a count of rows', (shortfall, said) => {
    const unit = school('cd-kp1', {
      name: 'Chi đoàn Khu phố 1',
      type: 'chi-doan',
      contacts: [{ name: 'Trần Văn Bảo', email: 'bao@example.com' }],
    });
    const submission: StoredSubmission = {
      ...storedSubmission(REN_LUYEN_DANH_GIA.id, 'dot-1', unit.id, {
        rows: [5, 6, 7],
        firstCompleteAt: null,
        lastChangedAt: '2014-04-01T02:00:00.000Z',
      }),
      complete: false,
      ...shortfall,
    };
    const context = { forms: [builtinForm('ren-luyen-2014-dang-ky'), REN_LUYEN_DANH_GIA] };
    const { text } = noticeAt('2014-04-12T01:00:00.000Z', {
      spec: REN_LUYEN_DANH_GIA,
      periodId: 'dot-1',
      unit,
      submission,
      ...context,
    });
    expect(text).toContain(said);
    expect(text).not.toContain('cần ít nhất');
  });

  it.each([
    ['the escalation', '2024-09-23T01:00:00.000Z', 'escalation'],
    ['the overdue notice', '2024-09-17T01:00:00.000Z', 'overdue'],
  ])(
    '%s to a unit with rows in error names the count and the tab, and offers no "Không phát sinh"',
    (_what, now, stage) => {
      const submission = partial(TAP_HUAN, 'mot-lan', HOA.id, [4, 5], (row) => [phoneError(row)]);
      const { notice, text } = noticeAt(now, { submission });
      expect(notice.stage).toBe(stage);
      expect(text).toContain("còn 2 dòng chưa hợp lệ ở trang 'Đăng ký tập huấn'");
      expect(text).not.toContain('Không phát sinh');
    },
  );

  it('offers "Không phát sinh" to a unit whose sheet has no rows at all', () => {
    const { text } = noticeAt('2024-09-23T01:00:00.000Z');
    expect(text).toContain(`hãy ghi "Không phát sinh" vào một dòng của trang 'Đăng ký tập huấn'`);
  });
});

describe('renderNotice: hostile values', () => {
  const hostile = '<script>alert("x")</script> & Co';
  const unit = school('ld-evil', { name: hostile, contacts: [{ name: '<b>Hoa</b>', email: 'evil@example.vn' }] });
  const submission = partial(TAP_HUAN, 'mot-lan', 'ld-evil', [4], () => [
    { column: 'Họ và tên', message: "Dòng 4, cột 'Họ và tên': '<img src=x onerror=alert(1)>' quá dài." },
  ]);
  const settings: DistrictSettings = { ...SETTINGS, districtName: 'Quận Đoàn <1> & Co', contactName: '"Trang"' };

  it.each([
    ['a link with quotes and ampersands', `${LINK}"><script>x</script>`],
    ['a javascript: link', 'javascript:alert(1)'],
  ])('escapes every value in the HTML, with %s', (_what, sheetLink) => {
    const { text, html } = noticeAt('2024-09-23T01:00:00.000Z', { unit, submission, settings, sheetLink });
    expect(text).toContain(`Kính gửi: ${hostile} (đồng chí <b>Hoa</b>)`);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Quận Đoàn &lt;1&gt; &amp; Co');
    expect(html).toContain('&quot;Trang&quot;');
    for (const raw of ['<script', '<b>', '<img', '<1>', 'href="javascript:']) expect(html).not.toContain(raw);
  });

  it('keeps the subject on one line whatever the tab name holds', () => {
    const spec: FormSpec = { ...TAP_HUAN, tab: 'Đăng ký\r\nBcc: all@example.vn' };
    const { subject } = noticeAt('2024-09-17T01:00:00.000Z', { spec });
    expect(subject).toBe(`[Quá hạn nộp báo cáo] ${PLAN} — Đăng ký Bcc: all@example.vn — hạn 10g00 15/09/2024`);
  });
});
