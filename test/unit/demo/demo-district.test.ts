import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { readFormTab, type SheetRow, type TabReading } from '../../../functions/src/domain/forms/read-form-tab.js';
import { applyCrossFormRules } from '../../../functions/src/domain/rules/apply-cross-form-rules.js';
import { formsForUnit } from '../../../functions/src/domain/units/targets.js';
import { unitSchema } from '../../../functions/src/domain/units/unit.js';
import { weeklyCoverage, weeklyTargetOf } from '../../../functions/src/domain/report/weekly-coverage.js';
import { buildSubmissions } from '../../../functions/src/domain/submissions/build-submissions.js';
import {
  buildDemoDistrict,
  specsAsWritten,
  type DemoDistrict,
  type DemoScenario,
  type DemoWorkbook,
} from '../../../functions/src/demo/demo-district.js';

const specs = await loadBuiltinForms();
const district = buildDemoDistrict(specs);

function workbookOf(unitId: string): DemoWorkbook {
  const found = district.workbooks.find((w) => w.unitId === unitId);
  if (!found) throw new Error(`no workbook entry for ${unitId}`);
  return found;
}

/** When the unit last sent its file before the plan issued near "now" (its main forms' timing; the new tab's send is extra). */
function sentBeforeNewPlan(workbook: DemoWorkbook): Date | null {
  return workbook.sends.filter((s) => !s.rowsByFormId.has(district.issued.spec.id)).at(-1)?.at ?? null;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** Validate a demo workbook's rows the way the sweep does, without a file: header at row 5, data from row 6, then the rules across forms. */
function rejectedRowsOf(d: DemoDistrict, workbook: DemoWorkbook): { read: number; rejected: number } {
  const readings = new Map<string, TabReading>();
  const originals = new Map<string, FormSpec>();
  for (const spec of specsAsWritten(d, workbook)) {
    const dataRows: SheetRow[] = (workbook.rowsByFormId.get(spec.id) ?? []).map((cells, i) => ({
      rowNumber: 6 + i,
      cells,
    }));
    const original = d.specs.find((s) => s.id === spec.id) ?? spec;
    originals.set(spec.id, original);
    readings.set(
      spec.id,
      readFormTab(compileForm(original), {
        name: spec.tab,
        rows: [{ rowNumber: 5, cells: spec.columns.map((c) => c.header) }, ...dataRows],
      }),
    );
  }
  const ruled = [...applyCrossFormRules(readings, originals).values()];
  return {
    read: ruled.reduce((n, r) => n + r.reading.rowsRead, 0),
    rejected: ruled.reduce((n, r) => n + r.reading.rejected.length, 0),
  };
}

describe('buildDemoDistrict', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    expect(buildDemoDistrict(specs, 7)).toEqual(buildDemoDistrict(specs, 7));
    expect(buildDemoDistrict(specs)).toEqual(district);
    const other = buildDemoDistrict(specs, 8);
    expect(other.units.map((u) => u.id)).not.toEqual(district.units.map((u) => u.id));
    expect(other.workbooks).not.toEqual(district.workbooks);
  });

  it('has about 41 units: 20 Liên đội (Tiểu học, THCS), 9 cơ sở Đoàn, 12 chi đoàn (the second branch adds 1 + 4)', () => {
    expect(countBy(district.units, (u) => u.type)).toEqual({ 'lien-doi': 20, 'co-so-doan': 9, 'chi-doan': 12 });
    const schools = district.units.filter((u) => u.type === 'lien-doi');
    expect(countBy(schools, (u) => u.level)).toEqual({ 'Tiểu học': 10, THCS: 10 });
    expect(new Set(schools.map((u) => u.cluster))).toEqual(new Set(['Cụm 1', 'Cụm 2', 'Cụm 3']));
    expect(schools.every((u) => u.name.startsWith(`Liên đội ${u.level} `))).toBe(true);
    expect(new Set(district.units.filter((u) => u.type === 'co-so-doan').map((u) => u.level))).toEqual(
      new Set(['Khối cơ quan', 'Khối doanh nghiệp']),
    );
  });

  it('has two cơ sở Đoàn with chi đoàn: the ward drawn first, and the second ward whose chi đoàn send on time, late or not at all', () => {
    const childrenOf = (id: string) =>
      district.units
        .filter((u) => u.parent === id)
        .map((u) => u.id)
        .sort();
    const branches = district.units.filter((u) => district.units.some((c) => c.parent === u.id)).map((u) => u.id);
    expect(branches.sort()).toEqual(['csd-ubnd-cau-ong-lanh', 'csd-ubnd-da-kao']);
    expect(childrenOf('csd-ubnd-da-kao')).toEqual(['cd-kp1-da-kao', 'cd-kp2-da-kao', 'cd-kp3-da-kao']);
    // Khu phố 5 of that ward, drawn among the district's chi đoàn, joins its ward's cơ sở Đoàn too.
    expect(childrenOf('csd-ubnd-cau-ong-lanh')).toEqual([1, 2, 3, 4, 5].map((n) => `cd-kp${n}-cau-ong-lanh`));
    const sending = (id: string) => {
      const w = workbookOf(id);
      return w.scenario === 'missing' ? 'missing' : w.late ? 'late' : 'on time';
    };
    expect([1, 2, 3, 4].map((n) => sending(`cd-kp${n}-cau-ong-lanh`))).toEqual([
      'on time',
      'on time',
      'late',
      'missing',
    ]);
    expect(sending('csd-ubnd-cau-ong-lanh')).toBe('on time');
  });

  it('gives every unit a unique valid id, a contact and its own file name', () => {
    const ids = district.units.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const unit of district.units) {
      expect(unitSchema.parse(unit)).toEqual(unit);
      expect(unit.source).toBe(`${unit.id}.xlsx`);
      expect(unit.members).toBeGreaterThan(0);
      expect(unit.contacts[0]?.phone).toMatch(/^0\d{9}$/);
      expect(unit.contacts[0]?.email).toMatch(/@example\.com$/);
      expect(unit.name).toBe(unit.name.normalize('NFC'));
    }
    expect(district.settings).toMatchObject({
      districtName: 'Quận Đoàn 1',
      contactName: 'Lê Ánh Hồng',
      contactPhone: '0983 018 027',
    });
  });

  it('has the planned scenario mix, one entry per unit in unit order', () => {
    expect(district.workbooks.map((w) => w.unitId)).toEqual(district.units.map((u) => u.id));
    const counts = countBy(district.workbooks, (w) => w.scenario);
    expect(counts).toEqual({
      clean: 29,
      typos: 5,
      missing: 4,
      corrupt: 1,
      'renamed-header': 1,
      'missing-tab': 1,
    } satisfies Record<DemoScenario, number>);
    const typosByType = countBy(
      district.workbooks.filter((w) => w.scenario === 'typos'),
      (w) => district.units.find((u) => u.id === w.unitId)?.type ?? '',
    );
    expect(typosByType).toEqual({ 'lien-doi': 3, 'co-so-doan': 1, 'chi-doan': 1 });
  });

  it('targets every unit with at least one form and writes rows only for forms that target it', () => {
    for (const unit of district.units) {
      const owed = formsForUnit(specs, unit, district.units).map((s) => s.id);
      expect(owed.length, unit.id).toBeGreaterThan(0);
      const workbook = workbookOf(unit.id);
      // The plan issued near "now" is owed too, by the units it targets, though only a few have sent it yet.
      const issued = district.issued.spec;
      for (const formId of workbook.rowsByFormId.keys()) {
        expect(
          [...owed, ...(issued.targets.unitTypes.includes(unit.type) ? [issued.id] : [])],
          `${unit.id} has rows for ${formId}`,
        ).toContain(formId);
        expect([...specs, issued].find((s) => s.id === formId)?.targets.unitTypes).toContain(unit.type);
      }
      const catalogTabs = [...workbook.rowsByFormId.keys()].filter((id) => id !== issued.id);
      if (workbook.scenario === 'clean' || workbook.scenario === 'typos')
        expect(catalogTabs.sort()).toEqual([...owed].sort());
    }
  });

  it('lays rows out in the form column order with the counts each plan asks for', () => {
    const sizes = (formId: string) =>
      district.workbooks.flatMap((w) => (w.rowsByFormId.has(formId) ? [w.rowsByFormId.get(formId)?.length ?? 0] : []));
    for (const [formId, min, max] of [
      ['tap-huan-2024', 2, 4],
      ['ke-hoach-nho-65-nam', 3, 6],
      ['lien-tich-2022-2023', 6, 15],
      ['30-phut-dang-ky', 1, 1],
      // 27–33 months (one unit stops after 06/2022), 3–5 rows a month or one "Không phát sinh" row.
      ['30-phut-bao-cao', 27 * 3, 33 * 5],
      ['ren-luyen-2014-dang-ky', 8, 15],
      ['ren-luyen-2014-danh-gia', 24, 60],
    ] as const) {
      const counts = sizes(formId);
      expect(counts.length, formId).toBeGreaterThan(0);
      expect(Math.min(...counts), formId).toBeGreaterThanOrEqual(min);
      expect(Math.max(...counts), formId).toBeLessThanOrEqual(max);
    }
    for (const workbook of district.workbooks) {
      for (const [formId, rows] of workbook.rowsByFormId) {
        const width = [...specs, district.issued.spec].find((s) => s.id === formId)?.columns.length;
        expect(rows.every((row) => row.length === width && row.every((cell) => cell !== undefined))).toBe(true);
      }
    }
  });

  it('types values the many ways units do', () => {
    const cells = district.workbooks.flatMap((w) => [...w.rowsByFormId.values()].flat(2));
    expect(cells.some((c) => c instanceof Date)).toBe(true);
    expect(cells.some((c) => typeof c === 'string' && /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(c))).toBe(true);
    expect(cells.some((c) => typeof c === 'string' && c.startsWith('+84 '))).toBe(true);
    expect(cells.some((c) => typeof c === 'number' && /^[35789]\d{8}$/.test(String(c)))).toBe(true);
    expect(cells.some((c) => typeof c === 'string' && c !== c.normalize('NFC'))).toBe(true);
    const abbreviations = specs.flatMap((s) =>
      s.columns.flatMap((c) => c.options ?? []).flatMap((o) => o.aliases.filter((a) => /^[A-ZĐ]{2,}$/.test(a))),
    );
    expect(cells.some((c) => typeof c === 'string' && abbreviations.includes(c))).toBe(true);
    expect(cells.some((c) => typeof c === 'string' && /triệu$|\d đ$/.test(c))).toBe(true);
  });

  it('dates each file by its last send: on time by its main deadline, late up to a week after, missing units never', () => {
    const sent = district.workbooks.filter((w) => w.scenario !== 'missing');
    for (const workbook of district.workbooks) {
      if (workbook.scenario === 'missing') {
        expect(workbook.sentAt).toBeNull();
        expect(workbook.late).toBe(false);
        continue;
      }
      const sentAt = sentBeforeNewPlan(workbook)?.getTime() ?? Number.NaN;
      const due = workbook.dueAt.getTime();
      if (workbook.late) expect(sentAt - due).toBeGreaterThan(0);
      else expect(due - sentAt).toBeGreaterThanOrEqual(0);
      expect(Math.abs(sentAt - due)).toBeLessThan(8 * 86_400_000);
    }
    expect(
      countBy(
        sent.filter((w) => w.late),
        (w) => district.units.find((u) => u.id === w.unitId)?.type ?? '',
      ),
    ).toEqual({ 'lien-doi': 4, 'co-so-doan': 2, 'chi-doan': 3 });
    const duesOf = (type: string) =>
      new Set(
        district.workbooks
          .filter((w) => district.units.find((u) => u.id === w.unitId)?.type === type)
          .map((w) => w.dueAt.toISOString()),
      );
    expect(duesOf('lien-doi')).toEqual(new Set(['2024-09-15T03:00:00.000Z']));
    // The last month each cơ sở Đoàn reported (one stopped after 06/2022) and the last phase each chi đoàn evaluated.
    expect(duesOf('co-so-doan')).toEqual(new Set(['2023-01-05T16:59:59.999Z', '2022-07-05T16:59:59.999Z']));
    expect(
      [...duesOf('chi-doan')].every((d) => ['2014-10-10T16:59:59.999Z', '2014-08-10T16:59:59.999Z'].includes(d)),
    ).toBe(true);
  });

  it('records each planted problem where it is', () => {
    for (const workbook of district.workbooks.filter((w) => w.scenario === 'typos')) {
      expect(workbook.mistakes.length).toBeGreaterThanOrEqual(2);
      // A registration row rejected for a typo also takes its member's evaluations (seed 003: not registered).
      expect(workbook.expectedRejectedRows).toBeGreaterThanOrEqual(workbook.mistakes.length);
      for (const m of workbook.mistakes) {
        const index = specs.find((s) => s.id === m.formId)?.columns.findIndex((c) => c.key === m.columnKey) ?? -1;
        expect(workbook.rowsByFormId.get(m.formId)?.[m.rowIndex]?.[index]).toEqual(m.value);
      }
    }
    const renamed = district.workbooks.find((w) => w.scenario === 'renamed-header');
    expect(renamed?.renamedHeader).toEqual({
      formId: 'tap-huan-2024',
      columnKey: 'soDienThoai',
      from: 'Số điện thoại',
      to: 'Liên lạc',
    });
    expect(renamed?.expectedRejectedRows).toBe(renamed?.rowsByFormId.get('tap-huan-2024')?.length);
    const missingTab = district.workbooks.find((w) => w.scenario === 'missing-tab');
    expect(missingTab?.missingTabFormIds).toEqual(['30-phut-dang-ky']);
    expect(missingTab?.rowsByFormId.has('30-phut-dang-ky')).toBe(false);
    for (const w of district.workbooks.filter((x) => x.scenario === 'missing' || x.scenario === 'corrupt'))
      expect(w.rowsByFormId.size).toBe(0);
  });

  it("breaks seed 003's rules on purpose in the chi đoàn with typos: an unregistered member, one member twice in a phase", () => {
    const chiDoan = district.workbooks.filter(
      (w) => w.scenario === 'typos' && district.units.find((u) => u.id === w.unitId)?.type === 'chi-doan',
    );
    expect(chiDoan).toHaveLength(1);
    const [workbook] = chiDoan as [DemoWorkbook];
    expect(
      workbook.mistakes
        .filter((m) => m.formId === 'ren-luyen-2014-danh-gia' && m.columnKey === 'hoTen' && m.value !== null)
        .map((m) => m.why)
        .sort(),
    ).toEqual(['đánh giá một người chưa đăng ký rèn luyện', 'đánh giá một đoàn viên hai lần trong cùng đợt']);
    const readings = new Map<string, TabReading>();
    for (const spec of specsAsWritten(district, workbook)) {
      const rows: SheetRow[] = (workbook.rowsByFormId.get(spec.id) ?? []).map((cells, i) => ({
        rowNumber: 6 + i,
        cells,
      }));
      readings.set(
        spec.id,
        readFormTab(compileForm(spec), {
          name: spec.tab,
          rows: [{ rowNumber: 5, cells: spec.columns.map((c) => c.header) }, ...rows],
        }),
      );
    }
    const evaluation = applyCrossFormRules(readings, new Map(district.specs.map((s) => [s.id, s]))).get(
      'ren-luyen-2014-danh-gia',
    );
    const messages = evaluation?.reading.rejected.flatMap((r) => r.errors.map((e) => e.message)) ?? [];
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^Dòng \d+, cột Họ và tên đoàn viên: «.+» chưa có trong biểu mẫu «Đăng ký chương trình “Rèn luyện và hành động” của đoàn viên năm 2014» của đơn vị\./,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^Dòng \d+: Họ và tên đoàn viên «.+», Đợt «.+» trùng với dòng \d+ trong cùng kỳ Đợt [IV]+ \(tháng \d+\/2014\); /,
      ),
    );
  });

  it('rejects exactly the expected rows when validated like the sweep does', () => {
    for (const workbook of district.workbooks) {
      const rows = [...workbook.rowsByFormId.values()].reduce((n, r) => n + r.length, 0);
      const { read, rejected } = rejectedRowsOf(district, workbook);
      expect({ unit: workbook.unitId, read, rejected }).toEqual({
        unit: workbook.unitId,
        read: rows,
        rejected: workbook.expectedRejectedRows,
      });
    }
  });
});

