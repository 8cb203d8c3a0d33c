import { foldForMatch } from '../cells/fold.js';
import { parseVietnameseMonth } from '../cells/month.js';
import type { CellValue } from '../forms/cell-parser.js';
import { COLUMN_TYPES, UNIT_TYPES, type ColumnType, type FormSpecInput } from '../forms/form-spec.js';
import { UNIT_TYPE_LABELS } from '../units/unit.js';
import { columnKeyOf, slugOf } from './column-key.js';
import { PLAN_FORMS_TAB_SPEC } from './plan-layout.js';
import { planProblem, type PlanPlace, type PlanProblem } from './plan-problem.js';
import { splitList, type OptionLists, type PlanChildRecords, type PlanRecord } from './plan-records.js';
import { COLUMN_TYPE_NAMES, COUNT_SPAN_NAMES, FORM_KIND_NAMES, METRIC_TYPE_NAMES, PERIOD_TYPE_NAMES, vocabularyKey, type PeriodType } from './plan-vocabulary.js';

/** A plan's rows turned into a FormSpec input, with where each part came from (to place the schema's own complaints). */
export interface AssembledPlan {
  readonly input: FormSpecInput;
  readonly problems: readonly PlanProblem[];
  /** The sheet place of a FormSpec path such as ['columns', 3, 'type']. */
  readonly locate: (path: readonly PropertyKey[]) => PlanPlace;
}

const HEADERS = new Map(PLAN_FORMS_TAB_SPEC.columns.map((c) => [c.key, c.header]));
const headerOf = (key: string): string => HEADERS.get(key) ?? key;

/** Which "Biểu mẫu" fields each period kind uses; the others must stay blank. */
const PERIOD_FIELDS: Readonly<Record<PeriodType, readonly string[]>> = {
  once: ['dueDate', 'dueTime'],
  'school-year': ['schoolYear', 'dueDate', 'dueTime'],
  monthly: ['fromMonth', 'toMonth', 'dueDay'],
  weekly: ['fromDate', 'toDate', 'dueAfterDays'],
  phases: [],
};
const REQUIRED_PERIOD_FIELDS: Readonly<Record<PeriodType, readonly string[]>> = {
  once: ['dueDate'],
  'school-year': ['schoolYear', 'dueDate'],
  monthly: ['fromMonth', 'toMonth', 'dueDay'],
  weekly: ['fromDate', 'toDate'],
  phases: [],
};
const ALL_PERIOD_FIELDS = [...new Set(Object.values(PERIOD_FIELDS).flat())];

