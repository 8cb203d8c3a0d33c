import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import { planTab } from '../plans/plan-sheet-fixture.js';

/**
 * Seed 003 as plan-tab rows: a chi đoàn registers its members once ('dang-ky-ren-luyen'), then
 * evaluates them each phase ('danh-gia-ren-luyen'): an evaluated member must be registered, one
 * evaluation per member (and birth date) per phase, and a phase is complete when every registered
 * member is evaluated.
 */
const REG = 'dang-ky-ren-luyen';
const EVAL = 'danh-gia-ren-luyen';
const common = { 'Cơ quan ban hành': 'Quận Đoàn 8', 'Đối tượng': 'Chi đoàn' };

type Row = Record<string, RawCell>;

export const RULE_PLAN_ROWS: readonly Row[] = [
  {
    'Mã biểu mẫu': REG,
    'Tên biểu mẫu': 'Đăng ký rèn luyện đoàn viên 2014',
    Loại: 'Đăng ký',
    'Trang tính': 'Đăng ký rèn luyện',
    'Kỳ báo cáo': 'Một lần',
    'Hạn nộp': '31/03/2014',
    ...common,
  },
  {
    'Mã biểu mẫu': EVAL,
    'Tên biểu mẫu': 'Đánh giá rèn luyện đoàn viên 2014',
    Loại: 'Báo cáo',
    'Trang tính': 'Đánh giá rèn luyện',
    'Kỳ báo cáo': 'Theo đợt',
    ...common,
    'Đủ khi có mọi dòng của': REG,
    'Cách gọi phần còn thiếu': 'đoàn viên chưa đánh giá',
  },
];

export const RULE_COLUMN_ROWS: readonly Row[] = [
  { 'Mã biểu mẫu': REG, 'Thứ tự': 1, 'Tiêu đề cột': 'STT', Kiểu: 'Số nguyên', 'Cột số thứ tự': 'Có' },
  { 'Mã biểu mẫu': REG, 'Thứ tự': 2, 'Tiêu đề cột': 'Họ và tên', Kiểu: 'Chữ', 'Bắt buộc': 'Có' },
  { 'Mã biểu mẫu': REG, 'Thứ tự': 3, 'Tiêu đề cột': 'Nội dung đăng ký', Kiểu: 'Chữ' },
  {
    'Mã biểu mẫu': EVAL,
    'Thứ tự': 1,
    'Tiêu đề cột': 'Đợt',
    Kiểu: 'Lựa chọn',
    'Bắt buộc': 'Có',
    'Cột kỳ báo cáo': 'Có',
  },
  {
    'Mã biểu mẫu': EVAL,
    'Thứ tự': 2,
    'Tiêu đề cột': 'Họ và tên',
    Kiểu: 'Chữ',
    'Bắt buộc': 'Có',
    'Phải có trong': `${REG}/Họ và tên`,
    'Không trùng cùng': 'Ngày sinh',
  },
  { 'Mã biểu mẫu': EVAL, 'Thứ tự': 3, 'Tiêu đề cột': 'Ngày sinh', Kiểu: 'Ngày', 'Bắt buộc': 'Có' },
  { 'Mã biểu mẫu': EVAL, 'Thứ tự': 4, 'Tiêu đề cột': 'Kết quả', Kiểu: 'Chữ', 'Bắt buộc': 'Có' },
];

export const RULE_PHASE_ROWS: readonly Row[] = [
  { 'Mã biểu mẫu': EVAL, Đợt: 'Đợt I', Tháng: '3/2014', 'Hạn nộp': '05/04/2014', 'Mã đợt': 'dot-1' },
  { 'Mã biểu mẫu': EVAL, Đợt: 'Đợt II', Tháng: '5/2014', 'Hạn nộp': '05/06/2014', 'Mã đợt': 'dot-2' },
];

/** The two plans, read from their plan-tab rows the way a control workbook is read. */
export function rulePlans(
  columns: readonly Row[] = RULE_COLUMN_ROWS,
  plans: readonly Row[] = RULE_PLAN_ROWS,
): { registration: FormSpec; evaluation: FormSpec; problems: string[] } {
  const reading = readPlanTabs([
    planTab('Biểu mẫu', plans),
    planTab('Cột biểu mẫu', columns),
    planTab('Đợt', RULE_PHASE_ROWS),
  ]);
  const byId = (id: string) => reading.plans.find((p) => p.id === id) as FormSpec;
  return { registration: byId(REG), evaluation: byId(EVAL), problems: reading.problems.map((p) => p.message) };
}
