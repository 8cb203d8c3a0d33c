import type { z } from 'zod';
import { foldForMatch } from '../cells/fold.js';
import { columnTypeBehaviour } from './column-types.js';
import type { ColumnType, FormSpecShape, PeriodRule } from './form-spec.js';

/** The column type a period rule reads its period from. */
const PERIOD_COLUMN_TYPE: Partial<Record<PeriodRule['type'], ColumnType>> = {
  monthly: 'month',
  weekly: 'date',
  phases: 'enum',
};

/** Cross-field checks of a form spec: a spec that passes can accept rows. */
export function checkFormSpec(spec: FormSpecShape, ctx: z.RefinementCtx): void {
  const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
  checkColumns(spec, issue);
  checkPeriod(spec, issue);
  checkMetrics(spec, issue);
  checkCrossFormRules(spec, issue);
  checkParts(spec, issue);
}

type Issue = (message: string, path: (string | number)[]) => void;

function checkColumns(spec: FormSpecShape, issue: Issue): void {
  const keys = new Set<string>();
  const owners = new Map<string, string>();
  for (const [i, column] of spec.columns.entries()) {
    if (keys.has(column.key)) issue(`duplicate column key ${column.key}`, ['columns', i]);
    keys.add(column.key);
    // Headers are matched without case or accents: two columns must not fold to the same name.
    for (const name of [column.header, ...column.aliases]) {
      const folded = foldForMatch(name);
      const owner = owners.get(folded);
      if (owner !== undefined && owner !== column.key)
        issue(`header or alias "${name}" cannot be told apart from one of column ${owner}`, ['columns', i]);
      owners.set(folded, column.key);
    }
    const isPhasesPeriod = column.period && spec.period.type === 'phases';
    if (columnTypeBehaviour(column.type).choosesOption && !isPhasesPeriod && (column.options?.length ?? 0) === 0) {
      issue('enum columns need options', ['columns', i, 'options']);
    }
  }
}

function checkPeriod(spec: FormSpecShape, issue: Issue): void {
  const rule = spec.period;
  const periodColumns = spec.columns.filter((c) => c.period);
  const wanted = PERIOD_COLUMN_TYPE[rule.type];
  if (wanted === undefined && periodColumns.length > 0) issue(`a ${rule.type} form has no period column`, ['columns']);
  if (wanted !== undefined) {
    if (periodColumns.length !== 1)
      issue(`a ${rule.type} form needs exactly one column with period: true`, ['columns']);
    for (const column of periodColumns) {
      if (column.type !== wanted)
        issue(`the period column of a ${rule.type} form must be of type ${wanted}`, [
          'columns',
          spec.columns.indexOf(column),
          'type',
        ]);
      if (!column.required)
        issue('the period column must be required', ['columns', spec.columns.indexOf(column), 'required']);
    }
  }
  if ((rule.type === 'monthly' || rule.type === 'weekly') && rule.from > rule.to)
    issue(`period starts (${rule.from}) after it ends (${rule.to})`, ['period', 'from']);
  if (rule.type === 'phases') {
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const [i, phase] of rule.phases.entries()) {
      if (ids.has(phase.id)) issue(`duplicate phase id ${phase.id}`, ['period', 'phases', i, 'id']);
      if (names.has(foldForMatch(phase.name)))
        issue(`duplicate phase name ${phase.name}`, ['period', 'phases', i, 'name']);
      ids.add(phase.id);
      names.add(foldForMatch(phase.name));
    }
  }
}

function checkMetrics(spec: FormSpecShape, issue: Issue): void {
  const byKey = new Map(spec.columns.map((c) => [c.key, c]));
  for (const [i, metric] of spec.metrics.entries()) {
    const keys = [
      ...('weekColumn' in metric ? [metric.weekColumn] : []),
      ...('column' in metric ? [metric.column] : []),
    ];
    const unknown = keys.find((key) => !byKey.has(key));
    if (unknown !== undefined) {
      issue(`metric ${metric.id} names unknown column ${unknown}`, ['metrics', i]);
      continue;
    }
    const key = keys[0];
    const column = key === undefined ? undefined : byKey.get(key);
    if (!column) continue;
    if (metric.type === 'count-where' && column.options && !column.options.some((o) => o.value === metric.equals)) {
      issue(`metric ${metric.id} counts "${metric.equals}", which is not an option of column ${key}`, [
        'metrics',
        i,
        'equals',
      ]);
    }
  }
}

function checkCrossFormRules(spec: FormSpecShape, issue: Issue): void {
  const keys = new Set(spec.columns.map((c) => c.key));
  for (const [i, column] of spec.columns.entries()) {
    for (const key of column.uniqueWith ?? []) {
      if (!keys.has(key) || key === column.key)
        issue(`column ${column.key} is unique together with unknown column ${key}`, ['columns', i, 'uniqueWith']);
    }
    if (column.mustExistIn?.formId === spec.id)
      issue(`column ${column.key} cannot reference its own form`, ['columns', i, 'mustExistIn']);
  }
  if (spec.coverage && !spec.columns.some((c) => c.mustExistIn?.formId === spec.coverage?.formId)) {
    issue(`coverage of form ${spec.coverage.formId} needs a column whose mustExistIn names that form`, ['coverage']);
  }
}

/** The column types a 'partOf' column and its total may have: numbers that add up. */
const ADDABLE_TYPES: readonly ColumnType[] = ['int', 'decimal', 'money'];

function checkParts(spec: FormSpecShape, issue: Issue): void {
  const byKey = new Map(spec.columns.map((c) => [c.key, c]));
  for (const [i, column] of spec.columns.entries()) {
    if (column.partOf === undefined) continue;
    const total = byKey.get(column.partOf);
    if (!total || total.key === column.key)
      issue(`column ${column.key} is part of unknown column ${column.partOf}`, ['columns', i, 'partOf']);
    else if (!ADDABLE_TYPES.includes(column.type) || !ADDABLE_TYPES.includes(total.type))
      issue(`column ${column.key} and the column it is part of must both be numbers`, ['columns', i, 'partOf']);
  }
}
