import { describe, expect, it } from 'vitest';
import type { ValidRow } from '../../../functions/src/domain/forms/compile-form.js';
import { periodsOf } from '../../../functions/src/domain/periods/schedule.js';
import { planVersion } from '../../../functions/src/domain/plans/plan-version.js';
import { planRows, planSheetTabs } from '../../../functions/src/domain/plans/plan-rows.js';
import { specRecords } from '../../../functions/src/domain/plans/plan-records-of-spec.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import { checkOwnChildren } from '../../../functions/src/domain/rules/check-own-children.js';
import { expectedUnits } from '../../../functions/src/domain/status/expected-units.js';
import { formsForUnit, targetedChildren } from '../../../functions/src/domain/units/targets.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { planTab } from '../plans/plan-sheet-fixture.js';
import { financePlans } from '../finance/finance-plans.js';
import { PARENT_PLAN_ROWS, PARENT_UNITS, parentPlan } from './parent-plans.js';

const plan = parentPlan();
const [period] = periodsOf(plan);
const byId = (id: string) => PARENT_UNITS.find((u) => u.id === id) as Unit;
const withForm = (values: Record<string, string>) => ({
  ...PARENT_PLAN_ROWS,
  'Biểu mẫu': PARENT_PLAN_ROWS['Biểu mẫu']!.map((row) => ({ ...row, ...values })),
});
const problemsOf = (rows: typeof PARENT_PLAN_ROWS) =>
  readPlanTabs(Object.entries(rows).map(([name, tabRows]) => planTab(name, tabRows))).problems.map((p) => p.message);

describe("'Đối tượng' = 'Cấp trên của Chi đoàn'", () => {
  it('is read whatever the case or Unicode form: filled by parents, about chi đoàn', () => {
    expect(plan.filledBy).toBe('parent');
    expect(plan.targets.unitTypes).toEqual(['chi-doan']);
  });

  it('comes back from its plan rows deeply equal, with the same version', () => {
    expect(specRecords(plan).form.values.unitTypes).toEqual(['Cấp trên của Chi đoàn']);
    const reading = readPlanTabs(planSheetTabs(planRows(plan)));
    expect(reading.problems).toEqual([]);
    expect(reading.plans).toEqual([plan]);
    expect(planVersion(reading.plans[0]!)).toBe(planVersion(plan));
  });

  it('leaves a plan the units fill, or the district fills, as it was: no filledBy, or district', () => {
    const { registration, receipts } = financePlans();
    expect(registration.filledBy).toBeUndefined();
    expect(receipts.filledBy).toBe('district');
  });

  it('refuses to be mixed with a unit type or the district office, naming the column', () => {
    for (const typed of ['Chi đoàn, Cấp trên của Chi đoàn', 'Quận Đoàn, Cấp trên của Chi đoàn'])
      expect(problemsOf(withForm({ 'Đối tượng': typed })).join('\n')).toContain(
        "'Cấp trên của Chi đoàn' không ghi chung với loại đơn vị khác",
      );
  });

  it('needs a column naming each row’s unit', () => {
    const rows = {
      ...PARENT_PLAN_ROWS,
      'Cột biểu mẫu': PARENT_PLAN_ROWS['Cột biểu mẫu']!.map((c) =>
        c['Tiêu đề cột'] === 'Chi đoàn' ? { ...c, 'Tiêu đề cột': 'Tên lớp' } : c,
      ),
    };
    expect(problemsOf(rows).join('\n')).toContain('cần một cột ghi tên đơn vị của mỗi dòng');
  });
});

