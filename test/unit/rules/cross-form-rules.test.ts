import { describe, expect, it } from 'vitest';
import type { ValidRow } from '../../../functions/src/domain/forms/compile-form.js';
import type { TabReading } from '../../../functions/src/domain/forms/read-form-tab.js';
import { plansRows, planSheetTabs } from '../../../functions/src/domain/plans/plan-rows.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import { applyCrossFormRules } from '../../../functions/src/domain/rules/apply-cross-form-rules.js';
import { checkReferences } from '../../../functions/src/domain/rules/check-references.js';
import { checkUniqueRows } from '../../../functions/src/domain/rules/check-unique-rows.js';
import { uncoveredNote } from '../../../functions/src/domain/rules/coverage.js';
import { referencedValues } from '../../../functions/src/domain/rules/referenced-values.js';
import { buildSubmissions, hashContent } from '../../../functions/src/domain/submissions/build-submissions.js';
import { submissionStatus } from '../../../functions/src/domain/status/submission-status.js';
import { RULE_COLUMN_ROWS, RULE_PLAN_ROWS, rulePlans } from './rule-plans.js';

const { registration, evaluation, problems } = rulePlans();
const REGISTERED = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu'];
const registered = REGISTERED.map((name, i): ValidRow => ({
  rowNumber: i + 5,
  periodId: 'mot-lan',
  values: { hoVaTen: name },
}));
const evaluated = (rowNumber: number, name: string, periodId = 'dot-1', born = '2000-01-02'): ValidRow => ({
  rowNumber,
  periodId,
  values: { dot: periodId, hoVaTen: name, ngaySinh: born, ketQua: 'Hoàn thành tốt' },
});
const reading = (formId: string, valid: ValidRow[], rejected: TabReading['rejected'] = []): TabReading => ({
  formId,
  tab: formId,
  headerRowNumber: 4,
  problems: [],
  valid,
  rejected,
  nil: [],
  footer: [],
  rowsRead: valid.length + rejected.length,
});
const lookup = () => referencedValues(registration, 'Họ và tên', { valid: registered, rejected: [] });

describe('cross-form rules read from the plan tabs', () => {
  it('reads Phải có trong, Không trùng cùng and Đủ khi có mọi dòng của without a problem', () => {
    expect(problems).toEqual([]);
    const name = evaluation.columns.find((c) => c.key === 'hoVaTen');
    expect(name?.mustExistIn).toEqual({ formId: 'dang-ky-ren-luyen', column: 'Họ và tên' });
    expect(name?.uniqueWith).toEqual(['ngaySinh']);
    expect(evaluation.coverage).toEqual({ formId: 'dang-ky-ren-luyen', missingLabel: 'đoàn viên chưa đánh giá' });
  });

  it('round-trips: the plans written back into plan tabs read the same', () => {
    const again = readPlanTabs(planSheetTabs(plansRows([registration, evaluation])));
    expect(again.problems).toEqual([]);
    expect(again.plans.find((p) => p.id === evaluation.id)).toEqual(evaluation);
  });

  const withoutCoverage = RULE_PLAN_ROWS.map((r) => ({
    ...r,
    'Đủ khi có mọi dòng của': null,
    'Cách gọi phần còn thiếu': null,
  }));
  const withColumn = (changes: Record<string, string | null>) =>
    RULE_COLUMN_ROWS.map((r) =>
      r['Mã biểu mẫu'] === 'danh-gia-ren-luyen' && r['Tiêu đề cột'] === 'Họ và tên' ? { ...r, ...changes } : r,
    );
  it.each([
    [
      'a reference without the form/column shape',
      withColumn({ 'Phải có trong': 'Họ và tên' }),
      RULE_PLAN_ROWS,
      "cột 'Phải có trong': 'Họ và tên' chưa đúng dạng mã-biểu-mẫu/Tiêu đề cột",
    ],
    [
      'a reference to a plan not in use',
      withColumn({ 'Phải có trong': 'dang-ky-khac/Họ và tên' }),
      withoutCoverage,
      "biểu mẫu 'dang-ky-khac', nhưng biểu mẫu này không có hoặc không áp dụng",
    ],
    [
      'a reference to a column the other plan lacks',
      withColumn({ 'Phải có trong': 'dang-ky-ren-luyen/Số thẻ đoàn' }),
      RULE_PLAN_ROWS,
      "biểu mẫu 'dang-ky-ren-luyen' không có cột 'Số thẻ đoàn'",
    ],
    [
      'Không trùng cùng naming no column',
      withColumn({ 'Không trùng cùng': 'Chi đoàn' }),
      RULE_PLAN_ROWS,
      "cột 'Không trùng cùng': 'Chi đoàn' không phải tiêu đề một cột khác",
    ],
    [
      'coverage with no column referring to that plan',
      withColumn({ 'Phải có trong': null }),
      RULE_PLAN_ROWS,
      "không cột nào của biểu mẫu này có 'Phải có trong' trỏ tới biểu mẫu 'dang-ky-ren-luyen'",
    ],
  ])('refuses %s in Vietnamese, naming the place, and leaves that plan out', (_, columns, plans, said) => {
    const read = rulePlans(columns, plans);
    expect(read.problems.join('\n')).toContain(said);
    expect(read.evaluation).toBeUndefined();
    expect(read.registration).toBeDefined();
  });
});