describe("buildDemoDistrict: seed 002's weekly story", () => {
  it("in the plan's last four weeks most cơ sở Đoàn meet the 100 % target, and the one planned to miss it does not", () => {
    const spec = specs.find((s) => s.id === '30-phut-bao-cao') as FormSpec;
    const metric = weeklyTargetOf(spec);
    if (!metric) throw new Error('30-phut-bao-cao has no weekly target');
    const submissions = district.workbooks.flatMap((w) => {
      const rows: SheetRow[] = (w.rowsByFormId.get(spec.id) ?? []).map((cells, i) => ({ rowNumber: 6 + i, cells }));
      const reading = readFormTab(compileForm(spec), {
        name: spec.tab,
        rows: [{ rowNumber: 5, cells: spec.columns.map((c) => c.header) }, ...rows],
      });
      return buildSubmissions(spec, w.unitId, reading);
    });
    const coverage = weeklyCoverage({
      district: 'Quận Đoàn 1',
      spec,
      metric,
      units: district.units,
      submissions,
      weekId: '2022-W52',
      now: new Date('2023-01-06T01:00:00Z'),
    });
    const metWeeks = (unitId: string) =>
      coverage.units.find((u) => u.unitId === unitId)?.weeks.filter((c) => c.standing === 'met').length ?? 0;
    const reportingAll = district.workbooks.filter(
      (w) => w.scenario === 'clean' && w.deliveries.some((d) => d.formId === spec.id && d.periodId === '2022-12'),
    );
    const stopped = district.workbooks.filter(
      (w) => w.rowsByFormId.has(spec.id) && !reportingAll.includes(w) && w.scenario === 'clean',
    );
    // The clean ones still reporting in 12/2022 but one meet it at least 3 weeks of 4; the stopped one and the one that misses meet it at most once.
    expect(reportingAll.filter((w) => metWeeks(w.unitId) >= 3).length).toBe(reportingAll.length - 1);
    expect(reportingAll.filter((w) => metWeeks(w.unitId) <= 1)).toHaveLength(1);
    expect(stopped.every((w) => metWeeks(w.unitId) === 0)).toBe(true);
    for (const week of coverage.meetingByWeek)
      expect(week.meeting, week.weekId).toBeGreaterThanOrEqual(week.expected / 2);
  });
});

