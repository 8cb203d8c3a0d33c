import { describe, expect, it } from 'vitest';
import { formSpecSchema, type FormSpec, type FormSpecInput } from '../../../functions/src/domain/forms/form-spec.js';
import { describePlanChange, planChangeNote } from '../../../functions/src/domain/plans/plan-change.js';
import { planVersion, planVersionRecord } from '../../../functions/src/domain/plans/plan-version.js';

const COLUMNS: FormSpecInput['columns'] = [
  { key: 'tenHoatDong', header: 'Tên hoạt động', type: 'text', required: true },
  { key: 'kinhPhi', header: 'Kinh phí', type: 'text' },
  { key: 'hinhThuc', header: 'Hình thức', type: 'enum', options: [{ value: 'Trực tiếp' }, { value: 'Trực tuyến' }] },
];

function plan(columns: FormSpecInput['columns'] = COLUMNS, due = '2024-09-27'): FormSpec {
  return formSpecSchema.parse({
    id: 'bao-cao-trung-thu',
    title: 'Báo cáo Trung thu',
    issuer: 'Quận Đoàn',
    kind: 'report',
    tab: 'Trung thu',
    columns,
    period: { type: 'once', due: { date: due } },
    targets: { unitTypes: ['lien-doi'] },
  });
}

const withColumn = (key: string, change: Partial<FormSpecInput['columns'][number]>) =>
  COLUMNS.map((c) => (c.key === key ? { ...c, ...change } : c));

describe('describePlanChange: what a unit is told when its rows were read under a changed plan', () => {
  it.each<[string, FormSpec, string[]]>([
    ['the same plan', plan(), []],
    ['only the deadline moved (the standing tab shows the deadline in force)', plan(COLUMNS, '2024-10-01'), []],
    ['a column type changed', plan(withColumn('kinhPhi', { type: 'money' })), ["cột 'Kinh phí' nay là kiểu Số tiền"]],
    ['a column became required', plan(withColumn('kinhPhi', { required: true })), ["cột 'Kinh phí' nay bắt buộc"]],
    [
      'a required column no longer is',
      plan(withColumn('tenHoatDong', { required: false })),
      ["cột 'Tên hoạt động' nay không bắt buộc"],
    ],
    [
      'limits changed',
      plan(withColumn('kinhPhi', { type: 'money', min: 0 })),
      ["cột 'Kinh phí' nay là kiểu Số tiền", "cột 'Kinh phí' đổi giới hạn nhỏ nhất, lớn nhất"],
    ],
    [
      'an option list changed',
      plan(withColumn('hinhThuc', { options: [{ value: 'Trực tiếp' }] })),
      ["cột 'Hình thức' đổi danh mục lựa chọn"],
    ],
    [
      'a column added',
      plan([...COLUMNS, { key: 'gio', header: 'Giờ bắt đầu', type: 'time' }]),
      ["thêm cột 'Giờ bắt đầu'"],
    ],
    ['a column removed', plan(COLUMNS.slice(0, 2)), ["bỏ cột 'Hình thức'"]],
    [
      'a header renamed with the old one kept as an alias (new key)',
      plan(
        COLUMNS.map((c) =>
          c.key === 'kinhPhi'
            ? { key: 'tongKinhPhi', header: 'Tổng kinh phí', aliases: ['Kinh phí'], type: 'text' as const }
            : c,
        ),
      ),
      ["cột 'Kinh phí' nay có tiêu đề 'Tổng kinh phí'"],
    ],
  ])('%s', (_, after, expected) => {
    expect(describePlanChange(plan(), after)).toEqual(expected);
  });

  it('makes one Vietnamese note, NFC, or none', () => {
    const note = planChangeNote(describePlanChange(plan(), plan(withColumn('kinhPhi', { type: 'money' }))));
    expect(note).toBe("Kế hoạch đã đổi: cột 'Kinh phí' nay là kiểu Số tiền");
    expect(note).toBe(note.normalize('NFC'));
    expect(planChangeNote([])).toBe('');
  });
});

describe('planVersionRecord', () => {
  it('stores the compact definition its version hashes, which reads back as the same plan', () => {
    const spec = plan();
    const record = planVersionRecord(spec);
    expect(record).toMatchObject({ version: planVersion(spec), formId: 'bao-cao-trung-thu' });
    expect(record.definition).not.toMatch(/\n| {2}/);
    expect(formSpecSchema.parse(JSON.parse(record.definition))).toEqual(spec);
    expect(planVersion(formSpecSchema.parse(JSON.parse(record.definition)))).toBe(record.version);
  });

  it('changes version when only the deadline moves', () => {
    expect(planVersionRecord(plan(COLUMNS, '2024-10-01')).version).not.toBe(planVersionRecord(plan()).version);
  });
});