describe('Phải có trong: the value is in the same unit’s rows of the other form', () => {
  it.each([
    ['the name as registered', 'Nguyễn Văn An', true],
    ['other case, no accents, extra spaces', '  nguyen  van AN ', true],
    ['a member never registered', 'Phạm Văn Dũng', false],
  ])('%s → accepted %s', (_, name, accepted) => {
    const checked = checkReferences(evaluation, [evaluated(7, name)], lookup);
    expect(checked.valid.length).toBe(accepted ? 1 : 0);
    if (!accepted) {
      expect(checked.rejected[0]?.errors[0]?.message).toBe(
        `Dòng 7, cột Họ và tên: «${name}» chưa có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014» của đơn vị. Hãy ghi đúng như ở trang 'Đăng ký rèn luyện', hoặc thêm vào trang đó trước.`,
      );
      expect(checked.rejected[0]?.cells).toMatchObject({ 'Họ và tên': name, 'Ngày sinh': '2000-01-02' });
    }
  });
});

describe('Không trùng cùng: one row per key in each period', () => {
  it.each([
    [
      'the same member and birth date in one phase',
      [evaluated(7, 'Nguyễn Văn An'), evaluated(9, 'nguyen van an')],
      [9],
    ],
    ['the same member in two phases', [evaluated(7, 'Nguyễn Văn An'), evaluated(9, 'Nguyễn Văn An', 'dot-2')], []],
    [
      'two members of one name, other birth dates',
      [evaluated(7, 'Nguyễn Văn An'), evaluated(9, 'Nguyễn Văn An', 'dot-1', '2001-05-06')],
      [],
    ],
  ])('%s: only the repeated rows are rejected', (_, rows, rejectedRows) => {
    const checked = checkUniqueRows(evaluation, rows);
    expect(checked.rejected.map((r) => r.rowNumber)).toEqual(rejectedRows);
    expect(checked.valid.length + checked.rejected.length).toBe(rows.length);
  });

  it('names both rows, the key and the phase', () => {
    const [row] = checkUniqueRows(evaluation, [evaluated(7, 'Nguyễn Văn An'), evaluated(9, 'Nguyễn Văn An')]).rejected;
    expect(row?.errors[0]?.message).toBe(
      'Dòng 9: Họ và tên «Nguyễn Văn An», Ngày sinh «02/01/2000» trùng với dòng 7 trong cùng kỳ Đợt I (tháng 3/2014); mỗi họ và tên và ngày sinh chỉ được ghi một dòng, nên dòng này không được tính. Hãy sửa hoặc xóa một trong hai dòng.',
    );
  });
});

describe('Đủ khi có mọi dòng của: a phase is complete when every registered member is evaluated', () => {
  const specs = new Map([registration, evaluation].map((s) => [s.id, s]));
  const submissionOf = (rows: ValidRow[]) => {
    const ruled = applyCrossFormRules(
      new Map([
        [registration.id, reading(registration.id, registered)],
        [evaluation.id, reading(evaluation.id, rows)],
      ]),
      specs,
    ).get(evaluation.id);
    return buildSubmissions(evaluation, 'u1', ruled!.reading, ruled!.coverage)[0]!;
  };
  it.each([
    ['1 of 3 evaluated', [evaluated(5, 'Nguyễn Văn An')], false, 2],
    [
      'all 3 evaluated, spelled loosely',
      [evaluated(5, 'Nguyễn Văn An'), evaluated(6, 'TRAN THI BINH'), evaluated(7, 'Lê Minh  Châu')],
      true,
      0,
    ],
  ])('%s: complete and uncovered as counted', (_, rows, complete, uncovered) => {
    const submission = submissionOf(rows);
    expect(submission.complete).toBe(complete);
    expect(submission.uncovered).toBe(uncovered);
  });

  it('a member added to the registration changes the evaluation’s content hash (it is checked again)', () => {
    const before = submissionOf([evaluated(5, 'Nguyễn Văn An')]).contentHash;
    const more = [...registered, { rowNumber: 9, periodId: 'mot-lan', values: { hoVaTen: 'Võ Thị Dung' } }];
    const ruled = applyCrossFormRules(
      new Map([
        [registration.id, reading(registration.id, more)],
        [evaluation.id, reading(evaluation.id, [evaluated(5, 'Nguyễn Văn An')])],
      ]),
      specs,
    ).get(evaluation.id);
    expect(buildSubmissions(evaluation, 'u1', ruled!.reading, ruled!.coverage)[0]!.contentHash).not.toBe(before);
  });

  it('the status carries the count: partial with 2 uncovered', () => {
    const submission = submissionOf([evaluated(5, 'Nguyễn Văn An')]);
    const period = { id: 'dot-1', label: 'Đợt I', due: new Date('2014-04-05T16:59:59Z') } as Parameters<
      typeof submissionStatus
    >[1];
    const facts = { ...submission, firstCompleteAt: null, lastChangedAt: new Date('2014-03-20T00:00:00Z') };
    expect(submissionStatus(facts, period, new Date('2014-03-21T00:00:00Z'))).toEqual({
      status: 'partial',
      uncovered: 2,
    });
  });

  it('a form without rules is passed through as it was read (same object)', () => {
    const plain = reading(registration.id, registered);
    expect(applyCrossFormRules(new Map([[registration.id, plain]]), specs).get(registration.id)?.reading).toBe(plain);
  });
});

