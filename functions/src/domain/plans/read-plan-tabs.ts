import { formSpecSchema, type FormSpec } from '../forms/form-spec.js';
import type { SheetTab } from '../forms/read-form-tab.js';
import { foldForMatch } from '../cells/fold.js';
import { assemblePlan } from './assemble-plan.js';
import { planReferenceProblems } from './check-plan-references.js';
import { PLAN_FORMS_TAB_SPEC } from './plan-layout.js';
import { planProblem, type PlanProblem } from './plan-problem.js';
import {
  readPlanRecords,
  splitList,
  type ChildTab,
  type OptionList,
  type PlanChildRecords,
  type PlanRecord,
} from './plan-records.js';
import { specRecords } from './plan-records-of-spec.js';
import { specIssueReason } from './spec-issue-text.js';
import { PLAN_STATUS_NAMES } from './plan-vocabulary.js';
import { planReviewSetting, type PlanReviewSetting } from './plan-review-setting.js';

/** The plans a control workbook defines, which are closed or off, and every mistake found (in Vietnamese). */
export interface PlanReading {
  /** Plans in use (built-in ones with the district's changes, and the district's own), closed ones included. */
  readonly plans: readonly FormSpec[];
  /** Plans marked 'Đã đóng': their data stays, reminders stop. */
  readonly closed: ReadonlySet<string>;
  /** Plans with 'Áp dụng' = 'Không': not used at all. */
  readonly off: ReadonlySet<string>;
  /** Plans left out because of a mistake in their rows (each mistake is in problems). */
  readonly skipped: ReadonlySet<string>;
  readonly problems: readonly PlanProblem[];
  /** Plans whose "Biểu mẫu" row sets 'Cần duyệt' or 'Tính nộp đủ theo' (plans in use only). */
  readonly review?: ReadonlyMap<string, PlanReviewSetting>;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CHILD_TABS: readonly ChildTab[] = ['columns', 'phases', 'pauses', 'metrics'];
const NO_CHILDREN: PlanChildRecords = { columns: [], phases: [], pauses: [], metrics: [] };

/**
 * Read the plan tabs of the control workbook into form specs. A plan with rows in "Cột biểu mẫu"
 * is defined by the sheet; a built-in plan (from `base`) takes the cells a district filled in its
 * "Biểu mẫu" row, and any child tab that has rows for it replaces that part. A plan with a mistake
 * is skipped and the others go on.
 */
export function readPlanTabs(tabs: readonly SheetTab[], base: readonly FormSpec[] = []): PlanReading {
  const records = readPlanRecords(tabs);
  const problems: PlanProblem[] = [...records.problems];
  const baseById = new Map(base.map((spec) => [spec.id, spec]));
  const formById = new Map(records.forms.map((form) => [String(form.values.formId), form]));
  const plans: FormSpec[] = [];
  const closed = new Set<string>();
  const off = new Set<string>();
  const skipped = new Set<string>(records.broken);
  const review = new Map<string, PlanReviewSetting>();

  for (const [id, group] of records.children) {
    if (formById.has(id) || baseById.has(id) || records.broken.has(id)) continue;
    for (const tab of CHILD_TABS) {
      for (const record of group[tab])
        problems.push(
          planProblem(
            { tab: record.tab, row: record.rowNumber, header: 'Mã biểu mẫu' },
            `biểu mẫu '${id}' không có trong trang '${PLAN_FORMS_TAB_SPEC.tab}'; hãy thêm một dòng cho biểu mẫu này hoặc sửa mã.`,
            id,
          ),
        );
    }
  }

  const ids = [...new Set([...formById.keys(), ...baseById.keys()])];
  for (const id of ids) {
    if (records.broken.has(id)) continue;
    const row = formById.get(id);
    const children = records.children.get(id) ?? NO_CHILDREN;
    const baseSpec = baseById.get(id);
    if (!row && baseSpec && CHILD_TABS.every((tab) => children[tab].length === 0)) {
      plans.push(baseSpec);
      continue;
    }
    const source =
      row && children.columns.length > 0
        ? { form: row, children, lists: records.lists }
        : baseSpec
          ? overlay(baseSpec, row, children, records.lists)
          : undefined;
    if (row && !SLUG.test(id)) {
      problems.push(
        planProblem(
          { tab: row.tab, row: row.rowNumber, header: 'Mã biểu mẫu' },
          `mã '${id}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ tap-huan-2024.`,
          id,
        ),
      );
      skipped.add(id);
      continue;
    }
    const enabled = row?.values.enabled !== false;
    if (!enabled) off.add(id);
    if (!source) {
      const known = base.map((s) => s.id).join(', ');
      problems.push(
        planProblem(
          { tab: PLAN_FORMS_TAB_SPEC.tab, row: row?.rowNumber, header: 'Mã biểu mẫu' },
          known
            ? `biểu mẫu '${id}' không có cột nào ở trang 'Cột biểu mẫu' và không phải biểu mẫu có sẵn (${known}); hãy thêm các cột của biểu mẫu hoặc sửa mã.`
            : `biểu mẫu '${id}' không có cột nào ở trang 'Cột biểu mẫu'; hãy thêm các cột của biểu mẫu, hoặc chép biểu mẫu mẫu vào bảng điều khiển bằng lệnh: npx tonghop plans add ${id}`,
          id,
        ),
      );
      skipped.add(id);
      continue;
    }
    const spec = checkedSpec(id, source.form, source.children, source.lists, problems);
    if (!spec) {
      skipped.add(id);
      continue;
    }
    if (!enabled) continue;
    plans.push(spec);
    const reviewSetting = row ? planReviewSetting(row) : {};
    if (reviewSetting.problem) problems.push(reviewSetting.problem);
    if (reviewSetting.setting) review.set(id, reviewSetting.setting);
    if (source.form.values.status === PLAN_STATUS_NAMES.closed) closed.add(id);
  }
  // A reference to a plan not in use would reject every row: the referring plan waits until it is fixed.
  const referenceProblems = planReferenceProblems(plans);
  problems.push(...referenceProblems);
  const broken = new Set(referenceProblems.flatMap((p) => (p.formId ? [p.formId] : [])));
  for (const id of broken) skipped.add(id);
  const usable = plans.filter((p) => !broken.has(p.id));
  for (const id of skipped) {
    const row = formById.get(id);
    if (row?.values.enabled === false) continue;
    problems.push(
      planProblem(
        { tab: PLAN_FORMS_TAB_SPEC.tab, row: row?.rowNumber },
        `biểu mẫu '${id}' chưa được áp dụng vì các lỗi ở trên; các biểu mẫu khác vẫn được tổng hợp.`,
        id,
      ),
    );
  }
  for (const id of broken) review.delete(id);
  return { plans: usable, closed, off, skipped, problems, review };
}

/** Assemble and check one plan; its problems are added, and undefined returned, when it has any. */
function checkedSpec(
  id: string,
  form: PlanRecord,
  children: PlanChildRecords,
  lists: ReadonlyMap<string, OptionList>,
  problems: PlanProblem[],
): FormSpec | undefined {
  const assembled = assemblePlan(form, children, lists);
  problems.push(...assembled.problems);
  const parsed = formSpecSchema.safeParse(assembled.input);
  if (parsed.success) return assembled.problems.length === 0 ? parsed.data : undefined;
  const said = new Set(assembled.problems.map(placeKey));
  const columnHeader = (key: string) =>
    (assembled.input.columns as { key: string; header: string }[]).find((c) => c.key === key)?.header ?? key;
  for (const issue of parsed.error.issues) {
    const problem = planProblem(assembled.locate(issue.path), specIssueReason(issue, columnHeader), id);
    if (said.has(placeKey(problem))) continue;
    said.add(placeKey(problem));
    problems.push(problem);
  }
  return undefined;
}

function placeKey(p: PlanProblem): string {
  return `${p.tab}|${p.row ?? ''}|${p.header ?? ''}`;
}

/** A built-in plan under the district's "Biểu mẫu" row (filled cells win) and its child rows (a tab with rows wins). */
function overlay(
  spec: FormSpec,
  row: PlanRecord | undefined,
  children: PlanChildRecords,
  sheetLists: ReadonlyMap<string, OptionList>,
) {
  const own = specRecords(spec);
  const values = { ...own.form.values, ...(row?.values ?? {}) };
  // A new date alone means the end of that day, not the built-in's hour on the new date.
  if (row?.values.dueDate !== undefined && row.values.dueTime === undefined) delete values.dueTime;
  const form: PlanRecord = { tab: PLAN_FORMS_TAB_SPEC.tab, rowNumber: row?.rowNumber ?? 0, values };
  const merged = Object.fromEntries(
    CHILD_TABS.map((tab) => [tab, children[tab].length > 0 ? children[tab] : own.children[tab]]),
  ) as unknown as PlanChildRecords;
  // Columns from the sheet name the sheet's lists; the built-in's columns carry their own.
  if (children.columns.length > 0) return { form, children: merged, lists: sheetLists };
  const lists = new Map<string, OptionList>();
  for (const record of own.options) {
    const name = String(record.values.list);
    const list = lists.get(foldForMatch(name)) ?? { name, options: [], broken: false };
    lists.set(foldForMatch(name), {
      ...list,
      options: [
        ...list.options,
        { value: String(record.values.value), aliases: splitList(record.values.aliases, ';') },
      ],
    });
  }
  return { form, children: merged, lists };
}
