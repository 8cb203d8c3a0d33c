import { describe, expect, it } from 'vitest';
import { dueLong } from '../../../functions/src/domain/notices/notice-text.js';
import { builtinForm, storedSubmission } from '../../support/forms.js';
import { periodById } from '../../../functions/src/domain/periods/schedule.js';
import {
  reportDocument,
  reportFileName,
  reportSubject,
  RESULT_COLUMNS,
  type ReportBlock,
} from '../../../functions/src/domain/report/report-document.js';
import { reportFigures } from '../../../functions/src/domain/report/report-figures.js';
import { reportHeading } from '../../../functions/src/domain/report/report-heading.js';
import { reportPeriod } from '../../../functions/src/domain/report/report-period.js';
import { formPeriodStats } from '../../../functions/src/domain/stats/form-period-stats.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';

const TAP_HUAN = builtinForm('tap-huan-2024');
const PERIOD = periodById(TAP_HUAN, 'mot-lan');
const NOW = new Date('2024-09-23T01:00:00Z');
const school = (id: string, cluster: string): Unit => ({
  id,
  name: `Liên đội TH ${id.toUpperCase()}`,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster,
  contacts: [],
  source: `${id}.xlsx`,
});
const UNITS = [
  school('a1', 'Cụm 1'),
  school('a2', 'Cụm 1'),
  school('b1', 'Cụm 2'),
  school('b2', 'Cụm 2'),
  school('c1', ''),
];
const person = (rowNumber: number, chucVu: string) => ({ rowNumber, values: { hoTen: `Người ${rowNumber}`, chucVu } });
const SUBMISSIONS = new Map([
  [
    'a1',
    storedSubmission('tap-huan-2024', 'mot-lan', 'a1', {
      rows: [person(5, 'Tổng phụ trách Đội'), person(6, 'Bí thư Chi đoàn')],
      firstCompleteAt: '2024-09-14T02:00:00Z',
      lastChangedAt: '2024-09-14T02:00:00Z',
    }),
  ],
  [
    'a2',
    storedSubmission('tap-huan-2024', 'mot-lan', 'a2', {
      rows: [person(5, 'Tổng phụ trách Đội')],
      firstCompleteAt: '2024-09-16T02:00:00Z',
      lastChangedAt: '2024-09-16T02:00:00Z',
    }),
  ],
  [
    'b1',
    storedSubmission('tap-huan-2024', 'mot-lan', 'b1', {
      rows: [person(5, 'Tổng phụ trách Đội')],
      rejected: [
        {
          rowNumber: 6,
          periodId: 'mot-lan',
          cells: {},
          errors: [{ column: 'soDienThoai', message: 'Dòng 6: số điện thoại sai' }],
        },
      ],
      firstCompleteAt: null,
      lastChangedAt: '2024-09-14T02:00:00Z',
    }),
  ],
  [
    'c1',
    storedSubmission('tap-huan-2024', 'mot-lan', 'c1', {
      rows: [person(5, 'Tổng phụ trách Đội')],
      firstCompleteAt: '2024-09-15T02:00:00Z',
      lastChangedAt: '2024-09-15T02:00:00Z',
    }),
  ],
]);

function figures() {
  if (!PERIOD) throw new Error('tap-huan-2024 has no period mot-lan');
  const stats = formPeriodStats({ spec: TAP_HUAN, period: PERIOD, units: UNITS, submissions: SUBMISSIONS, now: NOW });
  return {
    stats,
    figures: reportFigures({ district: 'Quận Đoàn 1', spec: TAP_HUAN, period: PERIOD, stats, units: UNITS, now: NOW }),
  };
}

const texts = (blocks: readonly ReportBlock[]) =>
  blocks.flatMap((b) =>
    b.kind === 'paragraph' || b.kind === 'heading'
      ? [b.text]
      : b.kind === 'list'
        ? b.items
        : b.kind === 'placeholder'
          ? [b.hint]
          : [],
  );

describe('reportFigures: the statistics of the summary, for the level above', () => {
  it('carries the overall and per-cụm counts of formPeriodStats unchanged', () => {
    const { stats, figures: f } = figures();
    expect(f.total).toEqual({
      expected: 5,
      complete: 3,
      onTime: 2,
      late: 1,
      revisedAfterDeadline: 0,
      partial: 1,
      nil: 0,
      missing: 1,
    });
    expect(f.total).toMatchObject({
      expected: stats.overall.expected,
      complete: stats.overall.complete,
      onTime: stats.overall.onTime,
      missing: stats.overall.missing,
    });
    expect(f.byCluster.map((c) => [c.cluster, c.expected, c.complete, c.missing])).toEqual([
      ['(chưa xếp cụm)', 1, 1, 0],
      ['Cụm 1', 2, 2, 0],
      ['Cụm 2', 2, 0, 1],
    ]);
  });

  it('lists the units still owing, missing first, with days overdue', () => {
    expect(figures().figures.owing).toEqual([
      { unitId: 'b2', name: 'Liên đội TH B2', cluster: 'Cụm 2', status: 'missing', daysOverdue: 8 },
      { unitId: 'b1', name: 'Liên đội TH B1', cluster: 'Cụm 2', status: 'partial', daysOverdue: 8 },
    ]);
  });

  it("keeps the plan's metrics: 5 registered, 9.500.000 đ, 4 TPT", () => {
    expect(figures().figures.metrics.map((m) => [m.id, m.total])).toEqual([
      ['so-nguoi-dang-ky', 5],
      ['kinh-phi', 9_500_000],
      ['so-tpt', 4],
    ]);
  });
});

