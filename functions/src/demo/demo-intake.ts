import { ACTIVITY_REPORT_COLUMNS, activityMetrics } from './demo-activity-columns.js';
import { formSpecSchema, type FormSpec, type FormSpecInput } from '../domain/forms/form-spec.js';
import { formTargetsUnit } from '../domain/units/targets.js';
import type { Unit } from '../domain/units/unit.js';
import { formatClockAndDate, ictInstant } from '../domain/time/ict.js';
import { pad2 } from '../domain/time/calendar.js';
import { DEFAULT_TIME_COLUMN, DEFAULT_UNIT_COLUMN } from '../domain/shared/shared-source.js';
import type { WritableCell } from '../adapters/sheet-layout/write-sheet-layout.js';
import type { DemoDistrict } from './demo-district.js';

/**
 * Two ways of sending the demo shows after its history (issue 14), each with a plan of its own so the
 * per-unit history stays as it is:
 * - "Bấm nộp": a cơ sở Đoàn submits its "Ngày Chủ nhật xanh" report with the tab's "Nộp báo cáo" cell,
 *   then types one more row without submitting again: that row is a draft, the submitted snapshot counts;
 * - one shared responses workbook (a Google Form's link exported to .xlsx) for a first-aid training
 *   registration, each row naming its school in the "Đơn vị" column; one row names a school that is not
 *   in the district's list and is rejected with the closest names.
 */

/** The plan sent with "Bấm nộp" (Cách nộp in the control's plan tab). */
const EXPLICIT_PLAN: FormSpecInput = {
  id: 'chu-nhat-xanh-thang-9-2024',
  title: 'Báo cáo kết quả ra quân “Ngày Chủ nhật xanh” tháng 9/2024',
  issuer: 'Ban Thường vụ {Tên đơn vị tổng hợp}',
  kind: 'report',
  tab: 'Chủ nhật xanh',
  description:
    'Mỗi cơ sở Đoàn ghi từng buổi ra quân trong tháng 9/2024, rồi chọn "Có" ở ô "Nộp báo cáo" để nộp, trước 17g00 ngày 30/9/2024.',
  submitMode: 'button',
  columns: [
    { key: 'stt', header: 'STT', type: 'int', min: 1, counter: true },
    { key: 'ngayRaQuan', header: 'Ngày ra quân', aliases: ['Ngày'], type: 'date', required: true },
    { key: 'diaDiem', header: 'Địa điểm', type: 'text', required: true, maxLength: 300 },
    ...ACTIVITY_REPORT_COLUMNS,
  ],
  period: { type: 'once', due: { date: '2024-09-30', time: '17:00' } },
  targets: { unitTypes: ['co-so-doan'] },
  minRows: 1,
  metrics: activityMetrics('Số buổi ra quân'),
};

/** The plan collected through one shared link. */
const SHARED_PLAN: FormSpecInput = {
  id: 'so-cap-cuu-2024-dang-ky',
  title: 'Đăng ký tập huấn kỹ năng sơ cấp cứu cho Tổng phụ trách Đội năm học 2024 – 2025',
  issuer: 'Hội đồng Đội {Tên đơn vị tổng hợp}',
  kind: 'registration',
  tab: 'Đăng ký sơ cấp cứu',
  description:
    'Các Liên đội đăng ký danh sách tham gia qua đường link của Hội đồng Đội (mỗi người một lần trả lời, ghi rõ tên Liên đội) trước 17g00 ngày 21/9/2024.',
  columns: [
    { key: 'hoTen', header: 'Họ và tên', type: 'text', required: true, maxLength: 100 },
    { key: 'chucVu', header: 'Chức vụ', type: 'text', maxLength: 100 },
    { key: 'soDienThoai', header: 'Số điện thoại', type: 'phone', required: true },
  ],
  period: { type: 'once', due: { date: '2024-09-21', time: '17:00' } },
  targets: { unitTypes: ['lien-doi'] },
  minRows: 1,
  metrics: [{ type: 'row-count', id: 'so-nguoi', label: 'Số người đăng ký' }],
};

