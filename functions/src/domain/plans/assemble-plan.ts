import type { FormSpecInput } from '../forms/form-spec.js';
import { UNIT_TYPES } from '../forms/form-spec.js';
import { childUnitColumn, childUnitHeaders } from '../units/parent-filled.js';
import { UNIT_TYPE_LABELS } from '../units/unit.js';
import { assembleColumns } from './assemble-columns.js';
import { assembleMetrics } from './assemble-metrics.js';
import { coverageOf } from './assemble-rules.js';
import { deadline, periodRule } from './assemble-period.js';
import { planFormHeader } from './plan-layout.js';
import { planProblem, type PlanPlace, type PlanProblem } from './plan-problem.js';
import { splitList, type OptionLists, type PlanChildRecords, type PlanRecord } from './plan-records.js';
import {
  DISTRICT_FILLER_NAME,
  FORM_KIND_NAMES,
  parentFillerType,
  PERIOD_TYPE_NAMES,
  SUBMIT_MODE_NAMES,
  vocabularyKey,
} from './plan-vocabulary.js';

/** A plan's rows turned into a FormSpec input, with where each part came from (to place the schema's own complaints). */
export interface AssembledPlan {
  readonly input: FormSpecInput;
  readonly problems: readonly PlanProblem[];
  /** The sheet place of a FormSpec path such as ['columns', 3, 'type']. */
  readonly locate: (path: readonly PropertyKey[]) => PlanPlace;
}

const headerOf = planFormHeader;

/** Assemble one plan from its "Biểu mẫu" row and its rows in the other tabs; mistakes become problems naming tab, row and column. */
export function assemblePlan(form: PlanRecord, children: PlanChildRecords, lists: OptionLists): AssembledPlan {
  const id = String(form.values.formId);
  const problems: PlanProblem[] = [];
  const at = (record: PlanRecord, header: string | undefined, reason: string) =>
    problems.push(planProblem({ tab: record.tab, row: record.rowNumber || undefined, header }, reason, id));
  const v = form.values;

  for (const key of ['title', 'issuer', 'kind', 'tab', 'periodType']) {
    if (v[key] === undefined)
      at(form, headerOf(key), `chưa nhập; biểu mẫu '${id}' được định nghĩa ở trang 'Cột biểu mẫu' nên cần cột này.`);
  }
  const periodType = vocabularyKey(PERIOD_TYPE_NAMES, String(v.periodType ?? ''));
  const period = periodType ? periodRule(periodType, form, children, at) : undefined;
  const { columns, columnRows } = assembleColumns(id, children.columns, lists, at);
  const metrics = assembleMetrics(children.metrics, columns, at);
  const targetNames = Array.isArray(v.unitTypes) ? v.unitTypes.map(String) : [];
  // 'Quận Đoàn' among the targets: the district fills the form; the other types (all when none) are the units its rows may name.
  const byDistrict = targetNames.includes(DISTRICT_FILLER_NAME);
  // 'Cấp trên của Chi đoàn': each parent of a chi đoàn fills it about its own; the chi đoàn are the units its rows name.
  const childTypes = targetNames.flatMap((name) => {
    const type = parentFillerType(name);
    return type ? [type] : [];
  });
  const byParent = childTypes.length > 0;
  const unitTypeNames = targetNames.filter((name) => name !== DISTRICT_FILLER_NAME && !parentFillerType(name));
  if (byParent && (byDistrict || unitTypeNames.length > 0))
    at(
      form,
      headerOf('unitTypes'),
      `'${targetNames.find((name) => parentFillerType(name))}' không ghi chung với loại đơn vị khác hay '${DISTRICT_FILLER_NAME}'; biểu mẫu do cấp trên nhập chỉ ghi 'Cấp trên của …' ở cột này.`,
    );

  const input = {
    id,
    ...(v.planNumber !== undefined ? { planNumber: String(v.planNumber) } : {}),
    title: v.title,
    issuer: v.issuer,
    kind: vocabularyKey(FORM_KIND_NAMES, String(v.kind ?? '')),
    tab: v.tab,
    ...(v.description !== undefined ? { description: String(v.description) } : {}),
    columns,
    period,
    ...(v.graceDays !== undefined ? { graceDays: v.graceDays } : {}),
    ...(v.lockDate !== undefined ? { lockAfter: deadline(v.lockDate, v.lockTime) } : {}),
    ...(v.eventDate !== undefined ? { event: deadline(v.eventDate, v.eventTime) } : {}),
    targets: {
      unitTypes: byParent
        ? childTypes
        : unitTypeNames.length > 0
          ? unitTypeNames.map((label) => UNIT_TYPES.find((t) => UNIT_TYPE_LABELS[t] === label))
          : [...UNIT_TYPES],
      levels: splitList(v.levels, ','),
      clusters: splitList(v.clusters, ','),
    },
    ...(byDistrict ? { filledBy: 'district' } : byParent ? { filledBy: 'parent' } : {}),
    ...(v.minRows !== undefined ? { minRows: v.minRows } : {}),
    metrics,
    ...coverageOf(form, at),
    // 'Tự động' is the default and stays implicit, so a plan's version does not change by naming it.
    ...(vocabularyKey(SUBMIT_MODE_NAMES, String(v.submitMode ?? '')) === 'button' ? { submitMode: 'button' } : {}),
    ...(v.reminderDays !== undefined || v.escalationDays !== undefined
      ? {
          notices: {
            ...(v.reminderDays !== undefined ? { reminderDays: v.reminderDays } : {}),
            ...(v.escalationDays !== undefined ? { escalationDays: v.escalationDays } : {}),
          },
        }
      : {}),
  } as FormSpecInput;
  if (byParent && Array.isArray(columns) && !childUnitColumn({ targets: { unitTypes: childTypes }, columns }))
    at(
      form,
      headerOf('unitTypes'),
      `biểu mẫu do cấp trên nhập cần một cột ghi tên đơn vị của mỗi dòng, tiêu đề là một trong '${childUnitHeaders({ targets: { unitTypes: childTypes } }).join("', '")}'; hãy thêm cột ở trang 'Cột biểu mẫu'.`,
    );
  if (v.lockTime !== undefined && v.lockDate === undefined)
    at(form, 'Giờ khóa sổ', "có giờ khóa sổ nhưng chưa có ngày ở cột 'Khóa sổ sau'.");
  if (v.eventTime !== undefined && v.eventDate === undefined)
    at(form, 'Giờ diễn ra', "có giờ diễn ra nhưng chưa có ngày ở cột 'Ngày diễn ra'.");

  const locate = (path: readonly PropertyKey[]): PlanPlace => {
    const [first, index, field] = path;
    const row = (records: readonly PlanRecord[], i: unknown, header: string): PlanPlace => {
      const record = typeof i === 'number' ? records[i] : undefined;
      return record
        ? { tab: record.tab, row: record.rowNumber || undefined, header }
        : { tab: form.tab, row: form.rowNumber || undefined, header };
    };
    if (first === 'columns' && index === undefined)
      return { tab: form.tab, row: form.rowNumber || undefined, header: headerOf('periodType') };
    if (first === 'columns') return row(columnRows, index, COLUMN_FIELD_HEADERS[String(field)] ?? 'Tiêu đề cột');
    if (first === 'metrics') return row(children.metrics, index, METRIC_FIELD_HEADERS[String(field)] ?? 'Mã chỉ số');
    if (first === 'period' && index === 'phases')
      return row(children.phases, field, PHASE_FIELD_HEADERS[String(path[3])] ?? 'Đợt');
    if (first === 'period' && index === 'pauses') return row(children.pauses, field, 'Từ ngày');
    if (first === 'period')
      return {
        tab: form.tab,
        row: form.rowNumber || undefined,
        header: headerOf(PERIOD_PATH_KEYS[`${periodType}.${String(index)}`] ?? 'periodType'),
      };
    return {
      tab: form.tab,
      row: form.rowNumber || undefined,
      header: headerOf(TOP_PATH_KEYS[String(first)] ?? String(first)),
    };
  };
  return { input, problems, locate };
}

