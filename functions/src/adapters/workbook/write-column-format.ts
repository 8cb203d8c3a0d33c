import type ExcelJS from 'exceljs';
import { columnWidth } from '../../domain/forms/column-presentation.js';
import { columnTypeBehaviour } from '../../domain/forms/column-types.js';
import type { ColumnSpec, FormSpec } from '../../domain/forms/form-spec.js';

/** Give a sheet column the width and number format of a form column (see domain/forms/column-types.ts). */
export function formatSheetColumn(sheetColumn: ExcelJS.Column, spec: FormSpec, column: ColumnSpec): void {
  sheetColumn.width = columnWidth(spec, column);
  const { numberFormat } = columnTypeBehaviour(column.type);
  // 'General' is every cell's default: setting it would only add a style.
  if (numberFormat !== 'General') sheetColumn.numFmt = numberFormat;
}
