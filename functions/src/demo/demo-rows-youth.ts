import type { FormSpec } from '../domain/forms/form-spec.js';
import { NIL_PHRASE } from '../domain/forms/nil-declaration.js';
import {
  dayOfMonth,
  monthsBetween,
  onceRows,
  type DemoRow,
  type RowBuilder,
  type RowRecord,
  type UnitProfile,
} from './demo-profile.js';
import { isoWeeksOfMonth } from '../domain/stats/weekly-target.js';
import { stripAccents, typeChoice, typeDate, typeMonth, typeText } from './demo-typing.js';
import type { Prng } from './prng.js';

/** Rows of the forms of cơ sở Đoàn ("30 phút hành động") and chi đoàn ("Rèn luyện và hành động"). */

/** The months a cơ sở Đoàn reports: the plan's months (2020-04 … 2022-12), up to the last month it reported. */
export function reportedMonths(spec: FormSpec, lastMonth?: string): string[] {
  if (spec.period.type !== 'monthly') return [];
  const { from, to } = spec.period;
  return monthsBetween(from, lastMonth !== undefined && lastMonth < to ? lastMonth : to);
}

const WEEKDAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu'];

/** 30-phut-dang-ky: one registration row. */
export const actionRegistrationRows: RowBuilder = (spec, profile, rng) => {
  const { habits, unit, contact } = profile;
  const days = rng.sample(WEEKDAYS, rng.int(1, 2)).sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
  const moment = rng.pick(['30 phút cuối buổi sáng', '30 phút cuối buổi chiều', '30 phút cuối buổi chiều']);
  return onceRows([
    {
      thoiDiem: typeChoice(spec, 'thoiDiem', moment, habits, rng),
      ngayTrongTuan: days.map((d) => typeChoice(spec, 'ngayTrongTuan', d, habits, rng)).join(', '),
      soLanMoiTuan: days.length,
      soDoanVien: unit.members ?? 30,
      phuTrach: typeText(`${contact.name} – Bí thư`, habits),
      noiDungDuKien: typeText(
        'Dọn vệ sinh môi trường, sinh hoạt chuyên đề, rèn luyện thể dục thể thao sau giờ làm việc',
        habits,
      ),
      ghiChu: rng.chance(0.4) ? typeText('Thực hiện từ tháng 4/2020', habits) : null,
    },
  ]);
};

const PLACES = [
  'Hội trường cơ quan',
  'Khuôn viên cơ quan',
  'Công viên Tao Đàn',
  'Khu phố 3, phường Bến Nghé',
  'Nhà văn hóa Thanh niên',
  'Sân thể thao đơn vị',
];
const CONTENTS: readonly (readonly [string, string])[] = [
  ['Dọn vệ sinh, trồng cây xanh quanh khuôn viên', 'Ra quân tình nguyện'],
  ['Sinh hoạt chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'Sinh hoạt chuyên đề'],
  ['Tuyên truyền phòng, chống dịch COVID-19', 'Phát tờ rơi, treo băng rôn'],
  ['Rèn luyện thể dục thể thao, giao lưu bóng đá', 'Giao lưu thể thao'],
  ['Thăm hỏi, tặng quà gia đình chính sách', 'Thăm hỏi, tặng quà'],
  ['Hỗ trợ người dân làm thủ tục hành chính trực tuyến', 'Tình nguyện tại bộ phận một cửa'],
  ['Hiến máu tình nguyện', 'Vận động đoàn viên tham gia'],
  ['Học tập Nghị quyết Đại hội Đoàn các cấp', 'Sinh hoạt trực tuyến qua Zalo'],
];
const RESULTS = [
  'Hoàn thành, đúng kế hoạch',
  'Thu gom 15 kg rác thải',
  'Trồng 20 cây xanh',
  'Tặng 10 phần quà',
  'Đoàn viên tham gia đầy đủ',
  null,
];

/**
 * 30-phut-bao-cao: every month of the plan up to the unit's last reported month, except 1–2 months (never the
 * first, never the last two: the weekly report looks at those) the unit declares "Không phát sinh" instead.
 * Most cơ sở Đoàn meet seed 002's weekly target most weeks; the one the plan says misses it does not.
 */
export const actionReportRows: RowBuilder = (spec, profile, rng, plan) => {
  const months = reportedMonths(spec, plan.lastMonth);
  const nilMonths = new Set(rng.sample(months.slice(1, -2), rng.int(1, 2)));
  return months.flatMap((month) =>
    nilMonths.has(month)
      ? [nilReportRow(month, profile, rng)]
      : monthReportRows(month, profile, rng, plan.missesWeeklyTarget === true),
  );
};

/**
 * One activity a week (tuần 1 … the month's last), with every member most weeks and a few short of it now and
 * then; a unit missing the target skips a week a month and rarely has everyone.
 */
function monthReportRows(month: string, profile: UnitProfile, rng: Prng, missesTarget: boolean): DemoRow[] {
  const members = profile.unit.members ?? 30;
  const weeks = Array.from({ length: isoWeeksOfMonth(month).length }, (_, i) => i + 1);
  const held = missesTarget ? rng.sample(weeks, weeks.length - 1).sort((a, b) => a - b) : weeks;
  const short = () => Math.min(members - 1, Math.round(members * (0.6 + rng.next() * 0.35)));
  return held.map((week) =>
    monthlyActivity(month, week, members, profile, rng, rng.chance(missesTarget ? 0.8 : 0.08) ? short() : members),
  );
}

/** One activity row of the monthly "30 phút" report, typed the unit's way (the benchmark's city reuses it). */
export function monthlyActivity(
  month: string,
  week: number,
  members: number,
  profile: UnitProfile,
  rng: Prng,
  participants?: number,
): DemoRow {
  const { habits } = profile;
  const [content, form] = rng.pick(CONTENTS);
  return {
    period: month,
    record: {
      thang: typeMonth(month, habits),
      tuan: week,
      diaDiem: typeText(rng.pick(PLACES), habits),
      soLuong: participants ?? Math.round(members * (0.6 + rng.next() * 0.4)),
      noiDung: typeText(content, habits),
      hinhThuc: typeText(form, habits),
      ketQua: ((r) => (r === null ? null : typeText(r, habits)))(rng.pick(RESULTS)),
    },
  };
}

/** A month with nothing done: only the month and "Không phát sinh" in 'Nội dung tổ chức', typed the unit's way. */
function nilReportRow(month: string, profile: UnitProfile, rng: Prng): DemoRow {
  const { habits } = profile;
  const phrase =
    habits.choice === 'no-accents'
      ? stripAccents(NIL_PHRASE)
      : habits.choice === 'lowercase' || rng.chance(0.2)
        ? NIL_PHRASE.toLowerCase()
        : NIL_PHRASE;
  return { period: month, nil: true, record: { thang: typeMonth(month, habits), noiDung: typeText(phrase, habits) } };
}

const TRAINING_GOALS = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Tham gia đầy đủ sinh hoạt chi đoàn',
  'Hoàn thành tốt nhiệm vụ chuyên môn',
  'Đọc ít nhất 01 quyển sách mỗi quý',
  'Rèn luyện thể dục thể thao mỗi ngày',
  'Học thêm ngoại ngữ, tin học',
  'Chấp hành tốt pháp luật, quy định nơi cư trú',
];
const ACTION_GOALS = [
  'Tham gia 01 công trình thanh niên',
  'Hiến máu tình nguyện ít nhất 01 lần',
  'Tham gia chiến dịch Thanh niên tình nguyện hè',
  'Giúp đỡ 01 thanh niên có hoàn cảnh khó khăn',
  'Trồng và chăm sóc 05 cây xanh',
  'Tham gia giữ gìn an ninh trật tự khu phố',
  'Giới thiệu 01 thanh niên ưu tú cho Đoàn',
];

