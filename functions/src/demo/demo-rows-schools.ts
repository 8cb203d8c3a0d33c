import type { FormSpec } from '../domain/forms/form-spec.js';
import { randomPerson, type DemoPerson } from './demo-names.js';
import { dayOfMonth, monthsFrom, onceRows, type RowBuilder, type RowRecord, type UnitProfile } from './demo-profile.js';
import { typeBool, typeChoice, typeDate, typeMoney, typePhone, typeText } from './demo-typing.js';
import type { Prng } from './prng.js';
import { pad2 } from '../domain/time/calendar.js';

/** Rows of the forms a Liên đội fills: training registration, Kế hoạch nhỏ report, joint-plan activities. */

const TPT = 'Tổng phụ trách Đội';
const OTHER_ROLES = ['Phó Tổng phụ trách Đội', 'Bí thư Chi đoàn giáo viên', 'Phó Bí thư Chi đoàn giáo viên'];
const TRAINING = 'Tập huấn 18/9/2024';
const JOURNEY = 'Hành trình 20–22/9/2024';
const TRAINING_NOTES = [
  '- Đã chuyển khoản ngày 12/9/2024',
  '+ Tham gia cả hai nội dung',
  'Đăng ký ở ghép phòng với đồng chí cùng trường',
  'Ăn chay',
];

/** tap-huan-2024: 2–4 participants, the unit's TPT first. */
export const trainingRegistrationRows: RowBuilder = (spec, profile, rng) => {
  const count = rng.int(2, 4);
  const roles = [TPT, ...rng.sample(OTHER_ROLES, count - 1)];
  const records = roles.map((role, i) =>
    trainingParticipant(spec, profile, rng, i === 0 ? profile.contact : randomPerson(rng), role),
  );
  return onceRows(records);
};

/** One participant of the training registration, typed the unit's way (the benchmark's city reuses it). */
export function trainingParticipant(
  spec: FormSpec,
  profile: UnitProfile,
  rng: Prng,
  person: DemoPerson,
  role: string,
): RowRecord {
  const { habits } = profile;
  const joins = rng.chance(0.6) ? [TRAINING, JOURNEY] : [TRAINING];
  return {
    hoTen: typeText(person.name, habits),
    chucVu: typeChoice(spec, 'chucVu', role, habits, rng),
    gioiTinh: rng.chance(0.85) ? typeChoice(spec, 'gioiTinh', person.gender, habits, rng) : null,
    ngaySinh: rng.chance(0.8)
      ? typeDate(`${rng.int(1980, 1998)}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`, habits)
      : null,
    soDienThoai: typePhone(person.phone, habits),
    email: rng.chance(0.7) ? person.email : null,
    thamGia: joins.map((j) => typeChoice(spec, 'thamGia', j, habits, rng)).join(', '),
    daDongKinhPhi: typeBool(rng.chance(0.8), habits),
    ghiChu: rng.chance(0.25) ? typeText(rng.pick(TRAINING_NOTES), habits) : null,
  };
}

const KHN = {
  propaganda: 'Tuyên truyền lịch sử, ý nghĩa phong trào Kế hoạch nhỏ',
  collect: 'Thu gom giấy vụn, phế liệu',
  works: 'Công trình, phần việc măng non',
  model: 'Mô hình, công trình tiêu biểu đề cử khen thưởng',
  praise: 'Biểu dương, khen thưởng',
  other: 'Hoạt động kỷ niệm khác',
} as const;

const KHN_CONTENT: Readonly<Record<string, readonly string[]>> = {
  [KHN.propaganda]: [
    'Tuyên truyền 65 năm phong trào Kế hoạch nhỏ trong giờ chào cờ đầu tuần',
    'Phát thanh măng non chủ đề “Kế hoạch nhỏ – Việc nhỏ nghĩa lớn”',
  ],
  [KHN.collect]: [
    'Ngày hội thu gom giấy vụn “Kế hoạch nhỏ – Việc nhỏ nghĩa lớn”',
    'Thu gom giấy vụn, vỏ hộp sữa theo Chi đội',
  ],
  [KHN.works]: ['Công trình măng non “Thư viện xanh”', 'Phần việc măng non “Góc sách Chi đội”'],
  [KHN.model]: ['Đề cử mô hình “Ngôi nhà Kế hoạch nhỏ”', 'Đề cử công trình “Tủ sách Kế hoạch nhỏ”'],
  [KHN.praise]: [
    'Biểu dương các Chi đội tiêu biểu trong phong trào Kế hoạch nhỏ',
    'Khen thưởng đội viên thu gom nhiều giấy vụn',
  ],
  [KHN.other]: ['Triển lãm ảnh 65 năm phong trào Kế hoạch nhỏ', 'Hội thi vẽ tranh “Kế hoạch nhỏ trong mắt em”'],
};

