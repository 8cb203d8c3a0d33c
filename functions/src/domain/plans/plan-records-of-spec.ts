import type { CellValue } from '../forms/cell-parser.js';
import type { ColumnSpec, EnumOption, FormSpec, MetricSpec, PeriodRule } from '../forms/form-spec.js';
import { UNIT_TYPE_LABELS } from '../units/unit.js';
import {
  METRICS_TAB_SPEC,
  OPTION_LISTS_TAB_SPEC,
  PAUSES_TAB_SPEC,
  PHASES_TAB_SPEC,
  PLAN_COLUMNS_TAB_SPEC,
  PLAN_FORMS_TAB_SPEC,
} from './plan-layout.js';
import type { PlanChildRecords, PlanRecord } from './plan-records.js';
import {
  COLUMN_TYPE_NAMES,
  COUNT_SPAN_NAMES,
  DISTRICT_FILLER_NAME,
  FORM_KIND_NAMES,
  METRIC_TYPE_NAMES,
  parentFillerName,
  PERIOD_TYPE_NAMES,
  PLAN_STATUS_NAMES,
  SUBMIT_MODE_NAMES,
} from './plan-vocabulary.js';

/** A spec as plan-tab records (the values a sheet holds once read), the inverse of assemblePlan. */
export interface SpecRecords {
  readonly form: PlanRecord;
  readonly children: PlanChildRecords;
  /** Option lists this spec's columns name, one record per value. */
  readonly options: readonly PlanRecord[];
}

/** Names the option list of an enum column; by default the column's header. */
export type ListNamer = (column: ColumnSpec, spec: FormSpec) => string;

type Values = Record<string, CellValue | undefined>;

/** The plan-tab records of one spec: its "Biểu mẫu" row, column, phase, pause and metric rows, and its option lists. */
export function specRecords(spec: FormSpec, listName: ListNamer = (column) => column.header): SpecRecords {
  const record = (tab: string, values: Values): PlanRecord => ({ tab, rowNumber: 0, values: defined(values) });
  const form = record(PLAN_FORMS_TAB_SPEC.tab, {
    formId: spec.id,
    planNumber: spec.planNumber,
    title: spec.title,
    issuer: spec.issuer,
    kind: FORM_KIND_NAMES[spec.kind],
    tab: spec.tab,
    description: spec.description,
    periodType: PERIOD_TYPE_NAMES[spec.period.type],
    ...periodValues(spec.period),
    unitTypes:
      spec.filledBy === 'parent'
        ? spec.targets.unitTypes.map(parentFillerName)
        : [
            ...(spec.filledBy === 'district' ? [DISTRICT_FILLER_NAME] : []),
            ...spec.targets.unitTypes.map((t) => UNIT_TYPE_LABELS[t]),
          ],
    levels: spec.targets.levels.length > 0 ? spec.targets.levels.join(', ') : undefined,
    clusters: spec.targets.clusters.length > 0 ? spec.targets.clusters.join(', ') : undefined,
    minRows: spec.minRows,
    graceDays: spec.graceDays > 0 ? spec.graceDays : undefined,
    lockDate: spec.lockAfter?.date,
    lockTime: spec.lockAfter?.time,
    eventDate: spec.event?.date,
    eventTime: spec.event?.time,
    reminderDays: spec.notices?.reminderDays,
    escalationDays: spec.notices?.escalationDays,
    enabled: true,
    status: PLAN_STATUS_NAMES.open,
    submitMode: spec.submitMode === 'button' ? SUBMIT_MODE_NAMES.button : undefined,
    coverageOf: spec.coverage?.formId,
    missingLabel: spec.coverage?.missingLabel,
  });
  const hasOwnList = (c: ColumnSpec) =>
    (c.type === 'enum' || c.type === 'multi-enum') &&
    c.options !== undefined &&
    !(c.period && spec.period.type === 'phases');
  const columns = spec.columns.map((c, i) =>
    record(PLAN_COLUMNS_TAB_SPEC.tab, {
      formId: spec.id,
      order: i + 1,
      header: c.header,
      key: c.key,
      aliases: joined(c.aliases),
      type: COLUMN_TYPE_NAMES[c.type],
      required: c.required,
      list: hasOwnList(c) ? listName(c, spec) : undefined,
      min: c.min,
      max: c.max,
      maxLength: c.maxLength,
      help: c.help,
      period: c.period || undefined,
      counter: c.counter || undefined,
      unique: c.unique || undefined,
      uniqueWith: c.uniqueWith
        ? c.uniqueWith.map((key) => spec.columns.find((o) => o.key === key)?.header ?? key).join('; ')
        : undefined,
      mustExistIn: c.mustExistIn ? `${c.mustExistIn.formId}/${c.mustExistIn.column}` : undefined,
      partOf: c.partOf ? (spec.columns.find((o) => o.key === c.partOf)?.header ?? c.partOf) : undefined,
    }),
  );
  const options = spec.columns.filter(hasOwnList).flatMap((c) => listRecords(listName(c, spec), c.options ?? []));
  const phases =
    spec.period.type === 'phases'
      ? spec.period.phases.map((p) =>
          record(PHASES_TAB_SPEC.tab, {
            formId: spec.id,
            name: p.name,
            months: p.months.map(monthText).join(', '),
            theme: p.theme,
            dueDate: p.due.date,
            dueTime: p.due.time,
            aliases: joined(p.aliases),
            phaseId: p.id,
          }),
        )
      : [];
  const pauses =
    'pauses' in spec.period
      ? spec.period.pauses.map((p) =>
          record(PAUSES_TAB_SPEC.tab, { formId: spec.id, name: p.name, from: p.from, to: p.to }),
        )
      : [];
  const metrics = spec.metrics.map((m) => record(METRICS_TAB_SPEC.tab, { formId: spec.id, ...metricValues(m, spec) }));
  return { form, children: { columns, phases, pauses, metrics }, options };
}

