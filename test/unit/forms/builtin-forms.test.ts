import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormSpecError, loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import {
  formSpecSchema,
  type FormSpec,
  type FormSpecInput,
  type MetricSpec,
} from '../../../functions/src/domain/forms/form-spec.js';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import { STATUS_HEADER } from '../../../functions/src/domain/forms/header-match.js';
import { foldForMatch } from '../../../functions/src/domain/cells/fold.js';
import { testUnit, useTempDirEach } from '../../support/builders.js';
import { formsForUnit, rowsMayNameUnit } from '../../../functions/src/domain/units/targets.js';

const specs = await loadBuiltinForms();

function spec(id: string): FormSpec {
  const found = specs.find((s) => s.id === id);
  if (!found) throw new Error(`built-in form ${id} not loaded`);
  return found;
}

function metric<T extends MetricSpec['type']>(form: FormSpec, id: string, type: T): Extract<MetricSpec, { type: T }> {
  const found = form.metrics.find((m): m is Extract<MetricSpec, { type: T }> => m.id === id && m.type === type);
  if (!found) throw new Error(`metric ${id} (${type}) missing from ${form.id}`);
  return found;
}

/** Every string inside a value, with where it was found. */
function stringsOf(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, `${at}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringsOf(v, `${at}.${k}`));
  return [];
}

/** The instant a deadline falls (Asia/Ho_Chi_Minh, UTC+7); no time = end of that day. */
function deadlineInstant(due: { date: string; time?: string | undefined }): number {
  const start = Date.parse(`${due.date}T${due.time ?? '00:00'}:00+07:00`);
  return due.time === undefined ? start + 86_400_000 : start;
}

const BUILTIN_IDS = [
  '30-phut-bao-cao',
  '30-phut-dang-ky',
  'diem-danh-tap-huan-2022-2023',
  'ke-hoach-nho-65-nam',
  'kiem-tra-cong-tac-doi-2022-2023',
  'lien-tich-2022-2023',
  'ren-luyen-2014-dang-ky',
  'ren-luyen-2014-danh-gia',
  'tap-huan-2024',
];

describe('loadBuiltinForms', () => {
  it('loads the 9 seed forms, sorted by id', () => {
    expect(specs.map((s) => s.id)).toEqual(BUILTIN_IDS);
  });

  it.each(BUILTIN_IDS)('%s satisfies the meta-schema and parses to itself', (id) => {
    const form = spec(id);
    const reparsed = formSpecSchema.safeParse(form);
    expect(reparsed.success ? [] : reparsed.error.issues).toEqual([]);
    expect(reparsed.data).toEqual(form);
  });

  it.each(BUILTIN_IDS)('%s compiles into a row validator', (id) => {
    expect(compileForm(spec(id)).spec.id).toBe(id);
  });

  it.each(BUILTIN_IDS)('%s has every text in NFC', (id) => {
    const notNfc = stringsOf(spec(id)).filter(([, s]) => s !== s.normalize('NFC'));
    expect(notNfc).toEqual([]);
  });

  it('gives every form its own tab name, at most 100 characters', () => {
    const tabs = specs.map((s) => s.tab);
    expect(new Set(tabs).size).toBe(tabs.length);
    expect(tabs.filter((t) => [...t].length > 100)).toEqual([]);
  });

  it.each(BUILTIN_IDS)('%s: no two columns share a header or alias once accents and case are ignored', (id) => {
    const names = spec(id).columns.flatMap((c) =>
      [c.header, ...c.aliases].map((n) => [foldForMatch(n), c.key] as const),
    );
    const owners = new Map<string, Set<string>>();
    for (const [name, key] of names) owners.set(name, new Set([...(owners.get(name) ?? []), key]));
    expect([...owners].filter(([, keys]) => keys.size > 1)).toEqual([]);
    expect(owners.has(foldForMatch(STATUS_HEADER))).toBe(false);
  });

  it.each(BUILTIN_IDS)(
    '%s: no two options of a list column share a spelling once accents and case are ignored',
    (id) => {
      const form = spec(id);
      const phases =
        form.period.type === 'phases'
          ? form.period.phases.map((p) => ({ value: p.name, aliases: [p.id, ...p.aliases] }))
          : [];
      for (const column of form.columns) {
        const options = column.period && form.period.type === 'phases' ? phases : (column.options ?? []);
        const owners = new Map<string, Set<string>>();
        for (const o of options)
          for (const n of [o.value, ...o.aliases])
            owners.set(foldForMatch(n), new Set([...(owners.get(foldForMatch(n)) ?? []), o.value]));
        expect(
          [...owners].filter(([, values]) => values.size > 1),
          `${id}.${column.key}`,
        ).toEqual([]);
      }
    },
  );

  it.each(BUILTIN_IDS)("%s: every count-where metric counts one of its column's options", (id) => {
    const form = spec(id);
    for (const m of form.metrics) {
      if (m.type !== 'count-where') continue;
      const options = form.columns.find((c) => c.key === m.column)?.options?.map((o) => o.value) ?? [];
      expect(options, `${id} metric ${m.id}`).toContain(m.equals);
    }
  });
});

describe('facts from the seed plans', () => {
  it('tap-huan-2024: registration due 10:00 15/09/2024', () => {
    const form = spec('tap-huan-2024');
    expect(form.kind).toBe('registration');
    expect(form.period).toEqual({ type: 'once', due: { date: '2024-09-15', time: '10:00' } });
    expect(form.period.type === 'once' && deadlineInstant(form.period.due)).toBe(Date.parse('2024-09-15T03:00:00Z'));
  });

  it('tap-huan-2024: fee 1.900.000 đ per person, payable by 16/09/2024', () => {
    const fee = metric(spec('tap-huan-2024'), 'kinh-phi', 'fee-per-row');
    expect(fee.amount).toBe(1_900_000);
    expect(fee.payBy).toEqual({ date: '2024-09-16' });
  });

  it('tap-huan-2024: addressed to Liên đội of primary and lower secondary schools', () => {
    expect(spec('tap-huan-2024').targets).toEqual({
      unitTypes: ['lien-doi'],
      levels: ['Tiểu học', 'THCS'],
      clusters: [],
    });
  });

  it.each([
    ['Họ và tên', 'text'],
    ['Chức vụ', 'enum'],
    ['Số điện thoại', 'phone'],
    ['Email', 'email'],
  ])('tap-huan-2024 has the column %s (%s)', (header, type) => {
    expect(spec('tap-huan-2024').columns.find((c) => c.header === header)?.type).toBe(type);
  });

  it('tap-huan-2024: roles are the four the plan invites', () => {
    const options = spec('tap-huan-2024')
      .columns.find((c) => c.key === 'chucVu')
      ?.options?.map((o) => o.value);
    expect(options).toEqual([
      'Tổng phụ trách Đội',
      'Phó Tổng phụ trách Đội',
      'Bí thư Chi đoàn giáo viên',
      'Phó Bí thư Chi đoàn giáo viên',
    ]);
  });

  it('ke-hoach-nho-65-nam: plan 06-KH/HĐĐ, due before 14/12/2023', () => {
    const form = spec('ke-hoach-nho-65-nam');
    expect(form.planNumber).toBe('06-KH/HĐĐ');
    expect(form.period.type).toBe('once');
    if (form.period.type !== 'once') return;
    expect(form.period.due.date <= '2023-12-14').toBe(true);
    expect(deadlineInstant(form.period.due)).toBeLessThanOrEqual(Date.parse('2023-12-14T00:00:00+07:00'));
    expect(deadlineInstant(form.period.due)).toBeGreaterThan(Date.parse('2023-12-13T00:00:00+07:00'));
    expect(form.targets.unitTypes).toEqual(['lien-doi']);
  });

  it('ke-hoach-nho-65-nam: reports activities, participants, collected amounts and nominated models', () => {
    const form = spec('ke-hoach-nho-65-nam');
    expect(form.columns.map((c) => [c.key, c.type])).toEqual(
      expect.arrayContaining([
        ['hoatDong', 'enum'],
        ['soDoiVien', 'int'],
        ['soTien', 'money'],
      ]),
    );
    expect(metric(form, 'so-tien', 'sum').column).toBe('soTien');
    expect(metric(form, 'mo-hinh-de-cu', 'count-where').equals).toBe('Mô hình, công trình tiêu biểu đề cử khen thưởng');
  });

  it('30-phut-bao-cao: monthly from 4/2020 to the end of the 2020–2022 plan', () => {
    const form = spec('30-phut-bao-cao');
    expect(form.planNumber).toBe('82-KH/ĐTĐN');
    expect(form.period).toMatchObject({ type: 'monthly', from: '2020-04', to: '2022-12' });
    expect(form.targets.unitTypes).toEqual(['co-so-doan']);
  });

  it.each(['STT', 'Tháng', 'Tuần', 'Địa điểm', 'Số lượng ĐVTN tham gia', 'Nội dung', 'Hình thức', 'Kết quả'])(
    "30-phut-bao-cao accepts the seed's column '%s' (as header or alias)",
    (name) => {
      const names = spec('30-phut-bao-cao').columns.flatMap((c) => [c.header, ...c.aliases]);
      expect(names).toContain(name);
    },
  );

  it("30-phut-bao-cao: the seed form's columns in the seed's order", () => {
    expect(spec('30-phut-bao-cao').columns.map((c) => c.header)).toEqual([
      'STT',
      'Tháng',
      'Tuần',
      'Địa điểm tổ chức',
      'Số lượng ĐVTN tham gia',
      'Nội dung tổ chức',
      'Hình thức tổ chức',
      'Kết quả hoạt động',
    ]);
  });

  it('30-phut-bao-cao: the month is the period column; each week is checked for an activity with 100 % of members, together', () => {
    const form = spec('30-phut-bao-cao');
    expect(form.columns.filter((c) => c.period).map((c) => [c.key, c.type, c.required])).toEqual([
      ['thang', 'month', true],
    ]);
    expect(metric(form, 'tuan-dat-chi-tieu', 'weeks-meeting-target')).toMatchObject({
      weekColumn: 'tuan',
      column: 'soLuong',
      minPerWeek: 1,
      target: 1,
    });
    expect(form.metrics.map((m) => m.type)).not.toContain('participation-rate');
  });

  it('30-phut-dang-ky: registration due 15/04/2020', () => {
    expect(spec('30-phut-dang-ky').period).toEqual({ type: 'once', due: { date: '2020-04-15' } });
  });

  it.each([
    ['dot-1', 'Đợt I', '2014-03', 'Vì lý tưởng cộng sản - Vì cuộc sống cộng đồng'],
    ['dot-2', 'Đợt II', '2014-05', 'Nâng cao tinh thần trách nhiệm – Lời nói đi đôi với việc làm'],
    ['dot-3', 'Đợt III', '2014-07', 'Nêu cao tinh thần yêu nước - Tiếp bước truyền thống cha anh'],
    ['dot-4', 'Đợt IV', '2014-09', 'Nâng cao tri thức - Tự tin hội nhập'],
  ])('ren-luyen-2014-danh-gia: phase %s is %s in %s with its theme', (id, name, month, theme) => {
    const { period } = spec('ren-luyen-2014-danh-gia');
    const phase = period.type === 'phases' ? period.phases.find((p) => p.id === id) : undefined;
    expect(phase).toMatchObject({ name, months: [month], theme });
    expect(phase && phase.due.date > `${month}-31`).toBe(true);
  });

  it('ren-luyen-2014-danh-gia: exactly four phases, evaluated per member by the chi đoàn', () => {
    const form = spec('ren-luyen-2014-danh-gia');
    expect(form.period.type === 'phases' ? form.period.phases.map((p) => p.id) : []).toEqual([
      'dot-1',
      'dot-2',
      'dot-3',
      'dot-4',
    ]);
    expect(form.targets.unitTypes).toEqual(['chi-doan']);
  });

  it('ren-luyen-2014-dang-ky: members register 05 rèn luyện and 05 hành động goals', () => {
    const headers = spec('ren-luyen-2014-dang-ky').columns.map((c) => c.header);
    expect(headers).toEqual(expect.arrayContaining(['05 tiêu chí rèn luyện', '05 tiêu chí hành động']));
  });

  it('lien-tich-2022-2023: school year 2022–2023 with a yearly target of ≥ 2 dialogues', () => {
    const form = spec('lien-tich-2022-2023');
    expect(form.period).toMatchObject({ type: 'school-year', schoolYear: '2022-2023' });
    expect(metric(form, 'doi-thoai', 'count-where')).toEqual({
      type: 'count-where',
      id: 'doi-thoai',
      label: 'Gặp gỡ, đối thoại với học sinh (≥ 2 lần/năm)',
      column: 'loai',
      equals: 'Gặp gỡ, đối thoại giữa nhà trường với học sinh',
      atLeast: 2,
      per: 'period',
    });
  });

  it('lien-tich-2022-2023: monthly training and ≥ 1 book event', () => {
    const form = spec('lien-tich-2022-2023');
    expect(metric(form, 'tap-huan', 'count-where')).toMatchObject({ atLeast: 1, per: 'month' });
    expect(metric(form, 'gioi-thieu-sach', 'count-where')).toMatchObject({ atLeast: 1, per: 'period' });
  });

  it('diem-danh-tap-huan-2022-2023: the district takes the monthly training register of each school year month', () => {
    const form = spec('diem-danh-tap-huan-2022-2023');
    expect(form).toMatchObject({ filledBy: 'district', issuer: 'Hội đồng Đội – {Tên đơn vị tổng hợp}' });
    expect(form.period).toEqual({ type: 'monthly', from: '2022-09', to: '2023-05', dueDay: 5, pauses: [] });
    expect(form.targets).toMatchObject({ unitTypes: ['lien-doi'], levels: ['Tiểu học', 'THCS'] });
    const validate = compileForm(form).validateRow;
    const row = { thang: '10/2022', hoTen: 'Nguyễn Thị Lan', diemDanh: 'x' };
    expect(validate(7, row)).toMatchObject({ ok: true, periodId: '2022-10', values: { diemDanh: 'Có mặt' } });
    expect(validate(8, { ...row, diemDanh: 'vắng mặt', lyDoVang: 'Ốm' })).toMatchObject({
      ok: true,
      values: { diemDanh: 'Vắng', lyDoVang: 'Ốm' },
    });
    expect(validate(9, { ...row, diemDanh: 'Trễ' })).toMatchObject({
      ok: false,
      errors: [
        {
          column: 'Điểm danh',
          message: "Dòng 9, cột 'Điểm danh': 'Trễ' không có trong danh sách (chọn một trong: Có mặt; Vắng).",
        },
      ],
    });
  });

  it.each(['diem-danh-tap-huan-2022-2023', 'kiem-tra-cong-tac-doi-2022-2023'])(
    '%s: no school owes it (never missing, no tab in its file), yet a row may name a Liên đội of TH or THCS',
    (id) => {
      const school = testUnit('thcs-a', { level: 'THCS' });
      expect(formsForUnit(specs, school, [school]).map((f) => f.id)).not.toContain(id);
      expect(rowsMayNameUnit(spec(id), school)).toBe(true);
      expect(rowsMayNameUnit(spec(id), testUnit('mn-a', { level: 'Mầm non' }))).toBe(false);
    },
  );

  it('kiem-tra-cong-tac-doi-2022-2023: one yearly inspection per row, scored out of 100 and ranked in four grades', () => {
    const form = spec('kiem-tra-cong-tac-doi-2022-2023');
    expect(form).toMatchObject({ filledBy: 'district', issuer: 'Hội đồng Đội – {Tên đơn vị tổng hợp}' });
    expect(form.period).toEqual({ type: 'school-year', schoolYear: '2022-2023', due: { date: '2023-05-31' } });
    expect(form.columns.find((c) => c.key === 'xepLoai')?.options?.map((o) => o.value)).toEqual([
      'Xuất sắc',
      'Tốt',
      'Khá',
      'Trung bình',
    ]);
    const validate = compileForm(form).validateRow;
    const row = { ngayKiemTra: '15/3/2023', diem: '92,5', xepLoai: 'XS', nhanXet: 'Sổ sách đầy đủ' };
    expect(validate(5, row)).toMatchObject({
      ok: true,
      periodId: '2022-2023',
      values: { diem: 92.5, xepLoai: 'Xuất sắc' },
    });
    expect(validate(6, { ...row, diem: '105' })).toMatchObject({ ok: false, errors: [{ column: 'Điểm' }] });
  });
});

/** A small valid spec to break one piece at a time. */
function baseSpec(): FormSpecInput {
  return {
    id: 'bao-cao-thu',
    title: 'Báo cáo thử',
    issuer: 'Quận Đoàn',
    kind: 'report',
    tab: 'Thử',
    columns: [
      { key: 'ten', header: 'Tên', type: 'text', required: true },
      { key: 'soLuong', header: 'Số lượng', type: 'int' },
    ],
    period: { type: 'once', due: { date: '2024-09-15' } },
    targets: { unitTypes: ['lien-doi'] },
  };
}

type PeriodInput = FormSpecInput['period'];
type ColumnInput = FormSpecInput['columns'][number];
type PhaseInput = Extract<PeriodInput, { type: 'phases' }>['phases'][number];

const MONTHLY: PeriodInput = { type: 'monthly', from: '2020-04', to: '2020-12', dueDay: 5 };
const MONTH_COLUMN: ColumnInput = { key: 'thang', header: 'Tháng', type: 'month', required: true, period: true };
const PHASE_1: PhaseInput = { id: 'dot-1', name: 'Đợt I', months: ['2014-03'], due: { date: '2014-04-10' } };
const PHASE_2: PhaseInput = { id: 'dot-2', name: 'Đợt II', months: ['2014-05'], due: { date: '2014-06-10' } };
const PHASES: PeriodInput = { type: 'phases', phases: [PHASE_1, PHASE_2] };

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = formSpecSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('formSpecSchema rejects bad specs with a useful path', () => {
  it('accepts the base spec and fills defaults', () => {
    const parsed = formSpecSchema.parse(baseSpec());
    expect(parsed).toMatchObject({ graceDays: 0, minRows: 1, metrics: [], targets: { levels: [], clusters: [] } });
    expect(parsed.columns[0]).toMatchObject({ aliases: [], required: true, period: false, counter: false });
  });

  it.each<[string, (s: FormSpecInput) => FormSpecInput, string, string]>([
    [
      'duplicate column keys',
      (s) => ({ ...s, columns: [...s.columns, { key: 'ten', header: 'Tên khác', type: 'text' }] }),
      'columns.2',
      'duplicate column key ten',
    ],
    [
      'enum without options',
      (s) => ({ ...s, columns: [...s.columns, { key: 'loai', header: 'Loại', type: 'enum' }] }),
      'columns.2.options',
      'enum columns need options',
    ],
    [
      'multi-enum with an empty option list',
      (s) => ({ ...s, columns: [...s.columns, { key: 'loai', header: 'Loại', type: 'multi-enum', options: [] }] }),
      'columns.2.options',
      'enum columns need options',
    ],
    [
      'monthly form without a period column',
      (s) => ({ ...s, period: MONTHLY }),
      'columns',
      'a monthly form needs exactly one column with period: true',
    ],
    [
      'monthly form with two period columns',
      (s) => ({
        ...s,
        period: MONTHLY,
        columns: [...s.columns, MONTH_COLUMN, { ...MONTH_COLUMN, key: 'thang2', header: 'Tháng 2' }],
      }),
      'columns',
      'exactly one column with period: true',
    ],
    [
      'phases form without a period column',
      (s) => ({ ...s, period: PHASES }),
      'columns',
      'a phases form needs exactly one column with period: true',
    ],
    [
      'once form with a period column',
      (s) => ({ ...s, columns: [...s.columns, MONTH_COLUMN] }),
      'columns',
      'a once form has no period column',
    ],
    [
      'optional period column',
      (s) => ({ ...s, period: MONTHLY, columns: [...s.columns, { ...MONTH_COLUMN, required: false }] }),
      'columns.2.required',
      'the period column must be required',
    ],
    [
      'sum metric naming an unknown column',
      (s) => ({ ...s, metrics: [{ type: 'sum', id: 'tong', label: 'Tổng', column: 'soNguoi' }] }),
      'metrics.0',
      'metric tong names unknown column soNguoi',
    ],
    [
      'weeks metric naming an unknown column',
      (s) => ({ ...s, metrics: [{ type: 'weeks-with-activity', id: 'tuan', label: 'Tuần', weekColumn: 'tuan' }] }),
      'metrics.0',
      'metric tuan names unknown column tuan',
    ],
    ['id that is not lowercase-dashed', (s) => ({ ...s, id: 'Bao Cao' }), 'id', 'lowercase-dashed id'],
    [
      'column key with a dash',
      (s) => ({ ...s, columns: [{ key: 'so-luong', header: 'Số lượng', type: 'int' }] }),
      'columns.0.key',
      'camelCase key',
    ],
    [
      'deadline at 24:00',
      (s) => ({ ...s, period: { type: 'once', due: { date: '2024-09-15', time: '24:00' } } }),
      'period.due.time',
      'HH:mm',
    ],
    [
      'deadline date written the Vietnamese way',
      (s) => ({ ...s, period: { type: 'once', due: { date: '15/09/2024' } } }),
      'period.due.date',
      'YYYY-MM-DD',
    ],
    ['no columns', (s) => ({ ...s, columns: [] }), 'columns', ''],
    [
      'unknown unit type',
      (s) => ({ ...s, targets: { unitTypes: ['truong'] } as unknown as FormSpecInput['targets'] }),
      'targets.unitTypes.0',
      '',
    ],
    ['blank header', (s) => ({ ...s, columns: [{ key: 'ten', header: '   ', type: 'text' }] }), 'columns.0.header', ''],
  ])('%s', (_label, breakIt, path, message) => {
    const issues = issuesOf(breakIt(baseSpec()));
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.find((i) => i.path === path)?.message).toContain(message);
  });

  // A spec that passes must also be able to accept a row: the period column's type has to fit the period rule,
  // otherwise every row of every unit is rejected (e.g. an enum period column without options in a monthly form
  // gets "cột này chưa có danh sách lựa chọn" on every row).
  it.each<[string, PeriodInput, ColumnInput]>([
    ['monthly form whose period column is an enum without options', MONTHLY, { ...MONTH_COLUMN, type: 'enum' }],
    ['monthly form whose period column is free text', MONTHLY, { ...MONTH_COLUMN, type: 'text' }],
    ['phases form whose period column is a month', PHASES, { ...MONTH_COLUMN, key: 'dot', header: 'Đợt' }],
  ])('rejects a %s', (_label, period, periodColumn) => {
    const issues = issuesOf({ ...baseSpec(), period, columns: [...baseSpec().columns, periodColumn] });
    expect(issues.some((i) => i.path.startsWith('columns'))).toBe(true);
  });

  it('rejects a monthly period whose start is after its end', () => {
    const issues = issuesOf({
      ...baseSpec(),
      period: { ...MONTHLY, from: '2020-12', to: '2020-04' },
      columns: [...baseSpec().columns, MONTH_COLUMN],
    });
    expect(issues.some((i) => i.path.startsWith('period'))).toBe(true);
  });

  it('rejects two columns a sheet cannot tell apart (same header once accents and case are ignored)', () => {
    // matchHeaders maps both to the first column: the second is never read, and if required, always missing.
    const issues = issuesOf({
      ...baseSpec(),
      columns: [...baseSpec().columns, { key: 'tenKhac', header: 'TÊN', type: 'text' }],
    });
    expect(issues.some((i) => i.path.startsWith('columns'))).toBe(true);
  });

  it('rejects two phases with the same id (they would share one period)', () => {
    const phases: PeriodInput = { type: 'phases', phases: [PHASE_1, { ...PHASE_2, id: 'dot-1' }] };
    const issues = issuesOf({
      ...baseSpec(),
      period: phases,
      columns: [...baseSpec().columns, { key: 'dot', header: 'Đợt', type: 'enum', required: true, period: true }],
    });
    expect(issues.some((i) => i.path.startsWith('period'))).toBe(true);
  });
});

describe('loadBuiltinForms on a folder with a bad spec', () => {
  const dir = useTempDirEach('tonghop-forms');

  it('throws FormSpecError naming the file and the field', async () => {
    const bad = { ...baseSpec(), columns: [...baseSpec().columns, { key: 'loai', header: 'Loại', type: 'enum' }] };
    await writeFile(path.join(dir(), 'hong.json'), JSON.stringify(bad));
    await writeFile(path.join(dir(), 'ghi-chu.txt'), 'not a spec');
    const load = loadBuiltinForms(dir());
    await expect(load).rejects.toThrow(FormSpecError);
    await expect(load).rejects.toThrow(/hong\.json: columns\.2\.options: enum columns need options/);
  });

  it('reads only .json files and sorts the specs by id', async () => {
    await writeFile(path.join(dir(), 'a.json'), JSON.stringify({ ...baseSpec(), id: 'z-form' }));
    await writeFile(path.join(dir(), 'b.json'), JSON.stringify({ ...baseSpec(), id: 'a-form', tab: 'Khác' }));
    await writeFile(path.join(dir(), 'readme.md'), '# not a spec');
    expect((await loadBuiltinForms(dir())).map((s) => s.id)).toEqual(['a-form', 'z-form']);
  });
});