/** The cơ sở Đoàn's submission (Sunday morning, after the last replayed day) and its later, unsubmitted edit. */
const SUBMITTED_AT = ictInstant('2024-09-22', '10:15');
const EDITED_AT = ictInstant('2024-09-22', '20:40');
/** The district adds both plans to its control after the last notice run it replays (7g30 17/09/2024). */
export const DEMO_INTAKE_ISSUED_AT = ictInstant('2024-09-17', '09:00');

/** The shared responses workbook, in the units folder beside the finance desk's book. */
export const SHARED_BOOK_FILE = 'dang-ky-so-cap-cuu.xlsx';
export const SHARED_BOOK_TAB = 'Câu trả lời biểu mẫu 1';

/** A school name the district does not have (the first of these not in its list). */
const STRANGER_SCHOOLS = [
  'Liên đội Tiểu học Kim Đồng',
  'Liên đội Tiểu học Võ Thị Sáu',
  'Liên đội Tiểu học Hòa Bình Mới',
];
const PEOPLE = [
  ['Nguyễn Thị Thu Trang', 'Tổng phụ trách Đội', '0903.115.274'],
  ['Trần Quốc Bảo', 'Phó Tổng phụ trách Đội', '0938.402.816'],
  ['Lê Thị Mỹ Duyên', 'Tổng phụ trách Đội', '0912.667.031'],
  ['Phạm Minh Tâm', 'Giáo viên', '0987.220.459'],
  ['Võ Ngọc Hân', 'Tổng phụ trách Đội', '0909.318.642'],
  ['Huỳnh Thanh Phong', 'Phó Tổng phụ trách Đội', '0976.541.208'],
] as const;
const STRANGER_PERSON = ['Đặng Thị Hồng Nhung', 'Tổng phụ trách Đội', '0918.730.164'] as const;

/** The "Bấm nộp" story: who, which plan, when it submitted, when it edited, and the rows of each version. */
export interface DemoExplicitStory {
  readonly spec: FormSpec;
  readonly unitId: string;
  readonly submittedAt: Date;
  readonly editedAt: Date;
  readonly submittedRows: WritableCell[][];
  readonly draftRows: WritableCell[][];
}

/** The shared-link story: its plan, the responses (Dấu thời gian, Đơn vị, then the plan's columns), and who answered. */
export interface DemoSharedStory {
  readonly spec: FormSpec;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** The schools the plan targets, every one of which registered; in unit order. */
  readonly unitIds: readonly string[];
  /** The name typed in the one row no school of the district matches. */
  readonly strangerName: string;
  /** When the last response came in: the workbook's mtime. */
  readonly lastAnswerAt: Date;
}

export interface DemoIntake {
  readonly issuedAt: Date;
  readonly explicit: DemoExplicitStory;
  readonly shared: DemoSharedStory;
}

/** The demo's intake stories, drawn from the district without randomness (same district, same stories). */
export function demoIntake(district: DemoDistrict, localize: (spec: FormSpec) => FormSpec): DemoIntake {
  return {
    issuedAt: DEMO_INTAKE_ISSUED_AT,
    explicit: explicitStory(district, localize),
    shared: sharedStory(district, localize),
  };
}

