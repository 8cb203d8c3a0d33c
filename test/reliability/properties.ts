import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlankCell } from '../../functions/src/domain/cells/blank.js';
import type { RawCell } from '../../functions/src/domain/cells/raw-cell.js';
import { cellParserFor } from '../../functions/src/domain/forms/cell-parser.js';
import { compileForm } from '../../functions/src/domain/forms/compile-form.js';
import { COLUMN_TYPES, type ColumnSpec } from '../../functions/src/domain/forms/form-spec.js';
import { readFormTab } from '../../functions/src/domain/forms/read-form-tab.js';
import { rawCellOf } from '../../functions/src/adapters/workbook/exceljs-cell.js';
import { BUILTIN_FORMS } from '../support/forms.js';
import { tally } from './tally.js';

const VIETNAMESE = /[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/iu;

/** What spreadsheets and people actually put in cells, at their worst. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    ' ',
    '\u00a0',
    '\u200b',
    '\t\n',
    '#REF!',
    '=1+1',
    '-0',
    'NaN',
    'Infinity',
    '1.900.000 đ',
    '15/9/2024',
    'TPT',
    'Không phát sinh',
  ),
  fc.string({ unit: 'grapheme' }).map((s) => s.normalize('NFD')),
  fc.string().map((s) => `${s}\u0000\u0007\u001b${s}`),
  fc.constant('x'.repeat(50_000)),
);

const hostileCell: fc.Arbitrary<RawCell> = fc.oneof(
  hostileString,
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_VALUE,
    45_550.416_666_7,
  ),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom('#REF!', '#N/A', '#DIV/0!', '#VALUE!').map((error) => ({ error })),
);

/** exceljs cell objects, as the workbook adapter receives them, converted the way it converts them. */
const exceljsCell = fc
  .oneof(
    fc.record({
      formula: fc.string(),
      result: fc.oneof(fc.double(), fc.string(), fc.constant(undefined), fc.constant({ error: '#REF!' })),
    }),
    fc.record({ richText: fc.array(fc.record({ text: hostileString }), { maxLength: 4 }) }),
    fc.record({ text: hostileString, hyperlink: fc.webUrl() }),
    fc.record({ error: fc.constantFrom('#REF!', '#NAME?') }),
  )
  .map((value) => rawCellOf(value as never));

const anyColumn: fc.Arbitrary<ColumnSpec> = fc.constantFrom(...COLUMN_TYPES).map((type) => ({
  key: 'x',
  header: 'Cột thử',
  aliases: [],
  type,
  required: false,
  period: false,
  counter: false,
  ...(type === 'enum' || type === 'multi-enum'
    ? {
        options: [
          { value: 'Tổng phụ trách Đội', aliases: ['TPT'] },
          { value: 'Bí thư', aliases: [] },
        ],
      }
    : {}),
}));

/** The property-based half of the reliability suite (fast-check), counted in its tally. */
export function describeProperties(): void {
  describe('property: cell parsers never throw and always explain a refusal in Vietnamese', () => {
    it('holds for every column type on arbitrary cells, including exceljs formula/rich-text/error objects', () => {
      fc.assert(
        fc.property(anyColumn, fc.oneof(hostileCell, exceljsCell), (column, cell) => {
          tally.inputs++;
          let result: ReturnType<ReturnType<typeof cellParserFor>>;
          try {
            result = cellParserFor(column)(cell);
          } catch (error) {
            tally.crashes++;
            throw error;
          }
          if (!result.ok) {
            expect(result.reason.length).toBeGreaterThan(0);
            expect(result.reason).toBe(result.reason.normalize('NFC'));
            // The reason alone, before any raw value is quoted around it, is Vietnamese.
            expect(result.reason).toMatch(VIETNAMESE);
          }
        }),
        { numRuns: 3000 },
      );
    });
  });

  describe('property: every non-empty row of every built-in form ends valid, nil, rejected or footer (total, signature), never lost', () => {
    it.each(BUILTIN_FORMS.map((spec) => [spec.id, spec] as const))('%s', (_id, spec) => {
      const form = compileForm(spec);
      const header = spec.columns.map((c) => c.header);
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.oneof(hostileCell, exceljsCell), { minLength: 1, maxLength: header.length + 2 }), {
            maxLength: 8,
          }),
          (rows) => {
            tally.inputs++;
            const tab = { name: spec.tab, rows: [header, ...rows].map((cells, i) => ({ rowNumber: i + 1, cells })) };
            const reading = readFormTab(form, tab);
            // Counted independently of the reader: a row with anything typed outside the running-number column.
            const typed = rows.filter((cells) =>
              cells.some((cell, i) => !spec.columns[i]?.counter && !isBlankCell(cell)),
            ).length;
            const accounted =
              reading.valid.length + reading.rejected.length + reading.nil.length + reading.footer.length;
            tally.rowsLost += Math.abs(typed - accounted);
            expect(accounted).toBe(typed);
            expect(reading.rowsRead).toBe(typed - reading.footer.length);
            for (const row of reading.rejected) {
              expect(row.errors.length).toBeGreaterThan(0);
              for (const error of row.errors) {
                expect(error.message).toMatch(/^Dòng \d+/);
                expect(error.message).toMatch(VIETNAMESE);
              }
            }
          },
        ),
        { numRuns: 150 },
      );
    });
  });
}
