import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/src/domain/forms/cell-parser.js';
import { reportHeading } from '../../../functions/src/domain/report/report-heading.js';
import {
  lastWholeWeek,
  weeklyCoverage,
  weeklyTargetOf,
  type CoverageSubmission,
} from '../../../functions/src/domain/report/weekly-coverage.js';
import { weekCell, weeklyDocument } from '../../../functions/src/domain/report/weekly-document.js';
import type { ReportBlock } from '../../../functions/src/domain/report/report-document.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { testUnit } from '../../support/builders.js';
import { builtinForm } from '../../support/forms.js';

const BAO_CAO = builtinForm('30-phut-bao-cao');
const METRIC = weeklyTargetOf(BAO_CAO);
const NOW = new Date('2022-09-05T01:00:00Z'); // 08g00 Monday 05/09/2022
const coSo = (id: string, members?: number, cluster = 'Cụm 1'): Unit =>
  testUnit(id, {
    name: `Đoàn cơ sở ${id.toUpperCase()}`,
    type: 'co-so-doan',
    cluster,
    ...(members === undefined ? {} : { members }),
  });
const UNITS = [
  coSo('a', 20),
  coSo('b', 10),
  coSo('c'),
  coSo('d', 5, 'Cụm 2'),
  testUnit('chi-doan-x', { type: 'chi-doan' }),
];
const sent = (unitId: string, month: string, activities: [tuan: number, soLuong: number][]): CoverageSubmission => ({
  unitId,
  periodId: month,
  rows: activities.map(([tuan, soLuong]) => ({ values: { thang: month, tuan, soLuong } as Record<string, CellValue> })),
});
// August 2022 owns W31–W34 (Thursdays 4, 11, 18, 25); 29/08–04/09 has its Thursday in September: W35 is September's week 1.
const SUBMISSIONS = [
  sent('a', '2022-08', [
    [2, 20],
    [3, 20],
    [4, 15],
    [4, 20],
  ]),
  sent('a', '2022-09', [[1, 20]]),
  sent('b', '2022-08', [
    [2, 10],
    [3, 6],
  ]),
  sent('c', '2022-08', [[2, 10]]),
];

function coverage(weekId: string) {
  if (!METRIC) throw new Error('30-phut-bao-cao has no weekly target');
  return weeklyCoverage({
    district: 'Quận Đoàn 1',
    spec: BAO_CAO,
    metric: METRIC,
    units: UNITS,
    submissions: SUBMISSIONS,
    weekId,
    now: NOW,
  });
}

describe('weeklyCoverage: week-by-week, per cơ sở Đoàn, the target checked together', () => {
  it('defaults to the last whole week (Monday–Sunday, Vietnam time) before now', () => {
    expect(lastWholeWeek(NOW)).toBe('2022-W35');
    // 23:30 Sunday 04/09 in Vietnam is still in W35: the last whole week is W34.
    expect(lastWholeWeek(new Date('2022-09-04T16:30:00Z'))).toBe('2022-W34');
  });

  it('shows the reported week and the three before it, with dd/mm/yyyy ranges; a week across months is its Thursday’s', () => {
    expect(coverage('2022-W35').weeks).toEqual([
      { weekId: '2022-W32', from: '2022-08-08', to: '2022-08-14', range: '08/08/2022 – 14/08/2022', inPlan: true },
      { weekId: '2022-W33', from: '2022-08-15', to: '2022-08-21', range: '15/08/2022 – 21/08/2022', inPlan: true },
      { weekId: '2022-W34', from: '2022-08-22', to: '2022-08-28', range: '22/08/2022 – 28/08/2022', inPlan: true },
      { weekId: '2022-W35', from: '2022-08-29', to: '2022-09-04', range: '29/08/2022 – 04/09/2022', inPlan: true },
    ]);
  });

  it('✓/✗ per unit and week: met, not met, no report for the month yet, members not declared; chi đoàn not expected', () => {
    const c = coverage('2022-W35');
    expect(c.units.map((u) => [u.unitId, ...u.weeks.map((w) => w.standing)])).toEqual([
      ['a', 'met', 'met', 'met', 'met'],
      ['b', 'met', 'not-met', 'not-met', 'not-reported'],
      ['c', 'no-members', 'no-members', 'no-members', 'not-reported'],
      ['d', 'not-reported', 'not-reported', 'not-reported', 'not-reported'],
    ]);
    // Week 4 of August for a: two activities, one with all 20.
    expect(c.units[0]?.weeks[2]).toEqual({
      weekId: '2022-W34',
      activities: 2,
      meeting: 1,
      bestParticipants: 20,
      standing: 'met',
    });
  });

  it('counts the cơ sở meeting the target each week, and lists those that did not in the reported week', () => {
    const c = coverage('2022-W35');
    expect(c.meetingByWeek.map((m) => [m.weekId, m.meeting, m.expected])).toEqual([
      ['2022-W32', 2, 4],
      ['2022-W33', 1, 4],
      ['2022-W34', 1, 4],
      ['2022-W35', 1, 4],
    ]);
    expect(c.notMeeting.map((u) => [u.unitId, u.standing])).toEqual([
      ['b', 'not-reported'],
      ['c', 'not-reported'],
      ['d', 'not-reported'],
    ]);
    expect(
      coverage('2022-W33').notMeeting.map((u) => [u.unitId, u.standing, u.activities, u.bestParticipants]),
    ).toEqual([
      ['b', 'not-met', 1, 6],
      ['c', 'no-members', 0, null],
      ['d', 'not-reported', 0, null],
    ]);
  });

  it('a week after the plan (2020–2022) is outside it: nobody expected, nothing counted', () => {
    const c = coverage('2023-W05');
    expect(c.weeks.map((w) => w.inPlan)).toEqual([false, false, false, false]);
    expect(c.units).toEqual([]);
    expect(c.meetingByWeek.map((m) => m.expected)).toEqual([0, 0, 0, 0]);
  });
});