describe('Đủ khi có mọi dòng của, with nothing to compare with: never "Đủ"', () => {
  const specs = new Map([registration, evaluation].map((s) => [s.id, s]));
  const period = { id: 'dot-1', label: 'Đợt I', due: new Date('2014-04-05T16:59:59Z') } as Parameters<
    typeof submissionStatus
  >[1];
  const evaluationOf = (readings: TabReading[], stored = new Map()) => {
    const ruled = applyCrossFormRules(new Map(readings.map((r) => [r.formId, r])), specs, stored).get(evaluation.id);
    return buildSubmissions(evaluation, 'u1', ruled!.reading, ruled!.coverage)[0]!;
  };
  const statusOf = (submission: ReturnType<typeof evaluationOf>) =>
    submissionStatus(
      { ...submission, firstCompleteAt: null, lastChangedAt: new Date('2014-03-20T00:00:00Z') },
      period,
      new Date('2014-03-21T00:00:00Z'),
    );
  const refusedRegistration = REGISTERED.map((name, i) => ({
    rowNumber: i + 5,
    periodId: 'mot-lan',
    cells: { STT: 'một', 'Họ và tên': name },
    errors: [{ column: 'STT', message: `Dòng ${i + 5}, cột STT: 'một' không phải số nguyên.` }],
  }));

  it('a registration never sent: the rows are kept, the phase is partial with the gap "not-sent"', () => {
    const submission = evaluationOf([reading(evaluation.id, [evaluated(5, 'Nguyễn Văn An')])]);
    expect(submission).toMatchObject({ complete: false, uncovered: 0, coverageGap: 'not-sent' });
    expect(submission.counts).toMatchObject({ valid: 1, rejected: 0 });
    expect(statusOf(submission)).toEqual({ status: 'partial', coverageGap: 'not-sent' });
  });

  it('a registration whose every row is refused: the gap is "no-valid-rows", whether read now or stored', () => {
    const now = evaluationOf([
      reading(registration.id, [], refusedRegistration),
      reading(evaluation.id, [evaluated(5, 'Nguyễn Văn An')]),
    ]);
    expect(now).toMatchObject({ complete: false, coverageGap: 'no-valid-rows' });
    const stored = evaluationOf(
      [reading(evaluation.id, [evaluated(5, 'Nguyễn Văn An')])],
      new Map([[registration.id, { valid: [], rejected: refusedRegistration }]]),
    );
    expect(stored).toMatchObject({ complete: false, coverageGap: 'no-valid-rows' });
    expect(statusOf(stored)).toEqual({ status: 'partial', coverageGap: 'no-valid-rows' });
  });

  it('a registration sent empty (no row at all) is no list either', () => {
    const submission = evaluationOf([reading(registration.id, []), reading(evaluation.id, [evaluated(5, 'An')])]);
    expect(submission).toMatchObject({ complete: false, coverageGap: 'no-valid-rows' });
  });

  it('a phase declared "Không phát sinh" stays complete without a registration', () => {
    const nil = { ...reading(evaluation.id, []), nil: [{ rowNumber: 5, periodId: 'dot-1', cells: {} }] };
    const submission = evaluationOf([nil]);
    expect(submission).toMatchObject({ complete: true, nil: true });
    expect(submission).not.toHaveProperty('coverageGap');
  });

  it('with members registered there is no gap, and the content hash is what it was before gaps existed', () => {
    const submission = evaluationOf([
      reading(registration.id, registered),
      reading(
        evaluation.id,
        REGISTERED.map((name, i) => evaluated(i + 5, name)),
      ),
    ]);
    expect(submission).toMatchObject({ complete: true, uncovered: 0 });
    expect(submission).not.toHaveProperty('coverageGap');
    const { rows, rejected, nilRows } = submission;
    expect(submission.contentHash).toBe(hashContent({ rows, rejected, nilRows, uncovered: 0 }));
  });

  it.each([
    [{ coverageGap: 'not-sent' as const }, 'Chưa có «Đăng ký rèn luyện đoàn viên 2014» để đối chiếu'],
    [{ coverageGap: 'no-valid-rows' as const }, '«Đăng ký rèn luyện đoàn viên 2014» chưa có dòng hợp lệ để đối chiếu'],
    [{ uncovered: 12 }, 'Còn 12 đoàn viên chưa đánh giá'],
  ])('the note for %o: %s', (shortfall, note) => {
    expect(uncoveredNote(evaluation, shortfall, [registration, evaluation])).toBe(note);
  });
});
