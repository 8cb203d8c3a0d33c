import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { CellValue } from '../../../functions/src/domain/forms/cell-parser.js';
import { COLUMN_TYPE_BEHAVIOUR, columnTypeBehaviour } from '../../../functions/src/domain/forms/column-types.js';
import {
  COLUMN_TYPES,
  columnSpecSchema,
  type ColumnSpec,
  type ColumnType,
  type EnumOption,
} from '../../../functions/src/domain/forms/form-spec.js';
import { SUMMARY_FORMATS } from '../../../functions/src/domain/summary/summary-model.js';

type ColumnExtra = Partial<ColumnSpec>;

const OPTIONS: EnumOption[] = [
  { value: 'Tổng phụ trách Đội', aliases: ['TPT'] },
  { value: 'Giáo viên', aliases: [] },
];
/** A letter only Vietnamese writes: a reason without one is not Vietnamese. */
const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/iu;

function columnOf(type: ColumnType, extra: Partial<ColumnExtra> = {}): ColumnSpec {
  const options = type === 'enum' || type === 'multi-enum' ? { options: OPTIONS } : {};
  return columnSpecSchema.parse({ key: 'cot', header: 'Cột thử', type, ...options, ...extra });
}

/** Per type: a canonical cell and its stored value, and a wrong cell. */
const EXAMPLES: Record<
  ColumnType,
  { readonly good: RawCell; readonly value: CellValue; readonly wrong: RawCell; readonly column?: Partial<ColumnExtra> }
> = {
  text: {
    good: 'Nguyễn Văn A',
    value: 'Nguyễn Văn A',
    wrong: 'Một câu dài quá hai mươi ký tự',
    column: { maxLength: 20 },
  },
  int: { good: 'Cột thử 25', value: 25, wrong: 'hai mươi' },
  decimal: { good: '12,5', value: 12.5, wrong: 'mười' },
  money: { good: '1,9 triệu', value: 1_900_000, wrong: 'nhiều tiền' },
  date: { good: '15/09/2024', value: '2024-09-15', wrong: '31/02/2024' },
  time: { good: '14g00', value: '14:00', wrong: '25:00' },
  datetime: { good: '10:00 15/09/2024', value: '2024-09-15T10:00', wrong: '15/09/2024 lúc trưa' },
  month: { good: '4/2020', value: '2020-04', wrong: '13/2020' },
  enum: { good: 'TPT', value: 'Tổng phụ trách Đội', wrong: 'Hiệu trưởng' },
  'multi-enum': { good: 'TPT, Giáo viên', value: ['Tổng phụ trách Đội', 'Giáo viên'], wrong: 'Bảo vệ' },
  phone: { good: '0983 018 027', value: '0983018027', wrong: '12345' },
  email: { good: 'nguyenvana@gmail.com', value: 'nguyenvana@gmail.com', wrong: 'nguyenvana@' },
  bool: { good: 'Có', value: true, wrong: 'có lẽ' },
};

const VI_NAMES: Record<ColumnType, string> = {
  text: 'Chữ',
  int: 'Số nguyên',
  decimal: 'Số thập phân',
  money: 'Số tiền',
  date: 'Ngày',
  time: 'Giờ',
  datetime: 'Ngày giờ',
  month: 'Tháng',
  enum: 'Lựa chọn',
  'multi-enum': 'Nhiều lựa chọn',
  phone: 'Số điện thoại',
  email: 'Email',
  bool: 'Có/Không',
};

