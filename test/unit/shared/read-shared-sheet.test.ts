import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import { readSharedSheet } from '../../../functions/src/domain/shared/read-shared-sheet.js';
import { routeSharedRows } from '../../../functions/src/domain/shared/route-shared-rows.js';
import { rowTimestamp } from '../../../functions/src/domain/shared/row-timestamp.js';
import { builtinForm } from '../../support/forms.js';
import { answer, responses, TRAINING_SOURCE, UNITS } from './shared-fixtures.js';

const spec = builtinForm('tap-huan-2024');
const form = compileForm(spec);

describe('routeSharedRows', () => {
  it('sends each row to the unit it names, keeping the sheet row numbers, and rejects the others with the closest names', () => {
    const tab = responses(
      answer('Liên đội TH Lương Thế Vinh'),
      answer('ltv', '14/09/2024 11:00:05'),
      answer('lien doi thcs minh duc'),
      answer('Trường Tiểu học Ngọc Lâm'),
      answer(''),
      answer('Chi đoàn Khu phố 3'),
    );
    const routing = routeSharedRows(tab, TRAINING_SOURCE, spec, UNITS);
    expect(routing.rowsIn).toBe(6);
    expect(routing.units.map((u) => [u.unit.id, u.tab.rows.map((r) => r.rowNumber)])).toEqual([
      ['th-luong-the-vinh', [1, 2, 3]],
      ['thcs-minh-duc', [1, 4]],
    ]);
    expect(routing.rejected.map((r) => r.rowNumber)).toEqual([5, 6, 7]);
    expect(routing.rejected[0]?.message).toBe(
      "Dòng 5, cột 'Đơn vị': không có đơn vị nào tên 'Trường Tiểu học Ngọc Lâm'; tên gần nhất: 'Liên đội TH Lương Thế Vinh', 'Liên đội THCS Minh Đức', 'Liên đội TH An Bình'. Hãy ghi đúng tên đơn vị như danh sách của Quận Đoàn.",
    );
    expect(routing.rejected[1]?.message).toContain('ô trống');
    expect(routing.rejected[2]?.message).toContain('không thuộc đối tượng');
    // The routing columns are blanked in the unit's tab: they are not the form's data.
    expect(routing.units[0]?.tab.rows[1]?.cells.slice(0, 3)).toEqual([null, null, 'Nguyễn Văn An']);
    expect(routing.units[0]?.timestamps.get(3)?.toISOString()).toBe('2024-09-14T04:00:05.000Z');
  });

  it('rejects every row, saying why, when the sheet has no unit column', () => {
    const tab = {
      ...responses(answer('ltv')),
      rows: responses(answer('ltv')).rows.map((r) => ({
        ...r,
        cells: r.cells.map((c) => (c === 'Đơn vị' ? 'Trường' : c)),
      })),
    };
    const routing = routeSharedRows(tab, TRAINING_SOURCE, spec, UNITS);
    expect(routing.units).toEqual([]);
    expect(routing.rejected).toHaveLength(1);
    expect(routing.problems.map((p) => p.message)).toContain(
      "Trang 'Câu trả lời biểu mẫu 1' của bảng chung 'dang-ky-tap-huan.xlsx' không có cột 'Đơn vị' để biết mỗi dòng của đơn vị nào. Hãy thêm cột này hoặc sửa 'Cột đơn vị' ở trang 'Nguồn dữ liệu' của bảng điều khiển.",
    );
  });
});

describe('readSharedSheet', () => {
  it("credits each unit with its own rows only: two schools in one file are not each given the other's", () => {
    const tab = responses(
      answer('LTV'),
      answer('LTV', undefined, 'Trần Thị Bình'),
      answer('THCS Minh Đức'),
      answer('Không rõ'),
    );
    const reading = readSharedSheet(tab, TRAINING_SOURCE, form, UNITS);
    expect(reading.submissions.map((s) => [s.unitId, s.counts.valid])).toEqual([
      ['th-luong-the-vinh', 2],
      ['thcs-minh-duc', 1],
    ]);
    expect(reading.counts).toEqual({ rowsIn: 4, read: 4, valid: 3, rejected: 1, nil: 0 });
    expect(reading.unrouted.map((r) => r.rowNumber)).toEqual([5]);
  });

  it('keeps a row with a wrong cell as that unit’s rejected row, with the sheet row number', () => {
    const bad = answer('LTV');
    bad[4] = '12345';
    const reading = readSharedSheet(responses(bad), TRAINING_SOURCE, form, UNITS);
    expect(reading.submissions[0]?.rejected.map((r) => r.rowNumber)).toEqual([2]);
    expect(reading.counts.rejected).toBe(1);
  });
});

describe('conservation across shared rows (property)', () => {
  const typedNames = fc.constantFrom(
    'LTV',
    'liên đội th lương thế vinh',
    'thcs-minh-duc',
    'Liên đội TH An Bình',
    'Chi đoàn Khu phố 3',
    'Trường lạ',
    '',
    '   ',
  );
  const phones = fc.constantFrom('0912345678', '12345', '');
  const row = fc.record({
    unit: typedNames,
    phone: phones,
    name: fc.constantFrom('Nguyễn Văn An', '', 'Lê Thị Cúc'),
    blank: fc.boolean(),
  });

  it('every non-empty row is stored for exactly one unit or rejected once, whatever the mix', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const cells = rows.map((r) =>
          r.blank ? [] : ['14/09/2024 09:00:00', r.unit, r.name, 'Tổng phụ trách Đội', r.phone],
        );
        const reading = readSharedSheet(responses(...cells), TRAINING_SOURCE, form, UNITS);
        const stored = reading.submissions.flatMap((s) => [
          ...s.rows.map((x) => x.rowNumber),
          ...s.rejected.map((x) => x.rowNumber),
          ...s.nilRows,
        ]);
        const all = [
          ...stored,
          ...reading.unrouted.map((r) => r.rowNumber),
          ...reading.footerRows.map((f) => f.rowNumber),
        ];
        expect(new Set(all).size).toBe(all.length);
        expect(all.length).toBe(rows.filter((r) => !r.blank).length);
        expect(reading.counts.rowsIn).toBe(all.length);
        expect(reading.counts.read).toBe(reading.counts.valid + reading.counts.rejected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('rowTimestamp', () => {
  it.each([
    ['14/09/2024 10:00:01', '2024-09-14T03:00:01.000Z'],
    ['4/9/2024 7:05:00', '2024-09-04T00:05:00.000Z'],
    ['14/09/2024 10:00', '2024-09-14T03:00:00.000Z'],
    [new Date(Date.UTC(2024, 8, 14, 10, 0, 1)), '2024-09-14T03:00:01.000Z'],
  ])('reads %s as Vietnam time', (cell, iso) => {
    expect(rowTimestamp(cell)?.toISOString()).toBe(iso);
  });

  it.each([[''], [null], ['31/02/2024 10:00:00'], ['hôm qua']])('has no time for %s', (cell) => {
    expect(rowTimestamp(cell)).toBeUndefined();
  });
});
