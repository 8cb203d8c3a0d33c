import type { FormSpec } from '../domain/forms/form-spec.js';
import { periodsOf } from '../domain/periods/schedule.js';
import {
  DEFAULT_TIME_COLUMN,
  DEFAULT_UNIT_COLUMN,
  sharedSourceId,
  type SharedSource,
} from '../domain/shared/shared-source.js';
import { ictInstant } from '../domain/time/ict.js';
import type { Unit } from '../domain/units/unit.js';
import { rowsMayNameUnit } from '../domain/units/targets.js';
import type { TableCell } from '../adapters/workbook/write-table-workbook.js';

/** Seed 004's plans the district runs itself: the monthly Phụ trách Đội training register and the yearly inspection. */
export const ATTENDANCE_FORM_ID = 'diem-danh-tap-huan-2022-2023';
export const INSPECTION_FORM_ID = 'kiem-tra-cong-tac-doi-2022-2023';

/** 16g30 31/05/2023: Hội đồng Đội saves its two books at the end of the school year. */
export const DEMO_COUNCIL_AT = ictInstant('2023-05-31', '16:30');

/** One book of Hội đồng Đội in the units folder: a plain table whose first column names the Liên đội. */
export interface DemoCouncilBook {
  readonly spec: FormSpec;
  readonly file: string;
  readonly tab: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}

/** What Hội đồng Đội recorded in 2022 – 2023, and when it saved it. */
export interface DemoCouncil {
  readonly at: Date;
  readonly books: readonly DemoCouncilBook[];
}

/** The training's chuyên đề, month by month from 9/2022. */
const TOPICS = [
  'Kỹ năng tổ chức sinh hoạt Đội đầu năm học',
  'Nghi thức Đội và chỉ huy Liên đội',
  'Tổ chức trò chơi, sinh hoạt tập thể',
  'Chương trình Rèn luyện đội viên',
  'Tổ chức Hội chợ Xuân và Kế hoạch nhỏ',
  'Kỹ năng tư vấn tâm lý cho đội viên',
  'Xây dựng không gian đọc “Bác Hồ với thiếu nhi”',
  'Chuyển đổi số trong công tác Đội',
  'Tổng kết năm học, chuẩn bị hè',
];
const ABSENCE_REASONS = ['Trùng lịch dạy', 'Ốm', 'Đi công tác cùng Ban Giám hiệu', 'Việc gia đình'];
const REMARKS: Readonly<Record<string, string>> = {
  'Xuất sắc': 'Hồ sơ sổ sách đầy đủ; nhiều mô hình sáng tạo, hiệu quả',
  Tốt: 'Hồ sơ đầy đủ; hoạt động đều đặn theo kế hoạch',
  Khá: 'Cần bổ sung sổ chi đội và biên bản sinh hoạt',
  'Trung bình': 'Cần củng cố Ban Chỉ huy Liên đội và hồ sơ Đội',
};

/**
 * Hội đồng Đội's books for seed 004, for the Liên đội each plan's rows may name: every Tổng phụ trách Đội
 * marked at each monthly training (a few absent, with a reason), and one inspection per school in March or
 * April 2023. Deterministic; a plan absent from `specs` gets no book.
 */
export function demoCouncil(specs: readonly FormSpec[], units: readonly Unit[]): DemoCouncil {
  const attendance = specs.find((s) => s.id === ATTENDANCE_FORM_ID);
  const inspection = specs.find((s) => s.id === INSPECTION_FORM_ID);
  return {
    at: DEMO_COUNCIL_AT,
    books: [
      ...(attendance
        ? [
            attendanceBook(
              attendance,
              units.filter((u) => rowsMayNameUnit(attendance, u)),
            ),
          ]
        : []),
      ...(inspection
        ? [
            inspectionBook(
              inspection,
              units.filter((u) => rowsMayNameUnit(inspection, u)),
            ),
          ]
        : []),
    ],
  };
}

/** The books as the control's "Nguồn dữ liệu" rows declare them, from `firstRow` on, for the replay's sweeps. */
export function demoCouncilSources(council: DemoCouncil, firstRow = 2): SharedSource[] {
  return council.books.map((book, i) => ({
    id: sharedSourceId(book.spec.id),
    formId: book.spec.id,
    file: book.file,
    tab: book.tab,
    unitColumn: DEFAULT_UNIT_COLUMN,
    timeColumn: DEFAULT_TIME_COLUMN,
    rowNumber: firstRow + i,
  }));
}

function attendanceBook(spec: FormSpec, schools: readonly Unit[]): DemoCouncilBook {
  const rows = periodsOf(spec).flatMap((period, m) => {
    const [year, month] = period.id.split('-');
    return schools.map((school, i) => {
      const absent = (i * 5 + m * 3) % 13 === 0;
      return [
        school.name,
        `${Number(month)}/${year}`,
        TOPICS[m % TOPICS.length] ?? '',
        school.contacts[0]?.name || `Tổng phụ trách Đội ${school.name}`,
        absent ? 'Vắng' : 'Có mặt',
        absent ? (ABSENCE_REASONS[(i + m) % ABSENCE_REASONS.length] ?? '') : '',
      ];
    });
  });
  return { spec, file: 'diem-danh-tap-huan.xlsx', tab: spec.tab, header: headerOf(spec), rows };
}

function inspectionBook(spec: FormSpec, schools: readonly Unit[]): DemoCouncilBook {
  const rows = schools.map((school, i) => {
    const score = 68 + ((i * 7) % 31);
    const grade = score >= 90 ? 'Xuất sắc' : score >= 80 ? 'Tốt' : score >= 70 ? 'Khá' : 'Trung bình';
    const day = String(6 + ((i * 3) % 20)).padStart(2, '0');
    return [school.name, `${day}/${i % 2 === 0 ? '03' : '04'}/2023`, score, grade, REMARKS[grade] ?? ''];
  });
  return { spec, file: 'kiem-tra-cong-tac-doi.xlsx', tab: spec.tab, header: headerOf(spec), rows };
}

/** 'Đơn vị', then the plan's columns but its running number. */
function headerOf(spec: FormSpec): string[] {
  return [DEFAULT_UNIT_COLUMN, ...spec.columns.filter((c) => !c.counter).map((c) => c.header)];
}