describe('weeklyDocument: the digest for the Ban Thường vụ', () => {
  const doc = weeklyDocument(
    reportHeading({ districtName: 'Quận Đoàn 1', officeEmail: '', contactName: '', contactPhone: '' }, NOW),
    coverage('2022-W35'),
  );
  const texts = (blocks: readonly ReportBlock[]) =>
    blocks.flatMap((b) =>
      b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : b.kind === 'list' ? b.items : [],
    );

  it('names the week with its dates, addressed to the Ban Thường vụ', () => {
    expect(doc.subject).toBe(
      'Kết quả thực hiện mô hình “30 phút hành động của Tổ chức Đoàn thanh niên sau giờ làm việc thứ Tám” tuần 35/2022 (29/08/2022 – 04/09/2022)',
    );
    expect(doc.heading.recipients).toEqual(['Ban Thường vụ (để b/c)', 'Lưu VP']);
    expect(texts(doc.body).filter((t) => /^[IVX]+\. /.test(t))).toEqual([
      'I. KẾT QUẢ TỪNG TUẦN',
      'II. CƠ SỞ ĐOÀN CHƯA ĐẠT TRONG TUẦN',
      'III. ĐÁNH GIÁ, ĐỀ XUẤT',
    ]);
  });

  it('the table: a row per cơ sở with ✓/✗, activities and participation, then the count meeting per week', () => {
    const table = doc.body.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.columns).toEqual([
      'Cơ sở Đoàn',
      'Tuần 32\n08/08/2022–\n14/08/2022',
      'Tuần 33\n15/08/2022–\n21/08/2022',
      'Tuần 34\n22/08/2022–\n28/08/2022',
      'Tuần 35\n29/08/2022–\n04/09/2022',
    ]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Đoàn cơ sở A', '✓ 1 HĐ, 20/20', '✓ 1 HĐ, 20/20', '✓ 2 HĐ, 20/20', '✓ 1 HĐ, 20/20'],
      ['Đoàn cơ sở B', '✓ 1 HĐ, 10/10', '✗ 1 HĐ, 6/10', '✗ 0 HĐ', 'Chưa báo cáo'],
      [
        'Đoàn cơ sở C',
        '1 HĐ, 10; chưa khai báo số đoàn viên',
        '0 HĐ; chưa khai báo số đoàn viên',
        '0 HĐ; chưa khai báo số đoàn viên',
        'Chưa báo cáo',
      ],
      ['Đoàn cơ sở D', 'Chưa báo cáo', 'Chưa báo cáo', 'Chưa báo cáo', 'Chưa báo cáo'],
      ['Số cơ sở đạt', '2/4', '1/4', '1/4', '1/4'],
    ]);
  });

  it('says why each cơ sở did not meet the target in the reported week, in NFC Vietnamese', () => {
    const all = texts(doc.body);
    expect(all).toContain('1. Đoàn cơ sở B: chưa báo cáo tháng có tuần này.');
    expect(all.join('\n')).toBe(all.join('\n').normalize('NFC'));
    expect(
      weekCell({ weekId: '2022-W33', activities: 0, meeting: 0, bestParticipants: null, standing: 'not-met' }, 10),
    ).toBe('✗ 0 HĐ');
  });
});
