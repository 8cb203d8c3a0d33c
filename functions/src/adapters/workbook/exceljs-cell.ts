import type ExcelJS from 'exceljs';
import type { RawCell } from '../../domain/cells/raw-cell.js';

/**
 * Convert an exceljs cell value to the domain's RawCell: formulas become their cached
 * result (a formula saved without one, as openpyxl does, `{ formula }`: never an empty cell),
 * rich text and hyperlinks their plain text, error values `{ error }`.
 */
export function rawCellOf(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const { result, formula } = value as ExcelJS.CellFormulaValue;
    if (result === undefined || result === null)
      return { formula: formula ?? (value as ExcelJS.CellSharedFormulaValue).sharedFormula };
    return typeof result === 'object' && !(result instanceof Date) ? { error: String(result.error) } : result;
  }
  if ('hyperlink' in value) return rawCellOf((value as ExcelJS.CellHyperlinkValue).text);
  return null;
}
