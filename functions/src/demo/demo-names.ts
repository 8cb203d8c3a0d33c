import { foldAccents } from '../domain/cells/fold.js';
import type { Prng } from './prng.js';

/** A person of the demo district. */
export interface DemoPerson {
  readonly name: string;
  readonly gender: 'Nam' | 'Nữ';
  readonly email: string;
  /** Normalized 10-digit mobile number, e.g. '0983018027'. */
  readonly phone: string;
}

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trương',
  'Đinh',
];
const MIDDLE = {
  Nam: ['Văn', 'Minh', 'Quốc', 'Hoàng', 'Đức', 'Thanh', 'Anh', 'Hữu', 'Gia', 'Tuấn'],
  Nữ: ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Bảo', 'Minh', 'Phương', 'Khánh', 'Mỹ', 'Hoài'],
} as const;
const GIVEN = {
  Nam: [
    'Tuấn',
    'Hùng',
    'Dũng',
    'Nam',
    'Khoa',
    'Quân',
    'Huy',
    'Long',
    'Phúc',
    'Thắng',
    'Trí',
    'Khang',
    'Bảo',
    'Đạt',
    'Hiếu',
    'Lộc',
    'Sơn',
    'Vinh',
  ],
  Nữ: [
    'Hoa',
    'Lan',
    'Hương',
    'Mai',
    'Linh',
    'Trang',
    'Phương',
    'Thảo',
    'Vy',
    'Yến',
    'Nhung',
    'Thủy',
    'Hạnh',
    'Ngân',
    'Trâm',
    'Uyên',
    'Diễm',
    'Hồng',
  ],
} as const;
/** Vietnamese mobile prefixes after the leading 0 (Viettel, Vinaphone, Mobifone). */
const MOBILE_PREFIXES = [
  '98',
  '97',
  '96',
  '86',
  '91',
  '94',
  '88',
  '90',
  '93',
  '89',
  '70',
  '77',
  '79',
  '32',
  '33',
  '35',
  '37',
  '39',
  '81',
  '83',
  '85',
];

