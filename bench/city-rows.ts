import { randomPerson } from '../functions/src/jobs/demo/demo-names.js';
import { dayOfMonth, monthsFrom, onceRows, type DemoRow, type RowBuilder } from '../functions/src/jobs/demo/demo-profile.js';
import { typeBool, typeChoice, typeDate, typeMonth, typePhone, typeText } from '../functions/src/jobs/demo/demo-typing.js';

/**
 * Rows of a city unit, at the sizes the benchmark asks for. The demo's builders draw a district's
 * handful of participants and 3–5 activities a month; a city's training list and monthly report
 * are longer, so these two are drawn here, typed with the demo's habits (every variant the
 * parsers accept). The Kế hoạch nhỏ report uses the demo's own builder.
 */

/** The twelve months of the "30 phút" report the city's cơ sở Đoàn fill. */
export const CITY_REPORT_MONTHS = monthsFrom('2022-01', 12);

const ROLES = ['Tổng phụ trách Đội', 'Phó Tổng phụ trách Đội', 'Bí thư Chi đoàn giáo viên', 'Phó Bí thư Chi đoàn giáo viên'] as const;
const TRAINING = 'Tập huấn 18/9/2024';
const JOURNEY = 'Hành trình 20–22/9/2024';

/** tap-huan-2024: 10–20 participants, the unit's Tổng phụ trách first. */
export const cityTrainingRows: RowBuilder = (spec, profile, rng) => {
  const { habits } = profile;
  const count = rng.int(10, 20);
  return onceRows(
    Array.from({ length: count }, (_, i) => {
      const person = i === 0 ? profile.contact : randomPerson(rng);
      const role = i === 0 ? ROLES[0] : rng.pick(ROLES.slice(1));
      const joins = rng.chance(0.6) ? [TRAINING, JOURNEY] : [TRAINING];
      return {
        hoTen: typeText(person.name, habits),
        chucVu: typeChoice(spec, 'chucVu', role, habits, rng),
        gioiTinh: rng.chance(0.85) ? typeChoice(spec, 'gioiTinh', person.gender, habits, rng) : null,
        ngaySinh: rng.chance(0.8) ? typeDate(`${rng.int(1980, 1998)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`, habits) : null,
        soDienThoai: typePhone(person.phone, habits),
        email: rng.chance(0.7) ? person.email : null,
        thamGia: joins.map((j) => typeChoice(spec, 'thamGia', j, habits, rng)).join(', '),
        daDongKinhPhi: typeBool(rng.chance(0.8), habits),
        ghiChu: rng.chance(0.2) ? typeText('Đã chuyển khoản ngày 12/9/2024', habits) : null,
      };
    }),
  );
};

const PLACES = ['Hội trường cơ quan', 'Khuôn viên cơ quan', 'Nhà văn hóa Thanh niên', 'Công viên gần cơ quan', 'Sân thể thao đơn vị', 'Khu phố kết nghĩa'];
const ACTIVITIES: readonly (readonly [string, string])[] = [
  ['Dọn vệ sinh, trồng cây xanh quanh khuôn viên', 'Ra quân tình nguyện'],
  ['Sinh hoạt chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'Sinh hoạt chuyên đề'],
  ['Rèn luyện thể dục thể thao, giao lưu bóng đá', 'Giao lưu thể thao'],
  ['Thăm hỏi, tặng quà gia đình chính sách', 'Thăm hỏi, tặng quà'],
  ['Hỗ trợ người dân làm thủ tục hành chính trực tuyến', 'Tình nguyện tại bộ phận một cửa'],
  ['Hiến máu tình nguyện', 'Vận động đoàn viên tham gia'],
];
const RESULTS = ['Hoàn thành, đúng kế hoạch', 'Thu gom 15 kg rác thải', 'Trồng 20 cây xanh', 'Đoàn viên tham gia đầy đủ', null];

/** 30-phut-bao-cao: the twelve months of 2022, 18–22 activities a month, in week order. */
export const cityMonthlyReportRows: RowBuilder = (_spec, profile, rng) => {
  const { habits, unit } = profile;
  const members = unit.members ?? 40;
  return CITY_REPORT_MONTHS.flatMap((month) =>
    Array.from({ length: rng.int(18, 22) }, () => rng.int(1, 5))
      .sort((a, b) => a - b)
      .map((week): DemoRow => {
        const [content, form] = rng.pick(ACTIVITIES);
        const result = rng.pick(RESULTS);
        return {
          period: month,
          record: {
            thang: typeMonth(month, habits),
            tuan: week,
            diaDiem: typeText(rng.pick(PLACES), habits),
            soLuong: Math.round(members * (0.5 + rng.next() * 0.5)),
            noiDung: typeText(`${content} (${dayOfMonth(month, rng).slice(8)}/${Number(month.slice(5))})`, habits),
            hinhThuc: typeText(form, habits),
            ketQua: result === null ? null : typeText(result, habits),
          },
        };
      }),
  );
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
