import { describe, expect, it } from 'vitest';
import { builtinForm } from '../../support/forms.js';
import type { CellValue } from '../../../functions/src/domain/forms/cell-parser.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { isoWeekId } from '../../../functions/src/domain/periods/period-id.js';
import { monthOfIsoWeek, periodById, type Period } from '../../../functions/src/domain/periods/schedule.js';
import { formMetrics, weeksInMonth, type MetricResult } from '../../../functions/src/domain/stats/form-metrics.js';
import { addDays } from '../../../functions/src/domain/time/ict.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { testUnit } from '../../support/builders.js';

function period(spec: FormSpec, id: string): Period {
  const found = periodById(spec, id);
  if (!found) throw new Error(`no period ${id} in ${spec.id}`);
  return found;
}

type Values = Readonly<Record<string, CellValue>>;
const sent = (u: Unit, rows: Values[]) => ({ unit: u, submission: { rows: rows.map((values) => ({ values })) } });

function metric(results: readonly MetricResult[], id: string): MetricResult {
  const found = results.find((m) => m.id === id);
  if (!found) throw new Error(`no metric ${id} among ${results.map((m) => m.id).join(', ')}`);
  return found;
}

const BAO_CAO_BUILTIN = builtinForm('30-phut-bao-cao');
/** The 30-phút report measured the old way, by two separate shares (still a metric type a district may use). */
const BAO_CAO: FormSpec = {
  ...BAO_CAO_BUILTIN,
  metrics: [
    {
      type: 'weeks-with-activity',
      id: 'tuan-co-hoat-dong',
      label: 'Tỉ lệ tuần có ít nhất 01 hoạt động',
      weekColumn: 'tuan',
      minPerWeek: 1,
    },
    { type: 'participation-rate', id: 'ti-le-tham-gia', label: 'Tỉ lệ ĐVTN tham gia', column: 'soLuong', target: 1 },
    { type: 'row-count', id: 'so-hoat-dong', label: 'Số hoạt động' },
  ],
};
const TAP_HUAN = builtinForm('tap-huan-2024');
const LIEN_TICH = builtinForm('lien-tich-2022-2023');
const KE_HOACH_NHO = builtinForm('ke-hoach-nho-65-nam');

describe('weeksInMonth: ISO weeks of a month = its Thursdays', () => {
  it.each<[string, number]>([
    ['2020-04', 5], // Thursdays 2, 9, 16, 23, 30
    ['2020-02', 4], // leap February starting on a Saturday: 6, 13, 20, 27
    ['2021-09', 5], // 2, 9, 16, 23, 30
    ['2021-02', 4], // 4, 11, 18, 25
    ['2020-05', 4], // 7, 14, 21, 28
    ['2024-02', 5], // leap February starting on a Thursday: 1, 8, 15, 22, 29
    ['2015-02', 4], // 28 days starting on a Sunday: 5, 12, 19, 26
    ['2020-12', 5], // 3, 10, 17, 24, 31
    ['2021-01', 4], // 7, 14, 21, 28
  ])('%s → %i', (month, weeks) => {
    expect(weeksInMonth(month)).toBe(weeks);
  });

  it('agrees with the weekly schedule (a week belongs to the month of its Thursday) for 2020–2022', () => {
    const weeksByMonth = new Map<string, number>();
    for (let monday = '2019-12-30'; monday <= '2022-12-26'; monday = addDays(monday, 7)) {
      const month = monthOfIsoWeek(isoWeekId(monday));
      weeksByMonth.set(month, (weeksByMonth.get(month) ?? 0) + 1);
    }
    expect(weeksByMonth.size).toBe(36);
    for (const [month, weeks] of weeksByMonth) expect([month, weeksInMonth(month)]).toEqual([month, weeks]);
  });
});

