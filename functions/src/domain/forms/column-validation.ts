import type { ColumnSpec } from './form-spec.js';

/**
 * The check a spreadsheet applies while a unit types, in a shape neither exceljs nor the
 * Sheets API owns: each writer translates it. Every rule only warns, since the sweep's
 * parser accepts more than a spreadsheet rule can say (aliases, several choices, '25 người').
 */
export type ColumnValidation =
  | { readonly kind: 'none' }
  /** A dropdown; `inline` values are short fixed words that fit in the rule itself (no commas). */
  | { readonly kind: 'list'; readonly values: readonly string[]; readonly inline: boolean; readonly prompt?: string }
  /** A number between optional bounds, with the Vietnamese message shown when it is not. */
  | {
      readonly kind: 'number';
      readonly whole: boolean;
      readonly min?: number;
      readonly max?: number;
      readonly message: string;
    };

export const NO_VALIDATION: ColumnValidation = { kind: 'none' };

/** A dropdown of a column's options, or no rule when it has none. */
export function optionListValidation(values: readonly string[], prompt: string): ColumnValidation {
  return values.length === 0 ? NO_VALIDATION : { kind: 'list', values, inline: false, prompt };
}

/** A number rule from the column's min/max, or no rule when it has neither. */
export function numberValidation(column: ColumnSpec, whole: boolean): ColumnValidation {
  const { min, max } = column;
  if (min === undefined && max === undefined) return NO_VALIDATION;
  const range =
    min !== undefined && max !== undefined
      ? ` từ ${min} đến ${max}`
      : min !== undefined
        ? ` từ ${min} trở lên`
        : ` không quá ${max ?? 0}`;
  const message = `Cột '${column.header}' cần ${whole ? 'số nguyên' : 'số'}${range}.`;
  return {
    kind: 'number',
    whole,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    message,
  };
}