/** The records of one option list of "Danh mục lựa chọn". */
export function listRecords(name: string, options: readonly EnumOption[]): PlanRecord[] {
  return options.map((o) => ({
    tab: OPTION_LISTS_TAB_SPEC.tab,
    rowNumber: 0,
    values: defined({ list: name, value: o.value, aliases: joined(o.aliases) }),
  }));
}

function periodValues(period: PeriodRule): Values {
  switch (period.type) {
    case 'once':
      return { dueDate: period.due.date, dueTime: period.due.time };
    case 'school-year':
      return { schoolYear: period.schoolYear, dueDate: period.due.date, dueTime: period.due.time };
    case 'monthly':
      return { fromMonth: period.from, toMonth: period.to, dueDay: period.dueDay };
    case 'weekly':
      return { fromDate: period.from, toDate: period.to, dueAfterDays: period.dueAfterDays };
    case 'phases':
      return {};
  }
}

function metricValues(metric: MetricSpec, spec: FormSpec): Values {
  const header = (key: string) => spec.columns.find((c) => c.key === key)?.header ?? key;
  const base = { metricId: metric.id, label: metric.label, how: METRIC_TYPE_NAMES[metric.type] };
  switch (metric.type) {
    case 'row-count':
      return base;
    case 'sum':
      return { ...base, column: header(metric.column) };
    case 'fee-per-row':
      return { ...base, amount: metric.amount, payByDate: metric.payBy?.date, payByTime: metric.payBy?.time };
    case 'weeks-with-activity':
      return { ...base, column: header(metric.weekColumn), atLeast: metric.minPerWeek };
    case 'participation-rate':
      return { ...base, column: header(metric.column), target: Math.round(metric.target * 1e6) / 1e4 };
    case 'weeks-meeting-target':
      return {
        ...base,
        weekColumn: header(metric.weekColumn),
        column: header(metric.column),
        atLeast: metric.minPerWeek,
        target: Math.round(metric.target * 1e6) / 1e4,
      };
    case 'count-where':
      return {
        ...base,
        column: header(metric.column),
        equals: metric.equals,
        per: COUNT_SPAN_NAMES[metric.per],
        atLeast: metric.atLeast,
      };
    case 'balance':
      return {
        ...base,
        column: header(metric.column),
        against: `${metric.against.formId}/${metric.against.metricId}`,
        payByDate: metric.payBy?.date,
        payByTime: metric.payBy?.time,
        payAt: metric.payAt,
      };
  }
}

/** 'YYYY-MM' as staff write it: '3/2014'. */
export function monthText(month: string): string {
  const [year, m] = month.split('-');
  return `${Number(m)}/${year}`;
}

function joined(items: readonly string[]): string | undefined {
  return items.length > 0 ? items.join('; ') : undefined;
}

function defined(values: Values): Record<string, CellValue> {
  const kept: Record<string, CellValue> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) kept[key] = value;
  return kept;
}