describe('30-phut-bao-cao: tuan-co-hoat-dong (share of weeks with ≥ 1 activity)', () => {
  const row = (tuan: number): Values => ({
    thang: '2021-02',
    tuan,
    diaDiem: 'Hội trường',
    soLuong: 10,
    noiDung: 'Sinh hoạt',
    hinhThuc: 'Trực tiếp',
  });

  it('February 2021 (4 weeks): duplicates count once, week 5 counts as the last week', () => {
    const results = formMetrics(BAO_CAO, period(BAO_CAO, '2021-02'), [
      sent(testUnit('u1'), [row(1), row(1), row(2), row(5)]), // weeks {1, 2, 4} → 3/4
      sent(testUnit('u2'), [row(1), row(2), row(3), row(4)]), // weeks {1, 2, 3, 4} → 4/4
      sent(testUnit('u3'), []), // "không phát sinh": no activity → 0/4
      sent(testUnit('u4'), [row(4), row(5)]), // weeks {4} → 1/4
    ]);
    const weeks = metric(results, 'tuan-co-hoat-dong');
    expect(weeks).toEqual({
      id: 'tuan-co-hoat-dong',
      label: 'Tỉ lệ tuần có ít nhất 01 hoạt động',
      format: 'percent',
      byUnit: { u1: 0.75, u2: 1, u3: 0, u4: 0.25 },
      // (3 + 4 + 0 + 1) ÷ (4 units × 4 weeks) = 8 ÷ 16
      total: 0.5,
      target: { description: '≥ 1 hoạt động mỗi tuần (4 tuần)', unitsMeeting: 1, unitsMeasured: 4 },
    });
  });

  it('April 2020 (5 weeks): all five weeks, or one week three times', () => {
    const april = (tuan: number): Values => ({ ...row(tuan), thang: '2020-04' });
    const results = formMetrics(BAO_CAO, period(BAO_CAO, '2020-04'), [
      sent(testUnit('u1'), [april(1), april(2), april(3), april(4), april(5)]), // 5/5
      sent(testUnit('u2'), [april(2), april(2), april(2)]), // 1/5
    ]);
    const weeks = metric(results, 'tuan-co-hoat-dong');
    expect(weeks.byUnit).toEqual({ u1: 1, u2: 0.2 });
    // (5 + 1) ÷ (2 × 5)
    expect(weeks.total).toBe(0.6);
    expect(weeks.target).toEqual({ description: '≥ 1 hoạt động mỗi tuần (5 tuần)', unitsMeeting: 1, unitsMeasured: 2 });
  });

  it('no unit sent anything: total null, nobody measured', () => {
    const weeks = metric(formMetrics(BAO_CAO, period(BAO_CAO, '2020-04'), []), 'tuan-co-hoat-dong');
    expect([weeks.byUnit, weeks.total, weeks.target]).toEqual([
      {},
      null,
      { description: '≥ 1 hoạt động mỗi tuần (5 tuần)', unitsMeeting: 0, unitsMeasured: 0 },
    ]);
  });
});

describe('30-phut-bao-cao: ti-le-tham-gia (participants ÷ members per activity, capped, averaged)', () => {
  const row = (soLuong: number): Values => ({
    thang: '2021-02',
    tuan: 1,
    diaDiem: 'Hội trường',
    soLuong,
    noiDung: 'Sinh hoạt',
    hinhThuc: 'Trực tiếp',
  });
  const results = formMetrics(BAO_CAO, period(BAO_CAO, '2021-02'), [
    sent(testUnit('p1', { members: 20 }), [row(10), row(20), row(30)]), // 0.5, 1, min(1, 1.5) = 1 → 2.5 ÷ 3
    sent(testUnit('p2', { members: 8 }), [row(8), row(12)]), // 1, min(1, 1.5) = 1 → 1
    sent(testUnit('p3'), [row(5)]), // no members declared → null
    sent(testUnit('p4', { members: 0 }), [row(5)]), // 0 members → null (no denominator)
    sent(testUnit('p5', { members: 10 }), []), // no activity → null
  ]);
  const participation = metric(results, 'ti-le-tham-gia');

  it('per unit', () => {
    expect(participation.byUnit).toEqual({ p1: 2.5 / 3, p2: 1, p3: null, p4: null, p5: null });
  });

  it('overall: the mean of measured units, never above 100 %', () => {
    // (2.5/3 + 1) ÷ 2 ≈ 0.9167
    expect(participation.total).toBeCloseTo((2.5 / 3 + 1) / 2, 12);
    expect(participation.format).toBe('percent');
    expect(participation.target).toEqual({
      description: '100 % đoàn viên tham gia',
      unitsMeeting: 1,
      unitsMeasured: 2,
    });
  });

  it('so-hoat-dong counts the rows of every unit that sent something', () => {
    const count = metric(results, 'so-hoat-dong');
    expect([count.format, count.byUnit, count.total]).toEqual(['int', { p1: 3, p2: 2, p3: 1, p4: 1, p5: 0 }, 7]);
  });
});

describe('tap-huan-2024: kinh-phi (1.900.000 đ per participant)', () => {
  const person = (hoTen: string, chucVu: string): Values => ({ stt: 1, hoTen, chucVu, soDienThoai: '0983018027' });
  const results = formMetrics(TAP_HUAN, period(TAP_HUAN, 'mot-lan'), [
    sent(testUnit('ld-1'), [
      person('Nguyễn Thị Hoa', 'Tổng phụ trách Đội'),
      person('Lê Văn Nam', 'Phó Tổng phụ trách Đội'),
      person('Trần Thị Mai', 'Bí thư Chi đoàn giáo viên'),
    ]),
    sent(testUnit('ld-2'), [person('Phạm Văn An', 'Tổng phụ trách Đội')]),
    sent(testUnit('ld-3'), []),
  ]);

  it('per unit and in total', () => {
    expect(metric(results, 'kinh-phi')).toEqual({
      id: 'kinh-phi',
      label: 'Kinh phí tập huấn',
      format: 'money',
      // 3 × 1.900.000 = 5.700.000; 1 × 1.900.000; 0
      byUnit: { 'ld-1': 5_700_000, 'ld-2': 1_900_000, 'ld-3': 0 },
      total: 7_600_000,
    });
  });

  it('so-nguoi-dang-ky and so-tpt (no target declared)', () => {
    expect(metric(results, 'so-nguoi-dang-ky')).toMatchObject({
      format: 'int',
      byUnit: { 'ld-1': 3, 'ld-2': 1, 'ld-3': 0 },
      total: 4,
    });
    const tpt = metric(results, 'so-tpt');
    expect([tpt.byUnit, tpt.total, 'target' in tpt]).toEqual([{ 'ld-1': 1, 'ld-2': 1, 'ld-3': 0 }, 2, false]);
  });
});

