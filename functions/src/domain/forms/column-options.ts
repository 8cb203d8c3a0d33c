import { phaseOptions } from '../periods/period-id.js';
import type { ColumnSpec, EnumOption, FormSpec } from './form-spec.js';

/** The options a column's cells choose from: its own, or the phases of a phases form's period column. */
export function columnOptions(spec: FormSpec, column: ColumnSpec): EnumOption[] {
  return column.period && spec.period.type === 'phases' ? phaseOptions(spec.period) : (column.options ?? []);
}