function explicitStory(district: DemoDistrict, localize: (spec: FormSpec) => FormSpec): DemoExplicitStory {
  // A cơ sở Đoàn whose file is clean and was last sent before the story (the replay swept it then).
  const workbook = district.workbooks.find(
    (w) =>
      w.scenario === 'clean' &&
      w.sentAt !== null &&
      w.sentAt < SUBMITTED_AT &&
      district.units.find((u) => u.id === w.unitId)?.type === 'co-so-doan',
  );
  const unit = district.units.find((u) => u.id === workbook?.unitId);
  if (!unit) throw new Error('Demo: no clean cơ sở Đoàn for the "Bấm nộp" story');
  const base = formSpecSchema.parse(EXPLICIT_PLAN);
  // Only the cơ sở Đoàn of its khối are asked: the others of that khối get the blank tab, with a deadline to come.
  const spec = localize({ ...base, targets: { ...base.targets, levels: [unit.level] } });
  const submittedRows: WritableCell[][] = [
    [1, '08/9/2024', 'Kênh Nhiêu Lộc – Thị Nghè, đoạn cầu Bông', 24, 'Vớt rác, phát quang'],
    [2, '15/9/2024', 'Công viên Lê Văn Tám', 31, null],
  ];
  // Sunday 22/09 after the submission: the unit adds that day's outing but does not submit again.
  const draftRows: WritableCell[][] = [
    ...submittedRows,
    [3, '22/9/2024', 'Hẻm 51 Trần Quang Khải', 18, 'Chưa chụp ảnh minh chứng'],
  ];
  return { spec, unitId: unit.id, submittedAt: SUBMITTED_AT, editedAt: EDITED_AT, submittedRows, draftRows };
}

function sharedStory(district: DemoDistrict, localize: (spec: FormSpec) => FormSpec): DemoSharedStory {
  const base = formSpecSchema.parse(SHARED_PLAN);
  // The schools of one cụm and cấp học, few enough that every one of them registers; one where no school made typing
  // mistakes in its own file, so this story stays apart from the sample mailbox's re-sender (a 'typos' school).
  const groupOf = (u: Unit) =>
    district.units.filter((v) => v.type === 'lien-doi' && v.level === u.level && v.cluster === u.cluster);
  const scenarioOf = (u: Unit) => district.workbooks.find((w) => w.unitId === u.id)?.scenario;
  const first = district.units.find((u) => u.type === 'lien-doi' && groupOf(u).every((v) => scenarioOf(v) !== 'typos'));
  if (!first) throw new Error('Demo: no Liên đội for the shared registration story');
  const spec = localize({ ...base, targets: { ...base.targets, levels: [first.level], clusters: [first.cluster] } });
  const schools = district.units.filter((u) => formTargetsUnit(spec, u, district.units));
  const names = new Set(district.units.map((u) => u.name));
  const strangerName = STRANGER_SCHOOLS.find((name) => !names.has(name)) ?? 'Liên đội Tiểu học Ngoài Quận';
  const answers: { at: Date; school: string; person: readonly string[] }[] = [];
  let person = 0;
  schools.forEach((school, i) => {
    for (let k = 0; k <= i % 2; k++) {
      const at = ictInstant(
        `2024-09-${18 + (i % 3)}`,
        `${pad2(8 + ((k * 2 + i) % 10))}:${pad2((5 + 7 * k + 11 * i) % 60)}`,
      );
      answers.push({
        at,
        school: typedName(school, i + k),
        person: PEOPLE[person++ % PEOPLE.length] ?? STRANGER_PERSON,
      });
    }
  });
  answers.push({ at: ictInstant('2024-09-19', '15:32'), school: strangerName, person: STRANGER_PERSON });
  answers.sort((a, b) => a.at.getTime() - b.at.getTime());
  const rows = answers.map((a) => [responseTime(a.at), a.school, ...a.person]);
  return {
    spec,
    header: [DEFAULT_TIME_COLUMN, DEFAULT_UNIT_COLUMN, ...spec.columns.map((c) => c.header)],
    rows,
    unitIds: schools.map((s) => s.id),
    strangerName,
    lastAnswerAt: answers.at(-1)?.at ?? DEMO_INTAKE_ISSUED_AT,
  };
}

/** How a school secretary types its own name in the form: as listed, with stray spaces, or without accents in lower case. */
function typedName(school: Unit, variant: number): string {
  switch (variant % 3) {
    case 1:
      return `  ${school.name.replace(/ /g, '  ')} `;
    case 2:
      return school.name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    default:
      return school.name;
  }
}

/** A Google Form's "Dấu thời gian" as exported: '18/09/2024 08:05:00'. */
function responseTime(at: Date): string {
  const [clock, date] = formatClockAndDate(at).split(' ');
  return `${date} ${clock}:00`;
}