describe('lien-tich-2022-2023: yearly counts', () => {
  const DOI_THOAI = 'Gặp gỡ, đối thoại giữa nhà trường với học sinh';
  const TAP_HUAN_PT = 'Tập huấn nghiệp vụ Phụ trách Đội';
  const SACH = 'Giới thiệu sách, ngày hội đọc và làm theo báo Đội';
  const act = (ngay: string, loai: string, soNguoi?: number): Values => ({
    ngay,
    loai,
    ten: 'Hoạt động',
    ...(soNguoi === undefined ? {} : { soNguoi }),
  });
  const schoolMonths = [
    '2022-09',
    '2022-10',
    '2022-11',
    '2022-12',
    '2023-01',
    '2023-02',
    '2023-03',
    '2023-04',
    '2023-05',
  ];
  const results = formMetrics(LIEN_TICH, period(LIEN_TICH, '2022-2023'), [
    sent(testUnit('l1'), [
      act('2022-10-20', DOI_THOAI, 300),
      act('2023-03-08', DOI_THOAI, 250),
      act('2022-09-10', TAP_HUAN_PT, 12),
      act('2022-09-25', TAP_HUAN_PT, 10), // same month as the one before
      act('2022-10-05', TAP_HUAN_PT),
      act('2023-01-12', TAP_HUAN_PT),
      act('2023-04-21', SACH, 500),
    ]),
    sent(testUnit('l2'), [
      act('2022-11-19', DOI_THOAI, 100),
      ...schoolMonths.map((m) => act(`${m}-15`, TAP_HUAN_PT, 5)),
    ]),
  ]);

  it('doi-thoai: ≥ 2 a year', () => {
    expect(metric(results, 'doi-thoai')).toEqual({
      id: 'doi-thoai',
      label: 'Gặp gỡ, đối thoại với học sinh (≥ 2 lần/năm)',
      format: 'int',
      byUnit: { l1: 2, l2: 1 },
      total: 3,
      target: { description: '≥ 2 lần', unitsMeeting: 1, unitsMeasured: 2 },
    });
  });

  it('tap-huan: months with a training, against the 9 school months', () => {
    expect(metric(results, 'tap-huan')).toEqual({
      id: 'tap-huan',
      label: 'Tập huấn Phụ trách Đội (01 lần/tháng)',
      format: 'int',
      // l1: {2022-09, 2022-10, 2023-01} = 3; l2: one in each of the 9 school months = 9
      byUnit: { l1: 3, l2: 9 },
      total: 12,
      target: { description: '1 lần/tháng (9 tháng)', unitsMeeting: 1, unitsMeasured: 2 },
    });
  });

  it('gioi-thieu-sach: ≥ 1 a year', () => {
    expect(metric(results, 'gioi-thieu-sach')).toMatchObject({
      byUnit: { l1: 1, l2: 0 },
      total: 1,
      target: { description: '≥ 1 lần', unitsMeeting: 1, unitsMeasured: 2 },
    });
  });

  it('so-nguoi: blank participant cells count as 0', () => {
    // l1: 300 + 250 + 12 + 10 + 500 = 1072; l2: 100 + 9 × 5 = 145
    expect(metric(results, 'so-nguoi')).toMatchObject({ format: 'int', byUnit: { l1: 1072, l2: 145 }, total: 1217 });
  });
});

describe('ke-hoach-nho-65-nam: sums keep the column format', () => {
  const MO_HINH = 'Mô hình, công trình tiêu biểu đề cử khen thưởng';
  const results = formMetrics(KE_HOACH_NHO, period(KE_HOACH_NHO, 'mot-lan'), [
    sent(testUnit('ld-1'), [
      {
        hoatDong: 'Thu gom giấy vụn, phế liệu',
        noiDung: 'Thu gom',
        ngayToChuc: '2023-11-20',
        soDoiVien: 450,
        soTien: 1_500_000,
        khoiLuong: 1250.5,
      },
      { hoatDong: MO_HINH, noiDung: 'Công trình măng non', ngayToChuc: '2023-11-25', soTien: 250_000 },
    ]),
  ]);

  it.each<[string, string, number]>([
    ['so-doi-vien', 'int', 450],
    ['so-tien', 'money', 1_750_000],
    ['khoi-luong', 'decimal', 1250.5],
    ['mo-hinh-de-cu', 'int', 1],
  ])('%s: %s, total %d', (id, format, total) => {
    const m = metric(results, id);
    expect([m.format, m.total]).toEqual([format, total]);
  });
});