const COLUMN_FIELD_HEADERS: Readonly<Record<string, string>> = {
  key: 'Mã cột',
  header: 'Tiêu đề cột',
  aliases: 'Tên khác',
  type: 'Kiểu',
  required: 'Bắt buộc',
  options: 'Danh mục',
  min: 'Nhỏ nhất',
  max: 'Lớn nhất',
  maxLength: 'Độ dài tối đa',
  help: 'Hướng dẫn',
  period: 'Cột kỳ báo cáo',
  counter: 'Cột số thứ tự',
  unique: 'Không trùng',
  uniqueWith: 'Không trùng cùng',
  mustExistIn: 'Phải có trong',
  partOf: 'Là phần của',
};
const METRIC_FIELD_HEADERS: Readonly<Record<string, string>> = {
  id: 'Mã chỉ số',
  label: 'Tên chỉ số',
  column: 'Cột',
  weekColumn: 'Cột',
  equals: 'Giá trị',
  atLeast: 'Đạt tối thiểu',
  minPerWeek: 'Đạt tối thiểu',
  target: 'Tỉ lệ mục tiêu',
  amount: 'Số tiền mỗi dòng',
  payBy: 'Hạn nộp tiền',
  per: 'Mỗi',
  against: 'Đối chiếu với',
  payAt: 'Nơi nộp tiền',
};
const PHASE_FIELD_HEADERS: Readonly<Record<string, string>> = {
  id: 'Mã đợt',
  name: 'Đợt',
  months: 'Tháng',
  theme: 'Chủ đề',
  aliases: 'Tên khác',
  due: 'Hạn nộp',
};
const TOP_PATH_KEYS: Readonly<Record<string, string>> = {
  coverage: 'coverageOf',
  id: 'formId',
  lockAfter: 'lockDate',
  event: 'eventDate',
  targets: 'unitTypes',
  notices: 'reminderDays',
};
const PERIOD_PATH_KEYS: Readonly<Record<string, string>> = {
  'monthly.from': 'fromMonth',
  'monthly.to': 'toMonth',
  'weekly.from': 'fromDate',
  'weekly.to': 'toDate',
  'monthly.dueDay': 'dueDay',
  'weekly.dueAfterDays': 'dueAfterDays',
  'once.due': 'dueDate',
  'school-year.due': 'dueDate',
  'school-year.schoolYear': 'schoolYear',
};