/** Assemble one plan from its "Biểu mẫu" row and its rows in the other tabs; mistakes become problems naming tab, row and column. */
export function assemblePlan(form: PlanRecord, children: PlanChildRecords, lists: OptionLists): AssembledPlan {
  const id = String(form.values.formId);
  const problems: PlanProblem[] = [];
  const at = (record: PlanRecord, header: string | undefined, reason: string) => problems.push(planProblem({ tab: record.tab, row: record.rowNumber || undefined, header }, reason, id));
  const v = form.values;

  for (const key of ['title', 'issuer', 'kind', 'tab', 'periodType']) {
    if (v[key] === undefined) at(form, headerOf(key), `chưa nhập; biểu mẫu '${id}' được định nghĩa ở trang 'Cột biểu mẫu' nên cần cột này.`);
  }
  const periodType = vocabularyKey(PERIOD_TYPE_NAMES, String(v.periodType ?? ''));
  const period = periodType ? periodRule(periodType, form, children, at) : undefined;
  const { columns, columnRows } = assembleColumns(id, children.columns, lists, at);
  const metrics = assembleMetrics(children.metrics, columns, at);

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
    targets: {
      unitTypes: Array.isArray(v.unitTypes) ? v.unitTypes.map((label) => UNIT_TYPES.find((t) => UNIT_TYPE_LABELS[t] === label)) : [...UNIT_TYPES],
      levels: splitList(v.levels, ','),
      clusters: splitList(v.clusters, ','),
    },
    ...(v.minRows !== undefined ? { minRows: v.minRows } : {}),
    metrics,
    ...(v.reminderDays !== undefined || v.escalationDays !== undefined
      ? { notices: { ...(v.reminderDays !== undefined ? { reminderDays: v.reminderDays } : {}), ...(v.escalationDays !== undefined ? { escalationDays: v.escalationDays } : {}) } }
      : {}),
  } as FormSpecInput;
  if (v.lockTime !== undefined && v.lockDate === undefined) at(form, 'Giờ khóa sổ', "có giờ khóa sổ nhưng chưa có ngày ở cột 'Khóa sổ sau'.");

  const locate = (path: readonly PropertyKey[]): PlanPlace => {
    const [first, index, field] = path;
    const row = (records: readonly PlanRecord[], i: unknown, header: string): PlanPlace => {
      const record = typeof i === 'number' ? records[i] : undefined;
      return record ? { tab: record.tab, row: record.rowNumber || undefined, header } : { tab: form.tab, row: form.rowNumber || undefined, header };
    };
    if (first === 'columns' && index === undefined) return { tab: form.tab, row: form.rowNumber || undefined, header: headerOf('periodType') };
    if (first === 'columns') return row(columnRows, index, COLUMN_FIELD_HEADERS[String(field)] ?? 'Tiêu đề cột');
    if (first === 'metrics') return row(children.metrics, index, METRIC_FIELD_HEADERS[String(field)] ?? 'Mã chỉ số');
    if (first === 'period' && index === 'phases') return row(children.phases, field, PHASE_FIELD_HEADERS[String(path[3])] ?? 'Đợt');
    if (first === 'period' && index === 'pauses') return row(children.pauses, field, 'Từ ngày');
    if (first === 'period') return { tab: form.tab, row: form.rowNumber || undefined, header: headerOf(PERIOD_PATH_KEYS[`${periodType}.${String(index)}`] ?? 'periodType') };
    return { tab: form.tab, row: form.rowNumber || undefined, header: headerOf(TOP_PATH_KEYS[String(first)] ?? String(first)) };
  };
  return { input, problems, locate };
}

const COLUMN_FIELD_HEADERS: Readonly<Record<string, string>> = { key: 'Mã cột', header: 'Tiêu đề cột', aliases: 'Tên khác', type: 'Kiểu', required: 'Bắt buộc', options: 'Danh mục', min: 'Nhỏ nhất', max: 'Lớn nhất', maxLength: 'Độ dài tối đa', help: 'Hướng dẫn', period: 'Cột kỳ báo cáo', counter: 'Cột số thứ tự' };
const METRIC_FIELD_HEADERS: Readonly<Record<string, string>> = { id: 'Mã chỉ số', label: 'Tên chỉ số', column: 'Cột', weekColumn: 'Cột', equals: 'Giá trị', atLeast: 'Đạt tối thiểu', minPerWeek: 'Đạt tối thiểu', target: 'Tỉ lệ mục tiêu', amount: 'Số tiền mỗi dòng', payBy: 'Hạn nộp tiền', per: 'Mỗi' };
const PHASE_FIELD_HEADERS: Readonly<Record<string, string>> = { id: 'Mã đợt', name: 'Đợt', months: 'Tháng', theme: 'Chủ đề', aliases: 'Tên khác', due: 'Hạn nộp' };
const TOP_PATH_KEYS: Readonly<Record<string, string>> = { id: 'formId', lockAfter: 'lockDate', targets: 'unitTypes', notices: 'reminderDays' };
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

type At = (record: PlanRecord, header: string | undefined, reason: string) => void;

function deadline(date: CellValue | undefined, time: CellValue | undefined): { date: string; time?: string } {
  return { date: String(date), ...(time !== undefined ? { time: String(time) } : {}) };
}

