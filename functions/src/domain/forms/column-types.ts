import type { CellParse, RawCell } from '../cells/raw-cell.js';
import { withoutHeaderWord } from '../cells/header-word.js';
import { formatVietnameseNumber } from '../cells/number-format.js';
import { parseText } from '../cells/text.js';
import { parseInteger, parseDecimal, type NumberBounds } from '../cells/number.js';
import { formatVietnameseMoney, parseVietnameseMoney } from '../cells/money.js';
import { parseVietnameseDate } from '../cells/date.js';
import { parseVietnameseTime } from '../cells/time.js';
import { parseVietnameseDateTime } from '../cells/datetime.js';
import { parseVietnameseMonth } from '../cells/month.js';
import { matchEnumOption, matchMultiEnum } from '../cells/enum.js';
import { formatVietnamesePhone, parseVietnamesePhone } from '../cells/phone.js';
import { parseEmail } from '../cells/email.js';
import { parseVietnameseBool } from '../cells/bool.js';
import { monthLabel } from '../periods/period-id.js';
import type { SummaryCell, SummaryFormat } from '../summary/summary-model.js';
import { ictInstant } from '../time/ict.js';
import type { CellValue } from './cell-parser.js';
import { NO_VALIDATION, numberValidation, optionListValidation, type ColumnValidation } from './column-validation.js';
import type { ColumnSpec, ColumnType, EnumOption } from './form-spec.js';

/**
 * Everything the tool does differently for one column type, in one record: how a cell is
 * read, how the help tab explains it, how the sheet formats and checks it, how the summary
 * shows it. Adding a type to COLUMN_TYPES does not compile until its record exists here.
 * `options` are the column's choices as resolved by columnOptions (a phases form's period column chooses a phase).
 */
export interface ColumnTypeBehaviour {
  /** Vietnamese name of the type, e.g. 'Số tiền', as a plan written as a table names it. */
  readonly viName: string;
  /** Read one non-blank cell: a normalized value or a Vietnamese reason. */
  readonly parse: (cell: RawCell, column: ColumnSpec, options: readonly EnumOption[]) => CellParse<CellValue>;
  /** What to type, in Vietnamese, e.g. 'Ngày/tháng/năm, ví dụ 15/09/2024'. */
  readonly describe: (column: ColumnSpec, options: readonly EnumOption[]) => string;
  /** Spreadsheet number format of the column; 'General' keeps the default, '@' (text) keeps a leading zero. */
  readonly numberFormat: string;
  /** Usual width in characters, before the header and the options widen it. */
  readonly width: (column: ColumnSpec) => number;
  /** The check a spreadsheet applies while a unit types. */
  readonly validation: (column: ColumnSpec, options: readonly EnumOption[]) => ColumnValidation;
  /** Cells choose among the column's options, so a spec must give some. */
  readonly choosesOption: boolean;
  /** Format of the column in the summary's data tabs. */
  readonly summaryFormat: SummaryFormat;
  /** A stored value as a cell of the summary's data tabs. */
  readonly summaryValue: (value: CellValue) => SummaryCell;
}

const fixed = (width: number) => () => width;
const optionValues = (options: readonly EnumOption[]) => options.map((option) => option.value);

