import type { CellParse, RawCell } from '../cells/raw-cell.js';
import { columnTypeBehaviour } from './column-types.js';
import type { ColumnSpec, EnumOption } from './form-spec.js';

/** A normalized cell value as stored in Firestore. */
export type CellValue = string | number | boolean | readonly string[];

export type CellParser = (cell: RawCell) => CellParse<CellValue>;

/** The parser for one column, chosen once when the form is compiled. */
export function cellParserFor(column: ColumnSpec, options: readonly EnumOption[] = column.options ?? []): CellParser {
  const { parse } = columnTypeBehaviour(column.type);
  return (cell) => parse(cell, column, options);
}
