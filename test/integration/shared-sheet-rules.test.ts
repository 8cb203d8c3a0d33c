import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { sharedSourceId } from '../../functions/src/domain/shared/shared-source.js';
import { sweepWithShared } from '../../functions/src/jobs/sweep/sweep-with-shared.js';
import { testUnit } from '../support/builders.js';
import { testFirestore } from '../support/firestore.js';
import { RULE_SHEET_ADAPTERS, type RuleSheets } from '../support/rule-sheets.js';
import { titled, type TestCell } from '../support/workbooks.js';
import { rulePlans } from '../unit/rules/rule-plans.js';

/**
 * Seed 003's rules when the evaluations come from one shared responses sheet for every chi đoàn: each
 * routed unit's rows are checked against that unit's own registration (from its file), one evaluation
 * per member per phase within the unit, and a phase is complete when the unit's members are covered.
 * A name registered by another chi đoàn does not count, and the same person in two chi đoàn is no repeat.
 */

const { registration, evaluation } = rulePlans();
const FORMS = [registration, evaluation];
const TAB = 'Câu trả lời';
const HEADER = ['Dấu thời gian', 'Đơn vị', 'Đợt', 'Họ và tên', 'Ngày sinh', 'Kết quả'];
const STATUS_COLUMN = HEADER.length;
const ROWS: TestCell[][] = [
  ['28/03/2014 09:00:00', 'Chi đoàn Khu phố 1', 'Đợt I', 'Nguyễn Văn An', '02/01/2000', 'Hoàn thành tốt'],
  ['28/03/2014 09:05:00', 'Chi đoàn Khu phố 2', 'Đợt I', 'Nguyễn Văn An', '02/01/2000', 'Hoàn thành tốt'],
  ['28/03/2014 09:10:00', 'Chi đoàn Khu phố 1', 'Đợt I', 'Phạm Văn Dũng', '05/06/2002', 'Hoàn thành'],
  ['28/03/2014 09:15:00', 'Chi đoàn Khu phố 1', 'Đợt I', 'nguyen van an', '02/01/2000', 'Không hoàn thành'],
  ['28/03/2014 09:20:00', 'Chi đoàn Khu phố 2', 'Đợt I', 'Phạm Văn Dũng', '05/06/2002', 'Hoàn thành'],
  ['28/03/2014 09:25:00', 'Chi đoàn Khu phố 1', 'Đợt I', 'Trần Thị Bình', '03/04/2001', 'Hoàn thành'],
];
const REGISTERED: Readonly<Record<string, readonly string[]>> = {
  'cd-kp1': ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Cường'],
  'cd-kp2': ['Nguyễn Văn An', 'Phạm Văn Dũng'],
};
const FILE_TIME = new Date('2014-03-28T03:00:00Z');
const NOW = new Date('2014-03-30T02:00:00Z');
const UNITS = [
  testUnit('cd-kp1', { name: 'Chi đoàn Khu phố 1', type: 'chi-doan' }),
  testUnit('cd-kp2', { name: 'Chi đoàn Khu phố 2', type: 'chi-doan' }),
];
const registrationTab = (unitId: string) => ({
  name: registration.tab,
  rows: titled(
    'ĐĂNG KÝ RÈN LUYỆN',
    ['STT', 'Họ và tên', 'Nội dung đăng ký'],
    (REGISTERED[unitId] ?? []).map((name, i) => [i + 1, name, '05 tiêu chí']),
  ),
});

describe.each(RULE_SHEET_ADAPTERS)('cross-form rules on a shared responses sheet: %s', (_name, make) => {
  const firestore = testFirestore('shared-sheet-rules');
  let adapter: RuleSheets;
  const run = (now: Date) =>
    sweepWithShared({
      units: adapter.units,
      forms: FORMS,
      source: adapter.sheets(),
      store: new FirestoreSweepStore(firestore.db),
      now,
      shared: { sources: adapter.sources, sheets: adapter.sheets(), registry: adapter.units },
    });
  const evaluationOf = async (unitId: string) =>
    (await firestore.db.collection('submissions').doc(`${evaluation.id}~dot-1~${unitId}`).get()).data();

  beforeAll(async () => {
    adapter = await make({
      shared: [
        {
          formId: evaluation.id,
          file: 'danh-gia-chung.xlsx',
          title: 'Đánh giá rèn luyện (câu trả lời)',
          tab: { name: TAB, rows: [HEADER, ...ROWS] },
        },
      ],
      units: UNITS,
      unitTabs: (unitId) => [registrationTab(unitId)],
      at: FILE_TIME,
    });
    await run(NOW);
  });
  afterAll(async () => {
    await adapter.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it("checks each chi đoàn's rows against its own registration: a name only the other chi đoàn registered is refused", async () => {
    const statuses = await adapter.column(evaluation.id, TAB, STATUS_COLUMN);
    expect(statuses[3]).toContain(
      '«Phạm Văn Dũng» chưa có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014» của đơn vị',
    );
    expect(statuses[5]).toBe('✓ Hợp lệ (Chi đoàn Khu phố 2)');
  });

  it('refuses a second evaluation of one member in one phase within the chi đoàn, never across chi đoàn', async () => {
    const statuses = await adapter.column(evaluation.id, TAB, STATUS_COLUMN);
    expect(statuses[4]).toContain(
      'Họ và tên «nguyen van an», Ngày sinh «02/01/2000» trùng với dòng 2 trong cùng kỳ Đợt I',
    );
    expect(statuses[1]).toBe('✓ Hợp lệ (Chi đoàn Khu phố 1)');
    expect(statuses[2]).toBe('✓ Hợp lệ (Chi đoàn Khu phố 2)');
  });

  it("counts a phase complete only when it covers the chi đoàn's registered members", async () => {
    expect(await evaluationOf('cd-kp1')).toMatchObject({
      complete: false,
      uncovered: 1,
      counts: { read: 4, valid: 2, rejected: 2 },
    });
    expect(await evaluationOf('cd-kp2')).toMatchObject({
      complete: true,
      uncovered: 0,
      counts: { read: 2, valid: 2, rejected: 0 },
    });
  });

  it('a member the chi đoàn registers later makes its evaluation row acceptable on the next sweep, though the shared sheet did not change', async () => {
    const later = new Date(NOW.getTime() + 3_600_000);
    const registered = REGISTERED['cd-kp1'] ?? [];
    await adapter.edit(
      'cd-kp1',
      registration.tab,
      5 + registered.length,
      [[registered.length + 1, 'Phạm Văn Dũng', '05 tiêu chí']],
      later,
    );
    const swept = await run(new Date(later.getTime() + 60_000));
    expect(swept.units.find((u) => u.unitId === sharedSourceId(evaluation.id))?.outcome).toBe('read');
    expect((await adapter.column(evaluation.id, TAB, STATUS_COLUMN))[3]).toBe('✓ Hợp lệ (Chi đoàn Khu phố 1)');
    expect(await evaluationOf('cd-kp1')).toMatchObject({ counts: { read: 4, valid: 3, rejected: 1 } });
  });
});
