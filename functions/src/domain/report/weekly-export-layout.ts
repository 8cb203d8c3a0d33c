import type { WeekStanding } from './weekly-coverage.js';

/** The weekly digest's .xlsx: tab names and headers, fixed (row 5 holds the headers, data from row 6). */
export const WEEKLY_EXPORT_TABS = { byUnit: 'Theo tuần', byWeek: 'Số cơ sở đạt', notMeeting: 'Chưa đạt' } as const;

export const WEEKLY_EXPORT_HEADERS = {
  byUnit: [
    'Mã đơn vị',
    'Đơn vị',
    'Cụm',
    'Số đoàn viên',
    'Tuần',
    'Từ ngày – đến ngày',
    'Kết quả',
    'Số hoạt động',
    'Số hoạt động đạt',
    'Số tham gia đông nhất',
  ],
  byWeek: ['Tuần', 'Từ ngày – đến ngày', 'Số cơ sở đạt', 'Số cơ sở phải thực hiện'],
  notMeeting: ['Mã đơn vị', 'Đơn vị', 'Cụm', 'Số đoàn viên', 'Lý do', 'Số hoạt động', 'Số tham gia đông nhất'],
} as const;

/** A week's standing in words, for people and for the .xlsx. */
export const STANDING_WORDS: Readonly<Record<WeekStanding, string>> = {
  met: 'Đạt',
  'not-met': 'Không đạt',
  'not-reported': 'Chưa báo cáo',
  'no-members': 'Chưa khai báo số đoàn viên',
  'outside-plan': 'Ngoài thời gian kế hoạch',
};
