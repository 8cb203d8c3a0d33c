import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { localizePlan } from '../../../functions/src/domain/plans/district-placeholders.js';
import { periodsOf } from '../../../functions/src/domain/periods/schedule.js';
import { sharedSourceId } from '../../../functions/src/domain/shared/shared-source.js';
import { routeSharedRows } from '../../../functions/src/domain/shared/route-shared-rows.js';
import { formTargetsUnit } from '../../../functions/src/domain/units/targets.js';
import { buildDemoDistrict, DEMO_NOW, DEMO_SETTINGS } from '../../../functions/src/demo/demo-district.js';
import { planReplayRounds } from '../../../functions/src/demo/replay-demo-history.js';
import { demoIntake, SHARED_BOOK_FILE, SHARED_BOOK_TAB } from '../../../functions/src/demo/demo-intake.js';

const district = buildDemoDistrict((await loadBuiltinForms()).map((form) => localizePlan(form, DEMO_SETTINGS)));
const intake = demoIntake(district, (spec) => localizePlan(spec, DEMO_SETTINGS));

/** The demo's issue-14 stories are drawn from the district: these are what `npm start` relies on. */
describe('demoIntake', () => {
  it('"Bấm nộp": a clean cơ sở Đoàn submits after the replayed history and edits before the demo\'s now; the draft has one more row', () => {
    const { explicit } = intake;
    expect(explicit.spec.submitMode).toBe('button');
    const unit = district.units.find((u) => u.id === explicit.unitId);
    expect(unit?.type).toBe('co-so-doan');
    expect(unit && formTargetsUnit(explicit.spec, unit, district.units)).toBe(true);
    expect(district.workbooks.find((w) => w.unitId === explicit.unitId)?.scenario).toBe('clean');
    // Its one extra sweep comes after every replayed day, so no sweep of the history runs later than it.
    const lastRound = planReplayRounds(district).at(-1);
    expect(lastRound && explicit.submittedAt > lastRound.sweepAt).toBe(true);
    expect(explicit.submittedAt < explicit.editedAt && explicit.editedAt < DEMO_NOW).toBe(true);
    expect(explicit.draftRows.slice(0, explicit.submittedRows.length)).toEqual(explicit.submittedRows);
    expect(explicit.draftRows).toHaveLength(explicit.submittedRows.length + 1);
    // Still open at the demo's now: no overdue mail for the cơ sở Đoàn that have not sent it.
    expect(periodsOf(explicit.spec).every((p) => p.due > DEMO_NOW)).toBe(true);
  });

  it('shared link: every targeted school registers on time, each row routes to one school, one names a school the district lacks', () => {
    const { shared } = intake;
    const source = {
      id: sharedSourceId(shared.spec.id),
      formId: shared.spec.id,
      file: SHARED_BOOK_FILE,
      tab: SHARED_BOOK_TAB,
      unitColumn: 'Đơn vị',
      timeColumn: 'Dấu thời gian',
      rowNumber: 2,
    };
    const tab = {
      name: SHARED_BOOK_TAB,
      rows: [shared.header, ...shared.rows].map((cells, i) => ({ rowNumber: i + 1, cells: [...cells] })),
    };
    const routing = routeSharedRows(tab, source, shared.spec, district.units);
    expect(routing.units.map((u) => u.unit.id).sort()).toEqual([...shared.unitIds].sort());
    expect(routing.rejected).toHaveLength(1);
    expect(routing.rejected[0]?.message).toContain(`không có đơn vị nào tên '${shared.strangerName}'; tên gần nhất: `);
    expect(district.units.some((u) => u.name === shared.strangerName)).toBe(false);
    expect(shared.unitIds.length).toBeGreaterThanOrEqual(2);
    expect(district.units.filter((u) => formTargetsUnit(shared.spec, u, district.units)).map((u) => u.id)).toEqual(
      shared.unitIds,
    );
    const due = periodsOf(shared.spec)[0]?.due ?? new Date(0);
    expect(shared.lastAnswerAt <= due && due < DEMO_NOW).toBe(true);
    expect(intake.issuedAt < shared.lastAnswerAt).toBe(true);
  });
});
