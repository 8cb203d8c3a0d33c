import { describe, expect, it } from 'vitest';
import { SheetXmlScanner } from '../../../functions/src/adapters/workbook/sheet-xml-scanner.js';

/** Scan `xml` cut into chunks of `size` bytes (1 = every tag cut everywhere). */
function scan(xml: string, size: number) {
  const bytes = Buffer.from(xml, 'utf8');
  const scanner = new SheetXmlScanner();
  for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.subarray(i, i + size));
  return { rows: scanner.rows, cells: scanner.cells, maxColumn: scanner.maxColumn };
}

const SHEET =
  '<worksheet><dimension ref="A1:A2"/><cols><col min="1" max="3"/></cols><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Nguyễn &lt;row&gt; Văn</t></is></c><c r="C1"><v>2</v></c></row>' +
  '<row r="2" spans="1:3"><c r="B2"/><c><v>3</v></c><c s="1"/></row>' +
  '<x:row r="3"><x:c r="$AA$3"><x:v>1</x:v></x:c></x:row>' +
  '</sheetData><conditionalFormatting><cfRule type="x"/></conditionalFormatting></worksheet>';

describe('SheetXmlScanner', () => {
  it.each([1, 2, 3, 7, 64, 10_000])(
    'counts rows, cells and the highest column the same in chunks of %i bytes, ignoring <dimension>',
    (size) => {
      // Row 2: B2, then C2 and D2 follow without a reference. Row 3: AA (prefixed tags, absolute reference).
      expect(scan(SHEET, size)).toEqual({ rows: 3, cells: 6, maxColumn: 27 });
    },
  );

  it('counts a million rows that a sheet declares as two', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join(
      '',
    );
    expect(scan(`<worksheet><dimension ref="A1:A2"/><sheetData>${rows}</sheetData></worksheet>`, 16_384)).toEqual({
      rows: 50_000,
      cells: 50_000,
      maxColumn: 1,
    });
  });
});
