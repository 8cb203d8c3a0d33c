import { formSpecSchema, type FormSpec, type FormSpecInput } from '../domain/forms/form-spec.js';
import { localizePlan, type PlaceholderSettings } from '../domain/plans/district-placeholders.js';
import { ictInstant } from '../domain/time/ict.js';
import type { WritableCell } from '../adapters/sheet-layout/write-sheet-layout.js';
import type { DemoMistake } from './demo-mistakes.js';
import { recordsToRows, type RowRecord } from './demo-profile.js';
import type { Prng } from './prng.js';

/**
 * The plan the demo district issues a few days before the demo's "now", only by adding its rows to the
 * control workbook: the next sweep rolls its blank tab out to the Liên đội, and a few of them send it filled.
 * Grounded in the Kế hoạch nhỏ movement (phong trào Kế hoạch nhỏ giai đoạn 2023 – 2028) the district's
 * school-year plans name.
 */
const NEW_PLAN: FormSpecInput = {
  id: 'ke-hoach-nho-dot-1-2024',
  planNumber: '45-KH/HĐĐ',
  title: 'Báo cáo kết quả thu gom giấy vụn “Kế hoạch nhỏ” đợt 1 năm học 2024 – 2025',
  issuer: 'Hội đồng Đội {Tên đơn vị tổng hợp}',
  kind: 'report',
  tab: 'Kế hoạch nhỏ đợt 1',
  description:
    'Mỗi Liên đội ghi từng buổi thu gom giấy vụn từ 09/9 đến 20/9/2024 (ngày, giờ bắt đầu, số đội viên, số ký giấy, số tiền thu được) và gửi về {Tên đơn vị tổng hợp} ({Email văn phòng}) trước 17g00 ngày 27/9/2024. Số tiền góp vào quỹ “Vì bạn nghèo” của Hội đồng Đội.',
  columns: [
    { key: 'stt', header: 'STT', type: 'int', min: 1, counter: true },
    {
      key: 'ngayThuGom',
      header: 'Ngày thu gom',
      aliases: ['Ngày'],
      type: 'date',
      required: true,
      help: 'Ngày/tháng/năm, từ 09/9 đến 20/9/2024.',
    },
    {
      key: 'gioBatDau',
      header: 'Giờ bắt đầu',
      aliases: ['Giờ'],
      type: 'time',
      required: true,
      help: 'Ví dụ 7g00 hoặc 16:30.',
    },
    { key: 'soDoiVien', header: 'Số đội viên tham gia', aliases: ['Số đội viên'], type: 'int', required: true, min: 0 },
    {
      key: 'soKg',
      header: 'Khối lượng giấy vụn (kg)',
      aliases: ['Số kg', 'Khối lượng (kg)'],
      type: 'decimal',
      required: true,
      min: 0,
    },
    {
      key: 'soTien',
      header: 'Số tiền thu được (đồng)',
      aliases: ['Số tiền', 'Thành tiền'],
      type: 'money',
      required: true,
      min: 0,
    },
    { key: 'ghiChu', header: 'Ghi chú', type: 'text', maxLength: 500 },
  ],
  period: { type: 'once', due: { date: '2024-09-27', time: '17:00' } },
  targets: { unitTypes: ['lien-doi'] },
  minRows: 1,
  metrics: [
    { type: 'row-count', id: 'so-buoi', label: 'Số buổi thu gom' },
    { type: 'sum', id: 'tong-tien', label: 'Tổng số tiền thu được', column: 'soTien' },
  ],
};

/** 08:00 19/09/2024 in Asia/Ho_Chi_Minh: when the district added the plan to its control workbook. */
export const DEMO_NEW_PLAN_ISSUED_AT = ictInstant('2024-09-19', '08:00');

/** When the senders sent the filled tab: on time (before 17g00 27/09/2024) and before the demo's "now". */
const SENT_AT = [
  ictInstant('2024-09-20', '15:40'),
  ictInstant('2024-09-20', '16:55'),
  ictInstant('2024-09-21', '09:10'),
];

/** A plan the district issued during the replay, and when. */
export interface IssuedPlan {
  readonly spec: FormSpec;
  readonly at: Date;
}

/** The demo's new plan, its district placeholders filled from the district's settings. */
export function demoNewPlan(settings: PlaceholderSettings): IssuedPlan {
  return { spec: localizePlan(formSpecSchema.parse(NEW_PLAN), settings), at: DEMO_NEW_PLAN_ISSUED_AT };
}

/** One unit's extra send of the new plan's tab: when, its rows, and the mistake planted in one of them (if any). */
export interface NewPlanSend {
  readonly at: Date;
  readonly rows: WritableCell[][];
  readonly mistake?: DemoMistake;
}

/** How many units send the new tab filled, and which of them (0-based) types one wrong row. */
export const NEW_PLAN_SENDERS = SENT_AT.length;
const WITH_MISTAKE = 1;

/** The sends of the new plan by the chosen units (in the order given), one of them with a row whose amount is not money. */
export function newPlanSends(spec: FormSpec, unitIds: readonly string[], rng: Prng): Map<string, NewPlanSend> {
  return new Map(
    unitIds.slice(0, NEW_PLAN_SENDERS).map((unitId, i) => {
      const records = sessionRecords(rng);
      const mistake: DemoMistake | undefined =
        i === WITH_MISTAKE
          ? {
              formId: spec.id,
              rowIndex: records.length - 1,
              columnKey: 'soTien',
              value: 'chưa bán',
              why: 'số tiền ghi "chưa bán" thay vì một số tiền',
            }
          : undefined;
      if (mistake) records[mistake.rowIndex] = { ...records[mistake.rowIndex], soTien: mistake.value };
      const send: NewPlanSend = {
        at: SENT_AT[i] ?? DEMO_NEW_PLAN_ISSUED_AT,
        rows: recordsToRows(spec, records),
        ...(mistake ? { mistake } : {}),
      };
      return [unitId, send];
    }),
  );
}

/** 2–3 collection sessions between 09/9 and 20/9/2024, typed as a school secretary would. */
function sessionRecords(rng: Prng): RowRecord[] {
  const days = rng
    .sample(['09/9/2024', '11/9/2024', '13/9/2024', '16/9/2024', '18/9/2024', '20/9/2024'], rng.int(2, 3))
    .sort(byDayMonth);
  return days.map((day) => {
    const kg = rng.int(80, 420) + (rng.chance(0.5) ? 0.5 : 0);
    return {
      ngayThuGom: day,
      gioBatDau: rng.pick(['7g00', '7g15', '16g30', '16:45']),
      soDoiVien: rng.int(120, 900),
      soKg: kg,
      // Waste paper sells around 3.000 đồng a kilo.
      soTien: `${String(Math.round(kg * 3) * 1000).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`,
      ghiChu: rng.chance(0.3) ? 'Có thêm vỏ lon, chai nhựa' : null,
    };
  });
}

function byDayMonth(a: string, b: string): number {
  return Number(a.split('/')[0]) - Number(b.split('/')[0]);
}