function fiveGoals(goals: readonly string[], rng: Prng): string {
  return rng
    .sample(goals, 5)
    .map((goal, i) => `${i + 1}. ${goal}`)
    .join('\n');
}

/** ren-luyen-2014-dang-ky: one row per chi đoàn member, registered in March 2014. */
export const commitmentRegistrationRows: RowBuilder = (spec, profile, rng) => {
  const { habits } = profile;
  const memberKind = profile.memberKind ?? 'Đoàn viên công nhân, viên chức';
  const records = profile.members.map((member): RowRecord => ({
    hoTen: typeText(member.person.name, habits),
    ngaySinh: rng.chance(0.9) ? typeDate(member.birthDate, habits) : null,
    doiTuong: typeChoice(spec, 'doiTuong', memberKind, habits, rng),
    renLuyen: typeText(fiveGoals(TRAINING_GOALS, rng), habits),
    hanhDong: typeText(fiveGoals(ACTION_GOALS, rng), habits),
    ngayDangKy: rng.chance(0.8) ? typeDate(dayOfMonth('2014-03', rng, 10, 28), habits) : null,
  }));
  return onceRows(records);
};

const GRADES: readonly (readonly [string, number])[] = [
  ['Hoàn thành xuất sắc', 0.2],
  ['Hoàn thành tốt', 0.5],
  ['Hoàn thành', 0.25],
  ['Không hoàn thành', 0.05],
];

function grade(rng: Prng): string {
  let r = rng.next();
  for (const [value, weight] of GRADES) {
    if (r < weight) return value;
    r -= weight;
  }
  return 'Hoàn thành';
}

/** ren-luyen-2014-danh-gia: every member evaluated in each phase, most chi đoàn up to the last phase, some one phase short. */
export const commitmentEvaluationRows: RowBuilder = (spec, profile, rng) => {
  const { habits } = profile;
  if (spec.period.type !== 'phases') return [];
  const phases = spec.period.phases;
  const evaluated = phases.slice(0, rng.chance(0.25) && phases.length > 1 ? phases.length - 1 : phases.length);
  return evaluated.flatMap((phase) =>
    profile.members.map((member): DemoRow => ({
      period: phase.id,
      record: {
        dot: typeChoice(spec, 'dot', phase.name, habits, rng),
        hoTen: typeText(member.person.name, habits),
        renLuyen: typeChoice(spec, 'renLuyen', grade(rng), habits, rng),
        hanhDong: typeChoice(spec, 'hanhDong', grade(rng), habits, rng),
        nhanXet: rng.chance(0.2) ? typeText('Tích cực tham gia hoạt động của chi đoàn', habits) : null,
      },
    })),
  );
};
