/**
 * What one cell holds and how the Sheets API turns it into JSON: input options (RAW,
 * USER_ENTERED), render options (FORMATTED_VALUE, UNFORMATTED_VALUE, FORMULA) and date serials.
 */

export type CellScalar = string | number | boolean;
/** A formula and, when known, what it evaluates to (the stand-in computes nothing). */
export interface FormulaCell {
  readonly formula: string;
  readonly value?: CellScalar;
}
export type StoredCell = CellScalar | FormulaCell;

/** A cell as tests seed or type it: a Date becomes a date serial with a date format, null leaves the cell alone. */
export type SeedCell = CellScalar | Date | FormulaCell | null;

export const NUMBER_FORMAT_TYPES = [
  'TEXT',
  'NUMBER',
  'PERCENT',
  'CURRENCY',
  'DATE',
  'TIME',
  'DATE_TIME',
  'SCIENTIFIC',
] as const;
export type NumberFormatType = (typeof NUMBER_FORMAT_TYPES)[number];
export interface NumberFormat {
  readonly type: NumberFormatType;
  readonly pattern?: string;
}

export const VALUE_RENDER_OPTIONS = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] as const;
export type ValueRenderOption = (typeof VALUE_RENDER_OPTIONS)[number];
export const DATE_TIME_RENDER_OPTIONS = ['SERIAL_NUMBER', 'FORMATTED_STRING'] as const;
export type DateTimeRenderOption = (typeof DATE_TIME_RENDER_OPTIONS)[number];
export const VALUE_INPUT_OPTIONS = ['RAW', 'USER_ENTERED'] as const;
export type ValueInputOption = (typeof VALUE_INPUT_OPTIONS)[number];

export interface RenderOptions {
  readonly valueRenderOption: ValueRenderOption;
  readonly dateTimeRenderOption: DateTimeRenderOption;
}

/** What a formula shows when the stand-in has no value for it (it evaluates nothing). */
export const UNKNOWN_FORMULA_VALUE = '#NAME?';

const MS_PER_DAY = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

export function isFormula(cell: StoredCell): cell is FormulaCell {
  return typeof cell === 'object';
}

/** Sheets' date serial (days since 1899-12-30, time as the fraction), reading the Date's UTC fields as the wall clock. */
export function serialNumberOf(date: Date): number {
  return (date.getTime() - SERIAL_EPOCH) / MS_PER_DAY;
}

/** The format Google gives a typed date: a plain date at midnight, a date-time otherwise. */
export function dateFormatOf(date: Date): NumberFormat {
  return date.getTime() % MS_PER_DAY === 0
    ? { type: 'DATE', pattern: 'dd/mm/yyyy' }
    : { type: 'DATE_TIME', pattern: 'dd/mm/yyyy hh:mm:ss' };
}

export function isDateFormat(format: NumberFormat | undefined): boolean {
  return format?.type === 'DATE' || format?.type === 'TIME' || format?.type === 'DATE_TIME';
}

/** A serial in the vi_VN shapes (dd/mm/yyyy, HH:MM:SS); the stored pattern's details are not interpreted. */
export function formatSerial(serial: number, type: NumberFormatType): string {
  const at = new Date(Math.round(SERIAL_EPOCH + serial * MS_PER_DAY));
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${two(at.getUTCDate())}/${two(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`;
  const time = `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`;
  return type === 'DATE' ? date : type === 'TIME' ? time : `${date} ${time}`;
}

/** A seed value as stored, with the number format it brings; undefined for null (nothing to store). */
export function seedCell(value: SeedCell): { cell: StoredCell; format?: NumberFormat } | undefined {
  if (value === null) return undefined;
  if (value instanceof Date) return { cell: serialNumberOf(value), format: dateFormatOf(value) };
  return { cell: value };
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A value from `values:batchUpdate` as stored; undefined when the cell is to be cleared ("").
 * RAW keeps strings verbatim; USER_ENTERED parses them as a person typing would.
 */
export function storedFromInput(input: CellScalar, option: ValueInputOption): StoredCell | undefined {
  if (input === '') return undefined;
  if (typeof input !== 'string' || option === 'RAW') return input;
  if (input.startsWith("'")) return input.slice(1);
  if (input.startsWith('=') && input.length > 1) return { formula: input };
  const trimmed = input.trim();
  if (NUMERIC.test(trimmed)) return Number(trimmed);
  if (/^true$/i.test(trimmed)) return true;
  if (/^false$/i.test(trimmed)) return false;
  return input;
}

/** A cell as `values:batchGet` returns it under the given render options. */
export function renderCell(cell: StoredCell, format: NumberFormat | undefined, options: RenderOptions): CellScalar {
  if (isFormula(cell)) {
    if (options.valueRenderOption === 'FORMULA') return cell.formula;
    return renderCell(cell.value ?? UNKNOWN_FORMULA_VALUE, format, options);
  }
  if (options.valueRenderOption === 'FORMATTED_VALUE') return formattedValue(cell, format);
  if (typeof cell === 'number' && isDateFormat(format) && options.dateTimeRenderOption === 'FORMATTED_STRING') {
    return formatSerial(cell, format?.type ?? 'DATE');
  }
  return cell;
}

/** What a person sees in the cell. Numbers are not grouped or localised: String(n). */
export function formattedValue(cell: CellScalar, format: NumberFormat | undefined): string {
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number' && isDateFormat(format)) return formatSerial(cell, format?.type ?? 'DATE');
  return String(cell);
}

/** The `ExtendedValue` Sheets uses in grid data and `updateCells`. */
export type ExtendedValue =
  | { readonly stringValue: string }
  | { readonly numberValue: number }
  | { readonly boolValue: boolean }
  | { readonly formulaValue: string }
  | { readonly errorValue: { readonly type: string; readonly message: string } };

export function extendedValueOf(value: CellScalar): ExtendedValue {
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return { stringValue: value };
}

/** The userEnteredValue and effectiveValue of a stored cell, for `includeGridData`. */
export function gridValuesOf(cell: StoredCell): { userEnteredValue: ExtendedValue; effectiveValue: ExtendedValue } {
  if (!isFormula(cell)) return { userEnteredValue: extendedValueOf(cell), effectiveValue: extendedValueOf(cell) };
  const effectiveValue: ExtendedValue =
    cell.value === undefined
      ? { errorValue: { type: 'NAME', message: 'The stand-in does not evaluate formulas.' } }
      : extendedValueOf(cell.value);
  return { userEnteredValue: { formulaValue: cell.formula }, effectiveValue };
}

/** What `updateCells` / `repeatCell` store for a userEnteredValue; undefined clears the cell. Strings stay strings, as with RAW. */
export function storedFromExtended(value: unknown): StoredCell | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.formulaValue === 'string') return { formula: v.formulaValue };
  if (typeof v.numberValue === 'number') return v.numberValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (typeof v.stringValue === 'string') return v.stringValue === '' ? undefined : v.stringValue;
  return undefined;
}
