import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { sharedSourceId } from '../../functions/src/domain/shared/shared-source.js';
import { sweepWithShared } from '../../functions/src/jobs/sweep/sweep-with-shared.js';
import { testUnit } from '../support/builders.js';
import { testFirestore } from '../support/firestore.js';
import { RULE_SHEET_ADAPTERS, type RuleSheets } from '../support/rule-sheets.js';
import { type TestCell } from '../support/workbooks.js';
import { rulePlans } from '../unit/rules/rule-plans.js';

/**
 * Seed 003 with both forms collected through shared sheets (issue 15): the registration sheet and the
 * evaluation sheet. An evaluation of a member whose registration row is refused points to that row; a
 * registration changed in a sweep is seen by the evaluation in that same sweep; a re-run changes nothing.
 */

const { registration, evaluation } = rulePlans();
const FORMS = [registration, evaluation];
const REG_TAB = 'Đăng ký chung';
const EVAL_TAB = 'Đánh giá chung';
const REG_HEADER = ['Dấu thời gian', 'Đơn vị', 'STT', 'Họ và tên', 'Nội dung đăng ký'];
const EVAL_HEADER = ['Dấu thời gian', 'Đơn vị', 'Đợt', 'Họ và tên', 'Ngày sinh', 'Kết quả'];
const KP1 = 'Chi đoàn Khu phố 1';
const REG_ROWS: TestCell[][] = [
  ['20/03/2014 09:00:00', KP1, 1, 'Nguyễn Văn An', '05 tiêu chí'],
  // STT is not a whole number: the row is refused, though it names the member.
  ['20/03/2014 09:05:00', KP1, 'hai', 'Trần Thị Bình', '05 tiêu chí'],
];
/** Row 3 corrected and a member added at row 4, in one edit. */
const REG_ROWS_LATER: TestCell[][] = [
  REG_ROWS[0] as TestCell[],
  ['20/03/2014 09:05:00', KP1, 2, 'Trần Thị Bình', '05 tiêu chí'],
  ['29/03/2014 10:00:00', KP1, 3, 'Lê Minh Cường', '05 tiêu chí'],
];
const EVAL_ROWS: TestCell[][] = [
  ['28/03/2014 09:00:00', KP1, 'Đợt I', 'Nguyễn Văn An', '02/01/2000', 'Hoàn thành tốt'],
  ['28/03/2014 09:05:00', KP1, 'Đợt I', 'Trần Thị Bình', '03/04/2001', 'Hoàn thành'],
  ['28/03/2014 09:10:00', KP1, 'Đợt I', 'Lê Minh Cường', '05/06/2002', 'Hoàn thành'],
];
const FILE_TIME = new Date('2014-03-28T03:00:00Z');
const NOW = new Date('2014-03-30T02:00:00Z');
const LATER = new Date('2014-03-30T05:00:00Z');
const UNITS = [testUnit('cd-kp1', { name: KP1, type: 'chi-doan' })];
/** What the evaluation row says of 'Trần Thị Bình' (the status column shows it after "✗ Cột Họ và tên: "). */
const REFUSED_SAID =
  `«Trần Thị Bình» có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014» ở dòng 3 của trang '${REG_TAB}', ` +
  `nhưng dòng đó đang bị từ chối nên chưa được tính. Hãy sửa dòng 3 của trang '${REG_TAB}' trước; dòng này sẽ được nhận khi dòng đó hợp lệ.`;

describe.each(RULE_SHEET_ADAPTERS)('shared registration and shared evaluation: %s', (_name, make) => {
  const firestore = testFirestore('shared-rules-same-sweep');
  let sheets: RuleSheets;
  const run = (now: Date) =>
    sweepWithShared({
      units: UNITS,
      forms: FORMS,
      source: sheets.sheets(),
      store: new FirestoreSweepStore(firestore.db),
      now,
      shared: { sources: sheets.sources, sheets: sheets.sheets(), registry: UNITS },
    });
  const evaluationOf = async () =>
    (await firestore.db.collection('submissions').doc(`${evaluation.id}~dot-1~cd-kp1`).get()).data();

  beforeAll(async () => {
    sheets = await make({
      // The evaluation is declared first: the sweep still reads the registration before it.
      shared: [
        {
          formId: evaluation.id,
          file: 'danh-gia-chung.xlsx',
          title: 'Đánh giá rèn luyện (câu trả lời)',
          tab: { name: EVAL_TAB, rows: [EVAL_HEADER, ...EVAL_ROWS] },
        },
        {
          formId: registration.id,
          file: 'dang-ky-chung.xlsx',
          title: 'Đăng ký rèn luyện (câu trả lời)',
          tab: { name: REG_TAB, rows: [REG_HEADER, ...REG_ROWS] },
        },
      ],
      units: [],
      unitTabs: () => [],
      at: FILE_TIME,
    });
    await run(NOW);
  });
  afterAll(async () => {
    await sheets.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('an evaluation of a member whose registration row is refused points to that row, not "chưa có"', async () => {
    const statuses = await sheets.column(evaluation.id, EVAL_TAB, EVAL_HEADER.length);
    expect(statuses[2]).toBe(`${KP1}: ✗ Cột Họ và tên: ${REFUSED_SAID}`);
    expect(statuses[2]).not.toContain('chưa có');
    expect(statuses[3]).toContain('«Lê Minh Cường» chưa có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014»');
    expect(statuses[1]).toBe(`✓ Hợp lệ (${KP1})`);
    const stored = await evaluationOf();
    expect(stored?.rejected.map((r: { errors: { message: string }[] }) => r.errors[0]?.message)).toContain(
      `Dòng 3, cột Họ và tên: ${REFUSED_SAID}`,
    );
  });

  const expectQuietRerun = async (now: Date) => {
    const again = await run(now);
    expect(again.units.map((u) => u.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(again.totals.writes).toBe(0);
  };

  it('a re-run after the first sweep changes nothing: both sheets unchanged, no write', async () => {
    await expectQuietRerun(new Date(NOW.getTime() + 60_000));
  });

  it('a registration corrected and added to is seen by the evaluation in the same sweep', async () => {
    await sheets.edit(registration.id, REG_TAB, 3, REG_ROWS_LATER.slice(1), LATER);
    const swept = await run(new Date(LATER.getTime() + 60_000));
    const outcome = (formId: string) => swept.units.find((u) => u.unitId === sharedSourceId(formId))?.outcome;
    expect(outcome(registration.id)).toBe('read');
    expect(outcome(evaluation.id)).toBe('read');
    const statuses = await sheets.column(evaluation.id, EVAL_TAB, EVAL_HEADER.length);
    expect(statuses.slice(1, 4)).toEqual([`✓ Hợp lệ (${KP1})`, `✓ Hợp lệ (${KP1})`, `✓ Hợp lệ (${KP1})`]);
    expect(await evaluationOf()).toMatchObject({ counts: { read: 3, valid: 3, rejected: 0 } });
  });

  it('a re-run after the change changes nothing', async () => {
    await expectQuietRerun(new Date(LATER.getTime() + 120_000));
  });
});
