import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { submissionId } from '../../functions/src/domain/ids/document-ids.js';
import { sharedSourceId } from '../../functions/src/domain/shared/shared-source.js';
import { ingestUnit } from '../../functions/src/jobs/ingest/ingest-unit.js';
import { sweepWithShared } from '../../functions/src/jobs/sweep/sweep-with-shared.js';
import { testUnit } from '../support/builders.js';
import { testFirestore } from '../support/firestore.js';
import { RULE_SHEET_ADAPTERS, type RuleSheets } from '../support/rule-sheets.js';
import { titled, type TestCell } from '../support/workbooks.js';
import { rulePlans } from '../unit/rules/rule-plans.js';

/**
 * Seed 003 with the registration collected through a shared responses sheet and the evaluations in each
 * chi đoàn's own file (issue 15). The evaluation is checked against the registration as this sweep stores
 * it, not as the last one did: a member registered in the shared sheet is seen in the same sweep, and a
 * re-run changes nothing. A chi đoàn that never registered anyone is not "Đủ".
 */

const { registration, evaluation } = rulePlans();
const FORMS = [registration, evaluation];
const REG_TAB = 'Đăng ký chung';
const REG_HEADER = ['Dấu thời gian', 'Đơn vị', 'STT', 'Họ và tên', 'Nội dung đăng ký'];
const EVAL_HEADER = ['Đợt', 'Họ và tên', 'Ngày sinh', 'Kết quả'];
const KP1 = 'Chi đoàn Khu phố 1';
const REG_ROWS: TestCell[][] = [['20/03/2014 09:00:00', KP1, 1, 'Nguyễn Văn An', '05 tiêu chí']];
/** Trần Thị Bình registered later, in the shared sheet only. */
const BINH_REGISTERED: TestCell[] = ['29/03/2014 10:00:00', KP1, 2, 'Trần Thị Bình', '05 tiêu chí'];
const EVALUATIONS: Readonly<Record<string, TestCell[][]>> = {
  'cd-kp1': [
    ['Đợt I', 'Nguyễn Văn An', '02/01/2000', 'Hoàn thành tốt'],
    ['Đợt I', 'Trần Thị Bình', '03/04/2001', 'Hoàn thành'],
  ],
  // Never registered anyone, in the shared sheet or anywhere else.
  'cd-kp2': [['Đợt I', 'Võ Thị Em', '02/01/2000', 'Hoàn thành tốt']],
};
const FILE_TIME = new Date('2014-03-28T03:00:00Z');
const NOW = new Date('2014-03-30T02:00:00Z');
const LATER = new Date('2014-03-30T05:00:00Z');
const UNITS = [
  testUnit('cd-kp1', { name: KP1, type: 'chi-doan' }),
  testUnit('cd-kp2', { name: 'Chi đoàn Khu phố 2', type: 'chi-doan' }),
];
const evaluationTab = (unitId: string) => ({
  name: evaluation.tab,
  rows: titled('ĐÁNH GIÁ RÈN LUYỆN', EVAL_HEADER, EVALUATIONS[unitId] ?? []),
});