function periodRule(type: PeriodType, form: PlanRecord, children: PlanChildRecords, at: At): FormSpecInput['period'] | undefined {
  const v = form.values;
  const name = PERIOD_TYPE_NAMES[type];
  let complete = true;
  for (const key of REQUIRED_PERIOD_FIELDS[type]) {
    if (v[key] === undefined) {
      at(form, headerOf(key), `chưa nhập; biểu mẫu kỳ '${name}' cần cột này.`);
      complete = false;
    }
  }
  for (const key of ALL_PERIOD_FIELDS) {
    if (v[key] !== undefined && !PERIOD_FIELDS[type].includes(key)) at(form, headerOf(key), `biểu mẫu kỳ '${name}' không dùng cột này; hãy xóa ô này hoặc đổi 'Kỳ báo cáo'.`);
  }
  if (type !== 'phases') for (const phase of children.phases) at(phase, 'Mã biểu mẫu', `biểu mẫu '${String(v.formId)}' có kỳ '${name}', không phải 'Theo đợt', nên không có đợt.`);
  if (type !== 'monthly' && type !== 'weekly') for (const pause of children.pauses) at(pause, 'Mã biểu mẫu', `biểu mẫu '${String(v.formId)}' có kỳ '${name}'; chỉ báo cáo Hằng tháng hoặc Hằng tuần có thời gian tạm nghỉ.`);
  if (!complete) return undefined;
  const pauses = children.pauses.map((p) => ({ name: p.values.name, from: p.values.from, to: p.values.to }));
  switch (type) {
    case 'once':
      return { type, due: deadline(v.dueDate, v.dueTime) };
    case 'school-year': {
      const schoolYear = schoolYearOf(String(v.schoolYear));
      if (!schoolYear) at(form, 'Năm học', `'${String(v.schoolYear)}' không phải năm học (cần hai năm liền nhau, ví dụ 2024-2025).`);
      return schoolYear ? { type, schoolYear, due: deadline(v.dueDate, v.dueTime) } : undefined;
    }
    case 'monthly':
      return { type, from: String(v.fromMonth), to: String(v.toMonth), dueDay: Number(v.dueDay), pauses } as FormSpecInput['period'];
    case 'weekly':
      return { type, from: String(v.fromDate), to: String(v.toDate), ...(v.dueAfterDays !== undefined ? { dueAfterDays: Number(v.dueAfterDays) } : {}), pauses } as FormSpecInput['period'];
    case 'phases': {
      if (children.phases.length === 0) at(form, 'Kỳ báo cáo', `biểu mẫu theo đợt nhưng trang 'Đợt' chưa có đợt nào của '${String(v.formId)}'.`);
      const phases = children.phases.map((p) => phaseOf(p, at));
      return phases.length > 0 && phases.every((p) => p !== undefined) ? { type, phases } : undefined;
    }
  }
}

function schoolYearOf(text: string): string | undefined {
  const m = /^(\d{4})\s*[-–—/]\s*(\d{4})$/.exec(text.trim());
  return m && Number(m[2]) === Number(m[1]) + 1 ? `${m[1]}-${m[2]}` : undefined;
}

function phaseOf(record: PlanRecord, at: At) {
  const v = record.values;
  const months: string[] = [];
  for (const piece of splitList(v.months, ',').flatMap((p) => splitList(p, ';'))) {
    const month = parseVietnameseMonth(piece);
    if (month.ok) months.push(month.value);
    else at(record, 'Tháng', `'${piece}' ${month.reason}.`);
  }
  if (months.length !== splitList(v.months, ',').flatMap((p) => splitList(p, ';')).length) return undefined;
  const name = String(v.name);
  return {
    id: v.phaseId !== undefined ? String(v.phaseId) : slugOf(name),
    name,
    months,
    ...(v.theme !== undefined ? { theme: String(v.theme) } : {}),
    aliases: splitList(v.aliases, ';'),
    due: deadline(v.dueDate, v.dueTime),
  };
}

function assembleColumns(id: string, records: readonly PlanRecord[], lists: OptionLists, at: At) {
  const sorted = [...records].sort((a, b) => Number(a.values.order) - Number(b.values.order));
  const orders = new Set<number>();
  const keys = new Set(sorted.flatMap((r) => (r.values.key !== undefined ? [String(r.values.key)] : [])));
  const columns = sorted.map((record) => {
    const v = record.values;
    const order = Number(v.order);
    if (orders.has(order)) at(record, 'Thứ tự', `thứ tự ${order} đã dùng cho một cột khác của biểu mẫu '${id}'.`);
    orders.add(order);
    const type = vocabularyKey(COLUMN_TYPE_NAMES, String(v.type)) as ColumnType;
    const header = String(v.header);
    return {
      key: v.key !== undefined ? String(v.key) : uniqueKey(columnKeyOf(header), keys),
      header,
      aliases: splitList(v.aliases, ';'),
      type: COLUMN_TYPES.includes(type) ? type : 'text',
      required: v.required === true,
      ...optionsOf(record, type, lists, at),
      ...(v.min !== undefined ? { min: Number(v.min) } : {}),
      ...(v.max !== undefined ? { max: Number(v.max) } : {}),
      ...(v.maxLength !== undefined ? { maxLength: Number(v.maxLength) } : {}),
      ...(v.help !== undefined ? { help: String(v.help) } : {}),
      period: v.period === true,
      counter: v.counter === true,
    };
  });
  return { columns, columnRows: sorted };
}

