import { z } from 'zod';
import type { RawCell } from '../cells/raw-cell.js';
import { isBlankCell } from '../cells/blank.js';
import { displayCell } from '../cells/cell-display.js';
import { periodOfValue, singlePeriodId, UNASSIGNED_PERIOD, type PeriodId } from '../periods/period-id.js';
import { cellParserFor, type CellValue } from './cell-parser.js';
import { columnOptions } from './column-options.js';
import { partsOverTotals } from './column-parts.js';
import type { ColumnSpec, FormSpec } from './form-spec.js';

/** A row that passed validation: normalized values by column key (blank optional cells omitted). */
export interface ValidRow {
  readonly rowNumber: number;
  readonly periodId: PeriodId;
  readonly values: Readonly<Record<string, CellValue>>;
  /** What was taken from cells the parsers had to interpret, by column header; absent when there is none. */
  readonly notes?: readonly CellNote[];
}

/** A Vietnamese note on one cell of a valid row, e.g. { column: 'Số điện thoại', note: 'đã hiểu SĐT là 0983 018 027' }. */
export interface CellNote {
  readonly column: string;
  readonly note: string;
}

/** A cell's value as the row schema yields it, with the parser's note. */
interface ReadCell {
  readonly value: CellValue;
  readonly note?: string | undefined;
}

/** One problem of a row, in Vietnamese, naming the row and (when it is about one cell) the column. */
export interface RowError {
  readonly column?: string;
  readonly message: string;
}

/** Why a row was not accepted (the tab reader adds the raw cells). */
export interface RowRejection {
  readonly rowNumber: number;
  readonly periodId: PeriodId;
  readonly errors: readonly RowError[];
}

export type RowOutcome = ({ readonly ok: true } & ValidRow) | ({ readonly ok: false } & RowRejection);

/** A form compiled once into a row validator (a zod schema built from its columns). */
export interface CompiledForm {
  readonly spec: FormSpec;
  /** Validate one row given its cells by column key; the period comes from the period column or the form's single period. */
  validateRow(rowNumber: number, cellsByKey: Readonly<Record<string, RawCell>>): RowOutcome;
  /** Only the period of a row (for rows that hold no data, like a "Không phát sinh" declaration). */
  periodOf(
    rowNumber: number,
    cellsByKey: Readonly<Record<string, RawCell>>,
  ): { ok: true; periodId: PeriodId } | { ok: false; periodId: PeriodId; message: string };
}

const REQUIRED_REASON = 'chưa nhập (cột bắt buộc)';

/** Compile a form spec into a row validator. */
export function compileForm(spec: FormSpec): CompiledForm {
  const periodColumn = spec.columns.find((c) => c.period);
  const shape: Record<string, z.ZodType> = {};
  for (const column of spec.columns) shape[column.key] = columnSchema(column, spec);
  const rowSchema = z.object(shape);
  const headerByKey = new Map(spec.columns.map((c) => [c.key, c.header]));
  const fixedPeriod = singlePeriodId(spec.period);
  const hasParts = spec.columns.some((c) => c.partOf !== undefined);
  const periodSchema = periodColumn ? shape[periodColumn.key] : undefined;
  // The period column's value was checked against the plan already: here it only names its period.
  const periodIdOf = (cell: ReadCell | undefined): PeriodId => {
    const period = periodOfValue(spec.period, String(cell?.value));
    return period.ok ? period.periodId : UNASSIGNED_PERIOD;
  };

  return {
    spec,
    validateRow(rowNumber, cellsByKey) {
      // Every column key present: zod reports a missing key differently from a blank cell.
      const input: Record<string, RawCell> = {};
      for (const column of spec.columns) input[column.key] = cellsByKey[column.key] ?? null;
      const result = rowSchema.safeParse(input);
      if (result.success) {
        const cells = result.data as Record<string, ReadCell | undefined>;
        const periodId = periodColumn ? periodIdOf(cells[periodColumn.key]) : (fixedPeriod ?? UNASSIGNED_PERIOD);
        const values = withoutBlanks(cells);
        // Each cell is fine alone; the row's parts must still fit their totals (Đã nộp đủ ≤ Phải nộp).
        const over = hasParts ? partsOverTotals(spec, rowNumber, values) : [];
        if (over.length > 0) return { ok: false, rowNumber, periodId, errors: over };
        const notes = cellNotes(cells);
        return { ok: true, rowNumber, periodId, values, ...(notes.length > 0 ? { notes } : {}) };
      }
      const errors = result.error.issues.map((issue): RowError => {
        const key = String(issue.path[0]);
        return {
          column: headerByKey.get(key) ?? key,
          message: `${cellMessage(rowNumber, key, cellsByKey[key], issue.message)}.`,
        };
      });
      // A rejected row still belongs to its period when its period cell itself is fine.
      const period = periodColumn && periodSchema?.safeParse(cellsByKey[periodColumn.key]);
      const periodId = period
        ? period.success
          ? periodIdOf(period.data as ReadCell | undefined)
          : UNASSIGNED_PERIOD
        : (fixedPeriod ?? UNASSIGNED_PERIOD);
      return { ok: false, rowNumber, periodId, errors };
    },
    periodOf(rowNumber, cellsByKey) {
      if (!periodColumn || !periodSchema) return { ok: true, periodId: fixedPeriod ?? UNASSIGNED_PERIOD };
      const cell = cellsByKey[periodColumn.key] ?? null;
      const period = periodSchema.safeParse(cell);
      if (period.success) return { ok: true, periodId: periodIdOf(period.data as ReadCell | undefined) };
      return {
        ok: false,
        periodId: UNASSIGNED_PERIOD,
        message: cellMessage(rowNumber, periodColumn.key, cell, period.error.issues[0]?.message ?? ''),
      };
    },
  };

  function cellMessage(rowNumber: number, key: string, cell: RawCell, reason: string): string {
    const header = headerByKey.get(key) ?? key;
    const quoted = reason === REQUIRED_REASON ? '' : ` '${displayCell(cell)}'`;
    return `Dòng ${rowNumber}, cột '${header}':${quoted} ${reason}`;
  }

  function cellNotes(cells: Record<string, ReadCell | undefined>): CellNote[] {
    return spec.columns.flatMap((column) => {
      const note = cells[column.key]?.note;
      return note === undefined ? [] : [{ column: column.header, note }];
    });
  }
}

function columnSchema(column: ColumnSpec, spec: FormSpec): z.ZodType {
  const parse = cellParserFor(column, columnOptions(spec, column));
  return z
    .custom<RawCell>(() => true)
    .transform((cell, ctx): ReadCell | undefined => {
      if (isBlankCell(cell)) {
        if (column.required) ctx.addIssue({ code: 'custom', message: REQUIRED_REASON });
        return undefined;
      }
      const parsed = parse(cell);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.reason });
        return z.NEVER;
      }
      if (column.period) {
        const period = periodOfValue(spec.period, String(parsed.value));
        if (!period.ok) {
          ctx.addIssue({ code: 'custom', message: period.reason });
          return z.NEVER;
        }
      }
      return { value: parsed.value, note: parsed.note };
    });
}

function withoutBlanks(cells: Record<string, ReadCell | undefined>): Record<string, CellValue> {
  const kept: Record<string, CellValue> = {};
  for (const [key, cell] of Object.entries(cells)) if (cell !== undefined) kept[key] = cell.value;
  return kept;
}
