import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import type { ValidRow } from '../../../functions/src/domain/forms/compile-form.js';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import {
  readFormTab,
  type NilDeclaration,
  type RejectedRow,
  type TabReading,
} from '../../../functions/src/domain/forms/read-form-tab.js';
import {
  buildSubmissions,
  emptySubmission,
  hashContent,
} from '../../../functions/src/domain/submissions/build-submissions.js';
import { submissionId } from '../../../functions/src/domain/ids/document-ids.js';

const specs = await loadBuiltinForms();

function spec(id: string): FormSpec {
  const found = specs.find((s) => s.id === id);
  if (!found) throw new Error(`built-in form ${id} not loaded`);
  return found;
}

const BAO_CAO = spec('30-phut-bao-cao');
const UNIT = 'dtn-so-y-te';

function valid(rowNumber: number, periodId: string, soLuong = 20): ValidRow {
  return {
    rowNumber,
    periodId,
    values: { thang: periodId, tuan: 1, diaDiem: 'Hội trường', soLuong, noiDung: 'Vệ sinh', hinhThuc: 'Trực tiếp' },
  };
}

function rejected(rowNumber: number, periodId: string): RejectedRow {
  return {
    rowNumber,
    periodId,
    cells: { Tháng: '4/2019' },
    errors: [
      { column: 'Tháng', message: `Dòng ${rowNumber}, cột 'Tháng': '4/2019' nằm ngoài thời gian của kế hoạch.` },
    ],
  };
}

function reading(validRows: ValidRow[], rejectedRows: RejectedRow[], nilRows: NilDeclaration[] = []): TabReading {
  return {
    formId: BAO_CAO.id,
    tab: BAO_CAO.tab,
    headerRowNumber: 1,
    problems: [],
    valid: validRows,
    rejected: rejectedRows,
    nil: nilRows,
    footer: [],
    rowsRead: validRows.length + rejectedRows.length + nilRows.length,
  };
}

describe('submissionId', () => {
  it('is {form}~{period}~{unit}', () => {
    expect(submissionId('30-phut-bao-cao', '2020-04', UNIT)).toBe('30-phut-bao-cao~2020-04~dtn-so-y-te');
  });
});

describe('buildSubmissions', () => {
  const tab = reading(
    [valid(3, '2020-05'), valid(2, '2020-04'), valid(4, '2020-04')],
    [rejected(5, '2020-05'), rejected(6, 'chua-xac-dinh')],
  );
  const submissions = buildSubmissions(BAO_CAO, UNIT, tab);

  it('makes one submission per period, sorted by period id', () => {
    expect(submissions.map((s) => [s.id, s.formId, s.periodId, s.unitId])).toEqual([
      ['30-phut-bao-cao~2020-04~dtn-so-y-te', '30-phut-bao-cao', '2020-04', UNIT],
      ['30-phut-bao-cao~2020-05~dtn-so-y-te', '30-phut-bao-cao', '2020-05', UNIT],
      ['30-phut-bao-cao~chua-xac-dinh~dtn-so-y-te', '30-phut-bao-cao', 'chua-xac-dinh', UNIT],
    ]);
  });

  it.each<[string, { read: number; valid: number; rejected: number; nil: number }, number[], number[], boolean]>([
    ['2020-04', { read: 2, valid: 2, rejected: 0, nil: 0 }, [2, 4], [], true],
    ['2020-05', { read: 2, valid: 1, rejected: 1, nil: 0 }, [3], [5], false],
    ['chua-xac-dinh', { read: 1, valid: 0, rejected: 1, nil: 0 }, [], [6], false],
  ])(
    'period %s: counts, rows in sheet order and completeness',
    (periodId, counts, validRows, rejectedRows, complete) => {
      const submission = submissions.find((s) => s.periodId === periodId);
      expect(submission?.counts).toEqual(counts);
      expect(submission?.rows.map((r) => r.rowNumber)).toEqual(validRows);
      expect(submission?.rejected.map((r) => r.rowNumber)).toEqual(rejectedRows);
      expect(submission?.complete).toBe(complete);
    },
  );

  it('conserves the rows of the tab', () => {
    const read = submissions.reduce((sum, s) => sum + s.counts.read, 0);
    expect(read).toBe(tab.rowsRead);
    expect(submissions.reduce((sum, s) => sum + s.counts.valid, 0)).toBe(tab.valid.length);
    expect(submissions.reduce((sum, s) => sum + s.counts.rejected, 0)).toBe(tab.rejected.length);
  });

  it('makes nothing of an empty tab', () => {
    expect(buildSubmissions(BAO_CAO, UNIT, reading([], []))).toEqual([]);
  });

  it.each<[string, number, number, number, boolean]>([
    ['1 row, minRows 1', 1, 1, 0, true],
    ['2 rows, minRows 3', 3, 2, 0, false],
    ['3 rows, minRows 3', 3, 3, 0, true],
    ['4 rows, minRows 3', 3, 4, 0, true],
    ['3 rows and a rejected one, minRows 3', 3, 3, 1, false],
    ['1 row, minRows 0 (one row is always needed)', 0, 1, 0, true],
    ['only a rejected row, minRows 0', 0, 0, 1, false],
  ])('complete: %s → %s', (_label, minRows, validCount, rejectedCount, complete) => {
    const form = { ...BAO_CAO, minRows };
    const rows = Array.from({ length: validCount }, (_, i) => valid(2 + i, '2020-04'));
    const bad = Array.from({ length: rejectedCount }, (_, i) => rejected(20 + i, '2020-04'));
    const [submission] = buildSubmissions(form, UNIT, reading(rows, bad));
    expect(submission?.complete).toBe(complete);
  });

  it('builds submissions from a real tab reading', () => {
    const tabReading = readFormTab(compileForm(BAO_CAO), {
      name: 'Báo cáo 30 phút',
      rows: [
        {
          rowNumber: 1,
          cells: ['STT', 'Tháng', 'Tuần', 'Địa điểm', 'Số lượng ĐVTN tham gia', 'Nội dung', 'Hình thức'],
        },
        { rowNumber: 2, cells: [1, '4/2020', 1, 'Hội trường', 25, 'Vệ sinh', 'Trực tiếp'] },
        { rowNumber: 3, cells: [2, '4/2020', 2, 'Sân', 'nhiều', 'Trồng cây', 'Lao động'] },
        { rowNumber: 4, cells: [3, 'T5/2020', 1, 'Sân', 30, 'Sinh hoạt', 'Trực tiếp'] },
      ],
    });
    expect(buildSubmissions(BAO_CAO, UNIT, tabReading).map((s) => [s.periodId, s.counts, s.complete])).toEqual([
      ['2020-04', { read: 2, valid: 1, rejected: 1, nil: 0 }, false],
      ['2020-05', { read: 1, valid: 1, rejected: 0, nil: 0 }, true],
    ]);
  });
});