describe('who owes a plan parents fill', () => {
  it('each parent with a chi đoàn, not the chi đoàn, not a cơ sở without any, not a Liên đội', () => {
    expect(expectedUnits(plan, period!, PARENT_UNITS).map((u) => u.id)).toEqual(['truong-an-lac', 'truong-binh-tay']);
    for (const id of ['cd-10a1-an-lac', 'phuong-5', 'ld-minh-duc'])
      expect(formsForUnit([plan], byId(id), PARENT_UNITS)).toEqual([]);
    expect(formsForUnit([plan], byId('truong-an-lac'), PARENT_UNITS)).toEqual([plan]);
  });

  it('a parent whose chi đoàn all closed before the period owes nothing for it', () => {
    const closed = PARENT_UNITS.map((u) => (u.parent === 'truong-binh-tay' ? { ...u, activeTo: '2024-01-31' } : u));
    expect(expectedUnits(plan, period!, closed).map((u) => u.id)).toEqual(['truong-an-lac']);
  });

  it('a registry that gained a chi đoàn since it was last asked about gives the new one too', () => {
    const registry = PARENT_UNITS.filter((u) => u.id !== 'truong-an-lac' && u.parent !== 'truong-an-lac');
    expect(formsForUnit([plan], byId('phuong-5'), registry)).toEqual([]);
    registry.push({ ...byId('cd-10a1-an-lac'), id: 'cd-kp1-phuong-5', name: 'Chi đoàn Khu phố 1', parent: 'phuong-5' });
    expect(targetedChildren(plan, byId('phuong-5'), registry).map((u) => u.id)).toEqual(['cd-kp1-phuong-5']);
    expect(formsForUnit([plan], byId('phuong-5'), registry)).toEqual([plan]);
  });

  it('a shard of the registry still knows its parents’ chi đoàn through the registry', () => {
    const parents = PARENT_UNITS.filter((u) => u.type === 'co-so-doan');
    expect(expectedUnits(plan, period!, parents).map((u) => u.id)).toEqual([]);
    expect(expectedUnits(plan, period!, parents, PARENT_UNITS).map((u) => u.id)).toEqual([
      'truong-an-lac',
      'truong-binh-tay',
    ]);
  });
});

describe('a parent’s rows name its own chi đoàn only', () => {
  const row = (rowNumber: number, chiDoan: string): ValidRow => ({
    rowNumber,
    periodId: period!.id,
    values: { chiDoan, xepLoai: 'Vững mạnh' },
  });
  const key = plan.columns[0]!.key;
  const rows = [
    row(5, 'chi doan 10a1 an lac'),
    row(6, 'Chi đoàn 10B1 Bình Tây'),
    row(7, 'Chi đoàn 11A2 An Lạc'),
    row(8, 'Chi đoàn 9Z'),
  ].map((r) => ({ ...r, values: { [key]: r.values.chiDoan!, xepLoai: 'Vững mạnh' } }));
  const checked = checkOwnChildren(plan, rows, byId('truong-an-lac'), PARENT_UNITS);

  it('accepts its own, under their registered names', () => {
    expect(checked.valid.map((r) => [r.rowNumber, r.values[key]])).toEqual([
      [5, 'Chi đoàn 10A1 An Lạc'],
      [7, 'Chi đoàn 11A2 An Lạc'],
    ]);
  });

  it('rejects another cơ sở’s chi đoàn and an unknown name, naming row and column', () => {
    const messages = checked.rejected.map((r) => [r.rowNumber, r.errors.map((e) => e.message).join(' ')]);
    expect(messages).toHaveLength(2);
    expect(messages[0]![0]).toBe(6);
    expect(messages[0]![1]).toContain(
      "Dòng 6, cột 'Chi đoàn': 'Chi đoàn 10B1 Bình Tây' không thuộc đơn vị Đoàn trường THPT An Lạc",
    );
    expect(messages[1]![1]).toContain("Dòng 8, cột 'Chi đoàn': không có đơn vị nào tên 'Chi đoàn 9Z'");
    // The rejected row keeps the name as typed.
    expect(checked.rejected[0]!.cells['Chi đoàn']).toBe('Chi đoàn 10B1 Bình Tây');
  });
});
