import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { planRows, plansRows, planSheetTabs } from '../../../functions/src/domain/plans/plan-rows.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import { planVersion } from '../../../functions/src/domain/plans/plan-version.js';

const builtins = await loadBuiltinForms();

describe('plan tabs round trip: planRows → sheet → readPlanTabs', () => {
  it('holds the seven built-in forms', () => {
    expect(builtins.map((s) => s.id)).toHaveLength(7);
  });

  it.each(builtins.map((spec) => [spec.id, spec] as const))('%s comes back deeply equal', (_id, spec) => {
    const reading = readPlanTabs(planSheetTabs(planRows(spec)));
    expect(reading.problems).toEqual([]);
    expect(reading.plans).toEqual([spec]);
    expect(planVersion(reading.plans[0]!)).toBe(planVersion(spec));
  });

  it('all seven in one set of tabs come back, option lists shared or renamed', () => {
    const tabs = plansRows(builtins);
    const reading = readPlanTabs(planSheetTabs(tabs));
    expect(reading.problems).toEqual([]);
    expect([...reading.plans].sort((a, b) => a.id.localeCompare(b.id))).toEqual(builtins);
    const lists = tabs.find((t) => t.tab === 'Danh mục lựa chọn')!.rows.map((r) => r[0]);
    // Each list's values are written once, even when two plans name the same list.
    expect(lists.filter((name) => name === 'Kết quả rèn luyện')).toHaveLength(4);
  });
});
