import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { SheetTab } from '../../../functions/src/domain/forms/read-form-tab.js';
import { sharedSourceId, type SharedSource } from '../../../functions/src/domain/shared/shared-source.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { testUnit } from '../../support/builders.js';

/** Three schools of the registry, one with aliases, and a chi đoàn the training form does not target. */
export const UNITS: readonly Unit[] = [
  testUnit('th-luong-the-vinh', {
    name: 'Liên đội TH Lương Thế Vinh',
    level: 'Tiểu học',
    aliases: ['Trường Lương Thế Vinh', 'LTV'],
  }),
  testUnit('thcs-minh-duc', { name: 'Liên đội THCS Minh Đức', level: 'THCS' }),
  testUnit('th-an-binh', { name: 'Liên đội TH An Bình', level: 'Tiểu học' }),
  testUnit('cd-khu-pho-3', { name: 'Chi đoàn Khu phố 3', type: 'chi-doan' }),
];

export const TRAINING_SOURCE: SharedSource = {
  id: sharedSourceId('tap-huan-2024'),
  formId: 'tap-huan-2024',
  file: 'dang-ky-tap-huan.xlsx',
  tab: 'Câu trả lời biểu mẫu 1',
  unitColumn: 'Đơn vị',
  timeColumn: 'Dấu thời gian',
  rowNumber: 2,
};

/** The header of a Google Form's responses sheet for the training registration. */
export const RESPONSE_HEADER: RawCell[] = ['Dấu thời gian', 'Đơn vị', 'Họ và tên', 'Chức vụ', 'Số điện thoại'];

/** A responses tab: the header in row 1, then one row per answer (row numbers from 2). */
export function responses(...rows: RawCell[][]): SheetTab {
  return {
    name: TRAINING_SOURCE.tab,
    rows: [RESPONSE_HEADER, ...rows].map((cells, i) => ({ rowNumber: i + 1, cells })),
  };
}

/** One valid answer for a unit named as typed. */
export function answer(unitTyped: string, stamp = '14/09/2024 09:30:00', name = 'Nguyễn Văn An'): RawCell[] {
  return [stamp, unitTyped, name, 'Tổng phụ trách Đội', '0912345678'];
}