describe('column type registry', () => {
  it('has exactly one record per column type', () => {
    expect(Object.keys(COLUMN_TYPE_BEHAVIOUR).sort()).toEqual([...COLUMN_TYPES].sort());
  });

  it.each(COLUMN_TYPES)('%s: Vietnamese name, description, number format, width and summary format', (type) => {
    const behaviour = columnTypeBehaviour(type);
    const column = columnOf(type, EXAMPLES[type].column);
    expect(behaviour.viName).toBe(VI_NAMES[type].normalize('NFC'));
    const description = behaviour.describe(column, OPTIONS);
    expect(description.trim()).not.toBe('');
    expect(description).toBe(description.normalize('NFC'));
    expect(behaviour.numberFormat).not.toBe('');
    expect(Number.isInteger(behaviour.width(column)) && behaviour.width(column) > 0).toBe(true);
    expect(SUMMARY_FORMATS).toContain(behaviour.summaryFormat);
  });

  it.each(COLUMN_TYPES)(
    '%s: the parser accepts its canonical example and rejects a wrong one in Vietnamese',
    (type) => {
      const { good, value, wrong, column: extra } = EXAMPLES[type];
      const { parse } = columnTypeBehaviour(type);
      const column = columnOf(type, extra);
      expect(parse(good, column, OPTIONS)).toEqual({ ok: true, value });
      const rejected = parse(wrong, column, OPTIONS);
      expect(rejected.ok).toBe(false);
      const reason = rejected.ok ? '' : rejected.reason;
      expect(reason).toMatch(VIETNAMESE_LETTER);
      expect(reason).toBe(reason.normalize('NFC'));
    },
  );

  it.each(COLUMN_TYPES)('%s: every example its description gives is accepted by its parser', (type) => {
    const behaviour = columnTypeBehaviour(type);
    const column = columnOf(type, EXAMPLES[type].column);
    const [, examples] = /ví dụ (.+)$/u.exec(behaviour.describe(column, OPTIONS)) ?? [];
    for (const example of examples?.split(' hoặc ') ?? []) {
      expect(behaviour.parse(example, column, OPTIONS), example).toMatchObject({ ok: true });
    }
  });

  it('phones keep their leading zero and money shows đồng in written sheets', () => {
    expect(COLUMN_TYPE_BEHAVIOUR.phone.numberFormat).toBe('@');
    expect(COLUMN_TYPE_BEHAVIOUR.money.numberFormat).toBe('#,##0 "đ"');
    expect(COLUMN_TYPE_BEHAVIOUR.date.numberFormat).toBe('dd/mm/yyyy');
  });
});

describe('column type validations (the neutral shape both spreadsheet writers translate)', () => {
  it.each<[string, ColumnType, Partial<ColumnExtra>, unknown]>([
    [
      'a bounded whole number warns with the bounds',
      'int',
      { min: 1, max: 28 },
      { kind: 'number', whole: true, min: 1, max: 28, message: "Cột 'Cột thử' cần số nguyên từ 1 đến 28." },
    ],
    [
      'a decimal with only a minimum',
      'decimal',
      { min: 0 },
      { kind: 'number', whole: false, min: 0, message: "Cột 'Cột thử' cần số từ 0 trở lên." },
    ],
    [
      'a decimal with only a maximum',
      'decimal',
      { max: 7.5 },
      { kind: 'number', whole: false, max: 7.5, message: "Cột 'Cột thử' cần số không quá 7.5." },
    ],
    ['an unbounded number gets no rule', 'int', {}, { kind: 'none' }],
    [
      'a choice offers its option values',
      'enum',
      {},
      {
        kind: 'list',
        values: ['Tổng phụ trách Đội', 'Giáo viên'],
        inline: false,
        prompt: 'Chọn trong danh sách (có thể gõ tên viết tắt).',
      },
    ],
    [
      'several choices say how to type them',
      'multi-enum',
      {},
      {
        kind: 'list',
        values: ['Tổng phụ trách Đội', 'Giáo viên'],
        inline: false,
        prompt: 'Chọn trong danh sách; nhiều lựa chọn thì gõ cách nhau bằng dấu phẩy.',
      },
    ],
    ['yes/no is a short inline list', 'bool', {}, { kind: 'list', values: ['Có', 'Không'], inline: true }],
    ['a date gets no rule (typed text such as 15/9/2024 is read by the parser)', 'date', {}, { kind: 'none' }],
  ])('%s', (_name, type, extra, expected) => {
    expect(columnTypeBehaviour(type).validation(columnOf(type, extra), OPTIONS)).toEqual(expected);
  });

  it('a choice column without options gets no dropdown', () => {
    expect(columnTypeBehaviour('enum').validation(columnOf('enum'), [])).toEqual({ kind: 'none' });
  });
});

describe('column type summary values', () => {
  it.each<[ColumnType, CellValue, unknown]>([
    ['date', '2024-09-15', new Date('2024-09-14T17:00:00Z')],
    ['datetime', '2024-09-15T10:00', new Date('2024-09-15T03:00:00Z')],
    ['month', '2020-04', '4/2020'],
    ['phone', '0983018027', '0983 018 027'],
    ['multi-enum', ['Tổng phụ trách Đội', 'Giáo viên'], 'Tổng phụ trách Đội; Giáo viên'],
    ['money', 1_900_000, 1_900_000],
    ['bool', true, true],
  ])('%s %j', (type, stored, shown) => {
    expect(columnTypeBehaviour(type).summaryValue(stored)).toEqual(shown);
  });
});
