import type { FormSpec } from '../forms/form-spec.js';
import { referencedColumn } from '../rules/referenced-values.js';
import { PLAN_COLUMNS_TAB_SPEC, PLAN_FORMS_TAB_SPEC } from './plan-layout.js';
import { planProblem, type PlanProblem } from './plan-problem.js';

/** Problems of plans whose 'Phải có trong' or 'Đủ khi có mọi dòng của' names a plan, or a column of it, that is not in use. */
export function planReferenceProblems(plans: readonly FormSpec[]): PlanProblem[] {
  const byId = new Map(plans.map((p) => [p.id, p]));
  const known = plans.map((p) => p.id).join(', ');
  return plans.flatMap((spec) => {
    const columnProblems = spec.columns.flatMap((column) => {
      const target = column.mustExistIn;
      if (!target) return [];
      const place = { tab: PLAN_COLUMNS_TAB_SPEC.tab, header: 'Phải có trong' };
      const other = byId.get(target.formId);
      if (!other)
        return [
          planProblem(
            place,
            `cột '${column.header}' phải có trong biểu mẫu '${target.formId}', nhưng biểu mẫu này không có hoặc không áp dụng (đang dùng: ${known}).`,
            spec.id,
          ),
        ];
      if (!referencedColumn(other, target.column)) {
        const headers = other.columns.map((c) => `'${c.header}'`).join(', ');
        return [
          planProblem(
            place,
            `biểu mẫu '${target.formId}' không có cột '${target.column}' (các cột: ${headers}).`,
            spec.id,
          ),
        ];
      }
      return [];
    });
    const coverage =
      spec.coverage && !byId.has(spec.coverage.formId)
        ? [
            planProblem(
              { tab: PLAN_FORMS_TAB_SPEC.tab, header: 'Đủ khi có mọi dòng của' },
              `biểu mẫu '${spec.coverage.formId}' không có hoặc không áp dụng.`,
              spec.id,
            ),
          ]
        : [];
    return [...columnProblems, ...coverage];
  });
}
