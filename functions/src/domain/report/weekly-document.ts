import { formatVietnameseNumber as n } from '../cells/number-format.js';
import { formatIctDateTime } from '../time/ict.js';
import { numberedSections, type ReportBlock, type ReportDocument } from './report-document.js';
import type { ReportHeading } from './report-heading.js';
import type { UnitWeekCell, WeekStanding, WeeklyCoverage } from './weekly-coverage.js';
import { lowerFirst, upperFirst } from '../cells/sentence-case.js';

/** Where the weekly digest goes: the Ban Thường vụ the plan says the office reports to every week. */
export const WEEKLY_RECIPIENTS = ['Ban Thường vụ (để b/c)', 'Lưu VP'] as const;

/** "Tuần 38/2024 (16/09/2024 – 22/09/2024)". */
export function weekTitle(weekId: string, range: string): string {
  const [year, week] = weekId.split('-W');
  return `Tuần ${Number(week)}/${year} (${range})`;
}

/** A unit's week in one cell: "✓ 2 HĐ, 20/20", "✗ 1 HĐ, 15/20", "Chưa báo cáo". */
export function weekCell(cell: UnitWeekCell, members: number | undefined): string {
  const detail = `${n(cell.activities)} HĐ${cell.bestParticipants !== null ? `, ${n(cell.bestParticipants)}${members ? `/${n(members)}` : ''}` : ''}`;
  const words: Record<WeekStanding, string> = {
    met: `✓ ${detail}`,
    'not-met': `✗ ${detail}`,
    'not-reported': 'Chưa báo cáo',
    'no-members': `${detail}; chưa khai báo số đoàn viên`,
    'outside-plan': '—',
  };
  return words[cell.standing];
}

/** The weekly digest as a document: the same heading and signature as the report to the level above, addressed to the Ban Thường vụ. */
export function weeklyDocument(heading: ReportHeading, coverage: WeeklyCoverage): ReportDocument {
  const last = coverage.weeks.at(-1);
  const reported = last ? weekTitle(last.weekId, last.range) : coverage.weekId;
  const what = `kết quả thực hiện ${lowerFirst(coverage.formTitle.replace(/^Báo cáo\s+kết quả thực hiện\s+/iu, ''))}`;
  const lastCount = coverage.meetingByWeek.at(-1);
  const body: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: `${coverage.planNumber ? `Thực hiện Kế hoạch số ${coverage.planNumber}, ` : ''}${heading.issuerInText} báo cáo Ban Thường vụ ${what}, ${lowerFirst(reported)}, số liệu tính đến ${instantText(coverage.asOf)}, như sau:`,
    },
    { kind: 'heading', text: 'KẾT QUẢ TỪNG TUẦN' },
    {
      kind: 'paragraph',
      text: `Chỉ tiêu: ${coverage.target}; mỗi tuần được xét riêng, đạt (✓) khi trong tuần có đủ hoạt động đạt số đoàn viên tham gia. Mỗi ô ghi số hoạt động (HĐ) và số đoàn viên tham gia đông nhất trên số đoàn viên của cơ sở.${lastCount ? ` Tuần báo cáo: ${n(lastCount.meeting)}/${n(lastCount.expected)} cơ sở Đoàn đạt.` : ''}`,
    },
    {
      kind: 'table',
      columns: [
        'Cơ sở Đoàn',
        ...coverage.weeks.map((w) => `Tuần ${Number(w.weekId.split('-W')[1])}\n${w.range.replace(' – ', '–\n')}`),
      ],
      rows: [
        ...coverage.units.map((u) => ({ cells: [u.name, ...u.weeks.map((c) => weekCell(c, u.members))] })),
        {
          cells: [
            'Số cơ sở đạt',
            ...coverage.meetingByWeek.map((m) => (m.expected ? `${n(m.meeting)}/${n(m.expected)}` : '—')),
          ],
          bold: true,
        },
      ],
    },
    { kind: 'heading', text: 'CƠ SỞ ĐOÀN CHƯA ĐẠT TRONG TUẦN' },
    coverage.notMeeting.length
      ? { kind: 'list', items: coverage.notMeeting.map((u, i) => `${i + 1}. ${u.name}: ${whyNot(u)}.`) }
      : { kind: 'paragraph', text: 'Tất cả cơ sở Đoàn đạt chỉ tiêu trong tuần.' },
    { kind: 'heading', text: 'ĐÁNH GIÁ, ĐỀ XUẤT' },
    { kind: 'placeholder', hint: '(Nhận xét, đề xuất tuyên dương hoặc nhắc nhở — văn phòng bổ sung.)', lines: 2 },
    { kind: 'paragraph', text: `Trên đây là báo cáo tuần của ${heading.issuerInText}./.` },
  ];
  return {
    heading: { ...heading, recipients: [...WEEKLY_RECIPIENTS] },
    title: 'BÁO CÁO',
    subject: `${upperFirst(what)} ${lowerFirst(reported)}`,
    body: numberedSections(body),
  };
}

function whyNot(u: WeeklyCoverage['notMeeting'][number]): string {
  switch (u.standing) {
    case 'not-reported':
      return 'chưa báo cáo tháng có tuần này';
    case 'no-members':
      return `${n(u.activities)} hoạt động; chưa khai báo số đoàn viên nên chưa xét được`;
    case 'not-met':
      return u.activities === 0
        ? 'không có hoạt động'
        : `${n(u.activities)} hoạt động, đông nhất ${n(u.bestParticipants ?? 0)}${u.members ? `/${n(u.members)}` : ''} đoàn viên tham gia`;
  }
}

function instantText(instant: Date): string {
  const [time = '', date = ''] = formatIctDateTime(instant).split(' ');
  return `${time} ngày ${date}`;
}