/** ke-hoach-nho-65-nam: 3–6 activities between October and early December 2023. */
export const smallPlanRows: RowBuilder = (spec, profile, rng) => {
  const { habits, unit } = profile;
  const extra = rng.sample([KHN.works, KHN.model, KHN.praise, KHN.other], rng.int(1, 4));
  const activities = [KHN.propaganda, KHN.collect, ...extra];
  const pupils = unit.members ?? 800;
  const records = activities.map((activity): RowRecord => {
    const collecting = activity === KHN.collect;
    return {
      hoatDong: typeChoice(spec, 'hoatDong', activity, habits, rng),
      noiDung: typeText(rng.pick(KHN_CONTENT[activity] ?? [activity]), habits),
      // December activities happen before the 14/12 report deadline.
      ngayToChuc: typeDate(
        rng.chance(0.2) ? dayOfMonth('2023-12', rng, 1, 8) : dayOfMonth(rng.pick(['2023-10', '2023-11']), rng, 2, 28),
        habits,
      ),
      soDoiVien: activity === KHN.model ? null : Math.round(pupils * (0.3 + rng.next() * 0.7)),
      // Amounts in steps of 50.000 đ so '12,45 triệu' stays exact.
      soTien: collecting ? typeMoney(rng.int(100, 600) * 50_000, habits) : null,
      khoiLuong: collecting ? rng.int(800, 4000) + rng.pick([0, 0.5]) : null,
      ghiChu: null,
    };
  });
  return onceRows(records);
};

const JOINT = {
  dialogue: 'Gặp gỡ, đối thoại giữa nhà trường với học sinh',
  training: 'Tập huấn nghiệp vụ Phụ trách Đội',
  books: 'Giới thiệu sách, ngày hội đọc và làm theo báo Đội',
  museum: 'Hành trình đến với bảo tàng, di tích lịch sử',
  career: 'Tư vấn, hướng nghiệp cho học sinh lớp 8, 9',
  contest: 'Hội thi, sân chơi cho học sinh',
  teachers: 'Sinh hoạt chi đoàn giáo viên',
  other: 'Hoạt động khác',
} as const;

/**
 * lien-tich-2022-2023: dialogues twice a year, a book event, monthly trainings and other activities, 6–15 rows in date order;
 * each row's period is its activity date (the unit reports the year in batches, each with the activities done by then).
 */
export const jointPlanRows: RowBuilder = (spec, profile, rng) => {
  const { habits, unit } = profile;
  const months = monthsFrom('2022-09', 9);
  type Activity = { kind: string; name: string; date: string; people: number };
  const fixed: Activity[] = [
    {
      kind: JOINT.dialogue,
      name: 'Gặp gỡ, đối thoại giữa Ban Giám hiệu với học sinh học kỳ I',
      date: dayOfMonth('2022-10', rng),
      people: rng.int(150, 600),
    },
    {
      kind: JOINT.dialogue,
      name: 'Gặp gỡ, đối thoại giữa Ban Giám hiệu với học sinh học kỳ II',
      date: dayOfMonth('2023-03', rng),
      people: rng.int(150, 600),
    },
    {
      kind: JOINT.books,
      name: 'Ngày hội đọc sách “Sách – người bạn đồng hành”',
      date: '2023-04-21',
      people: rng.int(300, 900),
    },
  ];
  const optional: Activity[] = [
    ...months.map((m) => ({
      kind: JOINT.training,
      name: `Tập huấn nghiệp vụ Phụ trách Đội tháng ${Number(m.slice(5))}/${m.slice(0, 4)}`,
      date: dayOfMonth(m, rng),
      people: rng.int(2, 6),
    })),
    {
      kind: JOINT.museum,
      name: 'Hành trình đến với Bảo tàng Chứng tích chiến tranh',
      date: dayOfMonth('2022-12', rng),
      people: rng.int(40, 120),
    },
    {
      kind: JOINT.contest,
      name: 'Hội thi “Chỉ huy Đội giỏi” cấp trường',
      date: dayOfMonth('2022-11', rng),
      people: rng.int(60, 200),
    },
    {
      kind: JOINT.teachers,
      name: 'Sinh hoạt chi đoàn giáo viên chủ đề “Tuổi trẻ nhà giáo”',
      date: dayOfMonth('2023-02', rng),
      people: rng.int(8, 25),
    },
    {
      kind: JOINT.other,
      name: 'Hội trại truyền thống 26/3',
      date: dayOfMonth('2023-03', rng, 20, 26),
      people: rng.int(200, 700),
    },
    ...(unit.level === 'THCS'
      ? [
          {
            kind: JOINT.career,
            name: 'Tư vấn chọn ngành, chọn trường cho học sinh lớp 9',
            date: dayOfMonth('2023-04', rng),
            people: rng.int(100, 300),
          },
        ]
      : []),
  ];
  const chosen = [...fixed, ...rng.sample(optional, rng.int(6, 15) - fixed.length)].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  return chosen.map((a) => ({
    period: a.date,
    record: {
      ngay: typeDate(a.date, habits),
      loai: typeChoice(spec, 'loai', a.kind, habits, rng),
      ten: typeText(a.name, habits),
      soNguoi: rng.chance(0.9) ? a.people : null,
      ghiChu: null,
    },
  }));
};