describe('contentHash', () => {
  const base = reading([valid(2, '2020-04'), valid(3, '2020-04', 30)], [rejected(4, '2020-04')]);
  const hashOf = (r: TabReading) => buildSubmissions(BAO_CAO, UNIT, r)[0]?.contentHash;
  const baseHash = hashOf(base);

  it('is a SHA-256 hex digest', () => {
    expect(baseHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for the same content read again', () => {
    expect(hashOf(reading([valid(2, '2020-04'), valid(3, '2020-04', 30)], [rejected(4, '2020-04')]))).toBe(baseHash);
  });

  it('does not depend on the order of object keys', () => {
    const reordered: ValidRow = {
      values: {
        hinhThuc: 'Trực tiếp',
        noiDung: 'Vệ sinh',
        soLuong: 20,
        diaDiem: 'Hội trường',
        tuan: 1,
        thang: '2020-04',
      },
      periodId: '2020-04',
      rowNumber: 2,
    };
    const rejectedReordered: RejectedRow = {
      errors: rejected(4, '2020-04').errors,
      cells: { Tháng: '4/2019' },
      periodId: '2020-04',
      rowNumber: 4,
    };
    expect(hashOf(reading([reordered, valid(3, '2020-04', 30)], [rejectedReordered]))).toBe(baseHash);
  });

  it.each<[string, TabReading]>([
    ['a number changed', reading([valid(2, '2020-04', 21), valid(3, '2020-04', 30)], [rejected(4, '2020-04')])],
    [
      'a text changed',
      reading(
        [
          { ...valid(2, '2020-04'), values: { ...valid(2, '2020-04').values, diaDiem: 'Hội trường ' } },
          valid(3, '2020-04', 30),
        ],
        [rejected(4, '2020-04')],
      ),
    ],
    [
      'a number became text',
      reading(
        [{ ...valid(2, '2020-04'), values: { ...valid(2, '2020-04').values, soLuong: '20' } }, valid(3, '2020-04', 30)],
        [rejected(4, '2020-04')],
      ),
    ],
    [
      'a value added',
      reading(
        [{ ...valid(2, '2020-04'), values: { ...valid(2, '2020-04').values, ketQua: 'Tốt' } }, valid(3, '2020-04', 30)],
        [rejected(4, '2020-04')],
      ),
    ],
    [
      'a row moved to another sheet row',
      reading([valid(5, '2020-04'), valid(3, '2020-04', 30)], [rejected(4, '2020-04')]),
    ],
    ['rows swapped', reading([valid(3, '2020-04', 30), valid(2, '2020-04')], [rejected(4, '2020-04')])],
    ['a row removed', reading([valid(2, '2020-04')], [rejected(4, '2020-04')])],
    [
      'a rejected cell changed',
      reading(
        [valid(2, '2020-04'), valid(3, '2020-04', 30)],
        [{ ...rejected(4, '2020-04'), cells: { Tháng: '4/2018' } }],
      ),
    ],
    ['a rejected row fixed', reading([valid(2, '2020-04'), valid(3, '2020-04', 30), valid(4, '2020-04')], [])],
    [
      'a multi-choice value reordered',
      reading(
        [
          { ...valid(2, '2020-04'), values: { ...valid(2, '2020-04').values, thamGia: ['b', 'a'] } },
          valid(3, '2020-04', 30),
        ],
        [rejected(4, '2020-04')],
      ),
    ],
  ])('changes when %s', (_label, changed) => {
    expect(hashOf(changed)).not.toBe(baseHash);
  });

  it.each<[string, unknown, unknown]>([
    ['key order', { a: 1, b: { c: 2, d: [1, 2] } }, { b: { d: [1, 2], c: 2 }, a: 1 }],
    ['an undefined key is absent', { a: 1, b: undefined }, { a: 1 }],
    ['Vietnamese keys', { Tháng: 1, Tuần: 2 }, { Tuần: 2, Tháng: 1 }],
  ])('hashContent ignores %s', (_label, a, b) => {
    expect(hashContent(a)).toBe(hashContent(b));
  });

  it.each<[string, unknown, unknown]>([
    ['1 vs "1"', { a: 1 }, { a: '1' }],
    ['true vs 1', { a: true }, { a: 1 }],
    ['array order', [1, 2], [2, 1]],
    ['two dates', { a: new Date('2024-09-15T03:00:00Z') }, { a: new Date('2024-09-16T03:00:00Z') }],
    ['a date vs an empty object', { a: new Date('2024-09-15T03:00:00Z') }, { a: {} }],
    ['null vs absent', { a: null }, {}],
    ['NFC vs NFD text', { a: 'Tháng' }, { a: 'Tháng'.normalize('NFD') }],
  ])('hashContent tells apart %s', (_label, a, b) => {
    expect(hashContent(a)).not.toBe(hashContent(b));
  });

  it('hashes the canonical JSON of rows, rejected rows and nil declarations', () => {
    const expected = createHash('sha256')
      .update('{"nilRows":[],"rejected":[],"rows":[{"periodId":"2020-04","rowNumber":2,"values":{"a":1}}]}')
      .digest('hex');
    const [submission] = buildSubmissions(
      BAO_CAO,
      UNIT,
      reading([{ rowNumber: 2, periodId: '2020-04', values: { a: 1 } }], []),
    );
    expect(submission?.contentHash).toBe(expected);
  });
});

describe('emptySubmission', () => {
  it('is what a period becomes when a unit deletes everything', () => {
    expect(emptySubmission(BAO_CAO, UNIT, '2020-04')).toEqual({
      id: '30-phut-bao-cao~2020-04~dtn-so-y-te',
      formId: '30-phut-bao-cao',
      periodId: '2020-04',
      unitId: UNIT,
      rows: [],
      rejected: [],
      nilRows: [],
      counts: { read: 0, valid: 0, rejected: 0, nil: 0 },
      nil: false,
      complete: false,
      contentHash: hashContent({ rows: [], rejected: [], nilRows: [] }),
    });
  });

  it.each([0, 1, 5])('is never complete (minRows %i)', (minRows) => {
    expect(emptySubmission({ ...BAO_CAO, minRows }, UNIT, '2020-04').complete).toBe(false);
  });

  it('has a hash different from any submission with rows, and the same for every period and unit', () => {
    const empty = emptySubmission(BAO_CAO, UNIT, '2020-04').contentHash;
    expect(emptySubmission(spec('tap-huan-2024'), 'th-luong-the-vinh', '2024-09-15').contentHash).toBe(empty);
    expect(buildSubmissions(BAO_CAO, UNIT, reading([valid(2, '2020-04')], []))[0]?.contentHash).not.toBe(empty);
    expect(buildSubmissions(BAO_CAO, UNIT, reading([], [rejected(2, '2020-04')]))[0]?.contentHash).not.toBe(empty);
  });
});
