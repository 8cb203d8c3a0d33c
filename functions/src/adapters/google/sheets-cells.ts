import type { SummaryCell, SummaryFormat } from '../../domain/summary/summary-model.js';
import { SUMMARY_NUMBER_PATTERN, xlsxCellContent } from '../sheet-layout/summary-cells.js';
import { wallClockSerial } from '../../domain/time/calendar.js';

/**
 * A summary value as a Sheets API value: the same conversion as the .xlsx summary (status
 * symbols, NFC text, money in whole đồng, fractions for percentages), with instants as serial
 * numbers of their Asia/Ho_Chi_Minh wall clock. Written with valueInputOption RAW, a string stays
 * a string even when it starts with '=': user text never becomes a formula.
 */
export type SheetsValue = string | number;

/** The value to write for one summary cell in a column of the given format ('' = empty cell). */
export function sheetsValueOf(value: SummaryCell, format: SummaryFormat): SheetsValue {
  const content = xlsxCellContent(value, format);
  if (content.value === null) return '';
  if (content.value instanceof Date) return wallClockSerial(content.value);
  return content.value;
}

/** Sheets number format of a summary column: the workbook's patterns, shown with the spreadsheet's locale (vi_VN). */
export function sheetsNumberFormat(format: SummaryFormat): { type: string; pattern: string } {
  switch (format) {
    case 'date':
      return { type: 'DATE', pattern: SUMMARY_NUMBER_PATTERN.date };
    case 'datetime':
      return { type: 'DATE_TIME', pattern: SUMMARY_NUMBER_PATTERN.datetime };
    case 'percent':
      return { type: 'PERCENT', pattern: SUMMARY_NUMBER_PATTERN.percent };
    case 'int':
    case 'decimal':
    case 'money':
      return { type: 'NUMBER', pattern: SUMMARY_NUMBER_PATTERN[format] };
    case 'text':
    case 'status':
      return { type: 'TEXT', pattern: '@' };
  }
}

/** Whether a value read back (UNFORMATTED_VALUE) shows the same as the one to write; serials within a second. */
export function sameSheetsValue(current: unknown, wanted: SheetsValue): boolean {
  const have = current === null || current === undefined ? '' : current;
  if (typeof have === 'number' && typeof wanted === 'number') return Math.abs(have - wanted) < 1 / 86_400;
  return have === wanted;
}
