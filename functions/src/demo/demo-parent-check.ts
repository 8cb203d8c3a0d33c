import { formSpecSchema, type FormSpec, type FormSpecInput } from '../domain/forms/form-spec.js';
import { ictInstant } from '../domain/time/ict.js';
import type { Unit } from '../domain/units/unit.js';
import type { DemoBranchReport, DemoBranchReportSend } from './demo-branch-report.js';
import type { DemoDistrict } from './demo-district.js';

/**
 * A plan the cơ sở Đoàn fill about their chi đoàn ('Đối tượng' = 'Cấp trên của Chi đoàn', issue 15): after the
 * September meetings, each cơ sở Đoàn with chi đoàn under it checks each one's meeting in a tab of its own file.
 * The first also rates a chi đoàn not registered under it: that row is refused, with the list of its own chi đoàn (a
 * name of another cơ sở's chi đoàn would be refused too, but would then show in its own summary's Lỗi dữ liệu).
 * Due after the demo's "now", so it sends no reminder; drawn from the district without randomness.
 */
const PARENT_CHECK_PLAN: FormSpecInput = {
  id: 'kiem-tra-sinh-hoat-chi-doan-thang-9-2024',
  title: 'Kiểm tra sinh hoạt chi đoàn tháng 9/2024',
  issuer: 'Ban Thường vụ {Tên đơn vị tổng hợp}',
  kind: 'report',
  tab: 'Kiểm tra sinh hoạt chi đoàn',
  description:
    'Mỗi cơ sở Đoàn kiểm tra buổi sinh hoạt chi đoàn định kỳ tháng 9/2024 của từng chi đoàn trực thuộc: mỗi chi đoàn một dòng, ghi đánh giá và nhận xét, trước 17g00 ngày 05/10/2024.',
  columns: [
    { key: 'chiDoan', header: 'Chi đoàn', type: 'text', required: true, unique: true, maxLength: 200 },
    {
      key: 'danhGia',
      header: 'Đánh giá',
      type: 'enum',
      required: true,
      options: [{ value: 'Tốt' }, { value: 'Khá' }, { value: 'Cần cố gắng' }].map((o) => ({ ...o, aliases: [] })),
    },
    { key: 'nhanXet', header: 'Nhận xét', type: 'text', maxLength: 500 },
  ],
  period: { type: 'once', due: { date: '2024-10-05', time: '17:00' } },
  targets: { unitTypes: ['chi-doan'] },
  filledBy: 'parent',
  minRows: 1,
};

/** After the chi đoàn report's decisions (9g00 21/09/2024), before the demo's "now". */
const ISSUED_AT = ictInstant('2024-09-21', '10:00');
const REMARKS = ['Đúng chủ điểm, đủ nội dung', 'Cần chuẩn bị nội dung kỹ hơn', 'Đoàn viên tham gia sôi nổi'];
const RATINGS = ['Tốt', 'Khá', 'Tốt'];
/** A chi đoàn the first cơ sở rates that is not in the registry. */
export const DEMO_PARENT_CHECK_STRANGER = 'Chi đoàn Thanh niên công nhân khu chế xuất';
const STRANGER = DEMO_PARENT_CHECK_STRANGER;

/** The story of a demo district, in the chi đoàn report's shape (no decisions), its plan's placeholders filled by `localize`. */
export function demoParentCheck(district: DemoDistrict, localize: (spec: FormSpec) => FormSpec): DemoBranchReport {
  const spec = localize(formSpecSchema.parse(PARENT_CHECK_PLAN));
  const readable = new Set(
    district.workbooks
      .filter((w) => w.sentAt !== null && w.scenario !== 'missing' && w.scenario !== 'corrupt')
      .map((w) => w.unitId),
  );
  const branches = district.units.filter((u) => readable.has(u.id) && childrenOf(district.units, u).length > 0);
  const sends = branches.map((branch, b): DemoBranchReportSend => {
    const rows = childrenOf(district.units, branch).map((child, i) => [
      child.name,
      RATINGS[(b + i) % RATINGS.length] ?? 'Tốt',
      REMARKS[(b + i) % REMARKS.length] ?? null,
    ]);
    return {
      unitId: branch.id,
      at: ictInstant('2024-09-21', `${14 + b}:30`),
      rows: b === 0 ? [...rows, [STRANGER, 'Khá', 'Chi đoàn mới thành lập, chưa có trong danh sách']] : rows,
    };
  });
  return { spec, issuedAt: ISSUED_AT, sends, decisions: [] };
}

function childrenOf(units: readonly Unit[], parent: Unit): Unit[] {
  return units.filter((u) => u.parent === parent.id && u.type === 'chi-doan');
}
