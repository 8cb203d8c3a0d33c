import type { WritableCell } from '../adapters/sheet-layout/write-sheet-layout.js';
import type { RowRecord } from './demo-profile.js';
import type { Prng } from './prng.js';

/** A typing mistake put into a demo row on purpose: the sweep must reject that row. */
export interface DemoMistake {
  readonly formId: string;
  /** 0-based index among the form's data rows (sheet row = 6 + index). */
  readonly rowIndex: number;
  readonly columnKey: string;
  readonly value: WritableCell;
  /** What is wrong, in Vietnamese, for the CLI to describe the scenario. */
  readonly why: string;
}

type MistakeKind = Omit<DemoMistake, 'formId' | 'rowIndex'>;

/** Mistakes units really make, per form; each one breaks a rule the sweep checks. */
const MISTAKES: Readonly<Record<string, readonly MistakeKind[]>> = {
  'tap-huan-2024': [
    { columnKey: 'ngaySinh', value: '31/02/1990', why: 'ngày sinh không có thật (31/02)' },
    { columnKey: 'soDienThoai', value: '12345', why: 'số điện thoại thiếu chữ số' },
    { columnKey: 'chucVu', value: 'Giáo viên chủ nhiệm', why: 'chức vụ không thuộc danh sách được tập huấn' },
    { columnKey: 'hoTen', value: null, why: 'bỏ trống họ và tên (cột bắt buộc)' },
  ],
  'ke-hoach-nho-65-nam': [
    { columnKey: 'ngayToChuc', value: '31/11/2023', why: 'ngày tổ chức không có thật (31/11)' },
    { columnKey: 'soDoiVien', value: -120, why: 'số đội viên âm' },
    { columnKey: 'noiDung', value: null, why: 'bỏ trống nội dung (cột bắt buộc)' },
  ],
  'lien-tich-2022-2023': [
    { columnKey: 'ngay', value: '29/02/2023', why: 'năm 2023 không có ngày 29/02' },
    { columnKey: 'loai', value: 'Văn nghệ chào mừng', why: 'loại hoạt động không thuộc danh sách' },
    { columnKey: 'soNguoi', value: -35, why: 'số người tham gia âm' },
  ],
  '30-phut-dang-ky': [{ columnKey: 'soLanMoiTuan', value: 3, why: 'đăng ký 3 lần/tuần, kế hoạch chỉ cho 1–2 lần' }],
  '30-phut-bao-cao': [
    { columnKey: 'thang', value: '13/2020', why: 'không có tháng 13' },
    { columnKey: 'thang', value: '4/2019', why: 'tháng 4/2019 nằm ngoài thời gian của kế hoạch' },
    { columnKey: 'soLuong', value: -5, why: 'số đoàn viên tham gia âm' },
    { columnKey: 'tuan', value: 6, why: 'tháng không có tuần thứ 6' },
    { columnKey: 'diaDiem', value: null, why: 'bỏ trống địa điểm (cột bắt buộc)' },
  ],
  'ren-luyen-2014-dang-ky': [
    { columnKey: 'ngaySinh', value: '30/02/1995', why: 'ngày sinh không có thật (30/02)' },
    { columnKey: 'doiTuong', value: 'Hưu trí', why: 'đối tượng không thuộc danh sách' },
    { columnKey: 'hoTen', value: null, why: 'bỏ trống họ và tên (cột bắt buộc)' },
  ],
  'ren-luyen-2014-danh-gia': [
    { columnKey: 'dot', value: 'Đợt V', why: 'kế hoạch chỉ có Đợt I–IV' },
    { columnKey: 'renLuyen', value: 'Khá', why: 'kết quả rèn luyện không thuộc danh sách' },
    { columnKey: 'hoTen', value: null, why: 'bỏ trống họ và tên (cột bắt buộc)' },
  ],
};

/**
 * Put `count` mistakes into a unit's rows (records are changed in place), each in a different row,
 * so the number of rows the sweep must reject equals the number of mistakes returned.
 * Rows in `locked` ('<form id>#<row index>', e.g. "Không phát sinh" declarations) are left alone.
 */
export function makeMistakes(
  recordsByFormId: ReadonlyMap<string, RowRecord[]>,
  count: number,
  rng: Prng,
  locked: ReadonlySet<string> = new Set(),
): DemoMistake[] {
  const candidates = [...recordsByFormId.entries()].flatMap(([formId, records]) =>
    records.length === 0 ? [] : (MISTAKES[formId] ?? []).map((kind) => ({ formId, kind, rows: records.length })),
  );
  const used = new Set<string>(locked);
  const mistakes: DemoMistake[] = [];
  for (const { formId, kind, rows } of rng.shuffle(candidates)) {
    if (mistakes.length === count) break;
    const free = Array.from({ length: rows }, (_, i) => i).filter((i) => !used.has(`${formId}#${i}`));
    if (free.length === 0) continue;
    const rowIndex = rng.pick(free);
    used.add(`${formId}#${rowIndex}`);
    const record = recordsByFormId.get(formId)?.[rowIndex];
    if (record) record[kind.columnKey] = kind.value;
    mistakes.push({ formId, rowIndex, ...kind });
  }
  return mistakes.sort((a, b) => a.formId.localeCompare(b.formId) || a.rowIndex - b.rowIndex);
}