/** Lowercase-dashed id without accents: 'Tiểu học Lương Thế Vinh' → 'tieu-hoc-luong-the-vinh'. */
export function slugify(text: string): string {
  return foldAccents(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A random Vietnamese mobile number, normalized: '0' + 9 digits. */
export function randomMobile(rng: Prng): string {
  return `0${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** A random person with a Vietnamese name, an example.com email and a mobile number. */
export function randomPerson(rng: Prng, gender: 'Nam' | 'Nữ' = rng.chance(0.6) ? 'Nữ' : 'Nam'): DemoPerson {
  const surname = rng.pick(SURNAMES);
  const middle = rng.pick(MIDDLE[gender]);
  const given = rng.pick(GIVEN[gender]);
  const name = `${surname} ${middle} ${given}`;
  // Example addresses only: the demo may run against a real SMTP server.
  const email = `${slugify(given)}${slugify(surname)}${slugify(middle).slice(0, 1)}${rng.int(10, 99)}@example.com`;
  return { name, gender, email, phone: randomMobile(rng) };
}

/** Primary schools a Quận might have; each one's Liên đội reports the school forms. */
export const PRIMARY_SCHOOLS: readonly string[] = [
  'Lương Thế Vinh',
  'Trần Hưng Đạo',
  'Nguyễn Bỉnh Khiêm',
  'Lê Ngọc Hân',
  'Kết Đoàn',
  'Hòa Bình',
  'Đinh Tiên Hoàng',
  'Nguyễn Thái Học',
  'Trần Quang Khải',
  'Lê Văn Tám',
  'Khai Minh',
  'Phan Văn Trị',
  'Chương Dương',
  'Trần Khánh Dư',
  'Bến Nghé',
  'Nguyễn Huệ',
];

/** Lower secondary (THCS) schools. */
export const SECONDARY_SCHOOLS: readonly string[] = [
  'Minh Đức',
  'Văn Lang',
  'Đức Trí',
  'Trần Văn Ơn',
  'Võ Trường Toản',
  'Nguyễn Du',
  'Chu Văn An',
  'Huỳnh Khương Ninh',
  'Đồng Khởi',
  'Nguyễn Văn Tố',
  'Lê Lợi',
  'Tân Định',
  'Bạch Đằng',
  'Cô Giang',
];

/** A cơ sở Đoàn of the demo district: an agency or a company. */
export interface AgencyEntry {
  readonly name: string;
  readonly key: string;
  readonly level: 'Khối cơ quan' | 'Khối doanh nghiệp';
}

/** Agencies and companies with a cơ sở Đoàn. */
export const AGENCIES: readonly AgencyEntry[] = [
  { name: 'Đoàn cơ sở Ủy ban nhân dân phường Bến Nghé', key: 'ubnd-ben-nghe', level: 'Khối cơ quan' },
  { name: 'Đoàn cơ sở Ủy ban nhân dân phường Đa Kao', key: 'ubnd-da-kao', level: 'Khối cơ quan' },
  { name: 'Đoàn cơ sở Bệnh viện Quận 1', key: 'benh-vien-quan-1', level: 'Khối cơ quan' },
  { name: 'Đoàn cơ sở Trung tâm Y tế Quận 1', key: 'trung-tam-y-te', level: 'Khối cơ quan' },
  { name: 'Đoàn cơ sở Kho bạc Nhà nước Quận 1', key: 'kho-bac', level: 'Khối cơ quan' },
  { name: 'Đoàn cơ sở Ban Quản lý chợ Bến Thành', key: 'cho-ben-thanh', level: 'Khối cơ quan' },
  { name: 'Đoàn cơ sở Công ty TNHH MTV Dịch vụ Công ích Quận 1', key: 'dich-vu-cong-ich', level: 'Khối doanh nghiệp' },
  { name: 'Đoàn cơ sở Công ty Cổ phần Cấp nước Bến Thành', key: 'cap-nuoc-ben-thanh', level: 'Khối doanh nghiệp' },
  { name: 'Đoàn cơ sở Công ty Cổ phần Du lịch Sài Gòn Xanh', key: 'du-lich-sai-gon-xanh', level: 'Khối doanh nghiệp' },
  { name: 'Đoàn cơ sở Công ty TNHH May mặc Hồng Phát', key: 'may-hong-phat', level: 'Khối doanh nghiệp' },
  { name: 'Đoàn cơ sở Công ty Cổ phần Xây dựng Tân Định', key: 'xay-dung-tan-dinh', level: 'Khối doanh nghiệp' },
];

/** A chi đoàn of the demo district, with the kind of members it has (an option of the registration's "Đối tượng"). */
export interface BranchEntry {
  readonly name: string;
  readonly key: string;
  readonly level: string;
  readonly memberKind: string;
}

const RESIDENTS = 'Đoàn viên địa bàn dân cư';
const STAFF = 'Đoàn viên công nhân, viên chức';
const FORCES = 'Đoàn viên lực lượng vũ trang';

/** Chi đoàn of residential quarters, agencies and the armed forces. */
export const BRANCHES: readonly BranchEntry[] = [
  { name: 'Chi đoàn Khu phố 1 phường Đa Kao', key: 'kp1-da-kao', level: 'Khối địa bàn dân cư', memberKind: RESIDENTS },
  { name: 'Chi đoàn Khu phố 3 phường Đa Kao', key: 'kp3-da-kao', level: 'Khối địa bàn dân cư', memberKind: RESIDENTS },
  { name: 'Chi đoàn Khu phố 2 phường Đa Kao', key: 'kp2-da-kao', level: 'Khối địa bàn dân cư', memberKind: RESIDENTS },
  {
    name: 'Chi đoàn Khu phố 5 phường Cầu Ông Lãnh',
    key: 'kp5-cau-ong-lanh',
    level: 'Khối địa bàn dân cư',
    memberKind: RESIDENTS,
  },
  { name: 'Chi đoàn Phòng Giáo dục và Đào tạo quận', key: 'phong-gddt', level: 'Khối cơ quan', memberKind: STAFF },
  { name: 'Chi đoàn Phòng Văn hóa và Thông tin quận', key: 'phong-vhtt', level: 'Khối cơ quan', memberKind: STAFF },
  { name: 'Chi đoàn Bảo hiểm xã hội quận', key: 'bhxh', level: 'Khối cơ quan', memberKind: STAFF },
  { name: 'Chi đoàn Trung tâm Văn hóa quận', key: 'trung-tam-van-hoa', level: 'Khối cơ quan', memberKind: STAFF },
  {
    name: 'Chi đoàn Ban Chỉ huy Quân sự quận',
    key: 'ban-chi-huy-quan-su',
    level: 'Khối lực lượng vũ trang',
    memberKind: FORCES,
  },
  {
    name: 'Chi đoàn Công an phường Phạm Ngũ Lão',
    key: 'cong-an-pham-ngu-lao',
    level: 'Khối lực lượng vũ trang',
    memberKind: FORCES,
  },
];