describe('buildDemoDistrict: the finance desk', () => {
  const fee = 1_900_000;

  it('has every school with valid registrations paid in full but one, which paid for one person fewer', () => {
    const { accounts, owingUnitId, receipts } = district.finance;
    expect(accounts.length).toBeGreaterThan(5);
    expect(accounts.every((a) => a.owed === a.registered * fee)).toBe(true);
    expect(accounts.filter((a) => a.paid < a.owed)).toEqual([
      expect.objectContaining({
        unitId: owingUnitId,
        paid: (accounts.find((a) => a.unitId === owingUnitId)?.registered ?? 0) * fee - fee,
      }),
    ]);
    // One receipt per school, numbers unique, amounts the paid ones.
    expect(receipts.map((r) => r[1])).toEqual(accounts.map((a) => a.paid));
    expect(new Set(receipts.map((r) => r[4])).size).toBe(receipts.length);
  });

  it('picks as the owing school one whose registration was all sent before the 7g30 13/09/2024 notice run', () => {
    const owing = district.workbooks.find((w) => w.unitId === district.finance.owingUnitId);
    const rows = owing?.rowsByFormId.get('tap-huan-2024')?.length ?? 0;
    expect(rows).toBeGreaterThanOrEqual(2);
    expect(
      owing?.sends.some(
        (s) => s.at < new Date('2024-09-13T00:00:00+07:00') && s.rowsByFormId.get('tap-huan-2024')?.length === rows,
      ),
    ).toBe(true);
    expect(district.finance.at < new Date('2024-09-13T07:30:00+07:00')).toBe(true);
  });

  it('is deterministic', () => {
    expect(buildDemoDistrict(specs).finance).toEqual(district.finance);
  });
});

