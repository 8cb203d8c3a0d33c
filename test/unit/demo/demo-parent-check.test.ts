import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { buildDemoDistrict, DEMO_NOW, DEMO_SETTINGS } from '../../../functions/src/demo/demo-district.js';
import { DEMO_PARENT_CHECK_STRANGER, demoParentCheck } from '../../../functions/src/demo/demo-parent-check.js';
import { foldForMatch } from '../../../functions/src/domain/cells/fold.js';
import { periodsOf } from '../../../functions/src/domain/periods/schedule.js';
import { localizePlan } from '../../../functions/src/domain/plans/district-placeholders.js';
import { checkOwnChildren } from '../../../functions/src/domain/rules/check-own-children.js';
import { specRecords } from '../../../functions/src/domain/plans/plan-records-of-spec.js';
import { expectedUnits } from '../../../functions/src/domain/status/expected-units.js';

const district = buildDemoDistrict((await loadBuiltinForms()).map((form) => localizePlan(form, DEMO_SETTINGS)));
const story = demoParentCheck(district, (spec) => localizePlan(spec, DEMO_SETTINGS));
const [period] = periodsOf(story.spec);

/** The plan the demo's cơ sở Đoàn fill about their chi đoàn ('Cấp trên của Chi đoàn'). */
describe('demoParentCheck', () => {
  it('is a plan parents fill, written to the control as "Cấp trên của Chi đoàn", due after the demo’s now', () => {
    expect(story.spec.filledBy).toBe('parent');
    expect(specRecords(story.spec).form.values.unitTypes).toEqual(['Cấp trên của Chi đoàn']);
    expect(period!.due.getTime()).toBeGreaterThan(DEMO_NOW.getTime());
  });

  it('is sent by every cơ sở Đoàn that owes it, one row per chi đoàn of its own', () => {
    const owing = expectedUnits(story.spec, period!, district.units).map((u) => u.id);
    expect(owing).toHaveLength(2);
    expect(story.sends.map((s) => s.unitId).sort()).toEqual([...owing].sort());
  });

  it('has exactly one row the sweep refuses: the first cơ sở naming a chi đoàn not under it', () => {
    const refused = story.sends.flatMap((send) => {
      const parent = district.units.find((u) => u.id === send.unitId)!;
      const rows = send.rows.map((cells, i) => ({
        rowNumber: i + 4,
        periodId: period!.id,
        values: { chiDoan: String(cells[0]), danhGia: String(cells[1]) },
      }));
      return checkOwnChildren(story.spec, rows, parent, district.units).rejected;
    });
    expect(refused).toHaveLength(1);
    expect(refused[0]!.errors[0]!.message).toContain(`không có đơn vị nào tên '${DEMO_PARENT_CHECK_STRANGER}'`);
  });

  it('names no registered unit in that row, so a cơ sở’s own summary never shows another branch’s name', () => {
    const typed = foldForMatch(DEMO_PARENT_CHECK_STRANGER);
    expect(district.units.filter((u) => typed.includes(foldForMatch(u.name)))).toEqual([]);
  });
});
