import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { planTab } from '../plans/plan-sheet-fixture.js';

type Row = Record<string, RawCell>;

/** The plan tabs of a registration with a fee ('dang-ky', 1.900.000 đ a person) and the finance desk's receipts plan ('thu-kinh-phi'). */
export const FINANCE_PLAN_ROWS: Record<string, Row[]> = {
  'Biểu mẫu': [
    {
      'Mã biểu mẫu': 'dang-ky',
      'Tên biểu mẫu': 'Đăng ký tập huấn',
      'Cơ quan ban hành': 'Quận Đoàn 1',
      Loại: 'Đăng ký',
      'Trang tính': 'Đăng ký tập huấn',
      'Kỳ báo cáo': 'Một lần',
      'Hạn nộp': '15/09/2024',
      'Giờ hạn': '10:00',
      'Đối tượng': 'Liên đội',
    },
    {
      'Mã biểu mẫu': 'thu-kinh-phi',
      'Tên biểu mẫu': 'Thu kinh phí tập huấn',
      'Cơ quan ban hành': 'Quận Đoàn 1',
      Loại: 'Báo cáo',
      'Trang tính': 'Thu kinh phí',
      'Kỳ báo cáo': 'Một lần',
      'Hạn nộp': '16/09/2024',
      'Đối tượng': 'Quận Đoàn, Liên đội',
      'Số dòng tối thiểu': 0,
    },
  ],
  'Cột biểu mẫu': [
    { 'Mã biểu mẫu': 'dang-ky', 'Thứ tự': 1, 'Tiêu đề cột': 'Họ và tên', Kiểu: 'Chữ', 'Bắt buộc': 'Có' },
    {
      'Mã biểu mẫu': 'thu-kinh-phi',
      'Thứ tự': 1,
      'Tiêu đề cột': 'Số tiền',
      Kiểu: 'Số tiền',
      'Bắt buộc': 'Có',
      'Nhỏ nhất': 1,
    },
    { 'Mã biểu mẫu': 'thu-kinh-phi', 'Thứ tự': 2, 'Tiêu đề cột': 'Ngày nộp', Kiểu: 'Ngày', 'Bắt buộc': 'Có' },
    { 'Mã biểu mẫu': 'thu-kinh-phi', 'Thứ tự': 3, 'Tiêu đề cột': 'Người nộp', Kiểu: 'Chữ' },
    {
      'Mã biểu mẫu': 'thu-kinh-phi',
      'Thứ tự': 4,
      'Tiêu đề cột': 'Số biên lai',
      Kiểu: 'Chữ',
      'Bắt buộc': 'Có',
      'Không trùng': 'Có',
    },
  ],
  'Chỉ số': [
    {
      'Mã biểu mẫu': 'dang-ky',
      'Mã chỉ số': 'kinh-phi',
      'Tên chỉ số': 'Kinh phí phải nộp',
      'Cách tính': 'Tiền mỗi dòng',
      'Số tiền mỗi dòng': '1.900.000',
    },
    {
      'Mã biểu mẫu': 'thu-kinh-phi',
      'Mã chỉ số': 'con-no',
      'Tên chỉ số': 'Kinh phí còn nợ',
      'Cách tính': 'Còn nợ',
      Cột: 'Số tiền',
      'Đối chiếu với': 'dang-ky/kinh-phi',
      'Hạn nộp tiền': '16/09/2024',
      'Nơi nộp tiền': 'bộ phận tài chính Quận Đoàn, thứ 3 và thứ 5 theo giờ hành chính',
    },
  ],
};

/** The two plans read from their tabs (throws on any plan problem, so a fixture mistake shows). */
export function financePlans(): { registration: FormSpec; receipts: FormSpec } {
  const reading = readPlanTabs(Object.entries(FINANCE_PLAN_ROWS).map(([name, rows]) => planTab(name, rows)));
  if (reading.problems.length > 0) throw new Error(reading.problems.map((p) => p.message).join('\n'));
  const registration = reading.plans.find((p) => p.id === 'dang-ky');
  const receipts = reading.plans.find((p) => p.id === 'thu-kinh-phi');
  if (!registration || !receipts) throw new Error('finance plans missing');
  return { registration, receipts };
}

/** Three schools and a chi đoàn. */
export const FINANCE_UNITS: readonly Unit[] = [
  school('th-an-binh', 'Liên đội TH An Bình'),
  school('thcs-minh-duc', 'Liên đội THCS Minh Đức'),
  school('th-luong-the-vinh', 'Liên đội TH Lương Thế Vinh'),
  { ...school('cd-khu-pho-3', 'Chi đoàn Khu phố 3'), type: 'chi-doan' },
];

function school(id: string, name: string): Unit {
  return {
    id,
    name,
    type: 'lien-doi',
    level: 'Tiểu học',
    cluster: 'Cụm 1',
    contacts: [{ name: '', email: `${id}@truong.edu.vn` }],
    source: `${id}.xlsx`,
  };
}