describe("buildDemoDistrict: Hội đồng Đội's books (seed 004's district-run plans)", () => {
  const { books } = district.council;
  /** A book's rows as the sweep reads them: 'Đơn vị' first, then the plan's columns by header. */
  const readBook = (book: (typeof books)[number]) => {
    const form = compileForm(book.spec);
    const byHeader = new Map(book.spec.columns.map((c) => [c.header, c.key]));
    return book.rows.map((row, i) =>
      form.validateRow(
        i + 2,
        Object.fromEntries(book.header.slice(1).map((h, j) => [byHeader.get(h) ?? h, row[j + 1] ?? null])),
      ),
    );
  };

  it('keeps one book per district-run plan, every row naming a Liên đội the plan may name', () => {
    expect(books.map((b) => [b.spec.id, b.spec.filledBy, b.header[0]])).toEqual([
      ['diem-danh-tap-huan-2022-2023', 'district', 'Đơn vị'],
      ['kiem-tra-cong-tac-doi-2022-2023', 'district', 'Đơn vị'],
    ]);
    const schools = district.units.filter((u) => u.type === 'lien-doi').map((u) => u.name);
    for (const book of books) expect(book.rows.every((row) => schools.includes(String(row[0])))).toBe(true);
  });

  it('marks each Tổng phụ trách Đội at each of the 9 monthly trainings, a few absent with a reason', () => {
    const [attendance] = books;
    const outcomes = attendance ? readBook(attendance) : [];
    expect(outcomes).toHaveLength(9 * 20);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const absent = outcomes.filter((o) => o.ok && o.values.diemDanh === 'Vắng');
    expect(absent.length).toBeGreaterThan(5);
    expect(absent.length).toBeLessThan(30);
    expect(absent.every((o) => o.ok && typeof o.values.lyDoVang === 'string')).toBe(true);
  });

  it('inspects each Liên đội once in March or April 2023, its grade following its score', () => {
    const inspection = books[1];
    const outcomes = inspection ? readBook(inspection) : [];
    expect(outcomes).toHaveLength(20);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const grades = new Set(outcomes.map((o) => (o.ok ? o.values.xepLoai : '')));
    expect([...grades].sort()).toEqual(['Khá', 'Trung bình', 'Tốt', 'Xuất sắc'].sort());
    for (const o of outcomes) if (o.ok) expect(String(o.values.ngayKiemTra)).toMatch(/^2023-0[34]-\d\d$/);
  });

  it('is deterministic, and absent when the catalog lacks those plans', () => {
    expect(buildDemoDistrict(specs).council).toEqual(district.council);
    expect(buildDemoDistrict(specs.filter((s) => s.filledBy !== 'district')).council.books).toEqual([]);
  });
});
