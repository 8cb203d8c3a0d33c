import type ExcelJS from 'exceljs';
import type { RawCell } from '../../domain/cells/raw-cell.js';

/**
 * Convert an exceljs cell value to the domain's RawCell: formulas become their cached
 * result, rich text and hyperlinks their plain text, error values `{ error }`.
 */
export function rawCellOf(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return null;
    return typeof result === 'object' && !(result instanceof Date) ? { error: String(result.error) } : result;
  }
  if ('hyperlink' in value) return rawCellOf((value as ExcelJS.CellHyperlinkValue).text);
  return null;
}