function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
  taken.add(key);
  return key;
}

function optionsOf(record: PlanRecord, type: ColumnType, lists: OptionLists, at: At) {
  const name = record.values.list;
  if (name === undefined) return {};
  if (type !== 'enum' && type !== 'multi-enum') {
    at(record, 'Danh mục', `chỉ cột kiểu '${COLUMN_TYPE_NAMES.enum}' hoặc '${COLUMN_TYPE_NAMES['multi-enum']}' dùng danh mục; hãy xóa ô này hoặc đổi 'Kiểu'.`);
    return {};
  }
  const list = lists.get(foldForMatch(String(name)));
  if (!list) {
    const known = [...lists.values()].map((l) => `'${l.name}'`).join(', ');
    at(record, 'Danh mục', `danh mục '${String(name)}' không có trong trang 'Danh mục lựa chọn'${known ? ` (hiện có: ${known})` : ''}.`);
    return {};
  }
  if (list.broken) at(record, 'Danh mục', `danh mục '${list.name}' có dòng bị lỗi ở trang 'Danh mục lựa chọn'; sửa dòng đó trước.`);
  return { options: list.options.map((o) => ({ value: o.value, aliases: [...o.aliases] })) };
}

type ColumnLike = { key: string; header: string; aliases: string[]; options?: { value: string; aliases: string[] }[] };

function assembleMetrics(records: readonly PlanRecord[], columns: readonly ColumnLike[], at: At) {
  const ids = new Set<string>();
  return records.map((record) => {
    const v = record.values;
    const metricId = String(v.metricId);
    if (ids.has(metricId)) at(record, 'Mã chỉ số', `mã chỉ số '${metricId}' đã dùng cho một chỉ số khác của biểu mẫu này.`);
    ids.add(metricId);
    const type = vocabularyKey(METRIC_TYPE_NAMES, String(v.how));
    const base = { type, id: metricId, label: v.label };
    const need = (key: string, header: string): boolean => {
      if (v[key] !== undefined) return true;
      at(record, header, `chưa nhập; cách tính '${String(v.how)}' cần cột này.`);
      return false;
    };
    const column = (): ColumnLike | undefined => {
      if (!need('column', 'Cột')) return undefined;
      const wanted = foldForMatch(String(v.column));
      const found = columns.find((c) => c.key === String(v.column) || [c.header, ...c.aliases].some((h) => foldForMatch(h) === wanted));
      if (!found) at(record, 'Cột', `biểu mẫu không có cột '${String(v.column)}' (các cột: ${columns.map((c) => `'${c.header}'`).join(', ')}).`);
      return found;
    };
    switch (type) {
      case 'row-count':
        return base;
      case 'sum':
        return { ...base, column: column()?.key };
      case 'fee-per-row':
        return need('amount', 'Số tiền mỗi dòng') ? { ...base, amount: v.amount, ...(v.payByDate !== undefined ? { payBy: deadline(v.payByDate, v.payByTime) } : {}) } : base;
      case 'weeks-with-activity':
        return { ...base, weekColumn: column()?.key, ...(v.atLeast !== undefined ? { minPerWeek: v.atLeast } : {}) };
      case 'participation-rate':
        return { ...base, column: column()?.key, ...(v.target !== undefined ? { target: Math.round(Number(v.target) * 1e4) / 1e6 } : {}) };
      case 'count-where': {
        const found = column();
        if (!need('equals', 'Giá trị')) return base;
        const equals = found?.options?.find((o) => [o.value, ...o.aliases].some((n) => foldForMatch(n) === foldForMatch(String(v.equals))))?.value ?? String(v.equals);
        const per = vocabularyKey(COUNT_SPAN_NAMES, String(v.per ?? ''));
        return { ...base, column: found?.key, equals, ...(v.atLeast !== undefined ? { atLeast: v.atLeast } : {}), ...(per ? { per } : {}) };
      }
      default:
        return base;
    }
  });
}