describe.each(RULE_SHEET_ADAPTERS)('shared registration, evaluations in the units’ own files: %s', (_name, make) => {
  const firestore = testFirestore('shared-rules-own-file');
  let sheets: RuleSheets;
  const run = (now: Date) =>
    sweepWithShared({
      units: sheets.units,
      forms: FORMS,
      source: sheets.sheets(),
      store: new FirestoreSweepStore(firestore.db),
      now,
      shared: { sources: sheets.sources, sheets: sheets.sheets(), registry: sheets.units },
    });
  const evaluationOf = async (unitId: string) =>
    (
      await firestore.db
        .collection('submissions')
        .doc(submissionId(evaluation.id, 'dot-1', unitId))
        .get()
    ).data();
  const refusedMessages = async (unitId: string) =>
    ((await evaluationOf(unitId))?.rejected ?? []).map(
      (r: { errors: { message: string }[] }) => r.errors[0]?.message ?? '',
    );

  beforeAll(async () => {
    sheets = await make({
      shared: [
        {
          formId: registration.id,
          file: 'dang-ky-chung.xlsx',
          title: 'Đăng ký rèn luyện (câu trả lời)',
          tab: { name: REG_TAB, rows: [REG_HEADER, ...REG_ROWS] },
        },
      ],
      units: UNITS,
      unitTabs: (unitId) => [evaluationTab(unitId)],
      at: FILE_TIME,
    });
    await run(NOW);
  });
  afterAll(async () => {
    await sheets.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('the first sweep checks the own file against the registration the shared sheet gave in that sweep', async () => {
    expect(await evaluationOf('cd-kp1')).toMatchObject({
      complete: false,
      counts: { read: 2, valid: 1, rejected: 1 },
    });
    expect(await refusedMessages('cd-kp1')).toEqual([
      expect.stringContaining('«Trần Thị Bình» chưa có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014» của đơn vị'),
    ]);
  });

  it('a chi đoàn with no registration anywhere is not "Đủ"', async () => {
    expect(await evaluationOf('cd-kp2')).toMatchObject({
      complete: false,
      coverageGap: 'not-sent',
      counts: { read: 1, valid: 1, rejected: 0 },
    });
  });

  const expectQuietRerun = async (now: Date) => {
    const again = await run(now);
    expect(again.units.map((u) => [u.unitId, u.outcome])).toEqual([
      ['cd-kp1', 'unchanged'],
      ['cd-kp2', 'unchanged'],
      [sharedSourceId(registration.id), 'unchanged'],
    ]);
    expect(again.totals.writes).toBe(0);
  };

  it('a re-run changes nothing: no sheet read, no write', async () => {
    await expectQuietRerun(new Date(NOW.getTime() + 60_000));
  });

  it('a member registered in the shared sheet is seen by the own file’s evaluation in the same sweep', async () => {
    await sheets.edit(registration.id, REG_TAB, 2 + REG_ROWS.length, [BINH_REGISTERED], LATER);
    const swept = await run(new Date(LATER.getTime() + 60_000));
    const outcome = (id: string) => swept.units.find((u) => u.unitId === id)?.outcome;
    expect(outcome(sharedSourceId(registration.id))).toBe('read');
    expect(outcome('cd-kp1')).toBe('read');
    // Its registration did not change: its file is not read again.
    expect(outcome('cd-kp2')).toBe('unchanged');
    expect(await evaluationOf('cd-kp1')).toMatchObject({
      complete: true,
      uncovered: 0,
      counts: { read: 2, valid: 2, rejected: 0 },
    });
  });

  it('a re-run after the change changes nothing', async () => {
    await expectQuietRerun(new Date(LATER.getTime() + 120_000));
  });

  it('the webhook’s one-unit sweep checks the own file against the shared registration too, and the next sweep agrees', async () => {
    const at = new Date(LATER.getTime() + 3_600_000);
    const unregistered: TestCell[] = ['Đợt I', 'Lê Minh Cường', '05/06/2002', 'Hoàn thành'];
    await sheets.edit('cd-kp1', evaluation.tab, 7, [unregistered], at);
    const unit = sheets.units.find((u) => u.id === 'cd-kp1');
    if (!unit) throw new Error('no cd-kp1');
    await ingestUnit({
      action: 'edit',
      unit,
      units: sheets.units,
      forms: FORMS,
      sharedSources: sheets.sources,
      settings: { districtName: 'Quận Đoàn 8', officeEmail: '', contactName: '', contactPhone: '' },
      sheets: sheets.sheets(),
      sweepStore: new FirestoreSweepStore(firestore.db),
      store: new FirestoreSummaryStore(firestore.db),
      now: new Date(at.getTime() + 60_000),
    });
    expect(await evaluationOf('cd-kp1')).toMatchObject({ counts: { read: 3, valid: 2, rejected: 1 } });
    expect(await refusedMessages('cd-kp1')).toEqual([
      `Dòng 7, cột Họ và tên: «Lê Minh Cường» chưa có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014» của đơn vị. Hãy ghi đúng như ở trang '${REG_TAB}', hoặc thêm vào trang đó trước.`,
    ]);
    await expectQuietRerun(new Date(at.getTime() + 120_000));
  });
});
