import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { localizePlan } from '../../../functions/src/domain/plans/district-placeholders.js';
import { periodsOf } from '../../../functions/src/domain/periods/schedule.js';
import { DEFAULT_CURRENT_DAYS } from '../../../functions/src/domain/summary/current-periods.js';
import { DAY_MS } from '../../../functions/src/domain/time/ict.js';
import { branchUnits, orgTree, subtreeIds } from '../../../functions/src/domain/units/org-tree.js';
import { formTargetsUnit } from '../../../functions/src/domain/units/targets.js';
import { buildDemoDistrict, DEMO_NOW, DEMO_SETTINGS } from '../../../functions/src/demo/demo-district.js';
import { demoBranchReport } from '../../../functions/src/demo/demo-branch-report.js';
import { DEMO_INTAKE_ISSUED_AT } from '../../../functions/src/demo/demo-intake.js';

const district = buildDemoDistrict((await loadBuiltinForms()).map((form) => localizePlan(form, DEMO_SETTINGS)));
const story = demoBranchReport(district, (spec) => localizePlan(spec, DEMO_SETTINGS));
const tree = orgTree(district.units);
const due = periodsOf(story.spec)[0]?.due ?? new Date(0);
const workbookOf = (unitId: string) => district.workbooks.find((w) => w.unitId === unitId);

/** The chi đoàn report the demo plays so that each cơ sở Đoàn's own "Duyệt báo cáo" lists its chi đoàn's reports. */
describe('demoBranchReport', () => {
  it("asks every chi đoàn, and is due close enough to the demo's now to be current in every summary", () => {
    const chiDoan = district.units.filter((u) => u.type === 'chi-doan');
    expect(district.units.filter((u) => formTargetsUnit(story.spec, u, district.units))).toEqual(chiDoan);
    expect(due < DEMO_NOW).toBe(true);
    expect(DEMO_NOW.getTime() - due.getTime()).toBeLessThanOrEqual(DEFAULT_CURRENT_DAYS * DAY_MS);
    // Added to the control after the intake plans, which set the control's time before it.
    expect(story.issuedAt > DEMO_INTAKE_ISSUED_AT && story.issuedAt < due).toBe(true);
  });

  it('has every chi đoàn with a readable file send once, after its own last send and the plan, in time order; the late ones late', () => {
    const readable = district.workbooks
      .filter((w) => district.units.find((u) => u.id === w.unitId)?.type === 'chi-doan')
      .filter((w) => w.sentAt !== null && w.scenario !== 'missing' && w.scenario !== 'corrupt');
    expect(story.sends.map((s) => s.unitId).sort()).toEqual(readable.map((w) => w.unitId).sort());
    for (const send of story.sends) {
      const workbook = workbookOf(send.unitId);
      expect(send.at > story.issuedAt && send.at < DEMO_NOW).toBe(true);
      expect(send.at > (workbook?.sentAt ?? DEMO_NOW)).toBe(true);
      expect(send.at > due).toBe(workbook?.late ?? false);
      expect(send.rows).toHaveLength(1);
    }
    expect(story.sends.map((s) => s.at.getTime())).toEqual(
      story.sends.map((s) => s.at.getTime()).sort((a, b) => a - b),
    );
  });

  it('has each cơ sở Đoàn with chi đoàn approve one on-time report from under it, with more left for it to review', () => {
    const branches = branchUnits(district.units, tree);
    expect(branches.length).toBeGreaterThanOrEqual(2);
    expect(story.decisions.map((d) => d.branchId)).toEqual(branches.map((b) => b.id));
    for (const decision of story.decisions) {
      const members = subtreeIds(tree, decision.branchId);
      const fromUnder = story.sends.filter((s) => s.unitId !== decision.branchId && members.has(s.unitId));
      expect(fromUnder.length).toBeGreaterThanOrEqual(2);
      const send = fromUnder.find((s) => s.unitId === decision.unitId);
      expect(send && send.at <= due && send.at < decision.at).toBe(true);
      expect(story.sends.every((s) => s.at < decision.at) && decision.at < DEMO_NOW).toBe(true);
      expect(decision).toMatchObject({ decision: 'approved', comment: expect.stringMatching(/\S/) });
    }
  });
});
