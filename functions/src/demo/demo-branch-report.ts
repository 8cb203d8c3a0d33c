import { ACTIVITY_REPORT_COLUMNS, activityMetrics } from './demo-activity-columns.js';
import { formSpecSchema, type FormSpec, type FormSpecInput } from '../domain/forms/form-spec.js';
import { ictInstant } from '../domain/time/ict.js';
import { pad2 } from '../domain/time/calendar.js';
import type { Unit } from '../domain/units/unit.js';
import type { WritableCell } from '../adapters/sheet-layout/write-sheet-layout.js';
import type { DemoDistrict } from './demo-district.js';
import type { DemoReviewStep } from './demo-review.js';

/**
 * The chi đoàn's report of the demo's "today". The chi đoàn plans of the catalog (seed 003) ended in 2014, so without
 * this a cơ sở Đoàn's own summary has no current period and its "Duyệt báo cáo" tab lists nothing. Quận Đoàn asks every
 * chi đoàn for its September meeting (due 17g00 20/09/2024); each chi đoàn with a readable file sends it, the ones
 * late with their main form late again; and each cơ sở Đoàn with chi đoàn under it approves, from its own summary, the
 * first report that came in on time from under it. Drawn from the district without randomness.
 */
const BRANCH_PLAN: FormSpecInput = {
  id: 'sinh-hoat-chi-doan-thang-9-2024',
  title: 'Báo cáo kết quả sinh hoạt chi đoàn định kỳ tháng 9/2024',
  issuer: 'Ban Thường vụ {Tên đơn vị tổng hợp}',
  kind: 'report',
  tab: 'Sinh hoạt chi đoàn',
  description:
    'Mỗi chi đoàn ghi buổi sinh hoạt chi đoàn định kỳ tháng 9/2024 (ngày, nội dung, số đoàn viên tham gia) trước 17g00 ngày 20/9/2024. Cơ sở Đoàn duyệt báo cáo của các chi đoàn trực thuộc ở trang "Duyệt báo cáo" của bảng tổng hợp riêng.',
  columns: [
    { key: 'stt', header: 'STT', type: 'int', min: 1, counter: true },
    { key: 'ngaySinhHoat', header: 'Ngày sinh hoạt', aliases: ['Ngày'], type: 'date', required: true },
    {
      key: 'noiDung',
      header: 'Nội dung sinh hoạt',
      aliases: ['Nội dung'],
      type: 'text',
      required: true,
      maxLength: 300,
    },
    ...ACTIVITY_REPORT_COLUMNS,
  ],
  period: { type: 'once', due: { date: '2024-09-20', time: '17:00' } },
  targets: { unitTypes: ['chi-doan'] },
  minRows: 1,
  metrics: activityMetrics('Số buổi sinh hoạt'),
};

/** After the intake plans (9g00 17/09/2024), before the chi đoàn send. */
export const BRANCH_REPORT_ISSUED_AT = ictInstant('2024-09-17', '14:00');
/** When a chi đoàn late with its main form sends this one: the morning after the deadline. */
const LATE_AT = ictInstant('2024-09-21', '08:30');
/** When each cơ sở Đoàn records its decision: after every send, before the demo's "now". */
const DECIDED_AT = ictInstant('2024-09-21', '09:00');
/** What a cơ sở Đoàn writes when it approves. */
export const BRANCH_APPROVAL_COMMENT = 'Sinh hoạt đúng chủ điểm tháng 9, đủ nội dung.';

const TOPICS = [
  'Sinh hoạt chủ điểm kỷ niệm 79 năm Cách mạng tháng Tám và Quốc khánh 2/9',
  'Học tập chuyên đề “Tuổi trẻ học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” năm 2024',
  'Đánh giá kết quả “Rèn luyện và hành động”, phân công đoàn viên ra quân Ngày Chủ nhật xanh',
];

/** One chi đoàn's file sent again with the plan's tab filled. */
export interface DemoBranchReportSend {
  readonly unitId: string;
  readonly at: Date;
  readonly rows: WritableCell[][];
}

/** A cơ sở Đoàn's decision on a report of a chi đoàn under it, typed in its own summary's "Duyệt báo cáo". */
export interface DemoBranchDecision extends DemoReviewStep {
  readonly branchId: string;
  readonly unitId: string;
}

export interface DemoBranchReport {
  readonly spec: FormSpec;
  readonly issuedAt: Date;
  /** In time order. */
  readonly sends: readonly DemoBranchReportSend[];
  readonly decisions: readonly DemoBranchDecision[];
}

/** The chi đoàn report story of a demo district, its plan's placeholders filled by `localize`. */
export function demoBranchReport(district: DemoDistrict, localize: (spec: FormSpec) => FormSpec): DemoBranchReport {
  const spec = localize(formSpecSchema.parse(BRANCH_PLAN));
  const unitOf = new Map(district.units.map((u) => [u.id, u]));
  const senders = district.workbooks.filter(
    (w) =>
      unitOf.get(w.unitId)?.type === 'chi-doan' &&
      w.sentAt !== null &&
      w.scenario !== 'missing' &&
      w.scenario !== 'corrupt',
  );
  const sends = senders
    .map((w, i): DemoBranchReportSend => {
      const unit = unitOf.get(w.unitId);
      // Three days before the deadline, office hours; the same draws for the same district.
      const at = w.late
        ? LATE_AT
        : ictInstant(`2024-09-${18 + (i % 3)}`, `${pad2(9 + ((i * 3) % 8))}:${pad2((i * 17) % 60)}`);
      return { unitId: w.unitId, at, rows: [meetingRow(unit, i)] };
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const decisions = branchesOf(district.units).flatMap((branch): DemoBranchDecision[] => {
    const first = sends.find((s) => unitOf.get(s.unitId)?.parent === branch.id && s.at < LATE_AT);
    return first
      ? [
          {
            branchId: branch.id,
            unitId: first.unitId,
            at: DECIDED_AT,
            decision: 'approved',
            comment: BRANCH_APPROVAL_COMMENT,
          },
        ]
      : [];
  });
  return { spec, issuedAt: BRANCH_REPORT_ISSUED_AT, sends, decisions };
}

/** The cơ sở Đoàn with chi đoàn under them, in the district's order. */
function branchesOf(units: readonly Unit[]): Unit[] {
  return units.filter((u) => units.some((child) => child.parent === u.id));
}

/** The meeting as a chi đoàn secretary types it: STT, Ngày sinh hoạt, Nội dung, Số đoàn viên tham gia, Ghi chú. */
function meetingRow(unit: Unit | undefined, i: number): WritableCell[] {
  const members = unit?.members ?? 12;
  const absent = i % 3;
  return [
    1,
    `${pad2(6 + (i % 8))}/9/2024`,
    TOPICS[i % TOPICS.length] ?? null,
    Math.max(1, members - absent),
    absent > 0 ? `Vắng ${absent} đồng chí có lý do` : null,
  ];
}
