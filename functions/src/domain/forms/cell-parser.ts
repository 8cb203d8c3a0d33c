import type { CellParse, RawCell } from '../cells/raw-cell.js';
import { cleanText, foldAccents } from '../cells/fold.js';
import { parseText } from '../cells/text.js';
import { parseInteger, parseDecimal } from '../cells/number.js';
import { parseVietnameseMoney } from '../cells/money.js';
import { parseVietnameseDate } from '../cells/date.js';
import { parseVietnameseTime } from '../cells/time.js';
import { parseVietnameseDateTime } from '../cells/datetime.js';
import { parseVietnameseMonth } from '../cells/month.js';
import { matchEnumOption, matchMultiEnum } from '../cells/enum.js';
import { parseVietnamesePhone } from '../cells/phone.js';
import { parseEmail } from '../cells/email.js';
import { parseVietnameseBool } from '../cells/bool.js';
import type { ColumnSpec, EnumOption } from './form-spec.js';

/** A normalized cell value as stored in Firestore. */
export type CellValue = string | number | boolean | readonly string[];

export type CellParser = (cell: RawCell) => CellParse<CellValue>;

/** The parser for one column, chosen once when the form is compiled. */
export function cellParserFor(column: ColumnSpec, options: readonly EnumOption[] = column.options ?? []): CellParser {
  const bounds = { min: column.min, max: column.max };
  switch (column.type) {
    case 'text':
      return (cell) => parseText(cell, { maxLength: column.maxLength });
    case 'int':
      return (cell) => parseInteger(withoutHeaderWord(cell, column.header), bounds);
    case 'decimal':
      return (cell) => parseDecimal(cell, bounds);
    case 'money':
      return parseVietnameseMoney;
    case 'date':
      return parseVietnameseDate;
    case 'time':
      return parseVietnameseTime;
    case 'datetime':
      return parseVietnameseDateTime;
    case 'month':
      return parseVietnameseMonth;
    case 'enum':
      return (cell) => matchEnumOption(cell, options);
    case 'multi-enum':
      return (cell) => matchMultiEnum(cell, options);
    case 'phone':
      return parseVietnamesePhone;
    case 'email':
      return parseEmail;
    case 'bool':
      return parseVietnameseBool;
  }
}

/** Units repeat the column's name in the cell: 'Tuần 2' or 'tuần thứ 2' in the column 'Tuần' means 2. */
function withoutHeaderWord(cell: RawCell, header: string): RawCell {
  if (typeof cell !== 'string') return cell;
  const text = cleanText(cell);
  const prefix = `${foldAccents(cleanText(header))} `;
  if (!foldAccents(text).startsWith(prefix)) return cell;
  return text.slice(prefix.length).replace(/^th[ứu]\s+/iu, '');
}