export const COLUMN_TYPE_BEHAVIOUR = {
  text: {
    viName: 'Chữ',
    parse: (cell, column) => parseText(cell, { maxLength: column.maxLength }),
    describe: (column) =>
      column.maxLength === undefined ? 'Chữ' : `Chữ, tối đa ${formatVietnameseNumber(column.maxLength)} ký tự`,
    numberFormat: '@',
    width: (column) =>
      column.maxLength === undefined ? 24 : column.maxLength > 300 ? 40 : column.maxLength > 100 ? 30 : 22,
    validation: () => NO_VALIDATION,
    choosesOption: false,
    summaryFormat: 'text',
    summaryValue: storedValue,
  },
  int: {
    viName: 'Số nguyên',
    parse: (cell, column) => parseInteger(withoutHeaderWord(cell, column.header), bounds(column)),
    describe: (column) => `Số nguyên${boundsText(column)}`,
    numberFormat: 'General',
    width: fixed(10),
    validation: (column) => numberValidation(column, true),
    choosesOption: false,
    summaryFormat: 'int',
    summaryValue: storedValue,
  },
  decimal: {
    viName: 'Số thập phân',
    parse: (cell, column) => parseDecimal(cell, bounds(column)),
    describe: (column) => `Số, phần thập phân sau dấu phẩy, ví dụ 12,5${boundsText(column)}`,
    numberFormat: 'General',
    width: fixed(12),
    validation: (column) => numberValidation(column, false),
    choosesOption: false,
    summaryFormat: 'decimal',
    summaryValue: storedValue,
  },
  money: {
    viName: 'Số tiền',
    // A declared minimum below 0 ('Tối thiểu' -50.000.000 on a receipts book) lets a refund be typed as a negative amount.
    parse: (cell, column) =>
      moneyWithin(parseVietnameseMoney(cell, column.min !== undefined && column.min < 0), column),
    describe: (column) =>
      `Số tiền (đồng), ví dụ 1.900.000 hoặc 1,9 triệu${column.min !== undefined || column.max !== undefined ? `;${boundsText(column)} đ` : ''}`,
    numberFormat: '#,##0 "đ"',
    width: fixed(16),
    validation: () => NO_VALIDATION,
    choosesOption: false,
    summaryFormat: 'money',
    summaryValue: storedValue,
  },
  date: {
    viName: 'Ngày',
    parse: parseVietnameseDate,
    describe: () => 'Ngày/tháng/năm, ví dụ 15/09/2024',
    numberFormat: 'dd/mm/yyyy',
    width: fixed(13),
    // No rule: a date rule would refuse typed text such as '15/9/2024', which the parser reads.
    validation: () => NO_VALIDATION,
    choosesOption: false,
    summaryFormat: 'date',
    summaryValue: fromStoredText((date) => ictInstant(date)),
  },
  time: {
    viName: 'Giờ',
    parse: parseVietnameseTime,
    describe: () => 'Giờ:phút, ví dụ 14:00 hoặc 14g00',
    numberFormat: 'hh:mm',
    width: fixed(9),
    validation: () => NO_VALIDATION,
    choosesOption: false,
    summaryFormat: 'text',
    summaryValue: storedValue,
  },
  datetime: {
    viName: 'Ngày giờ',
    parse: parseVietnameseDateTime,
    describe: () => 'Giờ và ngày, ví dụ 10:00 15/09/2024',
    numberFormat: 'dd/mm/yyyy hh:mm',
    width: fixed(17),
    validation: () => NO_VALIDATION,
    choosesOption: false,
    summaryFormat: 'datetime',
    summaryValue: fromStoredText((stamp) => ictInstant(stamp.slice(0, 10), stamp.slice(11, 16))),
  },
  month: {
    viName: 'Tháng',
    parse: parseVietnameseMonth,
    describe: () => 'Tháng/năm, ví dụ 4/2020',
    numberFormat: 'mm/yyyy',
    width: fixed(10),
    validation: () => NO_VALIDATION,
    choosesOption: false,
    summaryFormat: 'text',
    summaryValue: fromStoredText(monthLabel),
  },
  enum: {
    viName: 'Lựa chọn',
    parse: (cell, _column, options) => matchEnumOption(cell, options),
    describe: (_column, options) => `Chọn trong danh sách: ${optionValues(options).join('; ')}`,
    numberFormat: 'General',
    width: fixed(24),
    validation: (_column, options) =>
      optionListValidation(optionValues(options), 'Chọn trong danh sách (có thể gõ tên viết tắt).'),
    choosesOption: true,
    summaryFormat: 'text',
    summaryValue: storedValue,
  },
  'multi-enum': {
    viName: 'Nhiều lựa chọn',
    parse: (cell, _column, options) => matchMultiEnum(cell, options),
    describe: (_column, options) => `Chọn một hoặc nhiều, cách nhau bằng dấu phẩy: ${optionValues(options).join('; ')}`,
    numberFormat: 'General',
    width: fixed(28),
    validation: (_column, options) =>
      optionListValidation(
        optionValues(options),
        'Chọn trong danh sách; nhiều lựa chọn thì gõ cách nhau bằng dấu phẩy.',
      ),
    choosesOption: true,
    summaryFormat: 'text',
    summaryValue: storedValue,
  },
  phone: {
    viName: 'Số điện thoại',
    parse: parseVietnamesePhone,
    describe: () => 'Số điện thoại 10 chữ số, ví dụ 0983 018 027',
    numberFormat: '@',
    width: fixed(15),
    validation: () => NO_VALIDATION,
    choosesOption: false,
    summaryFormat: 'text',
    summaryValue: fromStoredText(formatVietnamesePhone),
  },
  email: {
    viName: 'Email',
    parse: parseEmail,
    describe: () => 'Địa chỉ email, ví dụ nguyenvana@gmail.com',
    numberFormat: '@',
    width: fixed(26),
    validation: () => NO_VALIDATION,
    choosesOption: false,
    summaryFormat: 'text',
    summaryValue: storedValue,
  },
  bool: {
    viName: 'Có/Không',
    parse: parseVietnameseBool,
    describe: () => 'Có hoặc Không',
    numberFormat: 'General',
    width: fixed(10),
    validation: () => ({ kind: 'list', values: ['Có', 'Không'], inline: true }),
    choosesOption: false,
    summaryFormat: 'text',
    summaryValue: storedValue,
  },
} satisfies Record<ColumnType, ColumnTypeBehaviour>;

/** The behaviour of a column's type. */
export function columnTypeBehaviour(type: ColumnType): ColumnTypeBehaviour {
  return COLUMN_TYPE_BEHAVIOUR[type];
}

/** A stored value as it is: several choices joined by '; '. */
function storedValue(value: CellValue): SummaryCell {
  return typeof value === 'object' ? value.join('; ') : value;
}

/** Convert a stored string (dates, months, phones are stored as normalized text); anything else as it is. */
function fromStoredText(convert: (text: string) => SummaryCell): (value: CellValue) => SummaryCell {
  return (value) => (typeof value === 'string' ? convert(value) : storedValue(value));
}

/** A money amount outside the column's bounds (a receipt of 0 đ) is rejected, in đồng. */
function moneyWithin(
  read: ReturnType<typeof parseVietnameseMoney>,
  column: ColumnSpec,
): ReturnType<typeof parseVietnameseMoney> {
  if (!read.ok) return read;
  if (column.min !== undefined && read.value < column.min)
    return { ok: false, reason: `phải từ ${formatVietnameseMoney(column.min)} trở lên` };
  if (column.max !== undefined && read.value > column.max)
    return { ok: false, reason: `không được lớn hơn ${formatVietnameseMoney(column.max)}` };
  return read;
}

function bounds(column: ColumnSpec): NumberBounds {
  return { min: column.min, max: column.max };
}

function boundsText(column: ColumnSpec): string {
  const { min, max } = column;
  if (min !== undefined && max !== undefined)
    return ` từ ${formatVietnameseNumber(min)} đến ${formatVietnameseNumber(max)}`;
  if (min === 0) return ' không âm';
  if (min !== undefined) return ` từ ${formatVietnameseNumber(min)} trở lên`;
  if (max !== undefined) return ` không quá ${formatVietnameseNumber(max)}`;
  return '';
}