describe('reportDocument: the body of the report', () => {
  const doc = reportDocument(
    reportHeading({ districtName: 'Quận Đoàn 1', officeEmail: '', contactName: '', contactPhone: '' }, NOW),
    figures().figures,
  );

  it('has the title, the subject and the sections in order, with the placeholders to fill', () => {
    expect(doc.title).toBe('BÁO CÁO');
    expect(doc.subject).toBe(
      'Kết quả đăng ký tham gia tập huấn nghiệp vụ công tác Đoàn – Đội khu vực trường học năm học 2024 – 2025 (hạn 15/09/2024)',
    );
    expect(doc.body.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual([
      'I. TÌNH HÌNH NỘP BÁO CÁO',
      'II. KẾT QUẢ THỰC HIỆN',
      'III. ĐƠN VỊ CHƯA NỘP HOẶC NỘP CHƯA ĐẠT',
      'IV. ĐÁNH GIÁ CHUNG',
      'V. ĐỀ XUẤT',
    ]);
    expect(doc.body.filter((b) => b.kind === 'placeholder')).toHaveLength(2);
  });

  it('states the figures in words and in the results table, by cụm and in total', () => {
    const all = texts(doc.body);
    expect(all).toContain(
      'Hạn nộp: 10g00 ngày 15/09/2024. Số đơn vị phải nộp: 5; đã nộp đủ: 3 (60\u00a0%), trong đó đúng hạn 2, trễ hạn 1; nộp chưa đạt yêu cầu: 1; chưa nộp: 1.',
    );
    const table = doc.body.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.columns).toEqual(RESULT_COLUMNS);
    expect(table?.kind === 'table' && table.rows).toEqual([
      { cells: ['(chưa xếp cụm)', '1', '1', '1', '0', '0', '0', '100\u00a0%'] },
      { cells: ['Cụm 1', '2', '2', '1', '1', '0', '0', '100\u00a0%'] },
      { cells: ['Cụm 2', '2', '0', '0', '0', '1', '1', '0\u00a0%'] },
      { cells: ['Tổng cộng', '5', '3', '2', '1', '1', '1', '60\u00a0%'], bold: true },
    ]);
    expect(all).toContain('- Kinh phí tập huấn: 9.500.000 đ.');
    expect(all).toContain('1. Liên đội TH B2 (Cụm 2): chưa nộp, quá hạn 8 ngày.');
    expect(all).toContain('2. Liên đội TH B1 (Cụm 2): chưa đạt (có lỗi hoặc thiếu dòng), quá hạn 8 ngày.');
    expect(all[0]).toBe(
      'Thực hiện Kế hoạch số 42-KHLT/GDĐT-HĐĐ-NTN, Quận Đoàn 1 báo cáo kết quả đăng ký tham gia tập huấn nghiệp vụ công tác Đoàn – Đội khu vực trường học năm học 2024 – 2025 (hạn 15/09/2024), số liệu tính đến 8g00 ngày 23/09/2024, như sau:',
    );
    for (const line of all) expect(line).toBe(line.normalize('NFC'));
  });

  it('names its files after the form and period', () => {
    expect(reportFileName(figures().figures, 'docx')).toBe('Bao-cao-tap-huan-2024.docx');
  });
});

describe('reportSubject', () => {
  it.each<[string, string]>([
    ['Báo cáo kết quả tổ chức các hoạt động kỷ niệm', 'Kết quả tổ chức các hoạt động kỷ niệm (kỳ)'],
    ['Đăng ký thực hiện mô hình', 'Kết quả đăng ký thực hiện mô hình (kỳ)'],
  ])('%s → %s', (formTitle, subject) => {
    expect(reportSubject({ ...figures().figures, formTitle, periodLabel: 'kỳ' })).toBe(subject);
  });
});

describe('the report writes a deadline as the plans write it (dueLong)', () => {
  it.each<[string, string]>([
    ['2024-09-15T03:00:00Z', '10g00 ngày 15/09/2024'],
    // No time of day: the last instant of the day.
    ['2020-04-15T16:59:59.999Z', 'ngày 15/04/2020'],
    // "trước ngày 14/12/2023": 00:00 of that day.
    ['2023-12-13T17:00:00Z', 'trước ngày 14/12/2023'],
  ])('%s → %s', (due, text) => {
    expect(dueLong(new Date(due))).toBe(text);
  });
});

describe('reportPeriod: which period a report covers', () => {
  const monthly = builtinForm('30-phut-bao-cao');
  it.each<[string, string | undefined, string]>([
    ['2022-12-20T01:00:00Z', undefined, '2022-11'],
    ['2021-03-01T01:00:00Z', '2021-01', '2021-01'],
  ])('at %s, asked %s → %s', (now, asked, expected) => {
    const choice = reportPeriod(monthly, new Date(now), asked);
    expect(choice.ok && choice.period.id).toBe(expected);
  });

  it('refuses a period that has not started, in Vietnamese, listing what can be reported', () => {
    const choice = reportPeriod(TAP_HUAN, NOW, '2025-01-01');
    expect(choice).toEqual({
      ok: false,
      reason: "Biểu mẫu 'tap-huan-2024' không có kỳ '2025-01-01' đã bắt đầu. Các kỳ có thể báo cáo: mot-lan.",
    });
  });
});
