import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { planTab } from '../plans/plan-sheet-fixture.js';

type Row = Record<string, RawCell>;

/** Seed 003's year-end rating as a plan each cơ sở Đoàn fills about its chi đoàn ('Cấp trên của Chi đoàn', typed loosely). */
export const PARENT_PLAN_ROWS: Record<string, Row[]> = {
  'Biểu mẫu': [
    {
      'Mã biểu mẫu': 'xep-loai-chi-doan',
      'Tên biểu mẫu': 'Xếp loại chi đoàn cuối năm',
      'Cơ quan ban hành': 'Quận Đoàn 1',
      Loại: 'Báo cáo',
      'Trang tính': 'Xếp loại chi đoàn',
      'Kỳ báo cáo': 'Một lần',
      'Hạn nộp': '15/12/2024',
      // Lower case and decomposed (NFD) accents, as staff may type or paste it.
      'Đối tượng': 'cấp trên của chi đoàn'.normalize('NFD'),
    },
  ],
  'Cột biểu mẫu': [
    {
      'Mã biểu mẫu': 'xep-loai-chi-doan',
      'Thứ tự': 1,
      'Tiêu đề cột': 'Chi đoàn',
      Kiểu: 'Chữ',
      'Bắt buộc': 'Có',
      'Không trùng': 'Có',
    },
    {
      'Mã biểu mẫu': 'xep-loai-chi-doan',
      'Thứ tự': 2,
      'Tiêu đề cột': 'Xếp loại',
      Kiểu: 'Chọn một',
      'Bắt buộc': 'Có',
      'Danh mục': 'Xếp loại chi đoàn',
    },
    { 'Mã biểu mẫu': 'xep-loai-chi-doan', 'Thứ tự': 3, 'Tiêu đề cột': 'Nhận xét', Kiểu: 'Chữ' },
  ],
  'Danh mục lựa chọn': ['Vững mạnh', 'Khá', 'Trung bình', 'Yếu'].map((value) => ({
    'Danh mục': 'Xếp loại chi đoàn',
    'Giá trị': value,
  })),
};

/** The plan read from its tabs (throws on any plan problem, so a fixture mistake shows). */
export function parentPlan(rows: Record<string, Row[]> = PARENT_PLAN_ROWS): FormSpec {
  const reading = readPlanTabs(Object.entries(rows).map(([name, tabRows]) => planTab(name, tabRows)));
  if (reading.problems.length > 0) throw new Error(reading.problems.map((p) => p.message).join('\n'));
  const plan = reading.plans[0];
  if (!plan) throw new Error('parent plan missing');
  return plan;
}

/** Two cơ sở Đoàn with two chi đoàn each, a cơ sở without any, and a Liên đội. */
export const PARENT_UNITS: readonly Unit[] = [
  unit('truong-an-lac', 'Đoàn trường THPT An Lạc', 'co-so-doan'),
  unit('cd-10a1-an-lac', 'Chi đoàn 10A1 An Lạc', 'chi-doan', 'truong-an-lac'),
  unit('cd-11a2-an-lac', 'Chi đoàn 11A2 An Lạc', 'chi-doan', 'truong-an-lac'),
  unit('truong-binh-tay', 'Đoàn trường THPT Bình Tây', 'co-so-doan'),
  unit('cd-10b1-binh-tay', 'Chi đoàn 10B1 Bình Tây', 'chi-doan', 'truong-binh-tay'),
  unit('cd-12b3-binh-tay', 'Chi đoàn 12B3 Bình Tây', 'chi-doan', 'truong-binh-tay'),
  unit('phuong-5', 'Đoàn phường 5', 'co-so-doan'),
  unit('ld-minh-duc', 'Liên đội THCS Minh Đức', 'lien-doi'),
];

function unit(id: string, name: string, type: Unit['type'], parent?: string): Unit {
  return {
    id,
    name,
    type,
    level: '',
    cluster: 'Cụm 1',
    contacts: [{ name: '', email: `${id}@doan.example` }],
    source: `${id}.xlsx`,
    ...(parent ? { parent } : {}),
  };
}
