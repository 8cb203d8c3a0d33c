import type { RawCell } from '../cells/raw-cell.js';
import { isBlankCell } from '../cells/blank.js';
import { displayCell } from '../cells/cell-display.js';
import { periodOfValue, singlePeriodId, UNASSIGNED_PERIOD, type PeriodId } from '../periods/period-id.js';
import { cellParserFor, type CellValue } from './cell-parser.js';
import { columnOptions } from './column-options.js';
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

/** A form compiled once into a row validator (one cell reader per column). */
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
  // One reader per column key, in the columns' order (a repeated key keeps its first place and its last reader).
  const readers = new Map<string, CellReader>();
  for (const column of spec.columns) readers.set(column.key, cellReader(column, spec));
  const headerByKey = new Map(spec.columns.map((c) => [c.key, c.header]));
  const fixedPeriod = singlePeriodId(spec.period);
  const periodReader = periodColumn ? readers.get(periodColumn.key) : undefined;
  // The period column's value was checked against the plan already: here it only names its period.
  const periodIdOf = (cell: ReadCell | undefined): PeriodId => {
    const period = periodOfValue(spec.period, String(cell?.value));
    return period.ok ? period.periodId : UNASSIGNED_PERIOD;
  };

  return {
    spec,
    validateRow(rowNumber, cellsByKey) {
      // Every column is read, so a rejected row lists all its problems, in the columns' order.
      const cells: Record<string, ReadCell | undefined> = {};
      const errors: RowError[] = [];
      for (const [key, read] of readers) {
        const reading = read(cellsByKey[key] ?? null);
        if (reading.ok) cells[key] = reading.cell;
        else
          errors.push({
            column: headerByKey.get(key) ?? key,
            message: `${cellMessage(rowNumber, key, cellsByKey[key], reading.reason)}.`,
          });
      }
      if (errors.length === 0) {
        const periodId = periodColumn ? periodIdOf(cells[periodColumn.key]) : (fixedPeriod ?? UNASSIGNED_PERIOD);
        const notes = cellNotes(cells);
        return { ok: true, rowNumber, periodId, values: withoutBlanks(cells), ...(notes.length > 0 ? { notes } : {}) };
      }
      // A rejected row still belongs to its period when its period cell itself is fine.
      const period = periodColumn && periodReader?.(cellsByKey[periodColumn.key] ?? null);
      const periodId = period
        ? period.ok
          ? periodIdOf(period.cell)
          : UNASSIGNED_PERIOD
        : (fixedPeriod ?? UNASSIGNED_PERIOD);
      return { ok: false, rowNumber, periodId, errors };
    },
    periodOf(rowNumber, cellsByKey) {
      if (!periodColumn || !periodReader) return { ok: true, periodId: fixedPeriod ?? UNASSIGNED_PERIOD };
      const cell = cellsByKey[periodColumn.key] ?? null;
      const period = periodReader(cell);
      if (period.ok) return { ok: true, periodId: periodIdOf(period.cell) };
      return {
        ok: false,
        periodId: UNASSIGNED_PERIOD,
        message: cellMessage(rowNumber, periodColumn.key, cell, period.reason),
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

/** A cell as its column reads it: its value and note (undefined when blank), or why it is refused. */
type CellReading =
  { readonly ok: true; readonly cell: ReadCell | undefined } | { readonly ok: false; readonly reason: string };
type CellReader = (cell: RawCell) => CellReading;

function cellReader(column: ColumnSpec, spec: FormSpec): CellReader {
  const parse = cellParserFor(column, columnOptions(spec, column));
  return (cell) => {
    if (isBlankCell(cell))
      return column.required ? { ok: false, reason: REQUIRED_REASON } : { ok: true, cell: undefined };
    const parsed = parse(cell);
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    if (column.period) {
      const period = periodOfValue(spec.period, String(parsed.value));
      if (!period.ok) return { ok: false, reason: period.reason };
    }
    return { ok: true, cell: { value: parsed.value, note: parsed.note } };
  };
}

function withoutBlanks(cells: Record<string, ReadCell | undefined>): Record<string, CellValue> {
  const kept: Record<string, CellValue> = {};
  for (const [key, cell] of Object.entries(cells)) if (cell !== undefined) kept[key] = cell.value;
  return kept;
}
